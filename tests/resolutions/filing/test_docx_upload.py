"""An edited Word copy uploaded again: a new version, its redline against the version it came from.

Edits are made the way a Word user would make them, with python-docx and on the raw XML
(tracked changes, a cross-reference Word rewrote as a complex field).
"""
import copy
import io
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from resolutions.filing.docx_export import ProposalWord
from resolutions.filing.docx_read import read_word_proposal
from resolutions.filing.docx_version import version_from_docx
from resolutions.models import AuditEvent, DraftNote, DraftVersion
from resolutions.drafts.redline import content_document
from resolutions.drafts.selectors import draft_rendered
from resolutions.drafts import services
from tests import factories

from tests.resolutions import pdf_builders as b
from .test_docx_export import LINKED

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(lead):
    draft = b.draft_with_notes(lead, title=b.DEMO_TITLE, notes=b.DEMO_NOTES, clauses=[*b.DEMO_CLAUSES, LINKED])
    return services.version_save(draft=draft, user=lead)


def exported(version) -> docx.Document:
    return docx.Document(io.BytesIO(ProposalWord.of(version).render()))


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(client, version, data: bytes, name="proposal-edited.docx"):
    return client.post(f"/drafts/{version.draft_id}/versions/upload/", {"file": SimpleUploadedFile(name, data)})


def paragraph_starting(document, text):
    return next(p for p in document.paragraphs if p.text.startswith(text))


def run_with(paragraph, word):
    return next(r for r in paragraph.runs if word in r.text)


def redline_changes(page: str) -> list[tuple[str, str]]:
    """The insertions and deletions in the redline page's comparison (not its legend)."""
    redline = page.split('<div class="border rounded p-3 bg-white redline">', 1)[1].split("</div>", 1)[0]
    return re.findall(r"<(del|ins)>(.*?)</\1>", redline, flags=re.S)


def test_round_trip_one_word_changed_shows_that_word_and_nothing_else(lead_client, base):
    document = exported(base)
    run = run_with(paragraph_starting(document, "RESOLVED:"), "modest")
    run.text = run.text.replace("modest", "reasonable")
    response = upload(lead_client, base, saved(document))
    assert response.status_code == 302
    new = DraftVersion.objects.get(draft=base.draft, number=base.number + 1)
    assert response["Location"] == f"/drafts/{base.draft_id}/redline/?a={base.number}&b={new.number}"
    redline = lead_client.get(response["Location"]).content.decode()
    assert redline_changes(redline) == [("del", "modest"), ("ins", "reasonable")]
    assert new.reason == DraftVersion.Reason.UPLOADED and new.created_by == base.draft.created_by
    assert new.content["footnotes"] == base.content["footnotes"]
    assert [p["kind"] for p in new.content["parts"]] == [p["kind"] for p in base.content["parts"]]
    # the notes are the same notes (the same markers), not copies
    assert [re.findall(r"\[\[\w+:\d+\]\]", p["source"]) for p in new.content["parts"]] == \
        [re.findall(r"\[\[\w+:\d+\]\]", p["source"]) for p in base.content["parts"]]
    assert DraftNote.objects.filter(draft=base.draft).count() == len(b.DEMO_NOTES)
    assert base.draft.audit_events.filter(verb=AuditEvent.Verb.VERSION_SAVED, detail__contains="Word file").exists()


def test_the_uploaded_version_can_become_the_drafts_text(lead, base):
    document = exported(base)
    run = run_with(paragraph_starting(document, "RESOLVED:"), "modest")
    run.text = run.text.replace("modest", "reasonable")
    made = version_from_docx(draft=base.draft, user=lead, data=saved(document), filename="x.docx")
    draft = base.draft
    draft.refresh_from_db()
    parts = [{"kind": p.kind, "html": p.html} for p in draft_rendered(draft).parts]
    assert "reasonable" not in "".join(content_document(parts, []).lines)
    services.version_restore(draft=draft, version=made.version, expected_revision=draft.revision, user=lead)
    rendered = draft_rendered(draft)
    text = content_document([{"kind": p.kind, "html": p.html} for p in rendered.parts], rendered.footnotes)
    assert text.lines == content_document(made.version.content["parts"], made.version.content["footnotes"]).lines
    assert [n.text for n in text.notes] == rendered.footnotes == made.version.content["footnotes"]


def test_a_footnote_edited_in_word_becomes_a_note_with_that_text(lead_client, base):
    document = exported(base)
    part = document.part.rels[next(k for k, r in document.part.rels.items() if r.reltype.endswith("/footnotes"))]
    root = parse_xml(part.target_part.blob)
    note = next(n for n in root.iter(qn("w:footnote")) if n.get(qn("w:id")) == "3")
    text = next(t for t in note.iter(qn("w:t")) if "Principles 17" in (t.text or ""))
    text.text = text.text.replace("Principles 17–21", "Principles 17–24")
    part.target_part._blob = etree.tostring(root)  # python-docx keeps the footnotes part as bytes
    response = upload(lead_client, base, saved(document))
    assert response.status_code == 302
    new = base.draft.versions.get(number=base.number + 1)
    assert new.content["footnotes"][2] == b.DEMO_NOTES[2].replace("17–21", "17–24")
    assert new.content["footnotes"][:2] == base.content["footnotes"][:2]
    assert DraftNote.objects.filter(draft=base.draft, text=new.content["footnotes"][2]).exists()
    redline = lead_client.get(response["Location"]).content.decode()
    assert redline_changes(redline) == [("del", "21"), ("ins", "24")]


