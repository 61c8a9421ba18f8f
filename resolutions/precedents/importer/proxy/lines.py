"""A PDF's positioned lines, or plain text, as ``ProxyLine``s with their paragraph starts; a
paragraph broken by a page or a column is joined again."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..html_text import SIZE_END, SIZE_MARK
from ..layout import PageLine
from ..markers import BULLET, NUMBERED_ITEM, SUPPORTING_HEADING, match_clause
from ..text import ends_sentence, normalize_text
from .items import ITEM_HEADING
from .opposition import OPPOSITION, STACKED_RECOMMENDATION
from .running_heads import CONTENTS, RULE, running_lines, running_rows
from .side_labels import SIDE_LABEL, without_side_labels
from .statement import ProxyLine

_SIZE_STEP = 1.35
# A line this many usual line pitches below the line before starts a paragraph.
_PARAGRAPH_PITCH = 1.3
_AFTER_SHORT_PITCH = 1.15
_NOTE_START = re.compile(r"^(?:\(?[0-9]{1,3}[).]?\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SAME_SIZE = 0.1
_NOTE_SIZE = 0.9  # of the body's type: notes
_FULL_LINE = 0.75  # of its column's width
_CONTINUED_PITCH = 3  # sizes: a gap wider than this parts a sentence's lines all the same
_LOCAL_PITCHES = 4  # pitches on a page enough to know its own
_TYPE_SIZE = re.compile(f"{SIZE_MARK}([0-9.]+){SIZE_END}|")  # a paragraph's type size, marked by html_text
_SPACED_GAPS = 3  # a page spaces its paragraphs: this many gaps after sentences, and this many times those without


def proxy_lines_from_pdf(pages: list[list[PageLine]]) -> tuple[list[ProxyLine], dict[int, dict]]:
    """Body lines with paragraph starts, and the running heads/footers left out (by line id)."""
    left_out = running_lines(pages)
    sizes = sorted(line.size for page in pages for line in page)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    font_sizes = sorted(line.font_size for page in pages for line in page)
    body_font = font_sizes[len(font_sizes) // 2] if font_sizes else 0.0
    pitches = sorted(
        line.baseline - previous.baseline
        for page in pages
        for previous, line in zip(page, page[1:])
        if 0.8 * body_size < line.baseline - previous.baseline < 3 * body_size
    )
    usual_gap = pitches[len(pitches) // 6] if pitches else 0.0
    lines: list[ProxyLine] = []
    removed: dict[int, dict] = {}
    for page in pages:
        previous: PageLine | None = None
        column_right = _ColumnRights(page)
        page_pitches, type_pitches = _page_pitches(page, column_right)
        usual: dict[tuple[float, float], float] = {}  # by type and letter size to a tenth of a point

        def usual_pitch(line: PageLine) -> float:
            size = (round(_type_size(line), 1), round(line.size, 1))
            if size not in usual:
                # the page's pitch in the line's type (a short line's letters may reach less high than
                # its paragraph's), else in the height its letters reach, else the document's
                pitch = _usual_pitch(type_pitches, size[0])
                if pitch is None:
                    pitch = _usual_pitch(page_pitches, size[1])
                usual[size] = usual_gap if pitch is None else pitch
            return usual[size]

        sentence_ends = [ends_sentence(line.text) for line in page]
        spaced = _spaced_types(page, sentence_ends, usual_pitch)
        previous_ends = False  # ``previous`` ends a sentence
        for line, ends in zip(page, sentence_ends):
            right = column_right(line)
            reason = left_out.get(id(line))
            if reason:
                removed[len(lines)] = {"line": line.text, "page": line.page, "reason": reason}
                lines.append(ProxyLine(line.page, "", line.size))
                continue
            starts = previous is None or _starts_paragraph(line, previous, usual_pitch, right, spaced, previous_ends)
            if previous is None and lines:
                last = _last_body_line(lines) if line.font_size >= _NOTE_SIZE * body_font else _last_line(lines)
                starts = last is None or _is_heading_text(line.text) or not _goes_on_over_page(last, line, right)
            lines.append(ProxyLine(line.page, line.text, line.size, line.x0, line.x1, starts, line.font_size < _NOTE_SIZE * body_font))
            previous, previous_ends = line, ends
    return without_side_labels(lines, removed)


def _last_line(lines: list[ProxyLine]) -> ProxyLine | None:
    return next((candidate for candidate in reversed(lines) if candidate.text), None)


def _last_body_line(lines: list[ProxyLine]) -> ProxyLine | None:
    """The last line of the page before above the notes at its foot (a paragraph goes on past them)."""
    last = None
    for candidate in reversed(lines):
        if not candidate.text:
            continue
        if not candidate.small:
            return last or candidate
        if _NOTE_START.match(candidate.text):
            last = None  # the notes start here at the latest: the text ends above
        elif last is None:
            last = candidate
    return last


def _page_pitches(page: list[PageLine], column_right) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(size, pitch) from each full line of the page (one inside a paragraph) to the next in the same size:
    by the height its letters reach, and by its type's."""
    by_size: list[tuple[float, float]] = []
    by_type: list[tuple[float, float]] = []
    for previous, line in zip(page, page[1:]):
        pitch = line.baseline - previous.baseline
        if not 0.8 * line.size < pitch < 3 * line.size:
            continue
        same_size = abs(line.size - previous.size) <= _SAME_SIZE * line.size
        type_size = _type_size(line)
        same_type = abs(type_size - _type_size(previous)) <= _SAME_SIZE * type_size
        if (same_size or same_type) and previous.x1 >= _FULL_LINE * column_right(previous):
            if same_size:
                by_size.append((line.size, pitch))
            if same_type:
                by_type.append((type_size, pitch))
    return by_size, by_type


