"""The PDF and Word endpoints over HTTP: who gets what, stored files, letters, the print preview, export_pdf."""
import base64
import io
from io import BytesIO
from types import SimpleNamespace

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from resolutions.models import AuditEvent
from resolutions.filing.pdf import proposal as proposal_module
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.filing.pdf.render import PDFRenderTimeout
from resolutions.drafts.services import version_save
from tests import factories

from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(lead, cofiler):
    """A short draft's version 1, co-filed and signed by the co-filer's organization."""
    draft = b.draft_with_notes(
        lead, title="Report on Water Risk", notes=["Water Board, 2025 report, https://water.example.org/2025."],
        clauses=[("whereas", "Water is scarce in the Company's regions.{1}"),
                 ("resolved", "Shareholders request a report on water risk.")],
    )
    b.join(draft, cofiler)
    version = version_save(draft=draft, user=lead)
    b.sign(version, cofiler, signed_at=b.at(5), signatory_name="Colin Fairweather", signature="Colin Fairweather")
    url = f"/drafts/{draft.pk}/versions/{version.number}"
    return SimpleNamespace(draft=draft, version=version, url=url,
                           letter=lambda org: f"{url}/letters/{org.organization_id}.pdf")


def get_as(client, user, url, **extra):
    client.force_login(user)
    return client.get(url, **extra)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_proposal_pdf_is_for_everyone_who_reads_the_draft(client, filed, lead, cofiler, outsider, curator):
    for user in (lead, cofiler):
        response = get_as(client, user, f"{filed.url}/proposal.pdf")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert body(response).startswith(b"%PDF")
    for user in (outsider, curator):
        assert get_as(client, user, f"{filed.url}/proposal.pdf").status_code == 404
    assert get_as(client, lead, f"/drafts/{filed.draft.pk}/versions/9/proposal.pdf").status_code == 404


def test_the_same_version_downloads_the_stored_file(client, filed, lead):
    first = body(get_as(client, lead, f"{filed.url}/proposal.pdf"))
    assert body(client.get(f"{filed.url}/proposal.pdf")) == first
    assert filed.draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).count() == 1


def test_pdf_a_3u_on_request_and_no_other_variant(client, filed, lead):
    xmp = PdfReader(BytesIO(body(get_as(client, lead, f"{filed.url}/proposal.pdf?variant=a-3u")))).xmp_metadata
    assert b'pdfaid:part="3"' in xmp.stream.get_data()
    assert client.get(f"{filed.url}/proposal.pdf?variant=pdf-x").status_code == 404


def test_a_render_over_the_time_limit_answers_503_with_the_reason(client, filed, lead, monkeypatch):
    def too_slow(*args, **kwargs):
        raise PDFRenderTimeout(60)

    monkeypatch.setattr("resolutions.filing.exports.proposal_export", too_slow)
    response = get_as(client, lead, f"{filed.url}/proposal.pdf")
    assert response.status_code == 503
    assert "longer than 60 seconds" in response.content.decode()


def test_letters_go_to_the_lead_organization_and_to_each_co_filer_for_its_own(client, filed, lead, cofiler, outsider):
    assert get_as(client, lead, filed.letter(lead)).status_code == 200
    assert get_as(client, lead, filed.letter(cofiler)).status_code == 200
    assert get_as(client, cofiler, filed.letter(cofiler)).status_code == 200
    assert get_as(client, cofiler, filed.letter(lead)).status_code == 404
    assert get_as(client, outsider, filed.letter(outsider)).status_code == 404
    assert get_as(client, lead, filed.letter(outsider)).status_code == 404, "not a filer of this version"


def test_a_co_filers_letter_makes_the_14a_8_b_statements_and_attaches_the_proposal(client, filed, cofiler):
    texts = b.page_texts(body(get_as(client, cofiler, filed.letter(cofiler))))
    letter = " ".join(texts[:-1])
    for statement in (
        "Pension Fund of Tests co-files this proposal with Sisters of Testing, the lead filer.",
        "has continuously held 120 shares of the voting stock of Example Corp",
        "with a market value of $18,250.00, since March 1, 2021.",
        "The shares are held through a broker or bank, which will provide a letter verifying",
        "intends to continue to hold the required amount of shares through the date of the Company's 2027 annual",
        "Monday, December 14, 2026, 10:00 AM EST",
        "Wednesday, December 16, 2026, 2:30 PM EST",
        "Pension Fund of Tests authorizes Sisters of Testing to act on its behalf in all matters relating to this",
        "/s/ Colin Fairweather",
        f"version 1, SHA-256 {filed.version.sha256}",
    ):
        assert statement in letter
    assert texts[0].index("November 5, 2026") < texts[0].index("Corporate Secretary"), "dated the day it was signed"
    assert texts[-1].startswith("Shareholder proposal")
    assert "RESOLVED: Shareholders request a report on water risk." in texts[-1]


