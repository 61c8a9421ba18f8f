"""Page-aware lines of a long PDF (a proxy statement), read fast with pypdfium2.

PDFium segments each page's text into rectangles (runs of text on one baseline) and
returns the text inside a rectangle in C, so a 150-page document is read without a
Python loop per character. The rectangles then go through the same line grouping,
superscript and two-column handling as the single-resolution reader (``pdf_text``).
Each line keeps its page number and position, so that running heads, page footers and
paragraph breaks can be told apart later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2

from config import untrusted

from .errors import DocumentError
from .pdf_text import NO_TEXT_LAYER, _column_order, _group_lines, _gutter, _is_superscript, _Line
from .text import from_superscript, normalize_text, to_superscript

_PAREN_CALL = re.compile(r"\(?([0-9]{1,3})\)?")
_RAISE = 0.25
# A number this many line heights to the right of the rest of its line stands apart.
_DETACHED = 4
# Lines this much smaller than the page's usual line are notes.
_NOTE_SIZE = 0.9
# A line starting less than this many of its heights below the line above follows it.
_NEXT_LINE = 1.5
_LEADING_CALL = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+) ?")


@dataclass
class PageLine:
    page: int  # 1-based
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    page_height: float
    page_width: float


def pdf_pages(data: bytes, *, expansion: untrusted.Expansion) -> list[list[PageLine]]:
    """The lines of every page, in reading order; raises DocumentError for an unreadable file.

    PDFium inflates streams in C, out of our sight: the page count is checked first, and the
    text it extracts is spent from ``expansion``'s budget page by page (the sandbox caps the rest).
    """
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError("This PDF is password-protected; remove the password and upload it again.") from error
        raise DocumentError("This PDF could not be read; the file may be damaged.") from error
    budget = expansion.budget()
    try:
        expansion.check_pages(len(document))
        pages = [_page_lines(document[index], index + 1, budget) for index in range(len(document))]
    finally:
        document.close()
    if not any(pages):
        raise DocumentError(NO_TEXT_LAYER)
    return pages


def _page_lines(page: pypdfium2.PdfPage, number: int, budget: untrusted.Budget) -> list[PageLine]:
    width, height = page.get_size()
    textpage = page.get_textpage()
    segments = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = normalize_text(textpage.get_text_bounded(left, bottom, right, top)).replace("\n", " ")
        budget.spend(len(text))
        if text:
            segments.append(
                {"text": text, "x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                 "size": top - bottom}
            )
    textpage.close()
    page.close()
    lines = _group_lines(sorted(segments, key=lambda segment: segment["top"]))
    gutter = _gutter(lines)
    if gutter is not None:
        lines = _column_order(lines, gutter)
    lines = [part for line in lines for part in _detach_page_number(line)]
    sizes = sorted(line.size for line in lines)
    body_size = sizes[len(sizes) // 2] if sizes else 0
    result: list[PageLine] = []
    for line in lines:
        text = _line_text(line)
        leading_call = _LEADING_CALL.match(text)
        if leading_call and line.size >= _NOTE_SIZE * body_size:
            if result and line.top - result[-1].bottom < _NEXT_LINE * line.size:
                # a call raised above the start of a body line ends the line above
                result[-1].text += leading_call[1]
                text = text[leading_call.end():]
            # else a number raised beside a footer ("⁶⁰ 2024 Proxy Statement"): kept as it is
        elif leading_call:  # a raised note number opening a note
            text = f"{from_superscript(leading_call[1])} {text[leading_call.end():]}"
        if text:
            x0 = min(w["x0"] for w in line.words)
            result.append(PageLine(number, text, x0, line.x1, line.top, line.bottom, line.size, height, width))
    return result


def _detach_page_number(line: _Line) -> list[_Line]:
    """A number set far to the right of a line (a page number beside the last note): a line of its own."""
    words = sorted(line.words, key=lambda word: word["x0"])
    last = words[-1]
    if len(words) < 2 or not last["text"].strip().isdigit():
        return [line]
    if last["x0"] - max(word["x1"] for word in words[:-1]) < _DETACHED * line.size:
        return [line]
    rest = words[:-1]
    return [_Line(min(w["top"] for w in rest), max(w["bottom"] for w in rest), max(w["size"] for w in rest), rest),
            _Line(last["top"], last["bottom"], last["size"], [last])]


def _is_raised(segment: dict, line: _Line) -> bool:
    """Set above the line's baseline (rectangle heights are too uneven to compare sizes)."""
    return _is_superscript(segment, line) or segment["bottom"] < line.bottom - _RAISE * line.size


def _line_text(line: _Line) -> str:
    """Segments left to right; a raised small number, "(3)" or "3", becomes a superscript call."""
    text = ""
    for segment in sorted(line.words, key=lambda segment: segment["x0"]):
        call = _PAREN_CALL.fullmatch(segment["text"])
        if call and _is_raised(segment, line) and (text or len(line.words) > 1):
            text = text.rstrip() + to_superscript(call[1])
        else:
            text += (" " if text and not text.endswith(" ") else "") + segment["text"]
    return " ".join(text.split())
