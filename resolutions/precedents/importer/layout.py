"""Page-aware lines of a long PDF (a proxy statement), read fast with pypdfium2.

PDFium segments each page's text into rectangles (one text object's run on a line). The
page's text is read once, and each of PDFium's lines is cut into its rectangles' texts by
counting rectangles over a growing prefix of the line, in C: a 150-page document is read
without a Python loop per character, nor a bounded text call (which scans the whole page)
per rectangle. The rectangles then go through the same line grouping, superscript and
two-column handling as the single-resolution reader (``pdf_text``).
Each line keeps its page number and position, so that running heads, page footers and
paragraph breaks can be told apart later.
"""

from __future__ import annotations

import codecs
import ctypes
import re
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from config import untrusted

from .errors import DocumentError
from .pdf_text import NO_TEXT_LAYER, _column_order, _group_lines, _gutter, _is_superscript, _Line
from .text import from_superscript, normalize_runs, normalize_text, to_superscript

_PAREN_CALL = re.compile(r"\(?([0-9]{1,3})\)?")
_RAISE = 0.25
# A number this many line heights to the right of the rest of its line stands apart.
_DETACHED = 4
# Lines this much smaller than the page's usual line are notes.
_NOTE_SIZE = 0.9
# A line starting less than this many of its heights below the line above follows it.
_NEXT_LINE = 1.5
_LEADING_CALL = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+) ?")
_WEB_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
# PDFium ends each of its lines with CR LF, and writes a hyphen that ends a line as U+FFFE.
_PDFIUM_LINE_BREAK = re.compile(r"\r\n|[\r\n]")
_PDFIUM_HYPHEN = "\ufffe"
# Rectangles one run: sizes and baselines within this share of the larger, at most this many sizes apart.
_SAME_RUN = 0.1
_RUN_GAP = 0.5
# Runs overlapping over this share of the narrower's width are set on different lines; baselines
# less than this share of the type size apart are one line's.
_STACKED = 0.5
_NEXT_BASELINE = 0.3
# Words tried where a run's left edge points before its start is searched for by halving.
_WORDS_TRIED = 3


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
    baseline: float = 0.0  # from the top of the page: where its main run's letters stand
    font_size: float = 0.0  # the type's own size (``size`` is the height its letters reach)


def pdf_pages(data: bytes, *, expansion: untrusted.Expansion, on_page=None) -> list[list[PageLine]]:
    """The lines of every page, in reading order; raises DocumentError for an unreadable file.
    ``on_page(number, pages)`` is called as each page has been read.

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
        pages = []
        for index in range(len(document)):
            pages.append(_page_lines(document, index, budget))
            if on_page is not None:
                on_page(index + 1, len(document))
    finally:
        document.close()
    if not any(pages):
        raise DocumentError(NO_TEXT_LAYER)
    return pages


def _page_lines(document: pypdfium2.PdfDocument, index: int, budget: untrusted.Budget) -> list[PageLine]:
    # PDFium's own handles, not pypdfium2's page objects: their bookkeeping costs a sixth of the read
    page = pdfium_c.FPDF_LoadPage(document.raw, index)
    if not page:
        raise DocumentError("This PDF could not be read; the file may be damaged.")
    try:
        width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise DocumentError("This PDF could not be read; the file may be damaged.")
        try:
            segments = _segments(textpage, height, budget)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    lines = _group_lines(sorted(segments, key=lambda segment: segment["top"]))
    gutter = _gutter(lines)
    if gutter is not None:
        lines = _column_order(lines, gutter)
    lines = [part for line in lines for stacked in _unstacked(line) for part in _detach_page_number(stacked)]
    sizes = sorted(line.size for line in lines)
    body_size = sizes[len(sizes) // 2] if sizes else 0
    result: list[PageLine] = []
    number = index + 1
    for line in lines:
        text = _line_text(line)
        leading_call = _LEADING_CALL.match(text)
        opens_note = leading_call and _WEB_ADDRESS.match(text, leading_call.end())
        if leading_call and line.size >= _NOTE_SIZE * body_size and not opens_note:
            if result and line.top - result[-1].bottom < _NEXT_LINE * line.size:
                # a call raised above the start of a body line ends the line above
                result[-1].text += leading_call[1]
                text = text[leading_call.end():]
            # else a number raised beside a footer ("⁶⁰ 2024 Proxy Statement"): kept as it is
        elif leading_call:  # a raised note number opening a note (small, or before its web address)
            text = f"{from_superscript(leading_call[1])} {text[leading_call.end():]}"
        if text:
            words = line.words
            if len(words) == 1:
                [word] = words
                x0, x1, baseline, font_size = word["x0"], word["x1"], word["baseline"], word["font_size"]
            else:
                x0, x1 = min(w["x0"] for w in words), line.x1
                baseline = max(words, key=lambda w: w["size"])["baseline"]
                font_size = max(w["font_size"] for w in words)
            result.append(PageLine(number, text, x0, x1, line.top, line.bottom, line.size, height, width, baseline,
                                   font_size))
    return result


def _page_text(textpage, count: int) -> str:
    """The page's text (as pypdfium2's ``get_text_range`` reads it)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    return codecs.decode(memoryview(buffer)[:max(written - 1, 0)], "utf-16-le", errors="ignore")


