"""Split a whole proxy statement (DEF 14A) into its shareholder proposals, as filed.

Pure Python. The input is a list of pages of positioned lines (``layout.pdf_pages``) or
plain text (``proxy_lines_from_text``). Each proposal is found from the company's preamble
("X has notified us that it intends to present…"); around it sit the item caption
above and the board's statement in opposition below. Running heads, page footers, page
numbers and contents links go to ``left_out`` with their reason; every other line of a
proposal's pages lands in its caption, preamble, title, a part, a note or the board's
statement.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .calls import CallScanner
from .filers import _ORG_WORDS, _is_organization, _is_person
from .layout import PageLine
from .markers import BULLET, NUMBERED_ITEM, SUPPORTING_HEADING, URL, extract_urls, note_marker, unwrap_angle_urls
from .model import Footnote
from .parser import _reconcile
from .text import ends_sentence, from_superscript, join_lines, normalize_text

NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER = r"(?:[0-9]{1,2}|" + "|".join(NUMBER_WORDS) + r")"
ITEM_HEADING = re.compile(
    rf"^[“\"]?\s*(?:item|proposal|resolution)\s*(?:no\.?|number|#)?\s*(?P<number>{_NUMBER})\b\s*[:.–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SHAREHOLDER = r"(?:share|stock)(?:holder|owner)(?:['’]s|s['’]?)?"
SHAREHOLDER_CAPTION = re.compile(rf"\b{_SHAREHOLDER}\s+proposal", re.IGNORECASE)
PREAMBLE = re.compile(
    r"\b(?:intends?|intend)\s+to\s+(?:present|submit|introduce|offer|move)"
    r"|\b(?:has|have)\s+(?:been\s+)?(?:notified|advised)\b"
    r"|\bwill\s+present\s+the\s+following\s+proposal"
    r"|\b(?:were|was)\s+submitted\s+by\b"
    r"|\b(?:has|have)\s+submitted\s+(?:the|a|this)\s+(?:following\s+)?proposal"
    r"|\bintention\s+to\s+present",
    re.IGNORECASE,
)
_PREAMBLE_SUBJECT = re.compile(r"\bproposal|\bresolution", re.IGNORECASE)
OPPOSITION = re.compile(
    r"statement\s+in\s+(?:opposition|response|support)|opposition\s+statement|opposing\s+statement"
    r"|^(?:the\s+|our\s+)?(?:company|management)['’]?s?\s+(?:response|statement|position)"
    r"|^(?:the\s+|our\s+)?board(?:\s+of\s+directors)?['’]?s?\s+(?:statement|response|recommendation|position|opposition)"
    r"|what\s+(?:does|is)\s+the\s+(?:board|recommendation)|board\s+recommendation"
    r"|what\s+vote\s+is\s+required|^(?:the\s+)?board\s+statement",
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
# "The Board of / Directors / Unanimously / Recommends / … Vote Against" set a word or two a line
_STACKED_RECOMMENDATION = re.compile(r"the\s+board\s+of\s+directors\s+(?:unanimously\s+)?recommends", re.I)
_CONTENTS = re.compile(r"(?:back|return)\s+to\s+(?:table\s+of\s+)?contents|table\s+of\s+contents|contents", re.I)
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[0-9ivxl]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,3})?|[-–]\s*[0-9]{1,3}\s*[-–]", re.I)
_CLAUSE = re.compile(
    r"^(?P<marker>(?:now,?\s+)?(?:therefore,?\s+)?(?:be\s+it\s+(?:further\s+)?)?resolved\b\s*(?:,\s*that\b|that\b)?\s*[,:;.]?"
    r"|therefore\s*:|whereas\b\s*[,:;.]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Paragraphs after RESOLVED that carry on the request rather than support it.
_REQUEST_CONTINUES = re.compile(
    r"^(?:for\s+(?:the\s+)?purposes\s+of|the\s+(?:report|policy|analysis|assessment|review|disclosure)s?\s+"
    r"(?:shall|should|must|will|would|may)|these\s+amendments|this\s+(?:report|policy)\s+(?:shall|should)"
    r"|such\s+(?:report|policy)|[\w/ ]{0,40}\s+(?:is|are)\s+defined\s+as|“[^”]{1,60}”\s+(?:is|means|refers))",
    re.IGNORECASE,
)
_COMPANY_HEADING = re.compile(
    rf"^(?:the\s+)?(?:{_SHAREHOLDER}\s+)?(?:proposal|resolution)s?(?:\s+and\s+(?:supporting\s+statement|statement\s+of\s+support))?\s*:?$|^the\s+{_SHAREHOLDER}\s+(?:resolution|proposal)$"
    r"|^supporting\s+statement$|^text\s+of\s+(?:the\s+)?(?:proposal|resolution)\s*:?$",
    re.IGNORECASE,
)
_TITLE_LABEL = re.compile(rf"^[“\"]?\s*(?:proposal|resolution)\s*(?:no\.?\s*)?(?:{_NUMBER}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*[:.–—-]\s*", re.I)
_CAPTION_LABEL = re.compile(
    rf"^(?:(?:item|proposal)\s*(?:no\.?|number)?\s*{_NUMBER}\s*[:.–—-]?\s*)?"
    rf"(?:{_SHAREHOLDER}\s+proposal\s*[:–—-]\s*)?",
    re.IGNORECASE,
)
_PROXY_CARD = re.compile(r"\s*\((?:item|proposal)\s+[0-9]+\s+on\s+the\s+proxy\s+card\)", re.IGNORECASE)
_PAREN_NOTE = re.compile(r"^\(([0-9]{1,3})\)\s*|^\[([0-9]{1,3})\]\s*|^([0-9]{1,2})(?=https?://|www\.)")
# The side label of a company's question-and-answer layout, stacked or run in
_SIDE_LABEL = re.compile(r"\s*what\s+am\s+i\s+voting\s+on\s*\??\s*", re.IGNORECASE)
_SIDE_LABEL_START = re.compile(r"^what(?:\s+am(?:\s+i(?:\s+voting)?)?)?$", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^(?:please\s+vote|contact\s*:|the\s+proponent\s+recommends|vote\s+for\b)", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(20[0-9]{2})\s+annual\s+(?:general\s+)?(?:(?:share|stock)(?:holder|owner)s?[’']?\s+)?meeting", re.IGNORECASE
)
_COMPANY = re.compile(
    r"\b((?:[A-Z][\w.&!'’-]*\s+){0,3}[A-Z][\w.&!'’-]*,?\s+(?:Inc\.|Corporation|Company|plc|Corp\.|N\.V\.|Ltd\.))"
)
_COMPANY_CAPITALS = re.compile(r"[A-Z][A-Z0-9.&!'’ -]+,?\s+(?:INC\.|CORPORATION|COMPANY|CORP\.|PLC|LTD\.)")
_RUNNING_ZONE = 0.09  # share of the page height at the top and at the foot
_MIN_REPEATS = 3
_EDGE_WORDS = 6
_HEADING_SIZE = 1.15
_SIZE_STEP = 1.35
# A line this many usual line pitches below the line before starts a paragraph.
_PARAGRAPH_PITCH = 1.3
_MAX_OPPOSITION_PAGES = 3

MANAGEMENT = "management proposal"
NO_PROPOSALS = "No shareholder proposals were found in this document."
NOT_A_PROXY = (
    "This does not look like a proxy statement: it has no items to vote on and no shareholder proposals."
)


@dataclass
class ProxyLine:
    page: int
    text: str
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    starts_paragraph: bool = False
    small: bool = False  # set in a smaller type than the body (notes)


@dataclass
class Proponent:
    name: str
    organization: str = ""
    representative: str = ""


@dataclass
class ProxyProposal:
    item: str
    caption: str
    title: str
    pages: list[int]
    proponents: list[Proponent]
    preamble: str
    resolved: list[str] = field(default_factory=list)
    whereas: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    calls: list[Any] = field(default_factory=list)
    opposition: str = ""
    board_recommendation: str = "none"
    resolution_marker: str | None = None
    left_out: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    part_order: list[str] = field(default_factory=list)
    note_pages: list[int] = field(default_factory=list)  # pages holding its notes
    source_text: str = ""  # the lines read, caption to the end of the board's statement

    @property
    def resolved_first(self) -> bool:
        return bool(self.part_order) and self.part_order[0] == "resolved"

    def precedent_structure(self) -> dict[str, Any]:
        """The shape the precedent services store: parts, notes, calls with offsets, filers."""
        structure = self.as_dict()
        structure["calls"] = [
            {"part": c.part, "index": c.index, "number": c.number, "offset": c.offset} for c in self.calls
        ]
        structure["filers"] = [
            {"name": "", "organization": p.name, "lead": index == 0}
            if _is_organization(p.name) and not p.organization
            else {"name": p.name, "organization": p.organization, "lead": index == 0}
            for index, p in enumerate(self.proponents)
        ]
        return structure

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "caption": self.caption,
            "title": self.title,
            "pages": list(self.pages),
            "proponents": [vars(proponent).copy() for proponent in self.proponents],
            "preamble": self.preamble,
            "resolved": list(self.resolved),
            "whereas": list(self.whereas),
            "supporting": list(self.supporting),
            "footnotes": [{"number": n.number, "text": n.text, "urls": list(n.urls)} for n in self.footnotes],
            "calls": [{"part": c.part, "index": c.index, "number": c.number} for c in self.calls],
            "opposition": self.opposition,
            "board_recommendation": self.board_recommendation,
            "left_out": list(self.left_out),
            "warnings": list(self.warnings),
        }


@dataclass
class ProxyStatement:
    file: str
    company: str
    meeting_year: int | None
    pages: int
    proposals: list[ProxyProposal]
    skipped: list[dict[str, str]]
    warnings: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "company": self.company,
            "meeting_year": self.meeting_year,
            "pages": self.pages,
            "proposals": [proposal.as_dict() for proposal in self.proposals],
            "skipped": list(self.skipped),
            "warnings": list(self.warnings),
        }


# --- lines -------------------------------------------------------------------------------------


def proxy_lines_from_pdf(pages: list[list[PageLine]]) -> tuple[list[ProxyLine], dict[int, dict]]:
    """Body lines with paragraph starts, and the running heads/footers left out (by line id)."""
    left_out = _running_lines(pages)
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
        for line in page:
            right = _column_right(page, line, page_right)
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
    return _without_side_labels(lines, removed)


_SIDE_LABEL_WORDS = (re.compile(r"^what\b\s*", re.I), re.compile(r"^am\s+i\b\s*", re.I),
                     re.compile(r"^voting\b\s*", re.I), re.compile(r"^on\s*\?\s*", re.I))


def _without_side_labels(lines: list[ProxyLine], removed: dict[int, dict]) -> tuple[list[ProxyLine], dict[int, dict]]:
    """A "What / am I / voting / on?" label set down a side column comes out at the start of the
    lines beside it (a body line or two may fall between its words): take its words off those
    lines (left out as a side label)."""
    strip: dict[int, int] = {}  # line index → length of the label's words at its start
    index = 0
    while index < len(lines):
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
    for index, line in enumerate(lines):
        if index in removed:
            moved[len(kept)] = removed[index]
        if index in strip:
            moved[len(kept)] = {"line": line.text[:strip[index]].strip(), "page": line.page, "reason": "side label"}
            kept.append(ProxyLine(line.page, "", line.size))
            rest = line.text[strip[index]:].strip()
            if not rest:
                continue
            line = ProxyLine(line.page, rest, line.size, line.x0, line.x1, line.starts_paragraph, line.small)
        kept.append(line)
    return kept, moved


def _is_heading_text(text: str) -> bool:
    """An item heading or the board's statement heading: never the end of a paragraph from the page before."""
    return bool(ITEM_HEADING.match(text) or OPPOSITION.match(text) or _STACKED_RECOMMENDATION.match(text))