def _type_size(line: PageLine) -> float:
    return line.font_size or line.size


def _usual_pitch(page_pitches: list[tuple[float, float]], size: float) -> float | None:
    """The pitch of the lines of a paragraph in that size on the page, if enough are set in it.
    A page's own: a proposal may be set tighter or looser than the rest, and a line with a raised
    call may stand a little lower than its paragraph's pitch."""
    pitches = sorted(pitch for other, pitch in page_pitches if abs(other - size) <= _SAME_SIZE * size)
    return pitches[len(pitches) // 4] if len(pitches) >= _LOCAL_PITCHES else None


def _is_heading_text(text: str) -> bool:
    """An item heading or the board's statement heading: never the end of a paragraph from the page before."""
    return bool(ITEM_HEADING.match(text) or OPPOSITION.match(text) or STACKED_RECOMMENDATION.match(text))


class _ColumnRights:
    """The right edge of the column a line of ``page`` is set in: of a two-column page, its own column's
    (the rightmost of the lines starting near its left edge)."""

    def __init__(self, page: list[PageLine]):
        self.page_right = max((line.x1 for line in page), default=0)
        self.edges = sorted((line.x0, line.x1) for line in page)
        self.lefts = [x0 for x0, _ in self.edges]
        self.known: dict[float, float] = {}  # by left edge to a point: the lines of a column share theirs

    def __call__(self, line: PageLine) -> float:
        if line.x1 > 0.6 * self.page_right:
            return self.page_right
        left = round(line.x0)
        if left not in self.known:
            near = 0.15 * self.page_right
            # the lines starting within ``near`` of ``left`` (a point more either side: the test decides)
            edges = self.edges[bisect_left(self.lefts, left - near - 1):bisect_right(self.lefts, left + near + 1)]
            self.known[left] = max((x1 for x0, x1 in edges if abs(x0 - left) < near), default=self.page_right)
        return self.known[left]


def _goes_on_over_page(last: ProxyLine, line: PageLine, right: float) -> bool:
    """The first line of a page goes on with the paragraph the page before ended in: after a full
    line ending no sentence, in lower case or in the same size; after a line cut short mid-sentence
    (a proposal starting low on a page), in lower case and the same size."""
    if ends_sentence(last.text):
        return False
    same_size = max(last.size, line.size) < 1.15 * min(last.size, line.size)
    if _runs_on(last, right):
        return line.text[:1].islower() or same_size
    return line.text[:1].islower() and same_size and not last.text.endswith(":")


def _runs_on(line: ProxyLine, right: float) -> bool:
    return line.x1 >= 0.85 * right


def _spaced_types(page: list[PageLine], sentence_ends: list[bool], usual_pitch) -> set[float]:
    """The type sizes (to a tenth) in which a page sets its paragraphs apart by vertical space: most of
    its sentences ending a line (``sentence_ends``, by line) are followed by a gap, few by a line at the
    usual pitch (two short sentences set as one block). Notes, one under the other, are not."""
    gaps: Counter[float] = Counter()
    tight: Counter[float] = Counter()
    for previous, line, ends in zip(page, page[1:], sentence_ends):
        if not ends:
            continue
        type_size = _type_size(line)
        if abs(type_size - _type_size(previous)) > _SAME_SIZE * type_size:
            continue
        pitch = line.baseline - previous.baseline
        if pitch > _PARAGRAPH_PITCH * usual_pitch(line):
            gaps[round(type_size, 1)] += 1
        elif pitch > 0:
            tight[round(type_size, 1)] += 1
    return {size for size, count in gaps.items() if count >= _SPACED_GAPS and tight[size] * _SPACED_GAPS <= count}


def _starts_paragraph(line: PageLine, previous: PageLine, usual_pitch, right: float, spaced: set[float],
                      previous_ends: bool) -> bool:
    """``usual_pitch(line)``: the page's usual pitch in its sizes; ``spaced``: the type sizes the page spaces
    its paragraphs in; ``previous_ends``: whether the line before ends a sentence."""
    pitch = line.baseline - previous.baseline
    if 0 <= pitch < _CONTINUED_PITCH * max(line.size, previous.size) and _continues_sentence(line, previous, right,
                                                                                           previous_ends):
        return False  # whatever the spacing or the size (a line beside a side label is set in the label's)
    larger, smaller = max(line.size, previous.size), min(line.size, previous.size)
    if larger > _SIZE_STEP * max(smaller, 0.1):
        return True  # a heading (rectangle heights vary too much within body text to use less)
    if pitch < 0:
        return previous_ends  # the top of a new column
    usual_gap = usual_pitch(line)
    if pitch > _PARAGRAPH_PITCH * usual_gap:
        return True
    if pitch > _AFTER_SHORT_PITCH * usual_gap and previous.x1 < _FULL_LINE * right and not line.text[:1].islower():
        return True  # after a short line that ends no sentence (a heading), a little more space is enough
    if line.x0 > previous.x0 + 1.2 * line.size and previous_ends and not _opens_list_item(previous.text):
        return True  # a first-line indent (under a bullet's first line: its hanging indent)
    # a short line ending a sentence, on a page that does not space its paragraphs
    return previous_ends and previous.x1 < _FULL_LINE * right and round(_type_size(line), 1) not in spaced


def _opens_list_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED_ITEM.match(text))