def test_a_letter_with_its_proposal_is_one_tagged_document_with_a_bookmark_for_each(client, filed, cofiler):
    reader = PdfReader(BytesIO(body(get_as(client, cofiler, filed.letter(cofiler)))))
    assert "/StructTreeRoot" in reader.trailer["/Root"] and b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [
        "Letter of Pension Fund of Tests", "Proposal"]
    assert reader.metadata["/Title"] == "Submission letter of Pension Fund of Tests: Report on Water Risk"


def test_the_lead_letter_without_a_sign_on_promises_nothing_it_was_not_told(client, filed, lead):
    letter = b.page_texts(body(get_as(client, lead, filed.letter(lead))))[0]
    assert "Sisters of Testing is the lead filer of this proposal." in letter
    assert "its ownership is to be confirmed by proof of ownership." in letter
    assert "intent to hold the shares through the date of the 2027 annual meeting is to be confirmed." in letter
    assert "/s/" not in letter and "Lena" in letter


def test_the_print_preview_is_the_html_the_pdf_is_made_from(client, filed, lead, monkeypatch):
    rendered = []
    monkeypatch.setattr(proposal_module, "render_pdf", lambda html, variant: rendered.append(html) or b"%PDF-")
    preview = get_as(client, lead, f"{filed.url}/print/").content.decode()
    client.get(f"{filed.url}/proposal.pdf")
    assert rendered == [preview] == [ProposalDocument.of(filed.version).html()]
    assert '<link rel="stylesheet" href="/static/css/print.css">' in preview
    assert "bootstrap" not in preview


def test_the_print_preview_shows_page_images_on_request(client, filed, lead):
    page = get_as(client, lead, f"{filed.url}/print/?pages=1").content.decode()
    images = [chunk.split('"', 1)[0] for chunk in page.split('src="data:image/png;base64,')[1:]]
    assert len(images) == 1
    assert base64.b64decode(images[0]).startswith(b"\x89PNG")


def test_the_version_page_links_the_preview_and_the_pdf(client, filed, cofiler):
    page = get_as(client, cofiler, f"{filed.url}/").content.decode()
    assert f'href="{filed.url}/print/"' in page and f'href="{filed.url}/proposal.pdf"' in page


def test_export_pdf_writes_the_stored_proposal(filed, tmp_path, client, lead):
    out = tmp_path / "proposal.pdf"
    call_command("export_pdf", "--draft", str(filed.draft.pk), "--version", "1", "-o", str(out))
    assert out.read_bytes() == body(get_as(client, lead, f"{filed.url}/proposal.pdf"))


def test_export_pdf_writes_a_packet_a_preview_before_the_text_is_finalized(filed, tmp_path, capsys):
    out = tmp_path / "packet.pdf"
    call_command("export_pdf", "--draft", str(filed.draft.pk), "--packet", "-o", str(out))
    texts = b.page_texts(out.read_bytes())
    assert "this is a preview packet" in capsys.readouterr().err
    assert all(text.startswith("PREVIEW: not finalized, not for filing") for text in texts)
    assert texts[0].startswith("PREVIEW: not finalized, not for filing Sisters of Testing")
    assert texts[-1].startswith("PREVIEW: not finalized, not for filing Sign-on certificate")


def test_export_pdf_explains_what_is_missing(lead, tmp_path):
    draft = factories.draft(lead)
    with pytest.raises(CommandError, match="has no saved version"):
        call_command("export_pdf", "--draft", str(draft.pk), "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="has no version 4"):
        call_command("export_pdf", "--draft", str(draft.pk), "--version", "4", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="No draft with id 0"):
        call_command("export_pdf", "--draft", "0", "-o", str(tmp_path / "x.pdf"))


# --- The Word copy ---------------------------------------------------------------------------------

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def version(lead, cofiler):
    draft = factories.draft(lead, clauses=[("whereas", "Facts."), ("resolved", "Shareholders request a report.")])
    b.join(draft, cofiler)
    return version_save(draft=draft, user=lead)


def test_lead_and_co_filers_download_the_word_copy_from_the_versions_page(client, version, lead, cofiler):
    url = f"/drafts/{version.draft_id}/versions/{version.number}/proposal.docx"
    for user in (lead, cofiler):
        client.force_login(user)
        page = client.get(f"/drafts/{version.draft_id}/versions/")
        assert f'href="{url}"' in page.content.decode()
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == DOCX
        assert response["Content-Disposition"] == 'attachment; filename="report-on-customer-due-diligence-v1-proposal.docx"'
        paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
        assert "WHEREAS: Facts." in paragraphs and "RESOLVED: Shareholders request a report." in paragraphs
    assert version.draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).count() == 1


def test_others_get_a_404(client, version, outsider, curator):
    for user in (outsider, curator):
        client.force_login(user)
        assert client.get(f"/drafts/{version.draft_id}/versions/{version.number}/proposal.docx").status_code == 404
    client.force_login(version.draft.created_by)
    assert client.get(f"/drafts/{version.draft_id}/versions/9/proposal.docx").status_code == 404