def _column_right(page: list[PageLine], line: PageLine, page_right: float) -> float:
    """The right edge of the column ``line`` is set in: of a two-column page, its own column's."""
    if line.x1 > 0.6 * page_right:
        return page_right
    same_column = [other.x1 for other in page if abs(other.x0 - line.x0) < 0.15 * page_right]
    return max(same_column, default=page_right)


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


def _running_lines(pages: list[list[PageLine]]) -> dict[int, str]:
    """Running heads, page footers, page numbers and contents links: the lines to leave out.

    A zone line repeated on several pages is a head or footer; so is one whose first words
    recur at the same height on several pages, set no larger than the body ("Shareholder
    Proposals - Proposal 5 - <its title>", a head naming the section).
    """
    sizes = sorted(line.size for page in pages for line in page)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    zone_keys: Counter[str] = Counter()
    for page in pages:
        seen = set()
        edges = _edge_lines(page)
        for line in page:
            if _in_zone(line) or id(line) in edges:
                seen.update(_repeat_keys(line))
        zone_keys.update(seen)
    repeats = min(_MIN_REPEATS, max(2, len(pages)))
    reasons: dict[int, str] = {}
    item_heads_seen: set[str] = set()
    for page in pages:
        edges = _edge_lines(page)
        for position, line in enumerate(page):
            text = line.text.strip()
            edge = position in (0, len(page) - 1)
            if _CONTENTS.fullmatch(text):
                reasons[id(line)] = "contents link"
            elif (edge or _in_zone(line)) and _PAGE_NUMBER.fullmatch(text):
                reasons[id(line)] = "page number"
            elif _in_zone(line) or id(line) in edges:
                full, *prefix = _repeat_keys(line)
                if ITEM_HEADING.match(text) and full not in item_heads_seen:
                    item_heads_seen.add(full)  # "PROPOSAL 6" over each of its pages: the first is its heading
                    continue
                if zone_keys[full] >= repeats or (prefix and zone_keys[prefix[0]] >= repeats and line.size <= body_size):
                    top = line.top < line.page_height / 2
                    reasons[id(line)] = "running head" if top else "page footer"
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
    and, for a line of several words, its first three words at its height."""
    full = line.text.lower().strip()
    if not ITEM_HEADING.match(full):  # "Proposal 6" and "Proposal 7" are different heads
        full = " ".join(re.sub(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+", " ", full).split())
    words = full.split()
    if len(words) < 4:
        return [full]
    return [full, f"{' '.join(words[:3])}@{round(line.top)}"]


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
            if _CONTENTS.fullmatch(raw):
                removed[len(lines)] = {"line": raw, "page": page_number, "reason": "contents link"}
                lines.append(ProxyLine(page_number, ""))
                continue
            lines.append(ProxyLine(page_number, raw, starts_paragraph=after_blank))
            after_blank = False
    return lines, removed


# --- the document ----------------------------------------------------------------------------


def split_proxy(lines: list[ProxyLine], removed: dict[int, dict], *, filename: str = "", page_count: int = 0) -> ProxyStatement:
    body_size = _body_size(lines)
    starts = _proposal_starts(lines)
    proposals: list[ProxyProposal] = []
    bounds = []
    for number, preamble_at in enumerate(starts):
        heading_at = _heading_before(lines, preamble_at, bounds[-1][1] + 1 if bounds else 0, body_size)
        bounds.append([heading_at, preamble_at, len(lines)])
        if number:
            bounds[number - 1][2] = min(bounds[number - 1][2], heading_at)
    for heading_at, preamble_at, end in bounds:
        proposal = _read_proposal(lines, removed, heading_at, preamble_at, end, body_size)
        if proposal is not None:
            proposals.append(proposal)
    _number_missing_items(proposals)
    skipped = _management_items(lines, proposals, body_size)
    warnings = []
    if not proposals:
        warnings.append(NO_PROPOSALS if skipped or _looks_like_proxy(lines) else NOT_A_PROXY)
    return ProxyStatement(
        file=filename,
        company=_company(lines, proposals),
        meeting_year=_meeting_year(lines),
        pages=page_count or (lines[-1].page if lines else 0),
        proposals=proposals,
        skipped=skipped,
        warnings=warnings,
    )


def _body_size(lines: list[ProxyLine]) -> float:
    sizes = sorted(line.size for line in lines if line.text)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _paragraph_text(lines: list[ProxyLine], start: int) -> tuple[str, int]:
    """The text of the paragraph starting at `start`, and the index after it."""
    texts = [lines[start].text]
    index = start + 1
    while index < len(lines) and not lines[index].starts_paragraph:
        if lines[index].text:
            texts.append(lines[index].text)
        index += 1
    return join_lines(texts), index


def _proposal_starts(lines: list[ProxyLine]) -> list[int]:
    """Indexes of preamble paragraphs: a company saying a shareholder will present a proposal."""
    starts: list[int] = []
    index = 0
    while index < len(lines):
        if not lines[index].text or not lines[index].starts_paragraph:
            index += 1
            continue
        text, after = _paragraph_text(lines, index)
        window = text[:600]
        if PREAMBLE.search(window) and _PREAMBLE_SUBJECT.search(window) and _proposal_follows(lines, after):
            if not starts or _opposition_between(lines, starts[-1], index):
                starts.append(index)
        index = after
    return starts


def _proposal_follows(lines: list[ProxyLine], start: int) -> bool:
    """A request ("RESOLVED", "request", "ask") follows within a few pages, before any board statement."""
    page = lines[start].page if start < len(lines) else 0
    for line in lines[start : start + 400]:
        if line.page > page + 3:
            return False
        if _CLAUSE.match(line.text) or re.search(r"\b(?:request|ask|urge)s?\b", line.text, re.I):
            return True
    return False


def _opposition_between(lines: list[ProxyLine], start: int, stop: int) -> bool:
    return any(_is_opposition(lines, index) for index in range(start + 1, stop))


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


def _is_opposition(lines: list[ProxyLine], index: int) -> bool:
    text = lines[index].text
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
    as_heading = stacked or not _paragraph_text(lines, index)[0].endswith(".")
    return bool(match and match.start() < 25 or as_heading and _STACKED_RECOMMENDATION.match(group))


def _heading_before(lines: list[ProxyLine], preamble_at: int, floor: int, body_size: float) -> int:
    """Where the proposal's caption starts: an item heading above the preamble, else the preamble itself."""
    page = lines[preamble_at].page
    for index in range(preamble_at - 1, max(floor, preamble_at - 40) - 1, -1):
        line = lines[index]
        if line.page < page - 1:
            break
        if _is_opposition(lines, index) and index < preamble_at - 1:
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
        or re.fullmatch(rf"{_NUMBER}\s*[:.]?|(?:{_SHAREHOLDER}\s*)?proposal\s*(?:{_NUMBER})?\s*[:.]?|{_SHAREHOLDER}", text, re.I)
    )


