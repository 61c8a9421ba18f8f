"""What the proposal must say: a RESOLVED clause that requests (not orders), cited facts (14a-8(i)(3)),
one proposal per proponent and meeting (14a-8(c))."""
import re

from .common import Check, ERROR, INFO, OK, WARNING, join_words, plural
from .length import plain_text


_PRECATORY = re.compile(r"\b(?:request(?:s|ed)?|recommend(?:s|ed)?|urge[sd]?|ask(?:s|ed)?)\b", re.IGNORECASE)


def _has_text(clauses: list[str]) -> bool:
    return any(plain_text(clause).strip() for clause in clauses)


def check_resolved_present(resolved: list[str]) -> Check:
    if _has_text(resolved):
        return Check("14a-8(a)", "RESOLVED clause", OK, "Rule 14a-8(a): the proposal has a RESOLVED clause.")
    return Check(
        "14a-8(a)",
        "RESOLVED clause",
        ERROR,
        "Rule 14a-8(a): no RESOLVED clause; state the course of action shareholders ask the company to take.",
    )


def check_precatory(resolved: list[str]) -> Check:
    """Warn when the RESOLVED text does not request, recommend or urge.

    A keyword heuristic: it cannot tell a request from a binding instruction
    that happens to contain the word "request".
    """
    rule, label = "14a-8(i)(1)", "Precatory wording"
    if not _has_text(resolved):
        return Check(rule, label, INFO, "Rule 14a-8(i)(1): no RESOLVED clause to check yet.")
    if any(_PRECATORY.search(plain_text(clause)) for clause in resolved):
        return Check(rule, label, OK, "Rule 14a-8(i)(1): the RESOLVED clause is worded as a request.")
    return Check(
        rule,
        label,
        WARNING,
        "Rule 14a-8(i)(1): the RESOLVED clause does not request, recommend or urge. Binding wording can be "
        "excluded as improper under state law, the one ground the SEC staff still reviews in the 2025–26 "
        'season. Write it as a request: "Shareholders request the Board …".',
    )


def check_whereas_cited(whereas_citation_counts: list[int]) -> Check:
    rule, label = "14a-8(i)(3)", "Sources"
    uncited = [number for number, count in enumerate(whereas_citation_counts, start=1) if count == 0]
    if not uncited:
        return Check(rule, label, OK, "Rule 14a-8(i)(3): every WHEREAS recital cites a source.", {"uncited": []})
    which = join_words([str(number) for number in uncited])
    noun = "recital" if len(uncited) == 1 else "recitals"
    message = (
        f"Rule 14a-8(i)(3): WHEREAS {noun} {which} cite{'s' if len(uncited) == 1 else ''} no source; "
        "unsupported claims invite a challenge as misleading (Rule 14a-9)."
    )
    return Check(rule, label, WARNING, message, {"uncited": uncited})


def check_stale_evidence(stale_count: int) -> Check:
    rule, label = "14a-8(i)(3)", "Stale sources"
    if stale_count <= 0:
        return Check(rule, label, OK, "Rule 14a-8(i)(3): no cited source is stale.", {"stale": 0})
    verb = "is" if stale_count == 1 else "are"
    message = (
        f"Rule 14a-8(i)(3): {plural(stale_count, 'cited source')} {verb} stale; "
        "check the figures are still current so the proposal is not misleading."
    )
    return Check(rule, label, WARNING, message, {"stale": stale_count})


def check_one_proposal(other_proposals: list[str], cofilers: dict[str, list[str]] | None = None,
                       shareholders: dict[str, list[str]] | None = None) -> Check:
    """`other_proposals`: titles of the organization's other proposals for this company and meeting,
    led or co-filed; `cofilers`: each co-filer's other proposals there; `shareholders`: each shareholder
    a filer represents here, and its other proposals there (filed itself or through any representative).
    Since 2020 the limit binds each person directly or through a representative, so a co-filer and a
    represented shareholder count as much as the lead."""
    cofilers = {name: titles for name, titles in (cofilers or {}).items() if titles}
    shareholders = {name: titles for name, titles in (shareholders or {}).items() if titles}
    details = ({"other_proposals": list(other_proposals)} | ({"cofilers": cofilers} if cofilers else {})
               | ({"shareholders": shareholders} if shareholders else {}))
    if not other_proposals and not cofilers and not shareholders:
        message = "Rule 14a-8(c): this is your only proposal for this meeting."
        return Check("14a-8(c)", "One proposal", OK, message, details)
    found = []
    if other_proposals:
        titles = join_words([f"“{title}”" for title in other_proposals])
        noun = "a proposal" if len(other_proposals) == 1 else f"{len(other_proposals)} other proposals"
        found.append(f"your organization already has {noun} for this company's meeting: {titles}")
    for name, titles in cofilers.items():
        found.append(f"co-filer {name} is also a proponent of {join_words([f'“{title}”' for title in titles])}")
    for name, titles in shareholders.items():
        found.append(f"shareholder {name}, represented on this proposal, is also a proponent of "
                     f"{join_words([f'“{title}”' for title in titles])}")
    message = (
        f"Rule 14a-8(c): {'; '.join(found)}. "
        "A shareholder may submit only one proposal per meeting, directly or through a representative."
    )
    return Check("14a-8(c)", "One proposal", ERROR, message, details)
