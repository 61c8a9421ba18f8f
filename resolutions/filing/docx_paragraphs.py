"""Word XML walked for ``docx_read``: paragraphs as pieces of text (bold, italic, link), footnote calls and
cross-references, with tracked changes read as accepted (insertions kept, deletions dropped) and counted."""
import html
import re
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

LABELS = {"WHEREAS:": "whereas", "RESOLVED:": "resolved"}
NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)")
HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"')
_SPACES = re.compile(r"[ \t\u00a0]+")
_BOLD_STYLES, _ITALIC_STYLES = {"Strong"}, {"Emphasis"}
_OFF = {"0", "false", "off", "none"}


@dataclass
class TrackedChanges:
    insertions: int = 0
    deletions: int = 0

    def __bool__(self):
        return bool(self.insertions or self.deletions)

    def __str__(self):
        def count(n, word):
            return f"{n} {word}{'' if n == 1 else 's'}"
        return f"{count(self.insertions, 'insertion')} and {count(self.deletions, 'deletion')}"


def body_paragraphs(container):
    """Body paragraphs in reading order, inside content controls too (tables are not part of a proposal)."""
    for child in container:
        if child.tag == qn("w:p"):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from body_paragraphs(content)
        elif child.tag in (qn("w:ins"), qn("w:moveTo"), qn("w:customXml")):
            yield from body_paragraphs(child)


def joined(paragraphs: list["Paragraph"]) -> list["Paragraph"]:
    """Paragraphs whose mark was deleted (a tracked change) joined with the paragraph after them."""
    out: list["Paragraph"] = []
    for paragraph in paragraphs:
        if out and out[-1].runs_on:
            out[-1].pieces += paragraph.pieces
            out[-1].bookmarks += paragraph.bookmarks
            out[-1].runs_on = paragraph.runs_on
        else:
            out.append(paragraph)
    return out


@dataclass
class Paragraph:
    style: str
    list_kind: str  # "", "ul" or "ol"
    bookmarks: list[str]
    pieces: list = field(default_factory=list)  # ("text", text, bold, italic, href) | ("call", id) | ("ref", name)
    runs_on: bool = False

    def resolve(self, bookmarked_notes: dict[str, str], numbers: dict[str, int]) -> None:
        """Cross-references become calls to the note they point at; notes are numbered on first call."""
        resolved = []
        for piece in self.pieces:
            if piece[0] == "ref":
                if piece[1] not in bookmarked_notes:
                    continue
                piece = ("call", bookmarked_notes[piece[1]])
            if piece[0] == "call":
                numbers.setdefault(piece[1], len(numbers) + 1)
                piece = ("call", numbers[piece[1]])
            resolved.append(piece)
        self.pieces = resolved

    @property
    def text(self) -> str:
        return "".join(piece[1] for piece in self.pieces if piece[0] == "text")

    def strip_label(self) -> str:
        """The part kind its "WHEREAS:"/"RESOLVED:" label names (the label removed), or ""."""
        text = self.text.lstrip()
        label = next((label for label in LABELS if text.startswith(label)), None)
        if label is None:
            return ""
        remaining, pieces = len(self.text) - len(text) + len(label), []
        for piece in self.pieces:
            if remaining and piece[0] == "text":
                cut = min(remaining, len(piece[1]))
                remaining -= cut
                piece = (piece[0], piece[1][cut:], *piece[2:])
                if not piece[1]:
                    continue
            pieces.append(piece)
        self.pieces = pieces
        return LABELS[label]

    def inline_html(self) -> str:
        out, previous = [], None
        for piece in self.pieces:
            if piece[0] == "call":
                while out and isinstance(out[-1], list) and not out[-1][0].rstrip():
                    out.pop()
                if out and isinstance(out[-1], list):
                    out[-1][0] = out[-1][0].rstrip()
                out.append(f'<sup class="footnote-call">{piece[1]}</sup>')
                previous = None
                continue
            _, text, bold, italic, href = piece
            text = _SPACES.sub(" ", text)
            if previous == (bold, italic, href) and isinstance(out[-1], list):
                out[-1][0] = _SPACES.sub(" ", out[-1][0] + text)
            else:
                out.append([text, bold, italic, href])
                previous = (bold, italic, href)
        return _trim("".join(_segment_html(item) if isinstance(item, list) else item for item in out))


def _segment_html(segment) -> str:
    text, bold, italic, href = segment
    body = html.escape(text, quote=False).replace("\n", "<br>")
    if not body.strip() or body == "<br>":
        return body
    lead = body[:len(body) - len(body.lstrip(" "))]
    trail = body[len(body.rstrip(" ")):]
    body = body.strip(" ")
    if italic:
        body = f"<em>{body}</em>"
    if bold:
        body = f"<strong>{body}</strong>"
    if href:
        body = f'<a href="{html.escape(href)}">{body}</a>'
    return lead + body + trail


def _trim(text: str) -> str:
    text = text.strip(" ")
    while text.startswith("<br>") or text.endswith("<br>"):
        text = text.removeprefix("<br>").removesuffix("<br>").strip(" ")
    return text


