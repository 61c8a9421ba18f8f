"""The curator's screen for a whole proxy statement: upload, read in the background, review, save one or all."""
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from resolutions.models import Company, Precedent, ProxyImport

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "proxy"
URL = "/precedents/import/proxy/"


@pytest.fixture
def upload(curator_client, django_capture_on_commit_callbacks):
    """A curator's upload; the reading job it starts on commit runs then (eager Celery, as without a broker)."""
    def upload(name="harbor-lights-2026.txt", content=None):
        content = (FIXTURES / name).read_bytes() if content is None else content
        with django_capture_on_commit_callbacks(execute=True):
            return curator_client.post(URL, {"file": SimpleUploadedFile(name, content)})

    return upload


@pytest.fixture
def read(curator_client, upload):
    """Upload, then the review page the upload leads to."""
    def read(name="harbor-lights-2026.txt", content=None):
        response = upload(name, content)
        assert response.status_code == 302, response.content.decode()[:2000]
        return curator_client.get(response["Location"])

    return read


def test_the_upload_is_read_and_every_shareholder_proposal_listed_with_nothing_saved(read):
    review = read()
    assert review.status_code == 200
    proxy_import = ProxyImport.objects.get()
    assert proxy_import.status == "done" and proxy_import.progress == 100
    page = review.content.decode()
    assert [p["item"] for p in review.context["proposals"]] == ["4", "5"]
    assert "Report on Water Risk in Our Supply Chain" in page and "Simple Majority Vote" in page
    assert "Riverbend Pension Fund, represented by Clearwater Stewardship Partners" in page
    assert "Stockholders request that the board publish a report" in page
    assert "existing sustainability report" in page  # the board's statement, shown apart
    assert "Election of Directors (management proposal)" in page
    assert "“Table of Contents” — contents link" in page
    form = review.context["form"]
    assert (form["company"].value(), form["meeting_year"].value()) == ("HARBOR LIGHTS HOLDINGS, INC.", 2026)
    assert Precedent.objects.count() == 0 and Company.objects.count() == 0


def test_saving_one_then_all_then_the_same_proxy_again_updates_instead_of_duplicating(curator_client, read):
    review = read()
    url = review.request["PATH_INFO"]
    saved = curator_client.post(url, {"company": "Harbor Lights Holdings, Inc.", "meeting_year": "2026", "save": "0"},
                                follow=True)
    assert "“Report on Water Risk in Our Supply Chain” was saved in the precedent library." in saved.content.decode()
    water = Precedent.objects.get()
    assert (water.company.name, water.meeting_year) == ("Harbor Lights Holdings, Inc.", 2026)
    assert water.preamble.startswith("Riverbend Pension Fund, represented by")
    assert water.board_statement.startswith("Board of Directors' Statement in Opposition")
    assert water.board_recommendation == "against"
    assert [p.kind for p in water.parts.all()] == ["whereas", "whereas", "resolved", "supporting"]
    assert "existing sustainability report" not in " ".join(p.text for p in water.parts.all())
    assert saved.context["proposals"][0]["saved_as"] == water

    everything = curator_client.post(url, {"company": "HARBOR LIGHTS HOLDINGS, INC.", "meeting_year": "2026",
                                           "save": "all"}, follow=True)
    assert "1 proposal saved and 1 updated in the precedent library." in everything.content.decode()
    assert Precedent.objects.count() == 2 and Company.objects.count() == 1  # the company matched ignoring case

    again = read()
    assert "saving updates it" in again.content.decode()
    assert again.context["form"]["company"].value() == "Harbor Lights Holdings, Inc."  # the existing company
    curator_client.post(again.request["PATH_INFO"], {"company": "Harbor Lights Holdings, Inc.", "meeting_year": "2026",
                                                     "save": "all"})
    assert Precedent.objects.count() == 2