def _segments(textpage, height: float, budget: untrusted.Budget) -> list[dict]:
    """The page's runs of text with their boxes, top measured from the top of the page. A run set
    straight after the one before on its line, with no space between them, is ``glued`` to it."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = _page_text(textpage, count)
    if len(text) != count:  # PDFium left out or added characters: text and character indexes differ
        return _bounded_segments(textpage, height, budget)
    budget.spend(len(text))
    text = text.replace(_PDFIUM_HYPHEN, "-")
    count_rects = pdfium_c.FPDFText_CountRects
    box = [ctypes.c_double() for _ in range(4)]  # left, top, right, bottom, as PDFium fills them
    boxes: list[tuple[float, float, float, float]] = []  # each piece's: left, bottom, right, top
    cuts: list[int] = []  # where each piece starts in the text
    ends: list[int] = []
    firsts: list[bool] = []  # first on its line
    start = 0
    for end in [match.start() for match in _PDFIUM_LINE_BREAK.finditer(text)] + [count]:
        length = end - start
        rectangles = count_rects(textpage, start, length) if length else 0
        if rectangles == 1:
            boxes.append(_rectangle(textpage, 0, box))
            cuts.append(start)
            ends.append(end)
            firsts.append(True)
        elif rectangles:
            runs = _runs(textpage, rectangles, box)
            line_cuts = _run_starts(textpage, start, text[start:end], runs)
            boxes += [run_box for _, run_box in runs]
            cuts += line_cuts
            ends += line_cuts[1:] + [end]
            firsts += [True] + [False] * (len(runs) - 1)
        start = end + 2 if text.startswith("\r\n", end) else end + 1
    pieces = [text[cut:end] for cut, end in zip(cuts, ends)]
    texts = normalize_runs(pieces) if pieces else []
    segments: list[dict] = []
    glued = False
    x, y = ctypes.c_double(), ctypes.c_double()
    char_origin, font_size = pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_GetFontSize
    for (x0, y0, x1, y1), cut, piece, first, segment_text in zip(boxes, cuts, pieces, firsts, texts):
        if segment_text and y1 > y0:  # characters of zero size make an empty rectangle
            # the run's first letter's origin: its baseline (the box's bottom is its lowest descender)
            letter = cut + len(piece) - len(piece.lstrip())
            baseline = y.value if char_origin(textpage, letter, x, y) else y0
            segments.append({"text": segment_text, "x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0,
                             "size": y1 - y0, "baseline": height - baseline, "glued": glued and not first,
                             "font_size": font_size(textpage, letter) or y1 - y0, "order": len(segments)})
        glued = bool(segment_text) and not piece[-1:].isspace()
    return segments


def _rectangle(textpage, index: int, box: list) -> tuple[float, float, float, float]:
    """Rectangle ``index`` of those PDFium last counted, one text object's run: left, bottom, right, top."""
    left, top, right, bottom = box
    pdfium_c.FPDFText_GetRect(textpage, index, left, top, right, bottom)
    return left.value, bottom.value, right.value, top.value