class Reader:
    """Walks paragraphs of one part (body or footnotes), tracked changes read as accepted."""

    def __init__(self, part, tracked: TrackedChanges):
        self.part, self.tracked = part, tracked
        self.bookmarked_notes: dict[str, str] = {}  # bookmark name -> the footnote id it encloses
        self._open: dict[str, str] = {}  # bookmark id -> name
        self._fields: list[dict] = []

    def paragraph(self, p) -> Paragraph:
        properties = p.find(qn("w:pPr"))
        style = ""
        numbered = False
        if properties is not None:
            style_element = properties.find(qn("w:pStyle"))
            style = style_element.get(qn("w:val")) if style_element is not None else ""
            numbered = properties.find(qn("w:numPr")) is not None
        list_kind = "ol" if style.startswith("ListNumber") else "ul" if numbered or style.startswith("ListBullet") \
            else ""
        paragraph = Paragraph(style=style, list_kind=list_kind, bookmarks=[])
        mark = properties.find(f"{qn('w:rPr')}/{qn('w:del')}") if properties is not None else None
        if mark is not None:  # a deleted paragraph mark: accepted, this paragraph runs on into the next
            paragraph.runs_on = True
            self.tracked.deletions += 1
        self._inline(p, paragraph, href=None)
        return paragraph

    def _inline(self, element, paragraph: Paragraph, *, href) -> None:
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                self._run(child, paragraph, href=href)
            elif tag == qn("w:hyperlink"):
                self._inline(child, paragraph, href=self._link(child) or href)
            elif tag in (qn("w:ins"), qn("w:moveTo")):
                self.tracked.insertions += 1
                self._inline(child, paragraph, href=href)
            elif tag in (qn("w:del"), qn("w:moveFrom")):
                self.tracked.deletions += 1
            elif tag == qn("w:fldSimple"):
                instruction = child.get(qn("w:instr")) or ""
                if match := NOTEREF.match(instruction):
                    paragraph.pieces.append(("ref", match.group(1)))
                else:
                    link = HYPERLINK_FIELD.match(instruction)
                    self._inline(child, paragraph, href=link.group(1) if link else href)
            elif tag in (qn("w:smartTag"), qn("w:customXml")):
                self._inline(child, paragraph, href=href)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._inline(content, paragraph, href=href)
            elif tag == qn("w:bookmarkStart"):
                name = child.get(qn("w:name")) or ""
                paragraph.bookmarks.append(name)
                self._open[child.get(qn("w:id"))] = name
            elif tag == qn("w:bookmarkEnd"):
                self._open.pop(child.get(qn("w:id")), None)

    def _link(self, hyperlink) -> str | None:
        rid = hyperlink.get(qn("r:id"))
        relationship = self.part.rels.get(rid) if rid else None
        if relationship is not None and relationship.is_external:
            return relationship.target_ref
        return None

    def _run(self, run, paragraph: Paragraph, *, href) -> None:
        bold, italic = _emphasis(run)
        for child in run:
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    self._fields.append({"instruction": "", "result": False})
                elif kind == "separate" and self._fields:
                    self._fields[-1]["result"] = True
                elif kind == "end" and self._fields:
                    done = self._fields.pop()
                    if match := NOTEREF.match(done["instruction"]):
                        paragraph.pieces.append(("ref", match.group(1)))
                continue
            if tag == qn("w:instrText"):
                if self._fields:
                    self._fields[-1]["instruction"] += child.text or ""
                continue
            field = self._fields[-1] if self._fields else None
            if field is not None and (not field["result"] or NOTEREF.match(field["instruction"])):
                continue  # a field's code, or a cross-reference's shown number (the call stands for it)
            link = HYPERLINK_FIELD.match(field["instruction"]) if field else None
            target = link.group(1) if link else href
            if tag == qn("w:t"):
                paragraph.pieces.append(("text", child.text or "", bold, italic, target))
            elif tag in (qn("w:tab"), qn("w:ptab")):
                paragraph.pieces.append(("text", " ", bold, italic, target))
            elif tag in (qn("w:br"), qn("w:cr")):
                paragraph.pieces.append(("text", "\n", False, False, None))
            elif tag == qn("w:noBreakHyphen"):
                paragraph.pieces.append(("text", "-", bold, italic, target))
            elif tag == qn("w:footnoteReference"):
                note_id = child.get(qn("w:id"))
                for name in self._open.values():
                    self.bookmarked_notes[name] = note_id
                paragraph.pieces.append(("call", note_id))


def _emphasis(run) -> tuple[bool, bool]:
    properties = run.find(qn("w:rPr"))
    if properties is None:
        return False, False

    def on(tag):
        element = properties.find(qn(tag))
        return element is not None and (element.get(qn("w:val")) or "on").lower() not in _OFF

    style = properties.find(qn("w:rStyle"))
    style = style.get(qn("w:val")) if style is not None else ""
    return on("w:b") or style in _BOLD_STYLES, on("w:i") or style in _ITALIC_STYLES


def footnote_texts(document, tracked: TrackedChanges) -> dict[str, str]:
    """Footnote id -> its text (the mark and separators left out), tracked changes accepted."""
    for relationship in document.part.rels.values():
        if relationship.reltype == RT.FOOTNOTES and not relationship.is_external:
            part = relationship.target_part
            root = parse_xml(part.blob)
            reader = Reader(part, tracked)
            notes = {}
            for note in root.iter(qn("w:footnote")):
                if note.get(qn("w:type")) not in (None, "normal"):
                    continue
                texts = [_SPACES.sub(" ", reader.paragraph(p).text).strip() for p in note.iter(qn("w:p"))]
                notes[note.get(qn("w:id"))] = " ".join(text for text in texts if text)
            return notes
    return {}

