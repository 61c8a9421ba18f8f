"""The precedent library: import with review, re-import, search, detail and the curator's tools."""
import csv
import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings

from resolutions.models import Precedent, PrecedentPart
from tests import factories
from tests.corpus import corpus_path, needs_corpus

pytestmark = pytest.mark.django_db
AMAZON = "amazon-customer-due-diligence-resolution.txt"
LIVING_WAGE = Path(__file__).resolve().parents[1] / "fixtures" / "living-wage-bracketed-calls.txt"

RESOLUTION = """Living Wage Report

WHEREAS, warehouse workers in three states earn less than a living wage;1

WHEREAS, turnover costs the Company an estimated $2 billion a year;2

RESOLVED: Shareholders request that the Board report on the wage gap in its fulfilment network.

1. Demo Institute, Living Wage Calculator, 2025. https://example.org/wage
2. Demo Analytics, Turnover Study, 2024. https://example.org/turnover
"""


def upload(client, content: bytes, name="resolution.txt"):
    return client.post("/precedents/import/", {"step": "upload", "file": SimpleUploadedFile(name, content)})


def review_data(response, **changes):
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["topics"] = []
    data["resolved_first"] = "on" if data.get("resolved_first") else ""
    data["curated"] = ""
    return {**data, "step": "review", **changes}


def test_an_upload_is_parsed_and_shown_for_review_without_saving(curator_client):
    response = upload(curator_client, RESOLUTION.encode())
    assert response.status_code == 200
    assert Precedent.objects.count() == 0
    form = response.context["form"]
    assert form["title"].value() == "Living Wage Report"
    assert "[^1]" in form["whereas"].value() and "[^2]" in form["whereas"].value()
    assert "1. Demo Institute" in form["footnotes"].value()


def test_saving_the_review_creates_the_precedent_with_calls_in_place(curator_client):
    company = factories.company(name="Fulfilment Co.")
    review = upload(curator_client, RESOLUTION.encode())
    response = curator_client.post("/precedents/import/", review_data(review, company=company.pk, meeting_year=2025,
                                                                        outcome="voted", support_percent="21.5"))
    precedent = Precedent.objects.get()
    assert response["Location"] == f"/precedents/{precedent.pk}/"
    assert [p.kind for p in precedent.parts.all()] == ["whereas", "whereas", "resolved"]
    assert precedent.footnotes.get(number=2).urls == ["https://example.org/turnover"]
    page = curator_client.get(response["Location"]).content.decode()
    assert "living wage" in page and 'href="#fn-1"' in page
    assert "Demo Analytics, Turnover Study" in page


def test_a_curator_can_correct_the_parse_before_saving(curator_client):
    company = factories.company()
    review = upload(curator_client, RESOLUTION.encode())
    curator_client.post("/precedents/import/", review_data(review, company=company.pk, meeting_year=2025,
                                                             title="Living Wage Gap Report",
                                                             filers="Ana Ruiz | Demo Sisters | lead"))
    precedent = Precedent.objects.get()
    assert precedent.title == "Living Wage Gap Report"
    assert precedent.lead_filer.organization == "Demo Sisters"


def test_reimporting_the_same_source_offers_to_update_it(curator_client):
    company = factories.company()
    first = upload(curator_client, RESOLUTION.encode())
    curator_client.post("/precedents/import/", review_data(first, company=company.pk, meeting_year=2025))
    existing = Precedent.objects.get()
    again = upload(curator_client, RESOLUTION.replace("\n", "\r\n").encode())
    assert again.context["existing"] == existing
    curator_client.post("/precedents/import/", review_data(again, company=company.pk, meeting_year=2025,
                                                             replace=existing.pk, title="Updated title"))
    assert Precedent.objects.count() == 1
    assert Precedent.objects.get().title == "Updated title"


@needs_corpus
def test_the_corpus_resolution_imports_with_its_filers_and_a_warning(curator_client):
    path = corpus_path(AMAZON)
    review = upload(curator_client, path.read_bytes(), name=path.name)
    content = review.content.decode()
    assert "footnote texts" in content.lower() or "no footnote" in content.lower()
    assert review.context["form"]["filers"].value().count("\n") == 7
    assert "Mary Beth Gallagher | Sisters of St. Joseph, Brentwood | lead" in review.context["form"]["filers"].value()


