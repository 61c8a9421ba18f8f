"""The result of parsing a resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PART_KINDS = ("resolved", "whereas", "supporting")


def part_order(resolved_first: bool) -> tuple[str, ...]:
    """The parts in reading order: RESOLVED before or after the WHEREAS recitals, the supporting statement last."""
    return ("resolved", "whereas", "supporting") if resolved_first else ("whereas", "resolved", "supporting")


@dataclass
class Footnote:
    number: int
    text: str
    urls: list[str] = field(default_factory=list)


@dataclass
class Call:
    """A footnote call: note `number` is called from part `index` of kind `part`.

    `offset` is where the call stood in that part's text (the calls themselves removed).
    """

    part: str
    index: int
    number: int
    offset: int = 0


@dataclass
class Filer:
    name: str
    organization: str
    lead: bool = False


@dataclass
class ParsedResolution:
    file: str = ""
    title: str = ""
    resolved: list[str] = field(default_factory=list)
    whereas: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    filers: list[Filer] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Kinds of parts ("resolved", "whereas", "supporting") in the order they first appear.
    part_order: list[str] = field(default_factory=list)

    @property
    def resolved_first(self) -> bool:
        """True when the RESOLVED clause comes before the WHEREAS recitals."""
        return bool(self.part_order) and self.part_order[0] == "resolved"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "title": self.title,
            "resolved": list(self.resolved),
            "whereas": list(self.whereas),
            "supporting": list(self.supporting),
            "footnotes": [
                {"number": note.number, "text": note.text, "urls": list(note.urls)}
                for note in self.footnotes
            ],
            "calls": [
                {"part": call.part, "index": call.index, "number": call.number}
                for call in self.calls
            ],
            "filers": [
                {"name": filer.name, "organization": filer.organization, "lead": filer.lead}
                for filer in self.filers
            ],
            "warnings": list(self.warnings),
        }

    def calls_with_offsets(self) -> list[dict[str, Any]]:
        """The calls of `as_dict()`, each with the offset where it stood in its part's text."""
        return [
            {"part": call.part, "index": call.index, "number": call.number, "offset": call.offset}
            for call in self.calls
        ]
