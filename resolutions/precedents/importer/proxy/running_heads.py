"""Running heads, page footers, page numbers, contents links and rules: the lines of a PDF to leave out."""

from __future__ import annotations

import re
from collections import Counter

from ..layout import PageLine
from .items import ITEM_HEADING
from .opposition import OPPOSITION

CONTENTS = re.compile(r"(?:back|return)\s+to\s+(?:table\s+of\s+)?contents|table\s+of\s+contents|contents", re.I)
PAGE_NUMBER = re.compile(r"(?:page\s+)?[0-9ivxl]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,3})?|[-–]\s*[0-9]{1,3}\s*[-–]", re.I)
_RUNNING_ZONE = 0.09  # share of the page height at the top and at the foot
_MIN_REPEATS = 3
_EDGE_WORDS = 6
_BODY_TYPE = 1.05  # a type size this close to the body's is the body's
_SMALL_TYPE = 0.9  # of the body's type: smaller than any heading
# A line of underscores or dashes drawn above the notes, or between sections
RULE = re.compile(r"[_\-–—=.·\s]{5,}")
_DASHES = re.compile(r"[‐‑‒–—−]")


def running_lines(pages: list[list[PageLine]]) -> dict[int, str]:
    """Running heads, page footers, page numbers and contents links: the lines to leave out.

    A zone line repeated on several pages is a head or footer; so is one whose first words
    recur at the same height on several pages, set no larger than the body ("Shareholder
    Proposals - Proposal 5 - <its title>", a head naming the section).
    """
    sizes = sorted(line.font_size for page in pages for line in page)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0  # of the type
    zone_keys: Counter[str] = Counter()
    edges_of = [_edge_lines(page) for page in pages]
    for page, edges in zip(pages, edges_of):
        seen = set()
        for line in page:
            if _in_zone(line) or id(line) in edges:
                seen.update(_repeat_keys(line))
        zone_keys.update(seen)
    repeats = min(_MIN_REPEATS, max(2, len(pages)))
    # first words repeated at one height: a head at any height (a longer title pushes it down a little)
    head_words = {key.partition("@")[0] for key, count in zone_keys.items() if "@" in key and count >= repeats}
    reasons: dict[int, str] = {}
    item_heads_seen: set[str] = set()
    headings_before: set[str] = set()  # item headings printed on the pages read so far
    for page, edges in zip(pages, edges_of):
        for position, line in enumerate(page):
            text = line.text.strip()
            edge = position in (0, len(page) - 1)
            if CONTENTS.fullmatch(text):
                reasons[id(line)] = "contents link"
            elif RULE.fullmatch(text):
                reasons[id(line)] = "rule"
            elif (edge or _in_zone(line)) and PAGE_NUMBER.fullmatch(text):
                reasons[id(line)] = "page number"
            elif _in_zone(line) or id(line) in edges:
                full, *prefix = _repeat_keys(line)
                if ITEM_HEADING.match(text) and full in headings_before and line.font_size < _SMALL_TYPE * body_size:
                    reasons[id(line)] = "running head"  # the item's heading repeated small atop its next page
                    continue
                if ITEM_HEADING.match(text) and full not in item_heads_seen:
                    item_heads_seen.add(full)  # "PROPOSAL 6" over each of its pages: the first is its heading
                    continue
                if zone_keys[full] >= repeats or (prefix and prefix[0].partition("@")[0] in head_words
                                                  and line.font_size <= _BODY_TYPE * body_size):
                    top = line.top < line.page_height / 2
                    reasons[id(line)] = "running head" if top else "page footer"
        headings_before.update(_repeat_keys(line)[0] for line in page if ITEM_HEADING.match(line.text.strip()))
    return reasons


def _edge_lines(page: list[PageLine]) -> set[int]:
    """The two highest and two lowest lines of a page when short (a head or footer set inside a
    wide margin, out of the zone; read in column order it may stand anywhere): ids."""
    texts = [line for line in page if line.text.strip()]
    tops = sorted({round(line.top) for line in texts})
    edge_tops = set(tops[:2] + tops[-2:])
    return {id(line) for line in texts if round(line.top) in edge_tops and len(line.text.split()) <= _EDGE_WORDS}


def _in_zone(line: PageLine) -> bool:
    return line.top < _RUNNING_ZONE * line.page_height or line.bottom > (1 - _RUNNING_ZONE) * line.page_height


