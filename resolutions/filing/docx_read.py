"""An edited Word copy read back: its title, parts (sanitized-HTML subset, numbered calls), notes and origin.

Bytes in, ``WordProposal`` out, or ``WordFileError`` with a message for the user.
``read_word_proposal`` reads the file in a sandbox worker within the upload limits
(``config.untrusted``), and the package's ZIP directory is checked before python-docx opens it. Parts are found
as ``docx_export`` wrote them: a paragraph starting with "WHEREAS:" or "RESOLVED:", or with a
part's hidden bookmark, starts a part; the first paragraph after the "Supporting Statement"
heading starts one; any other paragraph continues the part before it; the "Filers" heading
ends the text. Tracked changes are read as accepted (insertions kept, deletions dropped) and
counted. Word numbers footnotes by their order of reference, and so does this reader.
"""
import io
import re
import zipfile
from dataclasses import dataclass

import docx

from config import untrusted

from .docx_export import FILERS_BOOKMARK
from .docx_paragraphs import Paragraph, Reader, TrackedChanges, body_paragraphs, footnote_texts, joined

IDENTIFIER = re.compile(r"whereas:draft:(\d+):version:(\d+):sha256:([0-9a-f]{64})")
SHA256 = re.compile(r"\b[0-9a-f]{64}\b")
PART_BOOKMARK = re.compile(r"^_Part_(whereas|resolved|supporting)_\d+$")


class WordFileError(Exception):
    """The upload is not a Word file this app can read; the message says why, for the user."""


@dataclass(frozen=True)
class Origin:
    sha256: str
    draft_id: int | None = None
    number: int | None = None


@dataclass
class WordPart:
    kind: str
    html: str


@dataclass
class WordProposal:
    title: str
    parts: list[WordPart]
    footnotes: list[str]
    origin: Origin | None
    tracked: TrackedChanges


def check_package(data: bytes, expansion: untrusted.Expansion) -> None:
    """Refuse what is not a ZIP package, or unpacks to far more than a proposal could (a ZIP bomb)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise WordFileError("This is an old-style Word file (.doc). Open it in Word, save it as .docx and upload that.")
    if data.startswith(b"%PDF"):
        raise WordFileError("This is a PDF, not a Word file. Upload the .docx downloaded from the versions page.")
    try:
        untrusted.check_zip(data, expansion)
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        if isinstance(error, untrusted.Overexpanded):
            raise
        raise WordFileError("This file is not a Word document (.docx): it is not a Word package, or it is "
                            "damaged.") from error


def read_word_proposal(data: bytes) -> WordProposal:
    """The proposal in an edited Word copy, read in the sandbox."""
    return untrusted.read(read_in_sandbox, data, subject="Reading this Word file", error=WordFileError)


def read_in_sandbox(data: bytes, *, expansion: untrusted.Expansion) -> WordProposal:
    """What ``read_word_proposal`` runs in the sandbox worker."""
    check_package(data, expansion)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises key, value and XML errors on packages that are not .docx
        untrusted.raise_if_stopped(error)
        raise WordFileError("This file is not a Word document (.docx) that can be read; open it in Word, save it "
                            "as a Word document and upload it again.") from error
    tracked = TrackedChanges()
    reader = Reader(document.part, tracked)
    paragraphs = joined([reader.paragraph(p) for p in body_paragraphs(document.element.body)])
    note_texts = footnote_texts(document, tracked)
    numbers: dict[str, int] = {}
    for paragraph in paragraphs:
        paragraph.resolve(reader.bookmarked_notes, numbers)
    title, parts = _structure(paragraphs)
    if not parts:
        raise WordFileError("No proposal text was found in this Word file: it should hold the title, the WHEREAS, "
                            "RESOLVED and supporting paragraphs, and the Filers heading, as exported.")
    footnotes = [note_texts.get(note_id, "") for note_id in numbers]
    return WordProposal(title=title, parts=parts, footnotes=footnotes, origin=_origin(document), tracked=tracked)


def _origin(document) -> Origin | None:
    properties = document.core_properties
    match = IDENTIFIER.search(properties.identifier or "")
    if match:
        return Origin(sha256=match.group(3), draft_id=int(match.group(1)), number=int(match.group(2)))
    found = SHA256.search(f"{properties.keywords or ''} {properties.comments or ''}")
    return Origin(sha256=found.group(0)) if found else None


def _structure(paragraphs: list[Paragraph]) -> tuple[str, list[WordPart]]:
    """The title and the parts, between the Title paragraph and the Filers heading."""
    start = next((i for i, p in enumerate(paragraphs) if p.style == "Title"), None)
    title = " ".join(paragraphs[start].text.split()) if start is not None else ""
    if start is None:
        start = next((i - 1 for i, p in enumerate(paragraphs) if any(PART_BOOKMARK.match(b) for b in p.bookmarks)),
                     -1)
    parts: list[tuple[str, list[Paragraph]]] = []
    fresh = False
    for paragraph in paragraphs[start + 1:]:
        heading = paragraph.style.startswith("Heading")
        text = " ".join(paragraph.text.split())
        if FILERS_BOOKMARK in paragraph.bookmarks or (heading and text == "Filers"):
            break
        if heading and text == "Supporting Statement":
            fresh = True
            continue
        if not text and not any(piece[0] == "call" for piece in paragraph.pieces):
            continue
        kind = paragraph.strip_label()
        marked = next((m.group(1) for b in paragraph.bookmarks if (m := PART_BOOKMARK.match(b))), "")
        if kind or marked or fresh or not parts:
            parts.append((kind or marked or "supporting", [paragraph]))
        else:
            parts[-1][1].append(paragraph)
        fresh = False
    return title, [WordPart(kind=kind, html=_part_html(blocks)) for kind, blocks in parts]


def _part_html(paragraphs: list[Paragraph]) -> str:
    """Paragraphs as a part's HTML: one plain paragraph stays bare, several are <p>s; list items are grouped."""
    wrap = sum(1 for p in paragraphs if not p.list_kind) > 1
    out, open_list = [], ""
    for paragraph in paragraphs:
        inline = paragraph.inline_html()
        if paragraph.list_kind != open_list and open_list:
            out.append(f"</{open_list}>")
            open_list = ""
        if paragraph.list_kind:
            if not open_list:
                out.append(f"<{paragraph.list_kind}>")
                open_list = paragraph.list_kind
            out.append(f"<li>{inline}</li>")
        else:
            out.append(f"<p>{inline}</p>" if wrap else inline)
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)
