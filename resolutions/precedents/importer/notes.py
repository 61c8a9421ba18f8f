"""Footnote texts: collected line by line, then turned into numbered notes with URLs."""

from __future__ import annotations

from .markers import extract_urls, unwrap_angle_urls
from .model import Footnote
from .text import format_numbers, join_lines


class NoteCollector:
    def __init__(self) -> None:
        self._notes: list[tuple[int, list[str]]] = []
        self._unnumbered: list[int] = []  # numbers given to notes written without one
        self.warnings: list[str] = []

    @property
    def next_number(self) -> int:
        return self._notes[-1][0] + 1 if self._notes else 1

    @property
    def current_is_empty(self) -> bool:
        """True right after a number standing alone on its line (its text comes below)."""
        return bool(self._notes) and not self._notes[-1][1]

    def start(self, number: int, text: str) -> None:
        self._notes.append((number, [text] if text else []))

    def extend(self, text: str) -> None:
        if self._notes:
            self._notes[-1][1].append(text)
        else:
            self.start_unnumbered(text)

    @property
    def current_is_unnumbered(self) -> bool:
        return bool(self._unnumbered) and self._unnumbered[-1] == self._notes[-1][0]

    def start_unnumbered(self, text: str) -> None:
        self._unnumbered.append(self.next_number)
        self.start(self.next_number, text)

    def footnotes(self) -> list[Footnote]:
        if len(self._unnumbered) == 1:
            self.warnings.append(f"A note has no number; it was numbered {self._unnumbered[0]}.")
        elif self._unnumbered:
            self.warnings.append(
                f"{len(self._unnumbered)} notes have no number; they were numbered "
                f"{format_numbers(self._unnumbered)} in order."
            )
        notes: list[Footnote] = []
        seen: set[int] = set()
        for number, lines in self._notes:
            if number in seen:
                self.warnings.append(f"Footnote {number} appears more than once.")
            seen.add(number)
            text = unwrap_angle_urls(join_lines(lines)) if lines else ""
            notes.append(Footnote(number=number, text=text, urls=extract_urls(text)))
        return notes