@pytest.mark.parametrize("content, name, message", [
    (b"", "empty.txt", "empty"),
    (b"\x00\x01\x02\xff" * 500, "binary.txt", "binary"),
    (b"%PDF-1.4 not really a pdf", "broken.pdf", "PDF"),
    (b"plain words", "resolution.odt", "odt"),
])
def test_bad_files_get_a_clear_message_and_nothing_is_saved(curator_client, content, name, message):
    response = upload(curator_client, content, name=name)
    assert response.status_code == 400
    errors = " ".join(e for errs in response.context["form"].errors.values() for e in errs)
    assert message.lower() in errors.lower()
    assert "Choose a file" not in errors
    assert Precedent.objects.count() == 0


def test_a_pdf_without_a_text_layer_is_refused(curator_client, tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    response = upload(curator_client, path.read_bytes(), name="scan.pdf")
    assert "no text layer" in " ".join(response.context["form"].non_field_errors())


@override_settings(MAX_UPLOAD_BYTES=1024)
def test_an_oversized_upload_is_refused_with_both_sizes(curator_client):
    response = upload(curator_client, b"a" * 5000)
    errors = " ".join(response.context["form"].non_field_errors())
    assert "4.9\xa0KB" in errors and "1.0\xa0KB" in errors
    assert Precedent.objects.count() == 0


def test_a_review_with_a_missing_company_saves_nothing_and_says_why(curator_client):
    review = upload(curator_client, RESOLUTION.encode())
    response = curator_client.post("/precedents/import/", review_data(review, meeting_year=2025))
    assert response.status_code == 400
    assert "Choose the company" in response.content.decode()
    assert Precedent.objects.count() == PrecedentPart.objects.count() == 0


def test_a_review_over_the_draft_size_limit_saves_nothing_and_keeps_the_text(curator_client):
    review = upload(curator_client, RESOLUTION.encode())
    company = factories.company(name="Amazon.com, Inc.")
    supporting = "\n\n".join(["Paragraph " + "w" * 18_990] * 11)  # 11 paragraphs of 19,000 characters
    response = curator_client.post("/precedents/import/", review_data(review, company=company.pk, meeting_year=2025,
                                                                      supporting=supporting))
    assert response.status_code == 400
    page = response.content.decode()
    total, over = (int(n.replace(",", "")) for n in re.search(
        r"Nothing was saved: This precedent would be ([\d,]+) characters in all, ([\d,]+) over the limit of 200,000\.",
        page).groups())
    assert total > 209_000 and total - over == 200_000
    assert response.context["form"]["supporting"].value() == supporting
    assert Precedent.objects.count() == PrecedentPart.objects.count() == 0


def test_a_new_company_is_added_in_the_import_transaction(curator_client, monkeypatch):
    from resolutions.models import Company
    from resolutions.precedents import services

    review = upload(curator_client, RESOLUTION.encode())
    monkeypatch.setattr(services, "_write_structure", lambda *args: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        curator_client.post("/precedents/import/", review_data(review, new_company="Orphan Co.", meeting_year=2025))
    assert not Company.objects.filter(name="Orphan Co.").exists()  # no company left without its precedent
    monkeypatch.undo()
    curator_client.post("/precedents/import/", review_data(review, new_company=" Orphan Co. ", meeting_year=2025))
    assert Precedent.objects.get().company.name == "Orphan Co."


def test_filers_cannot_import(lead_client):
    assert lead_client.get("/precedents/import/").status_code == 403


def test_the_command_prints_the_json_shape(capsys):
    call_command("import_resolutions", str(LIVING_WAGE), "--dry-run", "--json")
    [parsed] = json.loads(capsys.readouterr().out)
    assert set(parsed) == {
        "file", "title", "resolved", "whereas", "supporting", "footnotes", "calls", "filers", "warnings",
        "preamble", "opposition", "left_out",
    }
    assert parsed["title"] == "Living Wage Assessment"
    assert [c["number"] for c in parsed["calls"]] == [1, 2, 3, 4]
    assert Precedent.objects.count() == 0


def test_the_command_saves_and_reimports_without_duplicating(tmp_path):
    path = tmp_path / "wage.txt"
    path.write_text(RESOLUTION)
    call_command("import_resolutions", str(path), "--company", "Fulfilment Co.", "--year", "2025")
    call_command("import_resolutions", str(path), "--company", "Fulfilment Co.", "--year", "2025")
    assert Precedent.objects.count() == 1


def test_the_command_exits_non_zero_with_the_reason(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("import_resolutions", str(path), "--dry-run")


def _precedent(title, year, company, topics=(), support=None, outcome="voted", body="Shareholders request a report."):
    from resolutions.precedents.services import PrecedentFields, precedent_save_import

    return precedent_save_import(
        structure={"resolved": [body], "whereas": [], "supporting": [], "footnotes": [], "calls": [],
                   "filers": [{"name": "Ana Ruiz", "organization": "Demo Sisters", "lead": True}], "warnings": []},
        fields=PrecedentFields(company=company, meeting_year=year, title=title, outcome=outcome,
                               support_percent=support),
        source_text=title, topics=topics,
    )


def test_search_finds_words_in_parts_and_highlights_them(lead_client):
    company = factories.company()
    _precedent("Water Risk", 2024, company, body="Shareholders request a report on aquifer depletion.")
    _precedent("Board Diversity", 2024, company)
    response = lead_client.get("/precedents/", {"q": "aquifer"})
    assert [p.title for p in response.context["page"]] == ["Water Risk"]
    assert "<mark>aquifer</mark>" in response.content.decode()


def test_filters_narrow_the_list(lead_client):
    a, b = factories.company(), factories.company()
    _precedent("Old", 2019, a)
    _precedent("New", 2025, b)
    response = lead_client.get("/precedents/", {"company": b.ticker.lower(), "year_from": 2020})
    assert [p.title for p in response.context["page"]] == ["New"]
    assert [p.title for p in lead_client.get("/precedents/", {"organization": "demo sis"}).context["page"]] == ["New", "Old"]


def test_search_escapes_markup_in_titles(lead_client):
    _precedent("<script>alert(1)</script> Report", 2024, factories.company())
    content = lead_client.get("/precedents/", {"q": "report"}).content.decode()
    assert "<script>alert(1)" not in content and "&lt;script&gt;" in content


@pytest.mark.parametrize("query", ["", "water"])
def test_the_list_shows_topics_and_costs_the_same_queries_for_two_precedents_or_twenty(lead_client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    topics = [factories.topic("Water & land"), factories.topic("Climate")]

    def queries_for_page():
        with CaptureQueriesContext(connection) as captured:
            response = lead_client.get("/precedents/", {"q": query})
        assert len(response.context["page"]) >= 2
        assert response.content.decode().count('<span class="badge text-bg-light border ms-1">Climate</span>'
                                               '<span class="badge text-bg-light border ms-1">Water &amp; land</span>') \
            == len(response.context["page"])
        return len(captured)

    for n in range(20):
        if n == 2:
            lead_client.get("/precedents/")  # the bell's count, kept from here on
            few = queries_for_page()
        _precedent(f"Report on water n{n}", 2024, factories.company(), topics=topics, support=12.5)

    assert queries_for_page() == few


def test_the_detail_page_spells_out_the_resubmission_rule(lead_client):
    company, topic = factories.company(), factories.topic("Climate")
    _precedent("Methane 2024", 2024, company, topics=[topic], support="4.2")
    latest = _precedent("Methane 2025", 2025, company, topics=[topic], support="9.1")
    content = lead_client.get(f"/precedents/{latest.pk}/").content.decode()
    assert "Methane 2024" in content
    assert "14a-8(i)(12)" in content and "9.1%" in content


def test_admin_actions_mark_curated_and_export(curator_client, curator):
    curator.is_superuser = True
    curator.save()
    p = _precedent("Water Risk", 2024, factories.company())
    url = "/admin/resolutions/precedent/"
    curator_client.post(url, {"action": "mark_curated", "_selected_action": [p.pk]})
    assert Precedent.objects.get().curated
    csv_response = curator_client.post(url, {"action": "export_csv", "_selected_action": [p.pk]})
    assert "Water Risk" in csv_response.content.decode() and "Ana Ruiz, Demo Sisters" in csv_response.content.decode()
    trap = _precedent("=HYPERLINK(\"https://evil.example\")", 2024, factories.company(name="Formula Co."))
    rows = list(csv.reader(io.StringIO(curator_client.post(url, {"action": "export_csv",
                                                                 "_selected_action": [trap.pk]}).content.decode())))
    assert rows[1][3] == "'=HYPERLINK(\"https://evil.example\")"  # a spreadsheet shows it, never runs it
    exported = json.loads(curator_client.post(url, {"action": "export_json", "_selected_action": [p.pk]}).content)
    assert exported[0]["resolved"] == ["Shareholders request a report."]