def _read_proposal(lines, removed, heading_at, preamble_at, end, body_size) -> ProxyProposal | None:
    preamble_text, body_at = _paragraph_text(lines, preamble_at)
    proponents = parse_proponents(preamble_text)
    caption_lines, before = [], []
    for line in lines[heading_at:preamble_at]:
        if line.text:
            (before if before or line.text.endswith(".") else caption_lines).append(line.text)
    if before:  # company sentences between the caption and the preamble ("Our Board recommends…")
        preamble_text = " ".join(before + [preamble_text])
    opposition_at = next((i for i in range(body_at, end) if _is_opposition(lines, i)), None)
    if opposition_at is None:
        return None
    extra_preamble, body_at = _company_lines(lines, body_at, opposition_at)
    opposition_end = _opposition_end(lines, opposition_at, end, body_size)
    body = [i for i in range(body_at, opposition_at) if lines[i].text]
    if not body:
        return None
    proposal = ProxyProposal(
        item="",
        caption="",
        title="",
        pages=[],
        proponents=proponents,
        preamble=" ".join([preamble_text] + extra_preamble),
    )
    caption, item = _caption(caption_lines)
    proposal.caption = caption
    title, body = _proponent_title(lines, body)
    proposal.item = item or _item_from(title) or ""
    proposal.title = _clean_title(title) if title else _caption_title(caption)
    _read_parts(proposal, lines, body)
    opposition_lines = list(range(opposition_at, opposition_end))
    opposition_lines = _late_notes(proposal, lines, opposition_lines)
    proposal.opposition = "\n".join(
        _paragraphs(lines, [i for i in opposition_lines if lines[i].text])
    )
    proposal.board_recommendation = _recommendation(
        proposal.opposition, " ".join(caption_lines + [proposal.preamble])
    )
    proposal.source_text = "\n".join(line.text for line in lines[heading_at:opposition_end] if line.text)
    first_page = lines[heading_at].page
    last_page = max(lines[i].page for i in body) if body else first_page
    if proposal.note_pages and body:
        last_page = max(last_page, *proposal.note_pages)
    proposal.pages = [first_page, last_page]
    proposal.left_out = [
        removed[i] for i in sorted(removed)
        if first_page <= removed[i]["page"] <= max(last_page, lines[max(opposition_end - 1, 0)].page)
    ]
    if not proposal.proponents:
        proposal.warnings.append("The preamble does not name the proponent; it is recorded as not disclosed.")
        proposal.proponents = [Proponent(name="not disclosed")]
    return proposal