def test_tracked_changes_are_said_and_read_as_accepted(lead_client, base):
    document = exported(base)
    paragraph = paragraph_starting(document, "RESOLVED:")
    run = run_with(paragraph, "modest")
    before, after = run.text.split("modest ", 1)
    run.text = before
    w = nsdecls("w")
    run._r.addnext(parse_xml(f'<w:ins {w} w:id="901" w:author="Counsel" w:date="2026-11-20T10:00:00Z">'
                             f'<w:r><w:t xml:space="preserve">reasonable </w:t></w:r></w:ins>'))
    run._r.addnext(parse_xml(f'<w:del {w} w:id="902" w:author="Counsel" w:date="2026-11-20T10:00:00Z">'
                             f'<w:r><w:delText xml:space="preserve">modest </w:delText></w:r></w:del>'))
    tail = copy.deepcopy(run._r)
    tail.find(qn("w:t")).text = after
    paragraph._p.append(tail)
    response = upload(lead_client, base, saved(document))
    assert response.status_code == 302
    page = lead_client.get(response["Location"]).content.decode()
    assert "tracked changes (1 insertion and 1 deletion); they were read as accepted" in page
    assert redline_changes(page) == [("del", "modest"), ("ins", "reasonable")]


def test_a_cross_reference_word_rewrote_as_a_field_still_calls_the_same_note(base):
    document = exported(base)
    simple = document.element.body.find(f".//{qn('w:fldSimple')}")
    w = nsdecls("w")
    runs = [parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>'),
            parse_xml(f'<w:r {w}><w:instrText xml:space="preserve"> NOTEREF _RefNote1 \\f \\h </w:instrText></w:r>'),
            parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>'),
            parse_xml(f'<w:r {w}><w:t>1</w:t></w:r>'),
            parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>')]
    for run in reversed(runs):
        simple.addnext(run)
    simple.getparent().remove(simple)
    read = read_word_proposal(saved(document))
    assert read.footnotes == base.content["footnotes"]
    assert read.parts[4].html.endswith('are managed.<sup class="footnote-call">1</sup>')


def test_the_reader_finds_parts_labels_lists_links_and_emphasis(base):
    read = read_word_proposal(saved(exported(base)))
    assert read.title == b.DEMO_TITLE
    assert [p.kind for p in read.parts] == [p["kind"] for p in base.content["parts"]]
    assert read.parts[0].html.startswith("The Company sells cloud-based")
    assert read.parts[6].html.startswith("Shareholders recommend that the report address, at the Board's discretion:"
                                         "<ul><li>the criteria")
    assert read.parts[-1].html == ('See the <a href="https://www.example.com/aup">use policy</a> and '
                                   '<strong>act</strong> <strong><em>now</em></strong>.')
    assert (read.origin.draft_id, read.origin.number, read.origin.sha256) == (base.draft_id, base.number, base.sha256)
    assert not read.tracked


def test_a_recital_added_in_word_is_a_new_part(lead_client, base):
    document = exported(base)
    resolved = paragraph_starting(document, "RESOLVED:")
    added = resolved.insert_paragraph_before()
    added.add_run("WHEREAS:").bold = True
    added.add_run(" Proxy advisers now ask about this risk.")
    assert upload(lead_client, base, saved(document)).status_code == 302
    new = base.draft.versions.get(number=base.number + 1)
    assert [p["kind"] for p in new.content["parts"]][4:7] == ["whereas", "whereas", "resolved"]
    assert new.content["parts"][5]["html"] == "Proxy advisers now ask about this risk."


# --- bad input: a clear message, nothing saved ------------------------------------------------

def assert_refused(response, base, message):
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page, page
    assert base.draft.versions.count() == 1
    assert DraftNote.objects.filter(draft=base.draft).count() == len(b.DEMO_NOTES)
    assert not base.draft.audit_events.filter(detail__contains="Word file").exists()


def test_a_file_that_is_not_a_docx_is_refused(lead_client, base):
    assert_refused(upload(lead_client, base, b"just some text"), base, "is not a Word document (.docx)")
    assert_refused(upload(lead_client, base, b"%PDF-1.7 ...", name="proposal.docx"), base, "This is a PDF")
    assert_refused(upload(lead_client, base, b"%PDF-1.7 ...", name="proposal.pdf"), base, "is not a Word .docx file")
    spreadsheet = io.BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert_refused(upload(lead_client, base, spreadsheet.getvalue()), base, "is not a Word document (.docx)")


def test_a_zip_bomb_is_refused_unread(lead_client, base):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (80 * 1024 * 1024))
    assert len(bomb.getvalue()) < 200_000
    assert_refused(upload(lead_client, base, bomb.getvalue()), base, "unpacks to 80 MB")


