"""A version as a Word file counsel can edit: the PDF's text, in Word's own styles, with native footnotes.

It reads what the PDF reads (``ProposalDocument``: the parts as printed, the filers, final or
not) and writes it with python-docx: Title, Heading 1, List Bullet / List Number, Hyperlink,
Footnote Text. Each part's first paragraph starts with a hidden bookmark naming the part's kind
(``_Part_whereas_1``), the filer list's heading with ``_Filers``; the core properties name the
draft, the version and its SHA-256. ``docx_read`` uses these to read an edited copy back.
"""
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import docx
from django.utils import timezone
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..models import DraftVersion
from resolutions.filing.pdf.proposal import ProposalDocument
from .docx_footnotes import Footnotes, ensure_style, text_run

HYPERLINK = "Hyperlink"
_HYPERLINK_STYLE = (
    '<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="character" '
    f'w:styleId="{HYPERLINK}"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/>'
    '<w:u w:val="single"/></w:rPr></w:style>'
)
PART_BOOKMARK = "_Part_{kind}_{index}"
FILERS_BOOKMARK = "_Filers"
IDENTIFIER = "whereas:draft:{draft}:version:{number}:sha256:{sha256}"
# A URL in a note's text, as the PDF's urlize finds it (trailing punctuation is not part of it).
NOTE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+?(?=[.,;:!?)\]’”'\"]*(?:\s|$))")
_BOOKMARK_IDS_FROM = 10_000  # note bookmarks use ids 1..n
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Block:
    """One Word paragraph of a part: its style and its pieces (text runs and note references)."""

    style: str = "Normal"
    pieces: list = field(default_factory=list)  # ("text", text, bold, italic, href) | ("call", number)

    def add_text(self, text: str, *, bold: bool, italic: bool, href: str | None) -> None:
        if not self.pieces:
            text = text.lstrip()
        if text:
            self.pieces.append(("text", text, bold, italic, href))

    def add_call(self, number: int) -> None:
        self._strip_end()  # a call hugs the word before it
        self.pieces.append(("call", number))

    def _strip_end(self) -> None:
        while self.pieces and self.pieces[-1][0] == "text":
            kind, text, *rest = self.pieces[-1]
            stripped = text.rstrip()
            if stripped:
                self.pieces[-1] = (kind, stripped, *rest)
                return
            self.pieces.pop()

    def finish(self) -> "Block":
        self._strip_end()
        return self


class _PartParser(HTMLParser):
    """Sanitized part HTML (p, br, b/strong, i/em, a, ul/ol/li, sup.footnote-call) to Word paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.bold = self.italic = 0
        self.links: list[str | None] = []
        self.lists: list[str] = []
        self.call: str | None = None

    def _flush(self) -> None:
        if self.current is not None and self.current.finish().pieces:
            self.blocks.append(self.current)
        self.current = None

    def _block(self) -> Block:
        if self.current is None:
            self.current = Block()
        return self.current

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._flush()
            self.current = Block()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(tag)
        elif tag == "li":
            self._flush()
            self.current = Block(style="List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet")
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or None)
        elif tag == "br":
            self._block().pieces.append(("text", "\n", False, False, None))
        elif tag == "sup":
            self.call = ""

    def handle_endtag(self, tag):
        if tag in ("p", "li"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("i", "em"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a" and self.links:
            self.links.pop()
        elif tag == "sup" and self.call is not None:
            if self.call.strip().isdigit():
                self._block().add_call(int(self.call))
            self.call = None

    def handle_data(self, data):
        if self.call is not None:
            self.call += data
            return
        text = _WHITESPACE.sub(" ", data)
        if text.strip() or self.current is not None:
            self._block().add_text(text, bold=self.bold > 0, italic=self.italic > 0,
                                   href=next((h for h in reversed(self.links) if h), None))


def part_blocks(html: str) -> list[Block]:
    parser = _PartParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


def add_hyperlink(paragraph, part, url: str, text: str, *, bold=False, italic=False) -> None:
    """A real ``w:hyperlink`` (an external relationship of ``part``) in the Hyperlink style."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.set(qn("w:history"), "1")
    link.append(text_run(text, bold=bold, italic=italic, style=HYPERLINK))
    paragraph.append(link)


def _note_runs(paragraph, part, text: str) -> None:
    """A note's text, its URLs made links, as the PDF's urlize does."""
    position = 0
    for match in NOTE_URL.finditer(text):
        if match.start() > position:
            paragraph.append(text_run(text[position:match.start()]))
        url = match.group(0)
        add_hyperlink(paragraph, part, url if "://" in url else f"https://{url}", url)
        position = match.end()
    if position < len(text):
        paragraph.append(text_run(text[position:]))