def _side_label(lines, index, stop) -> int:
    """The end of a "What am I voting on?" side label starting at ``index`` (set a word or two a
    line, or run in), else ``index``."""
    words, end = "", index
    while end < stop and len(words.split()) < 6:
        if lines[end].text:
            words = f"{words} {lines[end].text}".strip()
            if _SIDE_LABEL.fullmatch(words):
                return end + 1
            if not _SIDE_LABEL.match(words + " voting on") and not _SIDE_LABEL_START.match(words):
                break
        end += 1
    return index


def _company_lines(lines, start, stop) -> tuple[list[str], int]:
    """Company text between the preamble and the proponent's text: headings, disclaimers, the recommendation."""
    kept: list[str] = []
    index = start
    while index < stop:
        if not lines[index].text:
            index += 1
            continue
        label_end = _side_label(lines, index, stop)
        if label_end > index:
            index = label_end
            continue
        text, after = _paragraph_text(lines, index)
        if (
            _COMPANY_HEADING.fullmatch(text) and not SUPPORTING_HEADING.fullmatch(text)
            or re.search(r"(?:being\s+)?asked\s+to\s+vote\s+on\s+the\s+following|not\s+responsible\s+for|recommends\s+(?:that\s+)?(?:you|shareholders|stockholders|shareowners)?\s*vote|ownership\s+of\s+the\s+proponent|upon\s+(?:oral\s+or\s+written\s+)?request|beneficially\s+owns|contained\s+in\s+the\s+proposal", text, re.I)
            and not _CLAUSE.match(text)
        ):
            kept.append(text)
            index = after
            continue
        break
    return kept, index


