"""What the document says about itself: the company, the meeting year, whether it is a proxy
statement at all, and its management items (listed apart, not imported)."""

from __future__ import annotations

import re
from collections import Counter

from .items import HEADING_SIZE, ITEM_HEADING, PROXY_CARD, SHAREHOLDER_CAPTION, item_number
from .statement import MANAGEMENT, ProxyLine, ProxyProposal

_YEAR = re.compile(
    r"\b(20[0-9]{2})\s+annual\s+(?:general\s+)?(?:(?:share|stock)(?:holder|owner)s?[’']?\s+)?meeting", re.IGNORECASE
)
_COMPANY = re.compile(
    r"\b((?:[A-Z][\w.&!'’-]*\s+){0,3}[A-Z][\w.&!'’-]*,?\s+(?:Inc\.|Corporation|Company|plc|Corp\.|N\.V\.|Ltd\.))"
)
_COMPANY_SUFFIX = re.compile(r"Inc\.|Corporation|Company|plc|Corp\.|N\.V\.|Ltd\.")  # what _COMPANY ends with: found fast
_COMPANY_CAPITALS = re.compile(r"[A-Z][A-Z0-9.&!'’ -]+,?\s+(?:INC\.|CORPORATION|COMPANY|CORP\.|PLC|LTD\.)")


def management_items(lines: list[ProxyLine], proposals: list[ProxyProposal], body_size: float) -> list[dict[str, str]]:
    found: dict[str, str] = {}
    numbers = {proposal.item for proposal in proposals}
    for line in lines:
        match = ITEM_HEADING.match(line.text)
        if not match or not line.starts_paragraph or (body_size and line.size < HEADING_SIZE * body_size):
            continue
        number = item_number(match["number"])
        rest = PROXY_CARD.sub("", match["rest"]).strip(" :–—-")
        if number in numbers or number in found or not rest or SHAREHOLDER_CAPTION.search(rest):
            continue
        if re.search(r"\.{3,}|\s[0-9]{1,3}$", rest):
            continue  # a contents entry
        found[number] = rest
    return [
        {"item": number, "caption": caption, "reason": MANAGEMENT}
        for number, caption in sorted(found.items(), key=lambda pair: int(pair[0]))
    ]


def looks_like_proxy(lines: list[ProxyLine]) -> bool:
    text = " ".join(line.text for line in lines[:400]).lower()
    return "proxy" in text and "annual meeting" in text


def meeting_year(lines: list[ProxyLine]) -> int | None:
    """The year of the first "20NN annual meeting" the document names: the cover's and the notice's.
    The most named one is not: past meetings' votes and next year's deadlines outnumber it in the first
    pages of an EDGAR file, whose lines are whole paragraphs."""
    return next((int(m[1]) for line in lines[:600] for m in [_YEAR.search(line.text)] if m), None)


def cover_company(lines: list[ProxyLine], proposals: list[ProxyProposal]) -> str:
    """The company's name on the cover: a name in capitals with "INC."/"CORPORATION"… on the first
    lines; else the name with "Inc."/"Corporation"… met most often in the document (at least a few
    times: a subsidiary's is rare) that agrees with how the preambles name the company ("… has
    notified Acme that …"), or that name itself."""
    names = Counter(
        m[1].strip() for line in lines if _COMPANY_SUFFIX.search(line.text) for m in _COMPANY.finditer(line.text)
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
