"""Text of a PDF's text layer, with paragraph breaks and superscript footnote calls kept.

pdfplumber gives words with positions. Words are grouped into lines by vertical overlap
(so a raised superscript stays on its line), small raised digits become superscript
digits glued to the word before, and a blank line is written where the vertical gap
between two lines is clearly larger than the usual line spacing.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from .errors import DocumentError
from .text import to_superscript

NO_TEXT_LAYER = (
    "This PDF has no text layer (it is probably a scan), so its text cannot be read. "
    "Upload the original .docx or a PDF saved from a word processor, or paste the text."
)
# A word this much smaller than its line and raised above the baseline is a superscript.
_SUPERSCRIPT_SIZE = 0.9
_SUPERSCRIPT_RAISE = 0.1
# Two lines overlapping by this share of the smaller height are one line.
_SAME_LINE_OVERLAP = 0.4
# A gap this many font sizes above the usual line gap separates paragraphs.
_PARAGRAPH_GAP = 0.5
# Lines whose font sizes differ by more than this share are in different paragraphs.
_SIZE_CHANGE = 0.15
# A page's last line ending this far left of the text's right edge ends its paragraph.
_FULL_LINE = 0.85
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[0-9]{1,3}(?:\s*(?:of|/)\s*[0-9]{1,3})?|-\s*[0-9]{1,3}\s*-", re.I)


@dataclass
class _Line:
    top: float
    bottom: float
    size: float
    words: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""

    @property
    def x1(self) -> float:
        return max(word["x1"] for word in self.words)


def pdf_text(data: bytes) -> str:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except Exception as error:  # pdfminer raises many types on damaged files
        if any(isinstance(arg, PDFPasswordIncorrect) for arg in error.args):
            raise DocumentError("This PDF is password-protected; remove the password and upload it again.") from error
        raise DocumentError("This PDF could not be read; the file may be damaged.") from error
    if not any(pages):
        raise DocumentError(NO_TEXT_LAYER)
    return _layout(pages)


def _page_lines(page: Any) -> list[_Line]:
    words = page.extract_words(extra_attrs=["size"])
    lines = _group_lines(sorted(words, key=lambda word: word["top"]))
    for line in lines:
        line.text = _line_text(line)
    lines = _attach_stray_superscripts(lines)
    if len(lines) > 1 and _PAGE_NUMBER.fullmatch(lines[-1].text):
        lines.pop()
    return lines


def _group_lines(words: list[dict[str, Any]]) -> list[_Line]:
    lines: list[_Line] = []
    for word in words:
        line = next((line for line in reversed(lines[-3:]) if _overlaps(line, word)), None)
        if line is None:
            lines.append(_Line(word["top"], word["bottom"], word["size"], [word]))
            continue
        line.words.append(word)
        if word["size"] > line.size:
            line.top, line.bottom, line.size = word["top"], word["bottom"], word["size"]
    return sorted(lines, key=lambda line: line.top)


def _overlaps(line: _Line, word: dict[str, Any]) -> bool:
    overlap = min(line.bottom, word["bottom"]) - max(line.top, word["top"])
    smaller = min(line.bottom - line.top, word["bottom"] - word["top"])
    return overlap > _SAME_LINE_OVERLAP * smaller


def _is_superscript(word: dict[str, Any], line: _Line) -> bool:
    return (
        word["size"] < _SUPERSCRIPT_SIZE * line.size
        and word["bottom"] < line.bottom - _SUPERSCRIPT_RAISE * line.size
    )


def _line_text(line: _Line) -> str:
    """Words left to right; a superscript is glued to the word before it."""
    text = ""
    for word in sorted(line.words, key=lambda word: word["x0"]):
        if not _is_superscript(word, line):
            text += (" " if text else "") + word["text"]
        elif text:
            text += _superscript(word["text"])
        else:  # a note marker opening the line
            text = _superscript(word["text"]) + " "
    return text.strip()


def _superscript(text: str) -> str:
    return to_superscript(text) if text.isascii() and text.isdigit() else text


def _attach_stray_superscripts(lines: list[_Line]) -> list[_Line]:
    """A call wrapped onto a line of its own (small digits alone) goes back to the line above."""
    sizes = sorted(line.size for line in lines)
    body_size = sizes[len(sizes) // 2] if sizes else 0
    kept: list[_Line] = []
    for line in lines:
        stray = line.text.isascii() and line.text.isdigit() and line.size < _SUPERSCRIPT_SIZE * body_size
        if stray and kept:
            kept[-1].text += to_superscript(line.text)
        else:
            kept.append(line)
    return kept


def _layout(pages: list[list[_Line]]) -> str:
    """Join the lines, with a blank line between paragraphs."""
    usual_gap = _usual_gap(pages)
    out: list[str] = []
    last_page: list[_Line] = []
    for page in filter(None, pages):
        if last_page and not _page_ends_mid_paragraph(last_page):
            out.append("")
        out.append(page[0].text)
        for previous, line in zip(page, page[1:]):
            if _starts_paragraph(line, previous, usual_gap):
                out.append("")
            out.append(line.text)
        last_page = page
    return "\n".join(out)


def _starts_paragraph(line: _Line, previous: _Line, usual_gap: float) -> bool:
    """A clearly larger gap, or a change of font size (a heading), starts a paragraph."""
    if abs(line.size - previous.size) > _SIZE_CHANGE * previous.size:
        return True
    return line.top - previous.bottom > usual_gap + _PARAGRAPH_GAP * previous.size


def _usual_gap(pages: list[list[_Line]]) -> float:
    """The gap between lines of one paragraph: a low quantile of all gaps."""
    gaps = sorted(line.top - previous.bottom for page in pages for previous, line in zip(page, page[1:]))
    return gaps[len(gaps) // 5] if gaps else 0.0


def _page_ends_mid_paragraph(page: list[_Line]) -> bool:
    right_edge = max(line.x1 for line in page)
    return page[-1].x1 >= _FULL_LINE * right_edge
