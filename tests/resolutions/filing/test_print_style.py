"""The print style of a version (one WHEREAS heading, the lead filer last, calls after punctuation), in the PDF
and the Word copy alike."""
import pytest

from resolutions.filing.pdf.proposal import ProposalDocument

from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db


def test_the_print_style_sets_one_whereas_heading_the_lead_last_and_calls_after_punctuation(lead, cofiler):
    from resolutions.drafts.services import draft_update, version_save

    draft = b.draft_with_notes(lead, title="Report on Water Risk", notes=["Water Board, 2025 report."], clauses=[
        ("whereas", "Water is scarce{1}."), ("whereas", "Droughts are longer."),
        ("resolved", "Shareholders request a report.")])
    default = version_save(draft=draft, user=lead)
    assert set(default.content["layout"]) == {"resolved_first", "supporting_heading", "citation_style"}
    draft_update(draft=draft, expected_revision=draft.revision, user=lead, whereas_style="heading",
                 lead_filer_first=False, calls_after_punctuation=True)
    styled = version_save(draft=draft, user=lead)
    b.sign(styled, cofiler, signed_at=b.at(5))
    text = " ".join(" ".join(b.page_texts(ProposalDocument.of(styled).render())).split())
    assert "WHEREAS, Water is scarce.1" in text and "WHEREAS:" not in text
    assert text.index("Pension Fund of Tests") < text.index("Lead Filer") < text.index("Sisters of Testing", \
        text.index("Lead Filer"))
    default_text = " ".join(" ".join(b.page_texts(ProposalDocument.of(default).render())).split())
    assert "WHEREAS: Water is scarce1." in default_text


def test_the_word_copy_follows_the_print_style_as_the_pdf_does(lead, cofiler):
    import io

    import docx

    from resolutions.drafts.services import draft_update, version_save
    from resolutions.filing.docx_export import ProposalWord

    draft = b.draft_with_notes(lead, title="Report on Water Risk", notes=["Water Board, 2025 report."], clauses=[
        ("whereas", "Water is scarce{1}."), ("whereas", "Droughts are longer."),
        ("resolved", "Shareholders request a report.")])
    draft_update(draft=draft, expected_revision=draft.revision, user=lead, whereas_style="heading",
                 lead_filer_first=False, calls_after_punctuation=True)
    styled = version_save(draft=draft, user=lead)
    b.sign(styled, cofiler, signed_at=b.at(5))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(ProposalWord.of(styled).render())).paragraphs]
    title = paragraphs.index("Report on Water Risk")
    assert paragraphs[title + 1:title + 4] == ["WHEREAS,", "Water is scarce.", "Droughts are longer."]
    filers = paragraphs[paragraphs.index("Filers") + 1:]
    assert filers[0].endswith("Pension Fund of Tests") and filers[1] == "Lead Filer"
    assert filers[2].endswith("Sisters of Testing") and "(Lead Filer)" not in " ".join(filers)
