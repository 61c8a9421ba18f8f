"""The filer list at the end of a resolution: person lines, organization lines, lead filer.

The list is found from the end of the document: trailing blocks of short title-case
lines ("Tim Brennan" / "Unitarian Universalist Association"), optionally under headings
such as "Co-filers" or "Lead Filer", possibly followed by the footnote texts.
"""

from __future__ import annotations

import re

from .markers import BULLET, NOTES_HEADING, URL, is_structural, note_marker
from .model import Filer
from .text import SUPERSCRIPT_DIGITS, Line, ends_sentence

_HEADING = re.compile(
    r"(?P<lead>lead\s+)?(?P<co>co-?\s?)?"
    r"(?:filers?|filed\s+by|proponents?|sponsors?|sponsored\s+by|submitted\s+by)"
    r"(?:\s+and\s+co-?\s?filers?)?(?:\s*:\s*(?P<rest>.+)|\s*:?)",
    re.IGNORECASE,
)
_LEAD_MARK = re.compile(
    r"\s*(?:[(\[]\s*lead(?:\s+(?:filer|proponent))?\s*[)\]]|[,–—-]\s*lead\s+(?:filer|proponent))$",
    re.IGNORECASE,
)
_NAME_SUFFIX = re.compile(r",\s*(?:(?i:jr\.?|sr\.?|ii|iii|iv|ph\.?\s?d\.?|esq\.?)|[A-Z]{2,5})$")
_PARENTHESIZED = re.compile(r"(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)")
_INLINE_SEPARATORS = (" – ", " — ", " - ", " | ", ": ", ", ")
_SMALL_WORDS = frozenset("of the and for de la le du des del der van von y e et at in on to & c/o".split())
_HONORIFICS = frozenset("mr mrs ms mx dr rev fr sr br prof sister brother father".split())
_ORG_WORDS = frozenset(
    """sisters brothers investors congregation congregations society association management investment
    investments capital fund funds foundation trust services partners group advisors advisers asset
    assets inc llc ltd plc corp corporation company bank church diocese province order mission
    missionary institute institutional university college school office comptroller council
    committee union federation coalition network center centre system board retirement pension
    friends community communities ministries ministry charity charities b.v. n.v. s.a. gmbh
    treasurer department commission project campaign alliance initiative collective cooperative
    advocates benedictine dominican franciscan ursuline jesuit""".split()
)
_MAX_FILER_LINE = 90
# An email address or a telephone number on a line of its own, under a filer: contact details, not a filer.
_CONTACT = re.compile(
    r"(?:(?:e-?mail|tel\.?|telephone|phone|ph\.?|fax|mobile)\s*:?\s*)?"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\(?\d[\d\s().-]{6,}\d(?:\s*(?:x|ext\.?)\s*\d+)?)",
    re.IGNORECASE,
)


def find_filers(lines: list[Line]) -> tuple[range, list[Filer], list[str]]:
    """Locate the filer list; return its span in `lines`, the filers and any warnings."""
    blocks = _blocks(lines)
    notes_from = len(blocks)
    while notes_from and _is_note_block(lines, blocks[notes_from - 1]):
        notes_from -= 1
    filers_from = notes_from
    while filers_from and _is_filer_block(lines, blocks[filers_from - 1]):
        filers_from -= 1
    if filers_from == notes_from:
        return range(len(lines), len(lines)), [], []
    span = range(blocks[filers_from].start, blocks[notes_from - 1].stop)
    texts = [lines[i].text for i in span]
    has_heading = any(_HEADING.fullmatch(text) for text in texts)
    inside_notes = (
        notes_from < len(blocks) and filers_from > 0 and _is_note_block(lines, blocks[filers_from - 1])
    )
    if not has_heading and (len(texts) < 2 or inside_notes):
        return range(len(lines), len(lines)), [], []
    filers, warnings = _parse_filer_lines(texts)
    return span, filers, warnings


def _blocks(lines: list[Line]) -> list[range]:
    starts = [i for i, line in enumerate(lines) if line.starts_block or i == 0]
    return [range(start, stop) for start, stop in zip(starts, starts[1:] + [len(lines)])]


def _is_note_block(lines: list[Line], block: range) -> bool:
    first = lines[block.start].text
    return bool(
        note_marker(first)
        or NOTES_HEADING.fullmatch(first)
        or any(URL.search(lines[i].text) for i in block)
    )


def _is_filer_block(lines: list[Line], block: range) -> bool:
    texts = [lines[i].text for i in block]
    return any(not _CONTACT.fullmatch(text) for text in texts) and all(
        _HEADING.fullmatch(text) or _is_filer_line(text) or _CONTACT.fullmatch(text) for text in texts)


