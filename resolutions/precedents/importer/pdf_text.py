"""Text of a PDF's text layer, with paragraph breaks and superscript footnote calls kept.

pdfplumber gives words with positions. Words are grouped into lines by vertical overlap
(so a raised superscript stays on its line), small raised digits become superscript
digits glued to the word before, and a blank line is written where the vertical gap
between two lines is clearly larger than the usual line spacing. A page set in two
columns (as proxy statements often are) is read left column first: see ``_gutter``.
"""

from __future__ import annotations

import io
import re
from itertools import accumulate
from operator import itemgetter
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from config import untrusted

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
# A gutter: a band in the middle of the page at least this many font sizes wide that the
# words of at most this share of the lines cross, with this many lines of text on each side.
_GUTTER_WIDTH = 0.8
_GUTTER_CROSSING = 0.25
_GUTTER_MIN_LINES = 4
# ...and, being prose, at least this share of the left column's lines run most of its width.
_GUTTER_PROSE = 0.5
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


def pdf_text(data: bytes, *, expansion: untrusted.Expansion) -> str:
    """The text, read within ``expansion``: the page count first, then the inflated streams as they are read."""
    untrusted.check_pdf_pages(data, expansion)
    try:
        with untrusted.bounded_inflate(expansion.budget()), pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except Exception as error:  # pdfminer raises many types on damaged files
        untrusted.raise_if_stopped(error)
        if any(isinstance(arg, PDFPasswordIncorrect) for arg in error.args):
            raise DocumentError("This PDF is password-protected; remove the password and upload it again.") from error
        raise DocumentError("This PDF could not be read; the file may be damaged.") from error
    if not any(pages):
        raise DocumentError(NO_TEXT_LAYER)
    return _layout(pages)


def _page_lines(page: Any) -> list[_Line]:
    words = page.extract_words(extra_attrs=["size"])
    lines = _group_lines(sorted(words, key=lambda word: word["top"]))
    gutter = _gutter(lines)
    if gutter is not None:
        lines = _column_order(lines, gutter)
    for line in lines:
        line.text = _line_text(line)
    lines = _attach_stray_superscripts(lines)
    if len(lines) > 1 and _PAGE_NUMBER.fullmatch(lines[-1].text):
        lines.pop()
    return lines


def _group_lines(words: list[dict[str, Any]]) -> list[_Line]:
    lines: list[_Line] = []
    for word in words:
        top, bottom = word["top"], word["bottom"]
        height = bottom - top
        for line in lines[:-4:-1]:  # the last three, nearest first (``_overlaps``, inlined: it runs for every word)
            line_top, line_bottom = line.top, line.bottom
            # min() and max() written out: the same values, without a call each
            overlap = (bottom if bottom < line_bottom else line_bottom) - (top if top > line_top else line_top)
            line_height = line_bottom - line_top
            if overlap > _SAME_LINE_OVERLAP * (height if height < line_height else line_height):
                break
        else:
            lines.append(_Line(top, bottom, word["size"], [word]))
            continue
        line.words.append(word)
        if word["size"] > line.size:
            line.top, line.bottom, line.size = top, bottom, word["size"]
    return sorted(lines, key=lambda line: line.top)


def _gutter(lines: list[_Line]) -> tuple[float, float] | None:
    """The left and right x of the widest empty band in the middle third of the text, if it parts two columns.

    Word spaces never line up down a page, so in one-column text every x is crossed by most
    lines; between two columns almost none are (only a heading set across both).
    """
    if len(lines) < 2 * _GUTTER_MIN_LINES:
        return None
    words = [word for line in lines for word in line.words]
    left, right = min(map(itemgetter("x0"), words)), max(map(itemgetter("x1"), words))
    start, end = int(left + (right - left) / 3), int(left + 2 * (right - left) / 3)
    allowed = _GUTTER_CROSSING * len(lines)
    across = 0
    wide = end - start - 2  # a word across the middle third is wider than this
    for line in lines:
        if any(word["x1"] - word["x0"] > wide and int(word["x0"]) <= start and int(word["x1"]) >= end
               for word in line.words):
            across += 1
            if across > allowed:
                return None  # so many lines have a word across the whole middle third that no band is empty
    sizes = sorted(word["size"] for word in words)
    body_size = sizes[len(sizes) // 2]
    crossing = _crossings(lines, start, end)
    best, run_start = None, None
    for offset, count in enumerate(crossing + [len(lines)]):
        if count <= allowed and run_start is None:
            run_start = offset
        elif count > allowed and run_start is not None:
            if best is None or offset - run_start > best[1] - best[0]:
                best = (run_start, offset)
            run_start = None
    if best is None or best[1] - best[0] < _GUTTER_WIDTH * body_size:
        return None
    gutter = (start + best[0], start + best[1])
    sides = [parts for parts in _split_at(lines, gutter) if parts]
    if min(sum(1 for parts in sides if parts[i]) for i in (0, 1)) < _GUTTER_MIN_LINES:
        return None
    left_lines = [max(word["x1"] for word in parts[0]) for parts in sides if parts[0]]
    full = sum(1 for x1 in left_lines if x1 >= left + _FULL_LINE * (gutter[0] - left))
    if full < _GUTTER_PROSE * len(left_lines):
        return None  # a table of names and organizations, say: its rows are read across
    return gutter


def _crossings(lines: list[_Line], start: int, end: int) -> list[int]:
    """For each whole x from ``start`` to ``end``, how many lines have a word over it."""
    changes = [0] * (end - start + 2)
    for line in lines:
        spans = sorted((max(start, int(word["x0"])), min(end, int(word["x1"]))) for word in line.words)
        covered_to = start - 1  # the words of a line may overlap: count each x once a line
        for left, right in spans:
            left = max(left, covered_to + 1)
            if left <= right:
                changes[left - start] += 1
                changes[right - start + 1] -= 1
                covered_to = right
    return list(accumulate(changes))[:-1]


def _split_at(lines: list[_Line], gutter: tuple[float, float]) -> list[tuple[list, list] | None]:
    """Each line's words left and right of the gutter, or None for a line that spans it."""
    parts = []
    for line in lines:
        left = [word for word in line.words if word["x1"] <= gutter[1]]
        right = [word for word in line.words if word["x0"] >= gutter[0]]
        spans = len(left) + len(right) != len(line.words) or (
            left and right and min(w["x0"] for w in right) - max(w["x1"] for w in left) < _GUTTER_WIDTH * line.size)
        parts.append(None if spans else (left, right))
    return parts


def _column_order(lines: list[_Line], gutter: tuple[float, float]) -> list[_Line]:
    """Reading order: a line across the gutter stays in place; between such lines, the left column, then the right."""
    ordered: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line, parts in zip(lines, _split_at(lines, gutter)):
        if parts is None:
            ordered += left + right + [line]
            left.clear()
            right.clear()
            continue
        for column, words in zip((left, right), parts):
            if words:
                column.extend(_group_lines(sorted(words, key=lambda word: word["top"])))
    return ordered + left + right


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
