"""The board's statement in opposition: where it starts and ends, and what the board recommends."""

from __future__ import annotations

import re

from .items import ITEM_HEADING, is_capitals_heading
from .statement import ProxyLine, paragraph_text

OPPOSITION = re.compile(
    r"statement\s+(?:of\s+(?:the\s+|our\s+)?(?:board(?:\s+of\s+directors)?|company|management)\s+)?in\s+(?:opposition|response|support)"
    r"|opposition\s+statement|opposing\s+statement"
    r"|^(?:the\s+|our\s+)?(?:company|management)['’]?s?\s+(?:response|statement|position)"
    r"|^(?:the\s+|our\s+)?board(?:\s+of\s+directors)?['’]?s?\s+(?:statement|response|recommendation|position|opposition)"
    r"|what\s+(?:does|is)\s+(?:the|our)\s+(?:board|recommendation|company|management)|board\s+recommendation"
    r"|what\s+vote\s+is\s+required|^(?:the\s+)?board\s+statement"
    r"|^our\s+response|^directors['’]\s+(?:statement|response|recommendation|position)|^statement\s+of\s+opposition"
    r"|^(?:response|position|recommendation)\s+of\s+(?:the\s+|our\s+)?(?:board|company|management|directors)"
    r"|^(?:why|reasons?\s+(?:for|why))\s+(?:the\s+|our\s+)?board(?:\s+of\s+directors)?(?:['’]s)?\s+recommend",
    re.IGNORECASE,
)
_RECOMMENDS_NONE = re.compile(
    r"(?:makes|make|making|is\s+making)\s+no\s+recommendation|no\s+recommendation\s+(?:on|regarding|with)"
    r"|does\s+not\s+(?:make\s+a\s+)?recommend(?:ation)?\s+(?:a\s+vote\s+)?(?:either|for\s+or\s+against)",
    re.IGNORECASE,
)
_RECOMMENDS = re.compile(
    r"recommends?\s+(?:that\s+)?(?:you\s+|(?:our\s+)?(?:share|stock)(?:holders|owners)\s+)?(?:a\s+)?"
    r"vote\s*[“\"]?\s*(?P<vote>for|against)\b",
    re.IGNORECASE,
)
_NOT_RECOMMENDING = re.compile(r"not\s+making\s+a\s+(?:voting\s+)?recommendation|no\s+(?:voting\s+)?recommendation", re.I)
# "The Board of / Directors / Unanimously / Recommends / … Vote Against" set a word or two a line
STACKED_RECOMMENDATION = re.compile(r"(?:the|our|your)\s+board(?:\s+of\s+directors)?\s+(?:unanimously\s+)?recommends", re.I)
_MAX_OPPOSITION_PAGES = 3
# "The Board of Directors recommends a vote FOR this proposal." as a paragraph of its own
_ONE_SENTENCE_RECOMMENDATION = re.compile(
    r"(?:the|our|your)\s+board(?:\s+of\s+directors)?\s+(?:unanimously\s+)?recommends\s+(?:that\s+\w+\s+)?"
    r"(?:a\s+)?vote\s*[“\"]?(?:for|against)[”\"]?\s+(?:this|the)\s+(?:(?:share|stock)holder\s+)?proposal\.",
    re.IGNORECASE,
)
# Words of the board statement's own headings; a heading about later meetings is the next section's all the same.
_STATEMENT_WORDS = re.compile(r"board|recommend|statement|opposition|vote|proposal", re.I)
_LATER_SECTION = re.compile(
    r"\bfuture\b|other\s+matters|(?:proposals?|nominations?)\s+(?:for|to\s+be\s+(?:included|presented)\s+at)\s+"
    r"(?:the\s+|our\s+|next\s+year['’]s\s+)?(?:20[0-9]{2}\s+)?annual\s+meeting",
    re.I,
)


def _heading_group(lines: list[ProxyLine], index: int) -> str:
    """A line with the short lines stacked under it (a caption set one or two words a line)."""
    texts = [lines[index].text]
    for line in lines[index + 1 : index + 12]:
        if not line.text:
            continue
        if len(line.text.split()) > 4 or len(texts) > 10:
            break
        texts.append(line.text)
    return " ".join(texts)


def is_opposition(lines: list[ProxyLine], index: int, *, recommendation_alone: bool = True) -> bool:
    """The board's statement starts at ``index``: its heading, or (``recommendation_alone``) a
    paragraph that is the board's recommendation alone, which may also stand above a preamble."""
    text = lines[index].text
    if recommendation_alone and text and lines[index].starts_paragraph and _ONE_SENTENCE_RECOMMENDATION.fullmatch(
        paragraph_text(lines, index)[0]
    ):
        return True
    if not text or len(text) > 110 or (text.endswith(".") and not re.search(r"recommends", text, re.I)):
        return False
    if text.endswith(".") and len(text.split()) > 6:
        return False
    if not lines[index].starts_paragraph:
        return False
    stacked = len(text.split()) <= 4
    group = _heading_group(lines, index) if stacked else text
    match = OPPOSITION.search(group)
    # the recommendation as a heading: stacked a word or two a line, or on one line without a full stop
    as_heading = stacked or not paragraph_text(lines, index)[0].endswith(".")
    return bool(match and match.start() < 25 or as_heading and STACKED_RECOMMENDATION.match(group))


def end_of_opposition(lines, start, end, body_size) -> int:
    """The board's statement runs to the next item or section heading (at most a few pages)."""
    page = lines[start].page
    alone = _ONE_SENTENCE_RECOMMENDATION.fullmatch(paragraph_text(lines, start)[0])  # no heading, no reasons
    paragraphs = 0
    closed_on: int | None = None  # the page of a paragraph restating the recommendation, if the last one read
    for index in range(start + 1, end):
        line = lines[index]
        if line.page > page + _MAX_OPPOSITION_PAGES:
            return index
        if not line.text or not line.starts_paragraph:
            continue
        text = paragraph_text(lines, index)[0]
        if ITEM_HEADING.match(line.text) and not text.endswith("."):
            return index  # the next item's heading ("Proposal 5 is advisory only, …" opens a sentence)
        if closed_on is not None and line.page > closed_on and len(text) < 80 and not text.endswith("."):
            return index  # the page after the closing recommendation opens on a heading: the next section
        if alone and not paragraphs and len(text) < 80 and not text.endswith("."):
            return index  # a heading right after a statement that is the recommendation alone: the next section
        paragraphs += 1
        closed_on = line.page if paragraphs > 2 and text.endswith(".") and _restates_recommendation(text) else None
        if index < start + 3:
            continue
        heading = body_size and line.size >= 1.3 * body_size or is_capitals_heading(line.text)
        if heading and (not _STATEMENT_WORDS.search(line.text) or _LATER_SECTION.search(line.text)):
            return index
    return end


def _restates_recommendation(text: str) -> bool:
    return bool(_RECOMMENDS.search(text) or _RECOMMENDS_NONE.search(text) or _NOT_RECOMMENDING.search(text))


def recommendation(opposition: str, before: str) -> str:
    for text in (opposition, before):
        if _RECOMMENDS_NONE.search(text):
            return "none"
        match = _RECOMMENDS.search(text) or re.search(r"recommends\s+(?:that\s+)?\w*\s*vote\s+(for|against)\b", text, re.I)
        if match:
            return match.group(match.lastindex).lower()
    return "none"