def test_an_oversized_file_is_refused_with_both_sizes(lead_client, base):
    with override_settings(MAX_UPLOAD_BYTES=10_000):
        assert_refused(upload(lead_client, base, saved(exported(base))), base, "the largest file accepted is 9.8")


def test_a_copy_of_another_draft_is_refused(lead_client, lead, base):
    other = factories.draft(lead, title="Another proposal", clauses=[("resolved", "Shareholders ask.")])
    other_version = services.version_save(draft=other, user=lead)
    assert_refused(upload(lead_client, base, saved(exported(other_version))), base,
                   "exported from another draft, not this one")


def test_a_copy_without_its_properties_or_of_an_unknown_version_is_refused(lead_client, base):
    document = exported(base)
    document.core_properties.identifier = ""
    document.core_properties.keywords = ""
    document.core_properties.comments = ""
    assert_refused(upload(lead_client, base, saved(document)), base, "does not say which version of this draft")
    document.core_properties.keywords = "SHA-256 " + "0" * 64
    assert_refused(upload(lead_client, base, saved(document)), base, "a version this draft does not have")


def test_an_unchanged_copy_makes_no_version(lead_client, base):
    assert_refused(upload(lead_client, base, saved(exported(base))), base, "has the same text as version 1")


def test_a_change_of_emphasis_alone_is_a_new_version(lead_client, base):
    document = exported(base)
    run_with(paragraph_starting(document, "RESOLVED:"), "modest").italic = True
    assert upload(lead_client, base, saved(document)).status_code == 302
    assert "<em>Shareholders request" in base.draft.versions.get(number=2).content["parts"][5]["html"]


def test_only_the_lead_sees_the_upload_form(client, base, lead, cofiler):
    b.join(base.draft, cofiler)
    for user, shown in ((lead, True), (cofiler, False)):
        client.force_login(user)
        page = client.get(f"/drafts/{base.draft_id}/versions/").content.decode()
        assert ("Upload an edited Word copy" in page) is shown


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed here")
def test_a_copy_saved_again_by_libreoffice_reads_the_same(base, tmp_path):
    original = ProposalWord.of(base).render()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "proposal.docx").write_bytes(original)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(tmp_path / "in" / "proposal.docx")],
                   check=True, capture_output=True, timeout=180)
    again, first = read_word_proposal((tmp_path / "proposal.docx").read_bytes()), read_word_proposal(original)
    assert (again.title, again.parts, again.footnotes, again.origin) == \
        (first.title, first.parts, first.footnotes, first.origin)


def test_a_tracked_deletion_of_a_paragraph_mark_joins_the_paragraphs(base):
    document = exported(base)
    first, second = [p for p in document.paragraphs if p.text.startswith("WHEREAS:")][:2]
    first._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr {nsdecls("w")}><w:del w:id="903" w:author="Counsel" w:date="2026-11-20T10:00:00Z"/></w:rPr>'))
    second_label = next(r for r in second.runs if r.text == "WHEREAS:")
    second_label._r.getparent().remove(second_label._r)
    read = read_word_proposal(saved(document))
    assert read.tracked.deletions == 1
    assert len(read.parts) == len(base.content["parts"]) - 1
    assert read.parts[0].html.startswith("The Company sells") and "Human rights researchers" in read.parts[0].html


def test_without_its_title_paragraph_the_copy_is_still_read_from_its_first_part(base):
    document = exported(base)
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    title._p.getparent().remove(title._p)
    read, first = read_word_proposal(saved(document)), read_word_proposal(saved(exported(base)))
    assert read.title == ""
    assert read.parts == first.parts and read.footnotes == first.footnotes


def test_a_copy_over_the_draft_size_limit_is_refused_with_the_numbers(lead_client, base):
    document = exported(base)
    resolved = paragraph_starting(document, "RESOLVED:")
    resolved.add_run(" " + "and more " * 2_300)
    parts = len(base.content["parts"])
    response = upload(lead_client, base, saved(document))
    assert_refused(response, base, "characters, ")
    assert re.search(r"Part \d+ \(RESOLVED\) of the Word file is [\d,]+ characters, [\d,]+ over the limit of 20,000\. "
                     r"Shorten it or split it into two clauses\. Nothing was saved\.", response.content.decode())
    with override_settings(DRAFT_MAX_CLAUSES=parts - 1):
        assert_refused(upload(lead_client, base, saved(exported(base))), base,
                       f"The Word file would have {parts} clauses, 1 over the limit of {parts - 1}. "
                       "Merge some clauses or remove some. Nothing was saved.")
    with override_settings(DRAFT_MAX_CHARS=100):
        assert_refused(upload(lead_client, base, saved(exported(base))), base, "over the limit of 100. Shorten it")
