"""The Word copy read back with python-docx and as raw XML: native footnotes, styles, links, filers, properties."""
import io
import re
import shutil
import subprocess
import zipfile
from types import SimpleNamespace

import docx
import pytest
from django.core.management import call_command
from lxml import etree

from resolutions.filing.docx_export import ProposalWord, part_blocks
from resolutions.models import AuditEvent
from resolutions.redline import plain
from resolutions.services.drafts import version_save

from .. import pdf_builders as b

pytestmark = pytest.mark.django_db

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
LINKED = ("supporting", 'See the <a href="https://www.example.com/aup">use policy</a> and <b>act <i>now</i></b>.')


@pytest.fixture
def exported(db):
    lead = b.filer_user("lead@docx.example", "Sisters of Testing", first_name="Lena", last_name="Ortiz")
    draft = b.draft_with_notes(lead, title=b.DEMO_TITLE, notes=b.DEMO_NOTES, clauses=[*b.DEMO_CLAUSES, LINKED])
    version = version_save(draft=draft, user=lead)
    co = b.filer_user("co@docx.example", "Early Foundation", first_name="Ann", last_name="Early")
    b.sign(version, co, signed_at=b.at(10))
    data = ProposalWord.of(version).render()
    archive = zipfile.ZipFile(io.BytesIO(data))
    return SimpleNamespace(
        version=version, data=data, document=docx.Document(io.BytesIO(data)),
        body=etree.fromstring(archive.read("word/document.xml")),
        notes=etree.fromstring(archive.read("word/footnotes.xml")), archive=archive,
    )


def text_of(element) -> str:
    """Reading text of a w:p (or any element): w:t pieces, footnote references as [id], NOTEREFs as [n]."""
    out = []
    for node in element.iter(f"{{{W}}}t", f"{{{W}}}footnoteReference", f"{{{W}}}fldSimple"):
        if node.tag == f"{{{W}}}footnoteReference":
            out.append(f"[{node.get(f'{{{W}}}id')}]")
        elif node.tag == f"{{{W}}}fldSimple":
            out.append("[{}]".format(re.search(r"_RefNote(\d+)", node.get(f"{{{W}}}instr")).group(1)))
        elif not any(a.tag == f"{{{W}}}fldSimple" for a in node.iterancestors()):
            out.append(node.text or "")
    return "".join(out)


def test_every_footnote_is_a_native_note_numbered_and_worded_as_the_draft(exported):
    references = [int(r.get(f"{{{W}}}id")) for r in exported.body.iter(f"{{{W}}}footnoteReference")]
    assert references == list(range(1, len(b.DEMO_NOTES) + 1))  # Word numbers marks in order: 1, 2, 3…
    notes = {int(n.get(f"{{{W}}}id")): n for n in exported.notes.iter(f"{{{W}}}footnote")}
    assert [notes[-1].get(f"{{{W}}}type"), notes[0].get(f"{{{W}}}type")] == ["separator", "continuationSeparator"]
    for number, expected in enumerate(exported.version.content["footnotes"], start=1):
        note = notes[number]
        assert note.find(f".//{{{W}}}footnoteRef") is not None
        assert note.find(f".//{{{W}}}pStyle").get(f"{{{W}}}val") == "FootnoteText"
        assert text_of(note).strip() == expected
    for reference in exported.body.iter(f"{{{W}}}footnoteReference"):
        style = reference.getparent().find(f"{{{W}}}rPr/{{{W}}}rStyle")
        assert style.get(f"{{{W}}}val") == "FootnoteReference"


def test_the_package_declares_the_footnotes_part(exported):
    types = exported.archive.read("[Content_Types].xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "wordprocessingml.footnotes+xml" in types
    rels = exported.archive.read("word/_rels/document.xml.rels").decode()
    assert re.search(r'Type="[^"]+/footnotes" Target="footnotes.xml"', rels)
    settings = exported.archive.read("word/settings.xml").decode()
    assert settings.index("<w:footnotePr>") < settings.index("<w:compat>")
    style_ids = {s.style_id for s in exported.document.styles}
    assert {"FootnoteText", "FootnoteReference", "Hyperlink", "Title", "Heading1", "ListBullet"} <= style_ids


def test_a_note_called_twice_refers_to_the_same_note(exported):
    fields = [f.get(f"{{{W}}}instr") for f in exported.body.iter(f"{{{W}}}fldSimple")]
    assert fields == [" NOTEREF _RefNote1 \\f \\h "]
    bookmarks = [m.get(f"{{{W}}}name") for m in exported.body.iter(f"{{{W}}}bookmarkStart")]
    assert "_RefNote1" in bookmarks
    assert text_of(exported.body).count("[1]") == 2


def test_each_reference_sits_right_after_the_word_or_punctuation_it_follows(exported):
    body = text_of(exported.body)
    checked = 0
    for part in exported.version.content["parts"]:
        draft_text = plain(part["html"]).replace("\n- ", "")
        for call in re.finditer(r"\[(\d+)\]", draft_text):
            before = draft_text[max(0, call.start() - 30):call.end()]
            after = draft_text[call.start():call.end() + 12]
            assert before in body and after in body, before
            checked += 1
    assert checked == len(b.DEMO_NOTES) + 1
    assert "protest.[2] The UN" in body and "higher rates,[4] and" in body and "decides;[9]" in body


def test_structure_styles_and_emphasis_follow_the_pdf(exported):
    paragraphs = exported.document.paragraphs
    by_style = lambda name: [p for p in paragraphs if p.style.name == name]  # noqa: E731
    assert [p.text for p in by_style("Title")] == [b.DEMO_TITLE]
    assert [p.text for p in by_style("Heading 1")] == ["Supporting Statement", "Filers"]
    labelled = [p for p in paragraphs if p.text.startswith(("WHEREAS:", "RESOLVED:"))]
    assert [p.text.split(":")[0] for p in labelled] == ["WHEREAS"] * 5 + ["RESOLVED"]
    assert all(p.runs[0].bold and p.runs[0].text in ("WHEREAS:", "RESOLVED:") for p in labelled)
    bullets = [p.text for p in by_style("List Bullet")]
    assert bullets[:3] == [
        "the criteria the Company uses to decline or restrict a sale, and who decides;",
        "how customers' compliance with use restrictions is monitored, and what happens when it fails;",
        "the role of affected communities and independent experts in the assessment.",
    ]
    last = next(p for p in paragraphs if p.text.startswith("See the"))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in last.iter_inner_content() if hasattr(r, "bold")]
    assert ("act ", True, False) in runs and ("now", True, True) in runs
    assert paragraphs[0].text.startswith(f"DRAFT — version {exported.version.number} · SHA-256 ")