def _repeat_keys(line: PageLine) -> list[str]:
    """The line with its numbers (page numbers, raised or not) aside, unless it is an item heading;
    and, for a line of several words, its first three words at its height. Dashes are all one
    (a head may be set with a hyphen on one page and an en dash on the next)."""
    full = _DASHES.sub("-", line.text.lower().strip())
    if not ITEM_HEADING.match(full):  # "Proposal 6" and "Proposal 7" are different heads
        full = " ".join(re.sub(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+", " ", full).split())
    words = full.split()
    if len(words) < 4:
        return [full]
    return [full, f"{' '.join(words[:3])}@{round(line.top)}"]


# Plain text (or an EDGAR HTML file's text), split into pages at its page breaks
_TEXT_EDGE_LINES = 3  # of a page, at each end: where its number, running head or footer may stand
_EDGE_SHARE = 0.66  # of the pages a line is printed on: those where it stands next to a break
_HEAD_WORDS = 12
_NAMING_HEAD_WORDS = 30  # a head naming the item: its title may be long
_NUMBERED_SHARE = 0.3  # of the pages numbered at the other end: enough to number pages at this one
_PART_LABEL = re.compile(r"^[“\"]?\s*(?:whereas|(?:be\s+it\s+)?resolved|supporting\s+statement)\b", re.I)
_CAPTION_WORD = re.compile(r"(?:item|proposal|resolution)\s*(?:no\.?|number|#)?", re.I)  # "Proposal" over "4:"
_NOT_LETTERS = re.compile(r"[^a-z&]+")


def running_rows(pages: list[list[str]]) -> dict[tuple[int, int], str]:
    """Page numbers, running heads and page footers of plain text: (page index, row index) → reason.

    Only lines next to a page break count: each end of a page is read inwards while its lines are
    one of these, at most three lines deep (one page number at each end). A running head or footer
    is a short line that is no sentence, printed next to a break on three pages or more and there on
    two thirds of the pages it is printed on at least ("2024 Proxy Statement | 81"; the section's
    name, printed once as its heading too), or one whose first three words are (a head naming the
    section and the item); a heading printed once never is, nor the board's
    statement's heading atop each statement. An item heading repeated atop its
    proposal's pages is one from its second page on (atop the page after one that prints it, on two
    pages only as well). Page numbers are sought at the end of the page that holds them through the
    document.
    """
    edge_pages: Counter[str] = Counter()
    all_pages: Counter[str] = Counter()
    ends = []
    for rows in pages:
        filled = [index for index, row in enumerate(rows) if row and not CONTENTS.fullmatch(row) and not RULE.fullmatch(row)]
        top, bottom = filled[:_TEXT_EDGE_LINES], filled[::-1][:_TEXT_EDGE_LINES]
        ends.append((top, bottom))
        edge_pages.update({key for index in top + bottom for key in _text_keys(rows[index])} - {""})
        all_pages.update({key for index in filled for key in _text_keys(rows[index])} - {""})
    repeats = min(_MIN_REPEATS, max(2, len(pages)))
    heads = {key for key, count in edge_pages.items() if count >= repeats and count >= _EDGE_SHARE * all_pages[key]}
    # the end of the page its numbers stand at (a stray number at the other is a note's call)
    numbered_ends = [sum(any(_is_text_page_number(rows[index]) for index in end[side]) for rows, end in zip(pages, ends))
                     for side in (0, 1)]
    reasons: dict[tuple[int, int], str] = {}
    item_heads_seen: set[str] = set()
    items_on_page: set[str] = set()  # the item headings of the page before
    for page_index, (rows, (top, bottom)) in enumerate(zip(pages, ends)):
        items_before, items_on_page = items_on_page, {_text_keys(row)[0] for row in rows if ITEM_HEADING.match(row)}
        for side, edge, reason in ((0, top, "running head"), (1, bottom, "page footer")):
            numbered = numbered_ends[side] < _NUMBERED_SHARE * numbered_ends[1 - side]
            for index in edge:
                text = rows[index]
                if (page_index, index) in reasons:
                    break  # a short page: its two ends meet
                if not numbered and _is_text_page_number(text):
                    reasons[(page_index, index)] = "page number"
                    numbered = True
                elif any(key in heads for key in _text_keys(text)) and _may_be_running(text, item_heads_seen, heads):
                    reasons[(page_index, index)] = reason
                elif not side and ITEM_HEADING.match(text) and _text_keys(text)[0] in items_before:
                    reasons[(page_index, index)] = reason  # the item's heading again atop its next page
                else:
                    break
        item_heads_seen.update(items_on_page)
    return reasons


def _text_keys(text: str) -> list[str]:
    """The line in lower-case letters only (its page number and punctuation aside; an item heading
    keeps its number: "Proposal 6" and "Proposal 7" are different heads); and, for a line of four
    words or more, its first three words, marked "@" (a head naming the section, then each item:
    "Stockholder Proposals - Proposal 5 - <its title>")."""
    text = _DASHES.sub("-", text.lower().strip())
    if ITEM_HEADING.match(text):
        return [" ".join(re.sub(r"[^a-z0-9&]+", " ", text).split())]
    words = _NOT_LETTERS.sub(" ", text).split()
    return [" ".join(words)] + ([" ".join(words[:3]) + "@"] if len(words) >= 4 else [])


def _may_be_running(text: str, item_heads_seen: set[str], heads: set[str]) -> bool:
    words = _HEAD_WORDS if _text_keys(text)[0] in heads else _NAMING_HEAD_WORDS
    if len(text.split()) > words or _PART_LABEL.match(text) or re.search(r"[.!?;:][”’\"')]*$", text):
        return False
    if OPPOSITION.match(text) or _CAPTION_WORD.fullmatch(text):
        return False  # the board's statement's heading, or an item's caption word set over its number: a heading each time
    return not ITEM_HEADING.match(text) or _text_keys(text)[0] in item_heads_seen


def _is_text_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.fullmatch(text)) and not re.fullmatch(r"[0-9]{4}", text)  # not a year
