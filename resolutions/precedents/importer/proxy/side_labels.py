"""The "What am I voting on?" side label of a company's question-and-answer layout."""

from __future__ import annotations

import re

from ..text import ends_sentence
from .statement import ProxyLine

_FULL_LINE = 0.9  # of the page's widest line

SIDE_LABEL = re.compile(r"\s*what\s+am\s+i\s+voting\s+on\s*\??\s*", re.IGNORECASE)
_SIDE_LABEL_START = re.compile(r"^what(?:\s+am(?:\s+i(?:\s+voting)?)?)?$", re.IGNORECASE)
_SIDE_LABEL_WORDS = (re.compile(r"^what\b\s*", re.I), re.compile(r"^am\s+i\b\s*", re.I),
                     re.compile(r"^voting\b\s*", re.I), re.compile(r"^on\s*\?\s*", re.I))


def without_side_labels(lines: list[ProxyLine], removed: dict[int, dict]) -> tuple[list[ProxyLine], dict[int, dict]]:
    """A "What / am I / voting / on?" label set down a side column comes out at the start of the
    lines beside it (a body line or two may fall between its words): take its words off those
    lines (left out as a side label)."""
    strip: dict[int, int] = {}  # line index → length of the label's words at its start
    index = 0
    while index < len(lines):
        if lines[index].text and not _SIDE_LABEL_WORDS[0].match(lines[index].text):
            index += 1
            continue
        found, at = {}, index
        for word in _SIDE_LABEL_WORDS:
            candidates = [i for i in range(at, min(at + 6, len(lines))) if lines[i].text][:1 if not found else 3]
            match_at = next((i for i in candidates if word.match(lines[i].text)), None)
            if match_at is None or lines[match_at].page != lines[index].page:
                break
            found[match_at] = word.match(lines[match_at].text).end()
            at = match_at + 1
        if len(found) == len(_SIDE_LABEL_WORDS):
            strip.update(found)
            index = at
        else:
            index += 1
    if not strip:
        return lines, removed
    kept: list[ProxyLine] = []
    moved: dict[int, dict] = {}
    rights = {}
    for line in lines:
        rights[line.page] = max(rights.get(line.page, 0.0), line.x1)
    for index, line in enumerate(lines):
        if index in removed:
            moved[len(kept)] = removed[index]
        if index in strip:
            moved[len(kept)] = {"line": line.text[:strip[index]].strip(), "page": line.page, "reason": "side label"}
            kept.append(ProxyLine(line.page, "", line.size))
            rest = line.text[strip[index]:].strip()
            if not rest:
                continue
            line = ProxyLine(line.page, rest, line.size, line.x0, line.x1,
                             line.starts_paragraph and not _goes_on(kept, rights[line.page]), line.small)
        kept.append(line)
    return kept, moved


def _goes_on(kept: list[ProxyLine], right: float) -> bool:
    """The text beside a label word goes on from the line above when that one is a full line ending
    no sentence (the label's size and place said nothing about a paragraph)."""
    previous = next((line for line in reversed(kept) if line.text), None)
    return previous is not None and previous.x1 >= _FULL_LINE * right and not ends_sentence(previous.text)


def side_label_end(lines, index, stop) -> int:
    """The end of a "What am I voting on?" side label starting at ``index`` (set a word or two a
    line, or run in), else ``index``."""
    words, end = "", index
    while end < stop and len(words.split()) < 6:
        if lines[end].text:
            words = f"{words} {lines[end].text}".strip()
            if SIDE_LABEL.fullmatch(words):
                return end + 1
            if not SIDE_LABEL.match(words + " voting on") and not _SIDE_LABEL_START.match(words):
                break
        end += 1
    return index