def _runs(textpage, rectangles: int, box: list) -> list[tuple[int, tuple[float, float, float, float]]]:
    """The line's rectangles side by side on one baseline in one size (a change of font within a line)
    make one run; a raised or smaller one (a note call) or one set apart stays a run of its own. Each
    run: the index of its first rectangle, and its box."""
    left, top, right, bottom = box
    get_rect = pdfium_c.FPDFText_GetRect
    get_rect(textpage, 0, left, top, right, bottom)
    first, x0, y0, x1, y1 = 0, left.value, bottom.value, right.value, top.value  # the run being read
    runs: list[tuple[int, tuple[float, float, float, float]]] = []
    for index in range(1, rectangles):
        get_rect(textpage, index, left, top, right, bottom)
        r0, r1, r2, r3 = left.value, bottom.value, right.value, top.value
        # the rectangle continues the run: sizes and baselines alike, no more than a gap between
        size, box_size = y1 - y0, r3 - r1
        larger = size if size > box_size else box_size
        if (larger > 0 and abs(size - box_size) <= _SAME_RUN * larger and abs(y0 - r1) <= _SAME_RUN * larger
                and -_SAME_RUN * larger <= r0 - x1 <= _RUN_GAP * larger):
            y0, x1, y1 = min(y0, r1), max(x1, r2), max(y1, r3)
        else:
            runs.append((first, (x0, y0, x1, y1)))
            first, x0, y0, x1, y1 = index, r0, r1, r2, r3
    runs.append((first, (x0, y0, x1, y1)))
    return runs


def _run_starts(textpage, start: int, line: str, runs: list[tuple[int, tuple[float, float, float, float]]]) -> list[int]:
    """Where each run of a line starts in the page's text: at the shortest prefix of the line counting
    more rectangles than come before the run's first (PDFium starts a rectangle where the text object
    changes). A run nearly always starts a word, so the words its left edge points to (from the run
    before, at the line's characters per point) are tried first; the search then halves what is left."""
    count_rects = pdfium_c.FPDFText_CountRects
    length = len(line)
    line_left = runs[0][1][0]
    per_point = length / max(max(box[2] for _, box in runs) - line_left, 1e-6)
    starts = [start]
    low = 1  # the shortest prefix that may end with the next run's first character
    last_offset, last_left = 0, line_left  # the run before: its first character, its left edge
    for first, box in runs[1:]:
        high = length
        guess = min(max(last_offset + round((box[0] - last_left) * per_point), 1), length - 1)
        before, after = line.rfind(" ", 0, guess), line.find(" ", guess)
        word = before + 1 if after < 0 or (before >= 0 and guess - before - 1 <= after + 1 - guess) else after + 1
        for _ in range(_WORDS_TRIED):
            prefix = word + 1
            if not low <= prefix <= high:
                break
            if count_rects(textpage, start, prefix) <= first:
                low = prefix + 1
                after = line.find(" ", word)
                if after < 0:
                    break
                word = after + 1
            elif prefix == low or count_rects(textpage, start, prefix - 1) <= first:
                low = high = prefix
                break
            else:
                high = prefix - 1
                word = line.rfind(" ", 0, word - 1) + 1
        while low < high:
            middle = (low + high) // 2
            if count_rects(textpage, start, middle) > first:
                high = middle
            else:
                low = middle + 1
        last_offset, last_left = low - 1, box[0]
        starts.append(start + low - 1)
    return starts