def test_a_save_without_company_or_year_is_refused_and_saves_nothing(curator_client, read):
    review = read()
    response = curator_client.post(review.request["PATH_INFO"], {"company": " ", "meeting_year": "", "save": "all"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert Precedent.objects.count() == 0 and Company.objects.count() == 0


def test_a_proxy_without_shareholder_proposals_says_so_and_what_was_read(read):
    page = read("no-stockholder-proposals.txt").content.decode()
    assert "No shareholder proposals found in this document" in page
    assert "company on the cover: NORTHWIND TOOLING CORPORATION" in page
    assert "Item 2: Ratification of the Appointment of Our Auditor (management proposal)" in page


def test_an_annual_report_is_said_not_to_be_a_proxy(read):
    page = read("annual-report.txt").content.decode()
    assert "does not look like a proxy statement" in page


def test_a_scanned_pdf_fails_with_the_reason_and_saves_nothing(read):
    scan = HTML(string="<p style='height: 5cm; background: black'></p>").write_pdf()
    page = read("scan.pdf", scan).content.decode()
    assert "The file could not be read:" in page and "no text" in page.lower()
    assert ProxyImport.objects.get().status == "failed"
    assert Precedent.objects.count() == 0


def test_a_pdf_is_read_page_by_page_with_its_progress_written_for_the_page(upload, monkeypatch):
    from resolutions.precedents import services

    written = []
    record = services._proxy_progress
    monkeypatch.setattr(services, "_proxy_progress",
                        lambda proxy_import, **values: (written.append(values), record(proxy_import, **values)))
    monkeypatch.setattr(services, "PAGE_PROGRESS_SECONDS", 0)  # every page, so each one can be seen
    pages = "".join(f"<p style='page-break-after: always'>Page {n} of our annual meeting notice.</p>" for n in range(4))
    upload("notice.pdf", HTML(string=pages).write_pdf())
    reading = [(values["progress"], values["step"]) for values in written if values.get("step", "").startswith("Reading page")]
    assert reading == [(30, "Reading page 1 of 4"), (50, "Reading page 2 of 4"), (70, "Reading page 3 of 4"),
                       (90, "Reading page 4 of 4")]
    assert ProxyImport.objects.get().progress == 100


def test_page_progress_is_written_at_most_twice_a_second_and_for_the_last_page(curator, monkeypatch):
    from resolutions.precedents import services

    proxy_import = ProxyImport.objects.create(uploaded_by=curator, filename="big.pdf", file="proxies/big.pdf")
    on_page = services._page_progress(proxy_import)
    for number in range(1, 121):
        on_page(number, 120)
    proxy_import.refresh_from_db()
    assert (proxy_import.step, proxy_import.progress) == ("Reading page 120 of 120", 90)
    written = []
    monkeypatch.setattr(services, "_proxy_progress", lambda _, **values: written.append(values["step"]))
    on_page = services._page_progress(proxy_import)
    for number in range(1, 121):
        on_page(number, 120)
    assert written == ["Reading page 1 of 120", "Reading page 120 of 120"]  # the loop takes far less than 0.5 s


def test_the_proxy_limit_not_the_general_upload_limit_applies(upload, settings):
    settings.MAX_UPLOAD_BYTES = 100
    settings.MAX_PROXY_BYTES = 4000
    content = (FIXTURES / "harbor-lights-2026.txt").read_bytes()
    assert 100 < len(content) < 4000
    assert upload().status_code == 302
    settings.MAX_PROXY_BYTES = 1000
    refused = upload()
    assert refused.status_code == 400
    assert "the largest file accepted is 1000 bytes" in refused.content.decode().replace("\xa0", " ")
    assert ProxyImport.objects.count() == 1


def test_other_file_types_are_refused_with_a_reason(upload):
    refused = upload("proxy.docx", b"PK\x03\x04")
    assert refused.status_code == 400
    assert "upload a PDF, an EDGAR .htm/.html file or a .txt file" in refused.content.decode()


def test_the_page_polls_while_reading_and_reloads_when_done(curator_client, curator):
    proxy_import = ProxyImport.objects.create(uploaded_by=curator, filename="big.pdf", file="proxies/big.pdf",
                                              status="running", progress=10, step="Reading the pages of “big.pdf”")
    polled = curator_client.get(proxy_import.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in polled.content.decode()
    assert "Reading the pages of “big.pdf”…" in polled.content.decode()
    ProxyImport.objects.filter(pk=proxy_import.pk).update(status="done", statement={"proposals": [], "pages": 3})
    done = curator_client.get(proxy_import.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert done.headers.get("HX-Refresh") == "true"


def test_filers_cannot_use_the_proxy_import(lead_client, curator):
    assert lead_client.get(URL).status_code == 403
    proxy_import = ProxyImport.objects.create(uploaded_by=curator, filename="a.txt", file="proxies/a.txt")
    assert lead_client.get(proxy_import.get_absolute_url()).status_code == 403
