"""The proponents named in a preamble, each with the representative who files for it."""

from __future__ import annotations

import re

from ..filers import _ORG_WORDS, _is_person
from ..text import ends_sentence, normalize_text
from .statement import Proponent

_VERB = re.compile(
    r",?\s*(?:together\s+with\s+[^,]*?co-?filers?,?\s*)?(?:who\s|which\s|the\s+beneficial\s+owner|has\s|have\s|intends?\s|will\s|is\s+the\s|are\s+the\s"
    r"|for\s+(?:inclusion|consideration|presentation)\b|to\s+be\s+(?:presented|included|voted)\b)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^.*?\b(?:submitted\s+by|(?:has|have)\s+been\s+(?:notified|advised)\s+(?:by\s+|that\s+)?"
    r"|received\s+(?:the\s+following|a|this)\s+(?:(?:share|stock)holder\s+)?proposal\s+from)\s*",
    re.IGNORECASE,
)
_ACTIVE = re.compile(r"^\W*(?!the\s+following)\S+.*?\b(?:has|have)\s+(?:notified|advised)", re.IGNORECASE)
_DROP_PARENS = re.compile(r"\s*\((?:[“\"][^)]*|(?i:the\s+[“\"]?proponents?|lead\s+filer|co-?filers?)[^)]*|[A-Z]{2,8})\)|\s*[“\"]\s*[A-Z]{2,8}\s*[”\"’]\s*\)?")
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
# ", the beneficial owner of …", ", who owns …", ", which represents …": a clause about the filer
# before it, running to the next filer (", and the X") or to the preamble's verb.
_APPOSITIVE = re.compile(
    r",\s+(?:the\s+beneficial\s+owner|who\s|which\s)[^,]*(?:,(?!\s+and\s|\s+(?:has|have|intends?|will)\s)[^,]*)*", re.I
)
_ENTITY_SUFFIX = re.compile(r"^(?:inc\.?|llc|l\.l\.c\.|ltd\.?|lp|l\.p\.|plc|n\.a\.|corp\.?|jr\.?|sr\.?)$", re.I)
# A sentence after the first naming the co-filers: "Co-filers of this proposal are B and C.", "The proposal
# is co-filed by B.", "B and C are co-filers of the proposal."
_COFILERS = re.compile(
    r"^(?:the\s+)?co-?filers?(?:\s+(?:of|for|to|on)\s+(?:this|the)\s+(?:\w+\s+)?(?:proposal|resolution))?"
    r"\s+(?:are|is|include|were|was)\s+(?P<after>.+)$"
    r"|^(?:this|the)\s+(?:\w+\s+)?(?:proposal|resolution)\s+(?:is|was|has\s+been)\s+co-?filed\s+by\s+(?P<by>.+)$"
    r"|^(?P<before>.+?)\s+(?:(?:are|is|were|was)\s+(?:the\s+|a\s+)?co-?filers?\s+(?:of|for|to|on)|(?:has|have)\s+co-?filed)"
    r"\s+(?:this|the)\s+(?:\w+\s+)?(?:proposal|resolution)\b.*$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def parse_proponents(preamble: str) -> list[Proponent]:
    """The proponents of a preamble, each with the representative who files for it."""
    text = normalize_text(preamble).replace("\n", " ")
    text = _ABBREVIATION_IN_QUOTES.sub("", text)
    text = re.sub(r"\s+", " ", text)
    text, cofilers = _without_cofiler_sentences(text)
    subject = _subject(_APPOSITIVE.sub("", text))
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
    proponents += [Proponent(name=name) for names in cofilers if not _UNNAMED.match(names) for name in _names(names)]
    seen: set[str] = set()
    unique = []
    for proponent in proponents:
        if proponent.name.lower() not in seen:
            seen.add(proponent.name.lower())
            unique.append(proponent)
    return unique


def _without_cofiler_sentences(text: str) -> tuple[str, list[str]]:
    """The preamble without the sentences after its first that name co-filers, and what names them."""
    breaks = [match for match in _SENTENCE_BREAK.finditer(text) if ends_sentence(text[:match.start()])]
    if not breaks:
        return text, []
    bounds = [0, *(match.end() for match in breaks), len(text)]
    sentences = [text[start:end].strip() for start, end in zip(bounds, bounds[1:])]
    kept, cofilers = sentences[:1], []
    for sentence in sentences[1:]:
        found = _COFILERS.match(sentence.rstrip("."))
        if found:
            cofilers.append(found["after"] or found["by"] or found["before"])
        else:
            kept.append(sentence)
    return (" ".join(kept), cofilers) if cofilers else (text, [])


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
    """ "A and B" is two names when both are people or the first ends like an organization ("A Fund and the B")."""
    left, found, right = text.partition(" and ")
    the = re.match(r"the\s+(?=[A-Z])", right)
    right = right[the.end():] if the else right
    if not found or not right[:1].isupper():
        return [text]
    left_words = re.sub(r"\s*\([^)]*\)$", "", left).split()  # "Trust (Friends of X)" ends like an organization
    if not the and _is_person(left) and _is_person(right.split(" and ")[0]) or (
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
        piece = re.sub(r"^(?:and\s+)?(?:the\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|dr\.?\s+)?", "", piece, flags=re.I)
        piece = piece.strip(" .“”\"")  # a part in brackets that is no abbreviation is part of the name
        if piece and piece[0].isupper():
            names.append(piece)
    return names
