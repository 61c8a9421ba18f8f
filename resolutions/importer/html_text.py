"""Text of an EDGAR HTML filing: one paragraph per block element, a form feed per page break."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCKS = frozenset("p div br tr li h1 h2 h3 h4 h5 h6 table blockquote section article center".split())
_PAGE_BREAK = re.compile(r"page-break-(?:before|after)\s*:\s*always|break-(?:before|after)\s*:\s*page", re.I)
_SKIP = frozenset(("script", "style", "head", "title"))


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        style = dict(attrs).get("style") or ""
        if tag == "hr" or _PAGE_BREAK.search(style):
            self.pieces.append("\n\f\n")
        elif tag in _BLOCKS:
            self.pieces.append("\n\n" if tag != "br" else "\n")
        elif tag in ("td", "th"):
            self.pieces.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.pieces.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(re.sub(r"\s+", " ", data))


def html_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = unescape("".join(parser.pieces))
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