@dataclass
class ProposalWord:
    """The Word copy of one version."""

    proposal: ProposalDocument

    @classmethod
    def of(cls, version: DraftVersion) -> "ProposalWord":
        return cls(proposal=ProposalDocument.of(version))

    @property
    def storage_name(self) -> str:
        name = self.proposal.storage_name
        return "docx/" + name.removeprefix("pdfs/").removesuffix(".pdf") + ".docx"

    def document(self):
        """The python-docx Document (``render`` saves it)."""
        version, proposal = self.proposal.version, self.proposal
        content = version.content
        document = docx.Document()
        ensure_style(document, HYPERLINK, _HYPERLINK_STYLE)
        footnotes = Footnotes(document)
        body_part = document.part
        if not proposal.final:
            document.add_paragraph(f"DRAFT — version {version.number} · SHA-256 {version.short_hash}")
        kicker = document.add_paragraph()
        kicker.add_run(f"Shareholder proposal · {content['company']} · {content['meeting_year']} annual meeting"
                       ).italic = True
        document.add_paragraph(content["title"], style="Title")
        bookmark_id = _BOOKMARK_IDS_FROM
        for index, part in enumerate(proposal.printed_parts(), start=1):
            if part["heading"]:
                document.add_heading("Supporting Statement", level=1)
            if part["whereas_heading"]:  # the print style's one "WHEREAS," before plain recitals
                document.add_paragraph().add_run("WHEREAS,").bold = True
            for position, block in enumerate(part_blocks(part["html"])):
                paragraph = document.add_paragraph(style=block.style)._p
                if position == 0:
                    bookmark_id += 1
                    _bookmark(paragraph, bookmark_id, PART_BOOKMARK.format(kind=part["kind"], index=index))
                    if part["label"]:
                        paragraph.append(text_run(part["label"], bold=True))
                        paragraph.append(text_run(" "))
                for piece in block.pieces:
                    if piece[0] == "call":
                        footnotes.reference(paragraph, piece[1])
                        continue
                    _, text, bold, italic, href = piece
                    if href:
                        add_hyperlink(paragraph, body_part, href, text, bold=bold, italic=italic)
                    else:
                        paragraph.append(text_run(text, bold=bold, italic=italic))
        heading = document.add_heading("Filers", level=1)._p
        bookmark_id += 1
        _bookmark(heading, bookmark_id, FILERS_BOOKMARK)
        if content["layout"].get("lead_filer_first", True):
            for filer in proposal.filers:
                self._filer_item(document, filer, mark_lead=True)
        else:  # the print style's order: co-filers, then the lead under its own heading, as the PDF prints it
            for filer in proposal.filers:
                if not filer.lead:
                    self._filer_item(document, filer)
            document.add_heading("Lead Filer", level=2)
            for filer in proposal.filers:
                if filer.lead:
                    self._filer_item(document, filer)
        for number, text in enumerate(content["footnotes"], start=1):
            _note_runs(footnotes.add(number), footnotes.part, text)
        self._properties(document)
        return document

    @staticmethod
    def _filer_item(document, filer, *, mark_lead: bool = False) -> None:
        item = document.add_paragraph(style="List Bullet")
        item.add_run(f"{filer.name}, {filer.organization}" if filer.name else filer.organization)
        if filer.representation:  # Rule 14a-8(b)(1)(iv): the filer submits for this shareholder
            item.add_run(f", for {filer.representation.shareholder_name}")
        if mark_lead and filer.lead:
            item.add_run(" ")
            item.add_run("(Lead Filer)").bold = True

    def _properties(self, document) -> None:
        version, content = self.proposal.version, self.proposal.version.content
        properties = document.core_properties
        properties.title = content["title"][:255]
        properties.subject = self.proposal.subject
        properties.author = self.proposal.filers[0].organization[:255]
        properties.last_modified_by = ""
        properties.category = "Shareholder proposal"
        properties.keywords = ", ".join([*content.get("topics", []), f"SHA-256 {version.sha256}"])[:255]
        properties.comments = (f"{content['company']} · {content['meeting_year']} annual meeting · version "
                               f"{version.number} · SHA-256 {version.sha256}")
        properties.identifier = IDENTIFIER.format(draft=version.draft_id, number=version.number,
                                                  sha256=version.sha256)
        properties.version = str(version.number)
        properties.revision = version.number
        properties.created = properties.modified = version.created_at or timezone.now()

    def render(self) -> bytes:
        out = io.BytesIO()
        self.document().save(out)
        return out.getvalue()


def _bookmark(paragraph, bookmark_id: int, name: str) -> None:
    """A hidden, empty bookmark at the start of ``paragraph`` (after its properties)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    start.addnext(end)
