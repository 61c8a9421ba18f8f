"""Text clean-up and line handling shared by the readers and the parser."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r" {2,}")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
_LIGATURE = re.compile("[ﬀ-ﬄ]")  # str.translate is slow on long text: only when there is one
# Any character one of the clean-ups replaces (line breaks, invisible characters, odd spaces, ligatures):
# most text holds none, which one search finds out.
_TO_CLEAN = re.compile(r"[\r\x0b\x0c\x85\u2028\u2029\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff"
                       r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000ﬀ-ﬄ]")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*[/\-_=&?#]$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;][”’\"')\]]*(?:[0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[[0-9]{1,3}\])?$")
# The characters _SENTENCE_END can end on ("$" matches before a final line break too): a quick test first.
_SENTENCE_LAST = frozenset(".!?;”’\"')]0123456789⁰¹²³⁴⁵⁶⁷⁸⁹\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.){1,4}$|\b(?:inc|ltd|co|corp|jr|sr|st|no|plc|llc|assn|bros|intl|mr|mrs|ms|dr)\.$",
    re.IGNORECASE,
)


class Line(NamedTuple):
    text: str
    starts_block: bool  # first line after a blank line (or of the document)


def normalize_text(text: str) -> str:
    """Unify line endings and spacing, drop invisible characters, trim every line.

    NFC (not NFKC) so that superscript digits, which mark footnote calls, survive.
    """
    text = _without_ligatures(unicodedata.normalize("NFC", text))
    text = _LINE_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")


def normalize_runs(texts: list[str]) -> list[str]:
    """``normalize_text`` of many pieces of text at once, each made one line (for speed: one pass)."""
    text = "\n".join(texts)
    if not unicodedata.is_normalized("NFC", text):  # the check is much quicker than normalizing
        text = unicodedata.normalize("NFC", text)
    if _TO_CLEAN.search(text):
        text = _LINE_BREAK.sub(" ", _without_ligatures(text))
        text = _INVISIBLE.sub("", text)
        text = _ODD_SPACE.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return [piece.strip() for piece in text.split("\n")]


def _without_ligatures(text: str) -> str:
    return text.translate(_LIGATURES) if _LIGATURE.search(text) else text


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of normalized text, each flagged when a blank line precedes it."""
    lines: list[Line] = []
    after_blank = True
    for raw in text.split("\n"):
        if raw:
            lines.append(Line(raw, after_blank))
        after_blank = not raw
    return lines


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with spaces, without breaking hyphenated words or URLs."""
    text = lines[0]
    for line in lines[1:]:
        last_word = text.rsplit(" ", 1)[-1]
        if _URL_TAIL.match(last_word) or (text.endswith("-") and text[-2:-1].isalpha()):
            text += line
        else:
            text += " " + line
    return text


def from_superscript(digits: str) -> int:
    return int(digits.translate(_FROM_SUPERSCRIPT))


def to_superscript(digits: str) -> str:
    return digits.translate(_TO_SUPERSCRIPT)


def ends_sentence(text: str) -> bool:
    """True for text ending like a sentence, footnote call included; "B.V." or "Inc." do not count."""
    if text[-1:] not in _SENTENCE_LAST:
        return False
    match = _SENTENCE_END.search(text)
    if not match:
        return False
    return match.group().startswith((";", "!", "?")) or not _ABBREVIATION.search(text[: match.start() + 1])


def format_numbers(numbers: set[int] | list[int]) -> str:
    """{1, 2, 3, 5} -> "1–3, 5"."""
    ranges: list[list[int]] = []
    for number in sorted(numbers):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges)
