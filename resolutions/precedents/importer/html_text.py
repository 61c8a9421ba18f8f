"""Text of an EDGAR HTML filing: one paragraph per block element, a form feed per page break.

What the filing agents' markup says is kept: a page break where a style asks for one (before or
after its element; a rule drawn inside that element is the same break), or, in a document without
such styles, at each full-width ``<hr>``; a note call raised by ``<sup>`` or a raised span as
superscript digits, so that it is not read as digits glued to the word; a bullet set in a cell of
its own before its text's cell as one paragraph with it; a list item with its bullet or number.
Hidden elements (an inline XBRL header) are not text. With ``sizes``, each paragraph opens with its
type size in points between ``SIZE_MARK`` and ``SIZE_END`` (the size most of its letters are set
in), for the proxy reader to tell notes set small from the body.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .text import to_superscript

_BLOCKS = frozenset("p div br tr li h1 h2 h3 h4 h5 h6 table blockquote section article center".split())
_PAGE_BREAK = re.compile(r"page-break-(before|after)\s*:\s*always|break-(before|after)\s*:\s*page", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
# A span set above the line: "vertical-align:super|top" with a smaller type, or moved up by "top:-3pt"
_RAISED = re.compile(r"vertical-align\s*:\s*super|(?<![-\w])top\s*:\s*-[0-9.]+\s*(?:pt|px|em)", re.I)
_RAISED_TOP = re.compile(r"vertical-align\s*:\s*(?:top|text-top)", re.I)
_SMALLER = re.compile(r"font-size\s*:\s*(?:[0-9]{1,2}%|[0-7](?:\.[0-9]+)?pt|smaller|x-small|xx-small)", re.I)
_CALL = re.compile(r"\s*\(?[0-9]{1,3}\)?(?:\s*,\s*\(?[0-9]{1,3}\)?)*\s*")
_NARROW_RULE = re.compile(r"width\s*[:=]\s*['\"]?(?:[0-4]?[0-9](?:\.[0-9]+)?%|[0-9]{1,3}(?:pt|px))", re.I)
_SKIP = frozenset(("script", "style", "head", "title"))
SIZE_MARK, SIZE_END = "\ue000", "\ue001"  # private-use characters: never in a filing's text
_MARK = f"(?:{SIZE_MARK}[0-9.]+{SIZE_END})?"
_FONT_SIZE = re.compile(r"(?:font-size\s*:\s*|(?<![-\w])font\s*:[^;]*?)([0-9]*\.?[0-9]+)\s*(pt|px|%|em)", re.I)
_FONT_TAG_SIZES = {"1": 7.5, "2": 10.0, "3": 12.0, "4": 13.5, "5": 18.0, "6": 24.0, "7": 36.0}
_ROOT_SIZE = 12.0  # a browser's "medium"
_MARK_CELL = re.compile(rf"(?m)^({_MARK}(?:[•●○◦▪▫■□‣⁃∙·–—\-]|\(?[0-9]{{1,2}}[.)]|\(?[a-z][.)]|\(?[ivx]{{1,4}}\)))\n\n{_MARK}(?=\S)")
_INLINE = frozenset("span font sup small a".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _TextParser(HTMLParser):
    def __init__(self, styled_breaks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.sizes: dict[int, float] = {}  # piece index → the type size of the paragraph it opens
        self.paragraph_at: int | None = None  # the piece the paragraph being read opens with
        self.letters: dict[float, int] = {}  # that paragraph's letters by type size
        self.skipping = 0
        self.styled_breaks = styled_breaks  # the document marks its page breaks by style: a bare <hr> is a rule
        self.open: list[tuple[str, dict]] = []  # open elements, each with what its end tag does

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        style = attributes.get("style") or ""
        breaks = _PAGE_BREAK.search(style)
        hidden = tag in _SKIP or bool(_HIDDEN.search(style))
        if tag == "hr":
            if breaks or not (self.styled_breaks or self._in_break() or _NARROW_RULE.search(style + f' width="{attributes.get("width") or ""}"')):
                self._page_break()
            return
        if breaks and (breaks.group(1) or breaks.group(2)).lower() == "before":
            self._page_break()
        elif tag in _BLOCKS:
            self._end_paragraph("\n\n" if tag != "br" else "\n")
        elif tag in ("td", "th"):
            self.pieces.append(" ")
        if tag == "li":
            self.handle_data(self._list_mark())
        if tag in _VOID:
            return
        size = self._size() if self.open else _ROOT_SIZE
        match = _FONT_SIZE.search(style)
        if match:
            value, unit = float(match[1]), match[2].lower()
            size = value if unit == "pt" else 0.75 * value if unit == "px" else size * value / (100 if unit == "%" else 1)
        elif tag == "font" and attributes.get("size") in _FONT_TAG_SIZES:
            size = _FONT_TAG_SIZES[attributes["size"]]
        raised = tag == "sup" or tag in _INLINE and bool(
            _RAISED.search(style) or _RAISED_TOP.search(style) and _SMALLER.search(style))
        self.open.append((tag, {"after": bool(breaks) and not self._before(breaks), "break": bool(breaks),
                                "hidden": hidden, "raised": len(self.pieces) if raised else None, "size": size}))
        if tag == "ol":
            start = attributes.get("start") or "1"
            self.open[-1][1]["items"] = int(start) - 1 if start.isdigit() else 0
        self.skipping += hidden

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _ in self.open):
            if tag in _BLOCKS:
                self._end_paragraph("\n\n")
            return
        while self.open:
            open_tag, what = self.open.pop()
            self._close(open_tag, what)
            if open_tag == tag:
                break

    def _close(self, tag, what):
        self.skipping -= what["hidden"]
        if what["raised"] is not None:
            raised = "".join(self.pieces[what["raised"]:])
            if _CALL.fullmatch(raised) and raised.strip():
                del self.pieces[what["raised"]:]
                self.pieces.append(to_superscript(raised.strip()))
        if what["after"]:
            self._page_break()
        elif tag in _BLOCKS:
            self._end_paragraph("\n\n")

    def handle_data(self, data):
        if self.skipping:
            return
        if data.strip():
            if self.paragraph_at is None:
                self.paragraph_at = len(self.pieces)
            size = round(self._size(), 1) if self.open else _ROOT_SIZE
            self.letters[size] = self.letters.get(size, 0) + len(data.strip())
        self.pieces.append(re.sub(r"\s+", " ", data))

    def _list_mark(self) -> str:
        """A list item's bullet, or its number in an ordered list (the browser draws them: no text)."""
        lists = [what for tag, what in self.open if tag in ("ul", "ol")]
        if not lists or "items" not in lists[-1]:
            return "• "
        lists[-1]["items"] += 1
        return f"{lists[-1]['items']}. "

    def _size(self) -> float:
        return self.open[-1][1]["size"]

    def _end_paragraph(self, separator: str) -> None:
        if self.paragraph_at is not None and self.paragraph_at < len(self.pieces):
            self.sizes[self.paragraph_at] = max(self.letters, key=self.letters.get)
        self.paragraph_at = None
        self.letters = {}
        self.pieces.append(separator)

    @staticmethod
    def _before(breaks) -> bool:
        return (breaks.group(1) or breaks.group(2)).lower() == "before"

    def _in_break(self) -> bool:
        return any(what["break"] for _, what in self.open)

    def _page_break(self):
        self._end_paragraph("\n\f\n")


def html_text(html: str, *, sizes: bool = False) -> str:
    parser = _TextParser(styled_breaks=bool(_PAGE_BREAK.search(html)))
    parser.feed(html)
    parser.close()
    parser._end_paragraph("")
    if sizes:
        text = "".join(f"{SIZE_MARK}{parser.sizes[index]:g}{SIZE_END}{piece.lstrip()}" if index in parser.sizes else piece
                       for index, piece in enumerate(parser.pieces))
    else:
        text = "".join(parser.pieces)
    text = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return _MARK_CELL.sub(r"\1 ", text).strip()