def _bounded_segments(textpage, height: float, budget: untrusted.Budget) -> list[dict]:
    """The rectangles' texts read one bounded text call each (slower: each call scans the page)."""
    segments = []
    box = [ctypes.c_double() for _ in range(4)]
    for index in range(pdfium_c.FPDFText_CountRects(textpage, 0, -1)):
        left, bottom, right, top = _rectangle(textpage, index, box)
        text = normalize_text(_bounded_text(textpage, left, bottom, right, top)).replace("\n", " ")
        budget.spend(len(text))
        if text:
            segments.append({"text": text, "x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                             "size": top - bottom, "baseline": height - bottom, "glued": False, "font_size": top - bottom,
                             "order": len(segments)})
    return segments


def _bounded_text(textpage, left: float, bottom: float, right: float, top: float) -> str:
    """The text within a box (as pypdfium2's ``get_text_bounded`` reads it)."""
    length = pdfium_c.FPDFText_GetBoundedText(textpage, left, top, right, bottom, None, 0)
    if length <= 0:
        return ""
    buffer = (ctypes.c_ushort * length)()
    pdfium_c.FPDFText_GetBoundedText(textpage, left, top, right, bottom, buffer, length)
    return codecs.decode(buffer, "utf-16-le", errors="ignore")


def _unstacked(line: _Line) -> list[_Line]:
    """A line holding runs set one above the other (a large side-label word, spanning two lines of
    the text beside it, joined them into one): the runs again on their own lines, by baseline."""
    words = line.words
    if len(words) < 3:
        return [line]
    by_left = sorted(words, key=lambda word: word["x0"])
    if not any(_stacked(before, after) for before, after in zip(by_left, by_left[1:])):
        return [line]
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda word: word["baseline"]):
        row = next((row for row in rows if abs(row[0]["baseline"] - word["baseline"]) < _NEXT_BASELINE * min(
            row[0]["font_size"], word["font_size"]) and not any(_stacked(other, word) for other in row)), None)
        if row is None:
            rows.append([word])
        else:
            row.append(word)
    parts = []
    for row in rows:
        largest = max(row, key=lambda word: word["size"])
        parts.append(_Line(largest["top"], largest["bottom"], largest["size"], row))
    return sorted(parts, key=lambda part: max(word["baseline"] for word in part.words))


def _stacked(first: dict, second: dict) -> bool:
    """Two runs over most of the same width: they cannot stand side by side on one line."""
    overlap = min(first["x1"], second["x1"]) - max(first["x0"], second["x0"])
    return overlap > _STACKED * min(first["x1"] - first["x0"], second["x1"] - second["x0"])


def _detach_page_number(line: _Line) -> list[_Line]:
    """A number set far to the right of a line (a page number beside the last note): a line of its own."""
    if len(line.words) < 2:
        return [line]
    last = line.words[0]
    for word in line.words:  # the rightmost (the last of those furthest right, as sorting leaves it)
        if word["x0"] >= last["x0"]:
            last = word
    if not last["text"].strip().isdigit():
        return [line]
    words = sorted(line.words, key=lambda word: word["x0"])
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
    if len(line.words) == 1:
        return " ".join(line.words[0]["text"].split())
    text = ""
    previous = None
    for segment in sorted(line.words, key=lambda segment: segment["x0"]):
        call = _PAREN_CALL.fullmatch(segment["text"])
        if call and _is_raised(segment, line) and (text or len(line.words) > 1):
            text = text.rstrip() + to_superscript(call[1])
        elif segment["glued"] and previous is not None and segment["order"] == previous["order"] + 1:
            text += segment["text"]
        else:
            text += (" " if text and not text.endswith(" ") else "") + segment["text"]
        previous = segment
    return " ".join(text.split())
