"""The company's preamble of each shareholder proposal ("X has notified us that it intends to present…"),
which is how proposals are found, and the company's own lines that follow it."""

from __future__ import annotations

import re

from ..markers import SUPPORTING_HEADING
from .items import ITEM_HEADING, SHAREHOLDER, SHAREHOLDER_CAPTION
from .opposition import is_opposition
from .parts import CLAUSE
from .side_labels import side_label_end
from .statement import ProxyLine, paragraph_text

PREAMBLE = re.compile(
    r"\b(?:intends?|intend)\s+to\s+(?:present|submit|introduce|offer|move|propose)"
    r"|\b(?:has|have)\s+(?:been\s+)?(?:notified|advised)\b"
    r"|\bwill\s+present\s+the\s+following\s+proposal"
    r"|\b(?:were|was|has\s+been|have\s+been)\s+submitted\s+by\b"
    rf"|\b(?:has|have)\s+submitted\s+(?:the|a|this)\s+(?:following\s+)?(?:{SHAREHOLDER}\s+)?proposal"
    rf"|\breceived\s+(?:the\s+following|a|this)\s+{SHAREHOLDER}\s+proposal\s+from\b"
    r"|\b(?:is|are)\s+the\s+proponents?\s+of\b"
    r"|\bintention\s+to\s+present",
    re.IGNORECASE,
)
# A word each of PREAMBLE's phrasings holds: a quick test that most paragraphs fail (the search is slow).
_PREAMBLE_WORDS = ("inten", "notified", "advised", "following", "submitted", "received", "proponent")
_PREAMBLE_SUBJECT = re.compile(r"\bproposal|\bresolution", re.IGNORECASE)
COMPANY_HEADING = re.compile(
    rf"^(?:the\s+)?(?:{SHAREHOLDER}\s+)?(?:proposal|resolution)s?(?:\s+and\s+(?:supporting\s+statement|statement\s+of\s+support))?\s*:?$|^the\s+{SHAREHOLDER}\s+(?:resolution|proposal)$"
    r"|^supporting\s+statement$|^text\s+of\s+(?:the\s+)?(?:proposal|resolution)\s*:?$",
    re.IGNORECASE,
)


def proposal_starts(lines: list[ProxyLine]) -> list[int]:
    """Indexes of preamble paragraphs: a company saying a shareholder will present a proposal."""
    starts: list[int] = []
    index = 0
    while index < len(lines):
        if not lines[index].text or not lines[index].starts_paragraph:
            index += 1
            continue
        text, after = paragraph_text(lines, index)
        window = text[:600]
        if _is_preamble(window) and _proposal_follows(lines, after):
            if not starts or _opposition_between(lines, starts[-1], index) or _caption_between(lines, starts[-1], index):
                starts.append(index)
        index = after
    return starts


def _is_preamble(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in _PREAMBLE_WORDS) and bool(PREAMBLE.search(text) and _PREAMBLE_SUBJECT.search(text))


def _proposal_follows(lines: list[ProxyLine], start: int) -> bool:
    """A request ("RESOLVED", "request", "ask") follows within a few pages, before any board statement."""
    page = lines[start].page if start < len(lines) else 0
    for line in lines[start : start + 400]:
        if line.page > page + 3:
            return False
        if CLAUSE.match(line.text) or re.search(r"\b(?:request|ask|urge)s?\b", line.text, re.I):
            return True
    return False


def _opposition_between(lines: list[ProxyLine], start: int, stop: int) -> bool:
    return any(is_opposition(lines, index) for index in range(start + 1, stop))


def _caption_between(lines: list[ProxyLine], start: int, stop: int) -> bool:
    """A shareholder proposal's item heading between two preambles (the board may print no statement)."""
    return any(
        lines[index].starts_paragraph and ITEM_HEADING.match(lines[index].text) and SHAREHOLDER_CAPTION.search(
            paragraph_text(lines, index)[0]) and not paragraph_text(lines, index)[0].endswith(".")
        for index in range(start + 1, stop)
    )


def company_lines(lines, start, stop) -> tuple[list[str], int]:
    """Company text between the preamble and the proponent's text: headings, disclaimers, the recommendation."""
    kept: list[str] = []
    index = start
    while index < stop:
        if not lines[index].text:
            index += 1
            continue
        label_end = side_label_end(lines, index, stop)
        if label_end > index:
            index = label_end
            continue
        text, after = paragraph_text(lines, index)
        if (
            COMPANY_HEADING.fullmatch(text) and not SUPPORTING_HEADING.fullmatch(text)
            or re.search(r"(?:being\s+)?asked\s+to\s+vote\s+on\s+the\s+following|not\s+responsible\s+for|recommends\s+(?:that\s+)?(?:you|shareholders|stockholders|shareowners)?\s*(?:a\s+)?vote|ownership\s+of\s+the\s+proponent|upon\s+(?:oral\s+or\s+written\s+)?request|beneficially\s+owns|contained\s+in\s+the\s+proposal", text, re.I)
            and not CLAUSE.match(text)
        ):
            kept.append(text)
            index = after
            continue
        break
    return kept, index