def _opposition_end(lines, start, end, body_size) -> int:
    """The board's statement runs to the next item or section heading (at most a few pages)."""
    page = lines[start].page
    for index in range(start + 1, end):
        line = lines[index]
        if line.page > page + _MAX_OPPOSITION_PAGES:
            return index
        if not line.text or not line.starts_paragraph:
            continue
        if ITEM_HEADING.match(line.text) and not line.text.endswith("."):
            return index
        if index < start + 3:
            continue
        heading = body_size and line.size >= 1.3 * body_size or _is_capitals_heading(line.text)
        if heading and not re.search(r"board|recommend|statement|opposition|vote|proposal", line.text, re.I):
            return index
    return end


def _is_capitals_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 6 <= len(letters) and len(text) < 80 and all(c.isupper() for c in letters)


def _caption(texts: list[str]) -> tuple[str, str]:
    caption = _SIDE_LABEL.sub("", _PROXY_CARD.sub("", " ".join(texts))).strip()
    caption = re.sub(r"^(\w+)\s+(?=\1\s+\w)", "", caption, flags=re.I)  # "Proposal / Proposal 5: …" stacked
    match = ITEM_HEADING.search(caption) or re.search(rf"\b(?:item|proposal)\s*(?:no\.?\s*)?(?P<number>{_NUMBER})\b", caption, re.I)
    return caption, _item_number(match["number"]) if match else ""


def _item_number(text: str) -> str:
    return str(NUMBER_WORDS[text.lower()]) if text.lower() in NUMBER_WORDS else str(int(text))


def _item_from(title: str) -> str:
    match = re.match(rf"^[“\"]?\s*(?:proposal|item)\s*(?:no\.?\s*)?(?P<n>{_NUMBER}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\b", title or "", re.I)
    if not match:
        return ""
    number = match["n"]
    return str(from_superscript(number)) if not number.isascii() else _item_number(number)


def _clean_title(title: str) -> str:
    title = _TITLE_LABEL.sub("", title.strip())
    return title.strip().rstrip(":").strip()


def _caption_title(caption: str) -> str:
    """The caption without its "Item N" label and a bare "Shareholder Proposal –" prefix ("Shareholder
    Proposal Regarding X" stays whole); capitals set in title case."""
    text = _title_case(caption) if _is_capitals_heading(caption) else caption
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


