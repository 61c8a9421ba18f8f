"""Footnote calls in body text.

Superscript digits (¹²) and bracketed numbers ([3]) are always calls. Plain digits are
ambiguous ("In 2019,", "1,600 police", "the 2 largest"), so a plain number counts only
when it is glued to a word or to punctuation and continues the sequence 1, 2, 3...
"""

from __future__ import annotations

import re

from .model import Call
from .text import SUPERSCRIPT_DIGITS, from_superscript

_CLOSING = "”’\"'»"
_GLUE_PUNCTUATION = ".,;:!?)" + _CLOSING
# How far past the expected number a punctuation-glued call may jump (a call the
# document wrote in a form we missed); the jump is reported as out of sequence.
_GLUED_JUMP = 2
_SENTENCE_FOLLOWS = r"\s*$|\s+[A-Z“\"‘(\[]"

_CALL = re.compile(
    rf" ?(?P<sup>[{SUPERSCRIPT_DIGITS}]+(?:,[{SUPERSCRIPT_DIGITS}]+)*)"
    r"| ?\[\^?(?P<bracket>[0-9]{1,3}(?:, ?[0-9]{1,3})*)\]"
    # place.”1  impacts,2  reports3 (not 21.373, 2019,2 or 1,600)
    rf"|(?:(?<=[^\s0-9][{re.escape(_GLUE_PUNCTUATION)}])|(?<=[a-z]{{2}}))"
    r"(?P<glued>[0-9]{1,3})(?![0-9]|[.,][0-9]|[%A-Za-z])"
    # the EU8 (not CO2 or G20: only the next number, and only when its note is known to exist)
    r"|(?<=[A-Z]{2})(?P<capitals>[0-9]{1,3})(?![0-9]|[.,][0-9]|[%A-Za-z])"
    # target for 2030.4 Progress (not 12.3 percent): only before a new sentence
    rf"|(?<=[0-9][.!?])(?P<after_number>[0-9]{{1,3}})(?={_SENTENCE_FOLLOWS})"
    # empire.” 6 Senator
    rf"|(?<=[^\s0-9][{re.escape(_CLOSING)}]) (?P<spaced>[0-9]{{1,3}})(?={_SENTENCE_FOLLOWS})"
    # rivers.(1)  colour(2) (not 14a-8(i)(7), nor a list run in after a colon, "include:(1) …")
    r"|(?<=[A-Za-z.,!?”’\"])\((?P<paren>[0-9]{1,3})\)"
    # consensus”1 2 claims: a second call beside a call (only right after one, see CallScanner)
    r"|(?<=[0-9]) (?P<beside>[0-9]{1,3})(?![0-9]|[.,][0-9]|[%A-Za-z])"
)


class CallScanner:
    """Finds calls part by part, in document order, keeping the expected next number."""

    def __init__(self, *, first: int = 1, notes: frozenset[int] = frozenset()) -> None:
        """``first``: the first note's number (a company may number its notes across the document);
        ``notes``: the numbers of the notes found, where known."""
        self.expected = first
        self.notes = notes
        self.calls: list[Call] = []
        self.warnings: list[str] = []
        self._call_end = -1  # where the last call read in the paragraph ends

    @property
    def highest(self) -> int:
        return max((call.number for call in self.calls), default=0)

    def scan(self, text: str, part: str, index: int) -> tuple[str, list[Call]]:
        """Record the calls in `text`, a paragraph of part `index` of `part`.

        Returns the text without its calls, and the new calls with offsets into that text.
        """
        kept: list[str] = []
        found: list[tuple[int, int]] = []  # (number, offset in the text without calls)
        length = position = 0
        self._call_end = -1
        for match in _CALL.finditer(text):
            numbers = self._accepted_numbers(match, text)
            if not numbers:
                continue
            self._call_end = match.end()
            kept.append(text[position : match.start()])
            length += len(kept[-1])
            position = match.end()
            for number in numbers:
                self._follow_sequence(number)
                found.append((number, length))
        kept.append(text[position:])
        joined = "".join(kept)
        cleaned = joined.strip()
        stripped_before = len(joined) - len(joined.lstrip())
        calls = [
            Call(part=part, index=index, number=number, offset=min(max(offset - stripped_before, 0), len(cleaned)))
            for number, offset in found
        ]
        self.calls += calls
        return cleaned, calls

    def _accepted_numbers(self, match: re.Match[str], text: str) -> list[int]:
        if match["sup"]:
            return [from_superscript(digits) for digits in match["sup"].split(",")]
        if match["bracket"]:
            return [int(digits) for digits in match["bracket"].split(",")]
        if match["beside"]:
            beside = match.start() == self._call_end and int(match["beside"]) == self.expected
            return [int(match["beside"])] if beside else []
        if match["capitals"]:
            number = int(match["capitals"])
            return [number] if number == self.expected and number in self.notes else []
        exact = match["spaced"] or match["after_number"]
        if exact:
            return [int(exact)] if int(exact) == self.expected else []
        number = int(match["glued"] or match["paren"])
        glued_to_punctuation = match["paren"] or text[match.start() - 1] in _GLUE_PUNCTUATION
        jump = _GLUED_JUMP if glued_to_punctuation else 0
        return [number] if self.expected <= number <= self.expected + jump else []

    def _follow_sequence(self, number: int) -> None:
        if number != self.expected:
            self.warnings.append(
                f"Footnote call {number} is out of sequence (call {self.expected} was expected)."
            )
        self.expected = max(self.expected, number + 1)
