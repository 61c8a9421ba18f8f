"""A PDF's positioned lines, or plain text, as ``ProxyLine``s with their paragraph starts; a
paragraph broken by a page or a column is joined again."""

from __future__ import annotations

from ..layout import PageLine
from ..text import ends_sentence, normalize_text
from .items import ITEM_HEADING
from .opposition import OPPOSITION, STACKED_RECOMMENDATION
from .running_heads import CONTENTS, running_lines
from .side_labels import without_side_labels
from .statement import ProxyLine

_SIZE_STEP = 1.35
# A line this many usual line pitches below the line before starts a paragraph.
_PARAGRAPH_PITCH = 1.3


def proxy_lines_from_pdf(pages: list[list[PageLine]]) -> tuple[list[ProxyLine], dict[int, dict]]:
    """Body lines with paragraph starts, and the running heads/footers left out (by line id)."""
    left_out = running_lines(pages)
    sizes = sorted(line.size for page in pages for line in page)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    pitches = sorted(
        line.bottom - previous.bottom
        for page in pages
        for previous, line in zip(page, page[1:])
        if 0.8 * body_size < line.bottom - previous.bottom < 3 * body_size
    )
    usual_gap = pitches[len(pitches) // 6] if pitches else 0.0
    lines: list[ProxyLine] = []
    removed: dict[int, dict] = {}
    for page in pages:
        previous: PageLine | None = None
        page_right = max((line.x1 for line in page), default=0)
        rights: dict[float, float] = {}  # by left edge: the lines of a column share theirs
        for line in page:
            right = _column_right(page, line, page_right, rights)
            reason = left_out.get(id(line))
            if reason:
                removed[len(lines)] = {"line": line.text, "page": line.page, "reason": reason}
                lines.append(ProxyLine(line.page, "", line.size))
                continue
            starts = previous is None or _starts_paragraph(line, previous, usual_gap, right)
            if previous is None and lines:
                last = next((candidate for candidate in reversed(lines) if candidate.text), None)
                starts = last is None or _is_heading_text(line.text) or not (
                    _runs_on(last, right) and not ends_sentence(last.text) and (
                        line.text[:1].islower() or max(last.size, line.size) < 1.15 * min(last.size, line.size)
                    )
                )
            lines.append(
                ProxyLine(line.page, line.text, line.size, line.x0, line.x1, starts,
                          line.size < 0.9 * body_size)
            )
            previous = line
    return without_side_labels(lines, removed)


def _is_heading_text(text: str) -> bool:
    """An item heading or the board's statement heading: never the end of a paragraph from the page before."""
    return bool(ITEM_HEADING.match(text) or OPPOSITION.match(text) or STACKED_RECOMMENDATION.match(text))


def _column_right(page: list[PageLine], line: PageLine, page_right: float, rights: dict[float, float]) -> float:
    """The right edge of the column ``line`` is set in: of a two-column page, its own column's."""
    if line.x1 > 0.6 * page_right:
        return page_right
    if line.x0 not in rights:
        rights[line.x0] = max(
            (other.x1 for other in page if abs(other.x0 - line.x0) < 0.15 * page_right), default=page_right
        )
    return rights[line.x0]


def _runs_on(line: ProxyLine, right: float) -> bool:
    return line.x1 >= 0.85 * right


def _starts_paragraph(line: PageLine, previous: PageLine, usual_gap: float, right: float) -> bool:
    larger, smaller = max(line.size, previous.size), min(line.size, previous.size)
    if larger > _SIZE_STEP * max(smaller, 0.1):
        return True  # a heading (rectangle heights vary too much within body text to use less)
    pitch = line.bottom - previous.bottom  # baseline to baseline
    if pitch < 0:
        return ends_sentence(previous.text)  # the top of a new column
    if pitch > _PARAGRAPH_PITCH * usual_gap:
        return True
    if line.x0 > previous.x0 + 1.2 * line.size and ends_sentence(previous.text):
        return True  # a first-line indent
    return ends_sentence(previous.text) and previous.x1 < 0.75 * right


def proxy_lines_from_text(text: str) -> tuple[list[ProxyLine], dict[int, dict]]:
    """Lines of plain text; a form feed starts a page, a blank line a paragraph."""
    lines: list[ProxyLine] = []
    removed: dict[int, dict] = {}
    for page_number, page in enumerate(text.split("\f"), start=1):
        after_blank = True
        for raw in normalize_text(page).split("\n"):
            if not raw:
                after_blank = True
                continue
            if CONTENTS.fullmatch(raw):
                removed[len(lines)] = {"line": raw, "page": page_number, "reason": "contents link"}
                lines.append(ProxyLine(page_number, ""))
                continue
            lines.append(ProxyLine(page_number, raw, starts_paragraph=after_blank))
            after_blank = False
    return lines, removed