def _continues_sentence(line: PageLine, previous: PageLine, right: float, previous_ends: bool) -> bool:
    """A line opening in lower case after a full line that ends no sentence: the same sentence."""
    return (line.text[:1].islower() and previous.x1 >= _FULL_LINE * right
            and not previous_ends and not previous.text.endswith(":"))


def proxy_lines_from_text(text: str) -> tuple[list[ProxyLine], dict[int, dict]]:
    """Lines of plain text; a form feed starts a page, a blank line a paragraph. A page's number,
    running head and footer next to its break (``running_rows``), contents links, rules and a side
    label on a line of its own ("What am I voting on?") are left out; a paragraph broken by a page
    goes on when the page's first line opens in lower case after a line ending no sentence (above
    the notes at the page's foot). A paragraph marked with its type size (``html_text(sizes=True)``)
    set smaller than most is a note."""
    lines: list[ProxyLine] = []
    removed: dict[int, dict] = {}
    pages, sizes = [], []
    for page in text.split("\f"):
        marked = [_TYPE_SIZE.match(row) for row in normalize_text(page).split("\n")]
        pages.append([row.string[row.end():] for row in marked])
        sizes.append([float(row[1]) if row[1] else 0.0 for row in marked])
    body = _usual_size(pages, sizes)
    running = running_rows(pages)
    wrap = _wrap_width(pages)
    for page_index, rows in enumerate(pages):
        page_number = page_index + 1
        after_blank = True
        first = True  # the page's first line of text
        small = False
        for index, raw in enumerate(rows):
            if not raw:
                after_blank = True
                continue
            reason = running.get((page_index, index)) or ("side label" if SIDE_LABEL.fullmatch(raw) else None)
            if CONTENTS.fullmatch(raw) or RULE.fullmatch(raw) or reason:
                reason = reason or ("contents link" if CONTENTS.fullmatch(raw) else "rule")
                removed[len(lines)] = {"line": raw, "page": page_number, "reason": reason}
                lines.append(ProxyLine(page_number, ""))
                continue
            if sizes[page_index][index]:
                small = sizes[page_index][index] < _NOTE_SIZE * body
            starts = after_blank or _ends_wrapped_paragraph(lines[-1].text if lines and not first else "", raw, wrap)
            if first and page_index:
                last = _last_line(lines) if small else _last_body_line(lines)  # past the notes at the page's foot
                starts = last is None or _is_heading_text(raw) or not (
                    raw[:1].islower() and not ends_sentence(last.text) and not last.text.endswith(":"))
            lines.append(ProxyLine(page_number, raw, starts_paragraph=starts, small=small))
            after_blank = first = False
    return lines, removed


def _wrap_width(pages: list[list[str]]) -> int:
    """The width text hard-wrapped with no blank line between paragraphs is wrapped at (text copied out
    of a PDF): the length most long lines reach."""
    lengths = sorted(len(row) for rows in pages for row in rows if row)
    return lengths[int(len(lengths) * 0.9)] if len(lengths) >= 10 else 0


def _ends_wrapped_paragraph(before: str, line: str, wrap: int) -> bool:
    """In hard-wrapped text, a line ends its paragraph when it closes a sentence and the next line opens
    a part ("RESOLVED:", "Supporting Statement") or an item's or the board's heading; a line well short
    of the width also when it closes a sentence, a label or a heading. A long line otherwise never does."""
    if not wrap or not before:
        return False
    opens = (_is_heading_text(line) or match_clause(line, paragraph_start=False) is not None
             or bool(SUPPORTING_HEADING.fullmatch(line)))
    closes = ends_sentence(before) or before.endswith(":")
    if len(before) >= 0.8 * wrap:
        return closes and opens
    return closes or opens or before.isupper() or (_is_heading_text(before) and not line[:1].islower())


def _usual_size(pages: list[list[str]], sizes: list[list[float]]) -> float:
    """The type size most letters of the text are set in (0 when it gives none)."""
    letters: Counter[float] = Counter()
    for rows, row_sizes in zip(pages, sizes):
        size = 0.0
        for row, row_size in zip(rows, row_sizes):
            size = row_size or size
            letters[size] += len(row)
    letters.pop(0.0, None)
    return letters.most_common(1)[0][0] if letters else 0.0
