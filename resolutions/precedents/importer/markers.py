"""Line-level patterns: clause keywords, headings, labels, bullets, note markers, URLs."""

from __future__ import annotations

import re

from .text import SUPERSCRIPT_DIGITS, from_superscript

_WHEREAS = re.compile(r"(?P<word>whereas)\b[\s,:;.]*(?P<rest>.*)", re.IGNORECASE)
_RESOLVED = re.compile(
    r"(?:now\s*,?\s*)?(?:therefore\s*,?\s*)?(?:be\s+it\s+(?:further\s+)?)?"
    r"(?P<word>resolved)\b[\s,:;.]*(?:that\b[\s,:]*)?(?P<rest>.*)",
    re.IGNORECASE,
)
SUPPORTING_HEADING = re.compile(
    r"supporting\s+statement(?:\s*[:.–—-]\s*(?P<rest>.*)|\s*)", re.IGNORECASE
)
NOTES_HEADING = re.compile(
    r"(?:(?:foot|end)?notes?|sources?|references|citations)\s*:?", re.IGNORECASE
)
_PROPOSAL = r"(?:(?:share|stock)holder\s+)?(?:proposal|resolution)(?:\s+(?:no\.?\s*|#\s*)?[0-9]{1,3})?"
_TEXT_OF = r"text\s+of\s+(?:the\s+)?(?:proposal|resolution)"
LABEL = re.compile(rf"(?:{_PROPOSAL}(?:\s+text)?|{_TEXT_OF})\s*:?", re.IGNORECASE)
# A label announcing that the RESOLVED clause follows, even without the word RESOLVED.
RESOLUTION_LABEL = re.compile(rf"(?:(?:resolution|proposal)\s+text|{_TEXT_OF})\s*:?", re.IGNORECASE)
LABEL_PREFIX = re.compile(rf"{_PROPOSAL}\s*[:–—-]\s+(?=\S)", re.IGNORECASE)

BULLET = re.compile(r"[•●○◦▪▫■□‣⁃∙·*\-–—o\uf0b7\uf0a7\uf076\uf0d8\uf0fc➢►✓✔]\s+(?P<text>\S.*)")
NUMBERED_ITEM = re.compile(r"(?:\(?[0-9]{1,2}\)|[0-9]{1,2}\.|\(?[a-z]\)|[a-z]\.|\(?[ivx]{1,4}\))\s")

_NOTE_MARKER = re.compile(
    rf"(?:\[\^?(?P<bracket>[0-9]{{1,3}})\]:?"
    rf"|(?P<sup>[{SUPERSCRIPT_DIGITS}]{{1,3}})"
    r"|(?P<plain>[0-9]{1,3})(?:[.):](?=\s|$)|(?=\s|$|<)))"
    r"\s*(?P<text>.*)"
)

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_URL_IN_ANGLES = re.compile(r"<((?:https?://|www\.)[^\s<>]*)>", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\"’”»"


def match_clause(text: str, *, paragraph_start: bool) -> tuple[str, str] | None:
    """("whereas" | "resolved", text after the keyword) for a line opening a clause.

    An all-caps keyword counts anywhere; "Whereas"/"Resolved" only where a paragraph
    starts, so that a wrapped line beginning with the word is not taken for a clause.
    """
    for kind, pattern in (("whereas", _WHEREAS), ("resolved", _RESOLVED)):
        match = pattern.match(text)
        if match and (paragraph_start or match["word"].isupper()):
            if match["word"][0].islower():
                return None
            return kind, capitalize_first(match["rest"].strip())
    return None


def is_structural(text: str) -> bool:
    """A line that opens a part or a heading of the body (not a filer or a note)."""
    return bool(
        match_clause(text, paragraph_start=True)
        or SUPPORTING_HEADING.fullmatch(text)
        or NOTES_HEADING.fullmatch(text)
        or LABEL.fullmatch(text)
    )


def note_marker(text: str) -> tuple[int, str] | None:
    """(number, rest of line) for a line that starts like a footnote text."""
    match = _NOTE_MARKER.fullmatch(text)
    if not match:
        return None
    if match["sup"]:
        number = from_superscript(match["sup"])
    else:
        number = int(match["bracket"] or match["plain"])
    return (number, match["text"]) if number > 0 else None


def extract_urls(text: str) -> list[str]:
    urls: list[str] = []
    for match in URL.finditer(text):
        url = _trim_url(match.group())
        if "." in url and url not in urls:
            urls.append(url)
    return urls


def unwrap_angle_urls(text: str) -> str:
    """"<https://x>" -> "https://x"."""
    return _URL_IN_ANGLES.sub(r"\1", text)


def _trim_url(url: str) -> str:
    while url:
        last = url[-1]
        if last in _URL_TRAILING:
            url = url[:-1]
        elif last == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        elif last == "]" and url.count("]") > url.count("["):
            url = url[:-1]
        else:
            break
    return url


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]