def test_links_are_real_hyperlinks_in_the_text_and_in_the_notes(exported):
    last = next(p for p in exported.document.paragraphs if p.text.startswith("See the"))
    assert [(link.text, link.address) for link in last.hyperlinks] == [("use policy", "https://www.example.com/aup")]
    link = last._p.find(f"{{{W}}}hyperlink")
    assert link.find(f".//{{{W}}}rStyle").get(f"{{{W}}}val") == "Hyperlink"
    note_rels = exported.archive.read("word/_rels/footnotes.xml.rels").decode()
    note_links = {}
    for hyperlink in exported.notes.iter(f"{{{W}}}hyperlink"):
        rid = hyperlink.get(f"{{{R}}}id")
        target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', note_rels)
        note_links[text_of(hyperlink)] = next(g for g in target.groups() if g)
    assert note_links["https://investors.example.com/10k-2025"] == "https://investors.example.com/10k-2025"
    assert len(note_links) == sum("https://" in n for n in b.DEMO_NOTES)
    assert 'TargetMode="External"' in note_rels


def test_filers_are_listed_as_the_pdf_prints_them_the_lead_marked(exported):
    paragraphs = exported.document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Filers")
    filers = paragraphs[start + 1:]
    assert [p.text for p in filers] == ["Lena Ortiz, Sisters of Testing (Lead Filer)", "Ann Early, Early Foundation"]
    assert filers[0].runs[-1].text == "(Lead Filer)" and filers[0].runs[-1].bold
    assert all(p.style.name == "List Bullet" for p in filers)


def test_document_properties_name_the_text(exported):
    properties, version = exported.document.core_properties, exported.version
    assert properties.title == b.DEMO_TITLE
    assert properties.subject == f"{version.draft.company.name}, 2027 annual meeting"
    assert properties.author == "Sisters of Testing"
    assert properties.version == str(version.number)
    assert version.sha256 in properties.keywords and version.sha256 in properties.comments
    assert properties.identifier == f"whereas:draft:{version.draft_id}:version:{version.number}:sha256:{version.sha256}"


def test_part_html_becomes_paragraphs_with_calls_hugging_their_words():
    blocks = part_blocks('<p>One  <b>two</b> three <sup class="footnote-call">2</sup>, four.</p>'
                         "<ul><li>a <i>b</i></li><li>c</li></ul><ol><li>d</li></ol>")
    assert [block.style for block in blocks] == ["Normal", "List Bullet", "List Bullet", "List Number"]
    assert blocks[0].pieces == [("text", "One ", False, False, None), ("text", "two", True, False, None),
                                ("text", " three", False, False, None), ("call", 2),
                                ("text", ", four.", False, False, None)]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed here")
def test_libreoffice_converts_it_to_a_pdf_that_shows_the_notes(exported, tmp_path):
    source = tmp_path / "proposal.docx"
    source.write_bytes(exported.data)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "proposal.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert b.DEMO_TITLE in flat
    for note in exported.version.content["footnotes"]:
        assert " ".join(note.split())[:50] in flat, note


def test_export_docx_command_writes_the_version(exported, tmp_path):
    output = tmp_path / "out.docx"
    call_command("export_docx", "--draft", str(exported.version.draft_id), "-o", str(output))
    written = docx.Document(str(output))
    assert written.core_properties.identifier.endswith(exported.version.sha256)
    assert exported.version.draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).count() == 1
    call_command("export_docx", "--draft", str(exported.version.draft_id), "--version",
                 str(exported.version.number), "-o", str(output))
    assert exported.version.draft.audit_events.filter(verb=AuditEvent.Verb.EXPORTED).count() == 1  # stored once
