"""Text of an EDGAR HTML filing: one paragraph per block element, a form feed per page break.

What the filing agents' markup says is kept: a page break where a style asks for one (before or
after its element; a rule drawn inside that element is the same break), or, in a document without
such styles, at each full-width ``<hr>``; a note call raised by ``<sup>`` or a raised span as
superscript digits, so that it is not read as digits glued to the word; a bullet set in a cell of
its own before its text's cell as one paragraph with it. Hidden elements (an inline XBRL header)
are not text.
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
_MARK_CELL = re.compile(r"(?m)^([•●○◦▪▫■□‣⁃∙·–—\-]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))\n\n(?=\S)")
_SKIP = frozenset(("script", "style", "head", "title"))
_INLINE = frozenset("span font sup small a".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _TextParser(HTMLParser):
    def __init__(self, styled_breaks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
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
            self.pieces.append("\n\n" if tag != "br" else "\n")
        elif tag in ("td", "th"):
            self.pieces.append(" ")
        if tag in _VOID:
            return
        raised = tag == "sup" or tag in _INLINE and bool(
            _RAISED.search(style) or _RAISED_TOP.search(style) and _SMALLER.search(style))
        self.open.append((tag, {"after": bool(breaks) and not self._before(breaks), "break": bool(breaks),
                                "hidden": hidden, "raised": len(self.pieces) if raised else None}))
        self.skipping += hidden

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _ in self.open):
            if tag in _BLOCKS:
                self.pieces.append("\n\n")
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
            self.pieces.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(re.sub(r"\s+", " ", data))

    @staticmethod
    def _before(breaks) -> bool:
        return (breaks.group(1) or breaks.group(2)).lower() == "before"

    def _in_break(self) -> bool:
        return any(what["break"] for _, what in self.open)

    def _page_break(self):
        self.pieces.append("\n\f\n")


def html_text(html: str) -> str:
    parser = _TextParser(styled_breaks=bool(_PAGE_BREAK.search(html)))
    parser.feed(html)
    parser.close()
    text = "".join(parser.pieces)
    text = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return _MARK_CELL.sub(r"\1 ", text).strip()
