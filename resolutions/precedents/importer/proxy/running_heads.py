"""Running heads, page footers, page numbers, contents links and rules: the lines of a PDF to leave out."""

from __future__ import annotations

import re
from collections import Counter

from ..layout import PageLine
from .items import ITEM_HEADING

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
