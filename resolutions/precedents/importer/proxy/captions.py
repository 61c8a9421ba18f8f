"""A proposal's caption ("Item 6 — Shareholder Proposal Regarding …"), its item number, and the
proponent's own title."""

from __future__ import annotations

import re

from ..markers import BULLET, SUPPORTING_HEADING, URL
from ..text import ends_sentence, from_superscript
from .items import ITEM_HEADING, NUMBER, PROXY_CARD, SHAREHOLDER, SHAREHOLDER_CAPTION, is_capitals_heading, item_number
from .opposition import is_opposition
from .parts import CLAUSE
from .preamble import COMPANY_HEADING
from .side_labels import SIDE_LABEL
from .statement import ProxyLine

_TITLE_LABEL = re.compile(rf"^[“\"]?\s*(?:proposal|resolution)\s*(?:no\.?\s*)?(?:{NUMBER}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*[:.–—-]\s*", re.I)
_LABEL_NUMBER = rf"(?:no\.?|number|#)?\s*{NUMBER}"
_CAPTION_LABEL = re.compile(
    rf"^(?:(?:agenda\s+)?(?:item|proposal)\s*{_LABEL_NUMBER}\s*[:.–—-]?\s*|[0-9]{{1,2}}\.\s+)?"
    rf"(?:{SHAREHOLDER}\s+proposal(?:\s+{_LABEL_NUMBER})?\s*[:–—-]\s*)?",
    re.IGNORECASE,
)
# "5. Shareholder Proposal …", "Shareholder Proposal No. 5 — …", "… (Item 5 on the Proxy Card)"
_OTHER_NUMBERING = re.compile(
    rf"^(?P<lead>[0-9]{{1,2}})\.\s|\b(?:item|proposal)\s*(?:no\.?|number|#)?\s*(?P<number>{NUMBER})\b", re.IGNORECASE
)


def heading_before(lines: list[ProxyLine], preamble_at: int, floor: int, body_size: float) -> int:
    """Where the proposal's caption starts: an item heading above the preamble, else the preamble itself."""
    page = lines[preamble_at].page
    for index in range(preamble_at - 1, max(floor, preamble_at - 40) - 1, -1):
        line = lines[index]
        if line.page < page - 1:
            break
        if is_opposition(lines, index, recommendation_alone=False) and index < preamble_at - 1:
            break
        if _is_caption_line(line.text):
            heading = index
            while heading - 1 >= floor and lines[heading - 1].page == line.page and _is_stacked(lines[heading - 1].text):
                heading -= 1
            return heading
    return preamble_at


def _is_caption_line(text: str) -> bool:
    return bool(text) and not text.endswith(".") and len(text) < 140 and bool(
        ITEM_HEADING.match(text) or SHAREHOLDER_CAPTION.search(text)
    )


def _is_stacked(text: str) -> bool:
    """A caption word set on a line of its own above the caption ("Proposal" / "4:")."""
    return bool(
        ITEM_HEADING.fullmatch(text)
        or re.fullmatch(rf"{NUMBER}\s*[:.]?|(?:{SHAREHOLDER}\s*)?proposal\s*(?:{NUMBER})?\s*[:.]?|{SHAREHOLDER}", text, re.I)
    )


def read_caption(texts: list[str]) -> tuple[str, str]:
    """The caption without "(Item N on the Proxy Card)", and the item number it gives."""
    whole = " ".join(texts)
    caption = SIDE_LABEL.sub("", PROXY_CARD.sub("", whole)).strip()
    caption = re.sub(r"^(\w+)\s+(?=\1\s+\w)", "", caption, flags=re.I)  # "Proposal / Proposal 5: …" stacked
    match = ITEM_HEADING.search(caption) or _OTHER_NUMBERING.search(caption) or _OTHER_NUMBERING.search(whole)
    if not match:
        return caption, ""
    groups = match.groupdict()
    return caption, item_number(groups["number"] or groups["lead"])


def item_from(title: str) -> str:
    match = re.match(rf"^[“\"]?\s*(?:proposal|item)\s*(?:no\.?\s*)?(?P<n>{NUMBER}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\b", title or "", re.I)
    if not match:
        return ""
    number = match["n"]
    return str(from_superscript(number)) if not number.isascii() else item_number(number)


def clean_title(title: str) -> str:
    title = _TITLE_LABEL.sub("", title.strip())
    return title.strip().rstrip(":").strip()


def caption_title(caption: str) -> str:
    """The caption without its "Item N" label and a bare "Shareholder Proposal –" prefix ("Shareholder
    Proposal Regarding X" stays whole); capitals set in title case."""
    text = _title_case(caption) if is_capitals_heading(caption) else caption
    for _ in range(3):
        stripped = _CAPTION_LABEL.sub("", text, count=1).strip(" :–—-")
        if stripped == text:
            break
        text = stripped
    return text or caption


_SMALL_TITLE_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(
        word if index and word in _SMALL_TITLE_WORDS else "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        for index, word in enumerate(words)
    )


def _over_the_whole_text(lines, body: list[int]) -> bool:
    """A "Supporting Statement" heading of the company's over the proponent's text, which has its own further down."""
    return any(SUPPORTING_HEADING.match(lines[index].text) for index in body[1:])


def proponent_title(lines, body: list[int]) -> tuple[str, list[int]]:
    """The proponent's own title line(s) at the top of its text, if any."""
    title: list[str] = []
    rest = list(body)
    while rest:
        line = lines[rest[0]]
        text = line.text
        if COMPANY_HEADING.fullmatch(text) and not title and (
            not SUPPORTING_HEADING.fullmatch(text) or _over_the_whole_text(lines, rest)
        ):
            rest.pop(0)
            continue
        is_title = (
            len(text) <= 160 and len(text.split()) <= 18 and not ends_sentence(text)
            and not CLAUSE.match(text) and not SUPPORTING_HEADING.match(text) and not URL.search(text)
            and not text.endswith(",") and not BULLET.match(text)
        )
        if not is_title or (title and line.starts_paragraph) or len(title) == 3:
            break
        title.append(text)
        rest.pop(0)
        if len(rest) and lines[rest[0]].starts_paragraph:
            break
    if title and rest and not lines[rest[0]].starts_paragraph:
        return "", body  # the "title" was the start of a paragraph
    return " ".join(title), rest