def _proponent_title(lines, body: list[int]) -> tuple[str, list[int]]:
    """The proponent's own title line(s) at the top of its text, if any."""
    title: list[str] = []
    rest = list(body)
    while rest:
        line = lines[rest[0]]
        text = line.text
        if _COMPANY_HEADING.fullmatch(text) and not title and not SUPPORTING_HEADING.fullmatch(text):
            rest.pop(0)
            continue
        is_title = (
            len(text) <= 160 and len(text.split()) <= 18 and not ends_sentence(text)
            and not _CLAUSE.match(text) and not SUPPORTING_HEADING.match(text) and not URL.search(text)
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


def _paragraphs(lines: list[ProxyLine], indexes: list[int]) -> list[str]:
    paragraphs: list[list[str]] = []
    for i in indexes:
        if lines[i].starts_paragraph or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(lines[i].text)
    return [join_lines(texts) for texts in paragraphs]


def _note_start(line: ProxyLine) -> tuple[int, str] | None:
    text = line.text
    match = _PAREN_NOTE.match(text)
    if match:
        return int(match[1] or match[2] or match[3]), text[match.end():]
    marker = note_marker(text)
    if marker and (line.small or URL.search(marker[1])) and not NUMBERED_ITEM.match(text + " ") or (
        marker and line.small and URL.search(marker[1])
    ):
        return marker
    return None


def _read_parts(proposal: ProxyProposal, lines: list[ProxyLine], body: list[int]) -> None:
    """Sort the proponent's paragraphs into WHEREAS, RESOLVED and supporting parts, and its notes."""
    units: list[tuple[str, str, bool]] = []  # (kind: "text" | "note", text, starts paragraph)
    notes: list[tuple[int, list[str], int]] = []
    in_note = False
    for i in body:
        line = lines[i]
        note = _note_start(line)
        if note and (line.small or URL.search(note[1]) or in_note):
            notes.append((note[0], [note[1]] if note[1] else [], line.page))
            in_note = True
            continue
        if in_note and (line.small or URL.match(line.text)) and not line.starts_paragraph or in_note and URL.match(line.text):
            notes[-1][1].append(line.text)
            continue
        if in_note and line.small and not _CLAUSE.match(line.text):
            notes[-1][1].append(line.text)
            continue
        joins = in_note and not line.starts_paragraph
        in_note = False
        units.append(("text", line.text, line.starts_paragraph and not joins))
    paragraphs: list[str] = []
    for _, text, starts in units:
        if starts or not paragraphs:
            paragraphs.append(text)
        else:
            paragraphs[-1] = join_lines([paragraphs[-1], text])
    _classify(proposal, _merge_lists(paragraphs))
    proposal.note_pages = [page for _, _, page in notes]
    footnotes = []
    for number, texts, _ in notes:
        text = unwrap_angle_urls(join_lines(texts)) if texts else ""
        footnotes.append(Footnote(number=number, text=text, urls=extract_urls(text)))
    proposal.footnotes = footnotes
    proposal.warnings += _reconcile(proposal.calls, footnotes)


def _merge_lists(paragraphs: list[str]) -> list[str]:
    """A bullet or list item belongs to the paragraph that introduces it."""
    merged: list[str] = []
    for text in paragraphs:
        bullet = BULLET.fullmatch(text) or re.match(r"^[☐∎❑■]\s*\S", text)
        numbered = NUMBERED_ITEM.match(text)
        if merged and (bullet or numbered and (merged[-1].rstrip().endswith(":") or "\n" in merged[-1])):
            merged[-1] += "\n" + text
        elif merged and bullet is None and merged[-1].rstrip().endswith(":") and "\n" not in merged[-1] and not _CLAUSE.match(text):
            merged[-1] += "\n" + text
        else:
            merged.append(text)
    return merged


def _classify(proposal: ProxyProposal, paragraphs: list[str]) -> None:
    parts: dict[str, list[str]] = {"resolved": [], "whereas": [], "supporting": []}
    order: list[str] = []
    has_marker = any(_CLAUSE.match(text) for text in paragraphs)
    mode: str | None = None
    pending_heading: str | None = None
    unplaced: list[str] = []

    def add(kind: str, text: str) -> None:
        parts[kind].append(text)
        if kind not in order:
            order.append(kind)

    for text in paragraphs:
        if _SIGN_OFF.match(text) and len(text) < 120:
            if parts["supporting"] or parts["resolved"]:
                proposal.warnings.append(f"“{text[:60]}” was kept with the supporting statement as a sign-off.")
                (parts["supporting"] or parts["resolved"])[-1] += "\n" + text
                continue
        heading = SUPPORTING_HEADING.fullmatch(text)
        if heading:
            mode = "supporting"
            if heading["rest"]:
                add("supporting", heading["rest"])
            continue
        clause = _CLAUSE.match(text)
        if clause:
            marker = clause["marker"].strip()
            rest = clause["rest"].strip()
            kind = "whereas" if marker.lower().startswith("whereas") else "resolved"
            if kind == "resolved" and proposal.resolution_marker is None:
                proposal.resolution_marker = marker
            mode = kind
            if rest:
                add(kind, rest[:1].upper() + rest[1:])
            else:
                pending_heading = kind
            continue
        if pending_heading:
            add(pending_heading, text)
            pending_heading = None
            continue
        if mode is None:
            if not has_marker and not parts["resolved"]:
                add("resolved", text)  # a request without a RESOLVED word
                mode = "after-request"
                continue
            unplaced.append(text)
            continue
        if mode in ("resolved", "after-request"):
            if _REQUEST_CONTINUES.match(text) and parts["resolved"]:
                parts["resolved"][-1] += "\n" + text
            else:
                add("supporting", text)
            continue
        add(mode, text)
    if unplaced:
        proposal.warnings.append(
            f"{len(unplaced)} paragraph(s) before the request have no WHEREAS marker; they were kept as recitals."
        )
        parts["whereas"] = unplaced + parts["whereas"]
        if "whereas" not in order:
            order.insert(0, "whereas")
    if not parts["resolved"]:
        proposal.warnings.append("No RESOLVED clause was found.")
    scanner = CallScanner()
    # calls are numbered in reading order: scan the parts in the order they were printed
    scanned: dict[str, list[str]] = {"resolved": [], "whereas": [], "supporting": []}
    for kind, index, text in _in_print_order(parts, order):
        cleaned, _ = scanner.scan(text, kind, index)
        scanned[kind].append(cleaned)
    proposal.resolved, proposal.whereas, proposal.supporting = scanned["resolved"], scanned["whereas"], scanned["supporting"]
    proposal.calls = scanner.calls
    proposal.part_order = order


def _in_print_order(parts: dict[str, list[str]], order: list[str]):
    for kind in order:
        for index, text in enumerate(parts[kind]):
            yield kind, index, text


def _late_notes(proposal: ProxyProposal, lines: list[ProxyLine], indexes: list[int]) -> list[int]:
    """Notes of the proposal printed after the board's statement (their numbers were called, not yet found)."""
    called = {call.number for call in proposal.calls}
    missing = called - {note.number for note in proposal.footnotes}
    if not missing:
        return indexes
    kept: list[int] = []
    taking: Footnote | None = None
    for i in indexes:
        line = lines[i]
        note = _note_start(line) if line.text else None
        if note and note[0] in missing:
            taking = Footnote(number=note[0], text=note[1])
            proposal.footnotes.append(taking)
            proposal.note_pages.append(line.page)
            missing.discard(note[0])
            continue
        if taking is not None and line.text and (line.small or URL.match(line.text)) and not note:
            taking.text = join_lines([taking.text, line.text]) if taking.text else line.text
            continue
        if taking is not None:
            taking.urls = extract_urls(taking.text)
            taking = None
        kept.append(i)
    if taking is not None:
        taking.urls = extract_urls(taking.text)
    proposal.footnotes.sort(key=lambda note: note.number)
    proposal.warnings = [w for w in proposal.warnings if "no footnote text" not in w and "no footnote texts" not in w]
    proposal.warnings += [w for w in _reconcile(proposal.calls, proposal.footnotes) if "no call" not in w]
    return kept


def _recommendation(opposition: str, before: str) -> str:
    for text in (opposition, before):
        if _RECOMMENDS_NONE.search(text):
            return "none"
        match = _RECOMMENDS.search(text) or re.search(r"recommends\s+(?:that\s+)?\w*\s*vote\s+(for|against)\b", text, re.I)
        if match:
            return match.group(match.lastindex).lower()
    return "none"


def _number_missing_items(proposals: list[ProxyProposal]) -> None:
    """Items without a number in their heading: the next after the proposal before."""
    for index, proposal in enumerate(proposals):
        if not proposal.item and index and proposals[index - 1].item.isdigit():
            proposal.item = str(int(proposals[index - 1].item) + 1)
            proposal.warnings.append(f"The heading has no item number; it was taken as item {proposal.item}.")


def _management_items(lines: list[ProxyLine], proposals: list[ProxyProposal], body_size: float) -> list[dict[str, str]]:
    found: dict[str, str] = {}
    numbers = {proposal.item for proposal in proposals}
    for line in lines:
        match = ITEM_HEADING.match(line.text)
        if not match or not line.starts_paragraph or (body_size and line.size < _HEADING_SIZE * body_size):
            continue
        number = _item_number(match["number"])
        rest = _PROXY_CARD.sub("", match["rest"]).strip(" :–—-")
        if number in numbers or number in found or not rest or SHAREHOLDER_CAPTION.search(rest):
            continue
        if re.search(r"\.{3,}|\s[0-9]{1,3}$", rest):
            continue  # a contents entry
        found[number] = rest
    return [
        {"item": number, "caption": caption, "reason": MANAGEMENT}
        for number, caption in sorted(found.items(), key=lambda pair: int(pair[0]))
    ]


def _looks_like_proxy(lines: list[ProxyLine]) -> bool:
    text = " ".join(line.text for line in lines[:400]).lower()
    return "proxy" in text and "annual meeting" in text


def _meeting_year(lines: list[ProxyLine]) -> int | None:
    years = Counter(int(m[1]) for line in lines[:600] for m in _YEAR.finditer(line.text))
    return years.most_common(1)[0][0] if years else None


def _company(lines: list[ProxyLine], proposals: list[ProxyProposal]) -> str:
    """The company's name on the cover: a name in capitals with "INC."/"CORPORATION"… on the first
    lines; else the name with "Inc."/"Corporation"… met most often in the document (at least a few
    times: a subsidiary's is rare) that agrees with how the preambles name the company ("… has
    notified Acme that …"), or that name itself."""
    names = Counter(
        m[1].strip() for line in lines for m in _COMPANY.finditer(line.text)
        if not _GENERIC_COMPANY.match(m[1])
    )
    for line in lines[:40]:
        if _COMPANY_CAPITALS.fullmatch(line.text):  # in the case the document writes it in, if it does
            return next((name for name, _ in names.most_common() if name.lower() == line.text.lower()), line.text)
    called = Counter(
        name for proposal in proposals for m in _COMPANY_IN_PREAMBLE.finditer(proposal.preamble)
        for name in [(m[1] or m[2]).strip()] if not _GENERIC_COMPANY.match(name + " ") and name not in ("We", "It")
    )
    if called:
        own = called.most_common(1)[0][0]
        matching = [(count, name) for name, count in names.items()
                    if name.split()[0].rstrip(",") == own.split()[0] and count >= _COMPANY_MENTIONS]
        return max(matching)[1] if matching else own
    if names:
        return names.most_common(1)[0][0]
    heads = Counter(
        m[1] for line in lines for m in [re.match(r"^(.+?)\s+20[0-9]{2}\s+proxy\s+statement", line.text, re.I)] if m
    )
    return heads.most_common(1)[0][0] if heads else ""


_COMPANY_MENTIONS = 5
_GENERIC_COMPANY = re.compile(r"(?:The|Our|This|Each|Such|Other|Another|Any|Current|Public|Listed|Former|Prior|Parent)\s", re.I)
# How a preamble names the company: "has notified Acme that", "Acme has been advised", "Acme is not responsible"
_COMPANY_IN_PREAMBLE = re.compile(
    r"\b(?:notified|advised|informed)\s+((?:[A-Z][\w.&!'’-]*\s?){1,3}?)\s+that\b"
    r"|((?:[A-Z][\w.&!'’-]*\s){0,2}[A-Z][\w.&!'’-]*)\s+(?:has\s+been\s+(?:notified|advised)|is\s+not\s+responsible)"
)


# --- proponents --------------------------------------------------------------------------------

_VERB = re.compile(
    r",?\s*(?:together\s+with\s+[^,]*?co-?filers?,?\s*)?(?:who\s|which\s|the\s+beneficial\s+owner|has\s|have\s|intends?\s|will\s|is\s+the\s|are\s+the\s)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^.*?\b(?:submitted\s+by|(?:has|have)\s+been\s+(?:notified|advised)\s+(?:by\s+|that\s+)?)\s*",
    re.IGNORECASE,
)
_ACTIVE = re.compile(r"^\W*(?!the\s+following)\S+.*?\b(?:has|have)\s+(?:notified|advised)", re.IGNORECASE)
_DROP_PARENS = re.compile(r"\s*\((?:[“\"][^)]*|the\s+[“\"]?proponent[^)]*|lead\s+filer|co-?filers?|[A-Z]{2,8})\)|\s*[“\"]\s*[A-Z]{2,8}\s*[”\"’]\s*\)?")
_ADDRESS = re.compile(r"^\s*(?:[0-9]|located|c/o|p\.?\s?o\.?\s+box|suite|apt|the\s+beneficial|who\s|which\s|[A-Z]{2}\s+[0-9]{5})", re.I)
_STATE_ZIP = re.compile(r"^[A-Za-z .]+\s+[0-9]{5}(?:-[0-9]{4})?$")
# ("NLPC"), ( “ TAB ”) ”) or ( “H “HSUS ’) as text extraction leaves them
_ABBREVIATION_IN_QUOTES = re.compile(r"\s*\(\s*[“\"][^()]{0,24}\)(?:\s*[”\"’]?\s*\))?")
_US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming""".split()
)
_UNNAMED = re.compile(
    r"^(?:a|an|one|certain|two|three|several)\s+(?:of\s+our\s+)?(?:\w+\s+){0,2}(?:stock|share)?(?:holder|owner)s?\b", re.I
)
_ENTITY_SUFFIX = re.compile(r"^(?:inc\.?|llc|l\.l\.c\.|ltd\.?|lp|l\.p\.|plc|n\.a\.|corp\.?|jr\.?|sr\.?)$", re.I)


def parse_proponents(preamble: str) -> list[Proponent]:
    """The proponents of a preamble, each with the representative who files for it."""
    text = normalize_text(preamble).replace("\n", " ")
    text = _ABBREVIATION_IN_QUOTES.sub("", text)
    text = re.sub(r"\s+", " ", text)
    subject = _subject(text)
    if not subject:
        return []
    subject = _DROP_PARENS.sub("", subject)
    if _UNNAMED.match(subject):
        return []  # Rule 14a-8(l): the company may leave the proponent unnamed
    proponents: list[Proponent] = []
    # "Agent on behalf of A, and co-filers B and C on behalf of D"
    for group in re.split(r",?\s+and\s+co-?filers?\s+|,\s+co-?filers?\s+", subject):
        group = re.sub(r"^(?:the\s+)?(?:lead\s+filer|co-?filers?)\s+", "", group.strip(), flags=re.I)
        agent, principals = "", group
        behalf = re.search(r"\s*,?\s+on\s+behalf\s+of\s+", group, re.I)
        represented = re.search(r",?\s+(?:represented\s+by|c/o)\s+", group, re.I)
        if behalf:
            agent, principals = group[: behalf.start()], group[behalf.end():]
        elif represented:
            principals, agent = group[: represented.start()], group[represented.end():]
        agents = _names(agent)
        names = _names(principals)
        if behalf and not names:
            continue
        if len(agents) > 1 and behalf:  # "A and B on behalf of C": the last is the agent, the rest file themselves
            proponents += [Proponent(name=name) for name in agents[:-1]]
            agents = agents[-1:]
        for name in names:
            proponents.append(Proponent(name=name, representative=agents[0] if agents else ""))
    seen: set[str] = set()
    unique = []
    for proponent in proponents:
        if proponent.name.lower() not in seen:
            seen.add(proponent.name.lower())
            unique.append(proponent)
    return unique


def _subject(text: str) -> str:
    """The part of the preamble naming who files: before its verb, or after "notified that"/"submitted by"."""
    lead = _LEAD_IN.match(text)
    verb = _VERB.search(text)
    if lead and (verb is None or verb.start() >= lead.start() and not _ACTIVE.match(text[: lead.end()])):
        rest = text[lead.end():]
    else:
        rest = text
    verb = _VERB.search(rest)
    subject = rest[: verb.start()] if verb else rest
    return subject.strip(" ,.")


def _split_and(text: str) -> list[str]:
    """ "A and B" is two names when both are people or the first ends like an organization."""
    left, found, right = text.partition(" and ")
    if not found or not right[:1].isupper():
        return [text]
    left_words = left.split()
    if _is_person(left) and _is_person(right.split(" and ")[0]) or (
        left_words and left_words[-1].lower().strip(".,") in _ORG_WORDS
    ) or not left_words:
        return [left, *_split_and(right)]
    return [text]


def _names(text: str) -> list[str]:
    text = text.strip(" ,.")
    if not text:
        return []
    text = re.sub(r",?\s+and\s+a\s+co-?filer.*$|,?\s+together\s+with.*$|,?\s+and\s+(?:certain\s+)?(?:other\s+)?co-?filers.*$", "", text, flags=re.I)
    pieces = [piece for chunk in re.split(r",\s*", text) for piece in _split_and(chunk.strip()) if piece]
    names: list[str] = []
    address = False
    for piece in pieces:
        if (_ENTITY_SUFFIX.match(piece) or piece.lower() in _US_STATES and not address) and names:
            names[-1] += ", " + piece + ("." if re.fullmatch(r"inc|ltd|corp", piece, re.I) else "")
            continue
        if _ADDRESS.match(piece) or _STATE_ZIP.match(piece):
            address = True
            continue
        if address and not re.search(r"\b(?:fund|foundation|trust|college|sisters|society|association|center|investments?|management|inc)\b", piece, re.I):
            continue
        address = False
        piece = re.sub(r"^(?:the\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|dr\.?\s+)", "", piece, flags=re.I)
        piece = re.sub(r"\s*\([^)]*\)\s*", " ", piece).strip(" .“”\"")
        if piece and piece[0].isupper():
            names.append(piece)
    return names