def _is_filer_line(text: str) -> bool:
    if len(text) > _MAX_FILER_LINE or len(text.split()) > 12:
        return False
    if text[0].isdigit() or text[0] in SUPERSCRIPT_DIGITS + "[" or BULLET.match(text):
        return False
    if URL.search(text) or is_structural(text) or ends_sentence(text) or text.endswith(":"):
        return False
    return _is_title_case(text)


def _is_title_case(text: str) -> bool:
    words = [word.strip("(),.“”\"'’‘") for word in text.split()]
    significant = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if not significant or not significant[0][0].isupper():
        return False
    return sum(word[0].isupper() for word in significant) >= 0.75 * len(significant)


def _parse_filer_lines(texts: list[str]) -> tuple[list[Filer], list[str]]:
    """Split the list into groups under their headings and read each group."""
    filers: list[Filer] = []
    warnings: list[str] = []
    group: list[str] = []
    lead = False
    for text in texts:
        heading = _HEADING.fullmatch(text)
        if heading:
            _read_group(group, lead, filers, warnings)
            group = [heading["rest"]] if heading["rest"] else []
            lead = bool(heading["lead"]) and not heading["co"]
        elif not _CONTACT.fullmatch(text):
            group.append(text)
    _read_group(group, lead, filers, warnings)
    if filers and not any(filer.lead for filer in filers):
        warnings.append("The filer list does not say which filer is the lead filer.")
    return filers, warnings


def _read_group(lines: list[str], lead: bool, filers: list[Filer], warnings: list[str]) -> None:
    """Read name/organization pairs, one-line "Name, Organization" entries or lone organizations."""
    marked = _lead_marks(lines)
    texts = [text for text, _ in marked]
    if _organization_first(texts):
        for i in range(0, len(texts), 2):
            is_lead = lead or marked[i][1] or marked[i + 1][1]
            filers.append(Filer(name=texts[i + 1], organization=texts[i], lead=is_lead))
        return
    i = 0
    while i < len(texts):
        text, is_lead = marked[i]
        inline = _split_inline(text)
        if inline:
            filers.append(Filer(name=inline[0], organization=inline[1], lead=lead or is_lead))
            i += 1
        elif i + 1 < len(texts) and _is_person(text) and not _split_inline(texts[i + 1]):
            is_lead = lead or is_lead or marked[i + 1][1]
            filers.append(Filer(name=text, organization=texts[i + 1], lead=is_lead))
            i += 2
        elif _is_organization(text):
            filers.append(Filer(name="", organization=text, lead=lead or is_lead))
            i += 1
        else:
            warnings.append(f"The filer line “{text}” could not be split into a name and an organization.")
            i += 1


def _lead_marks(lines: list[str]) -> list[tuple[str, bool]]:
    """(line without its lead marker, marked lead); a marker alone on its line marks the line above."""
    marked: list[tuple[str, bool]] = []
    for line in lines:
        stripped = _LEAD_MARK.sub("", line)
        if stripped:
            marked.append((stripped, stripped != line))
        elif marked:
            marked[-1] = (marked[-1][0], True)
    return marked


def _organization_first(texts: list[str]) -> bool:
    """True for a list written organization line first, then the person."""
    if not texts or len(texts) % 2:
        return False
    return all(_is_organization(org) and _is_person(name) for org, name in zip(texts[0::2], texts[1::2]))


def _split_inline(text: str) -> tuple[str, str] | None:
    """("Name", "Organization") from "Name, Organization", "Name – Organization" or "Name (Organization)"."""
    match = _PARENTHESIZED.fullmatch(text)
    if match and _is_person(match["name"]):
        return match["name"].strip(), match["org"].strip()
    for separator in _INLINE_SEPARATORS:
        name, found, organization = text.partition(separator)
        organization = organization.strip()
        if found and _is_person(name) and organization and not _NAME_SUFFIX.fullmatch(", " + organization):
            return name.strip(), organization
    return None


def _is_person(text: str) -> bool:
    words = _NAME_SUFFIX.sub("", text).split()
    if not 2 <= len(words) <= 5 or _is_organization(text):
        return False
    for word in words:
        bare = word.lower().rstrip(".")
        if bare in _HONORIFICS or bare in _SMALL_WORDS:
            continue
        if not word[0].isupper() or any(char.isdigit() for char in word):
            return False
    return True


def _is_organization(text: str) -> bool:
    for word in text.lower().split():
        bare = word.strip(",()")
        if bare in _ORG_WORDS or bare.rstrip(".") in _ORG_WORDS:
            return True
    return False
