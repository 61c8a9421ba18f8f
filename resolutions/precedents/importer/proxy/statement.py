"""What the splitter returns: the statement, its proposals and their proponents; and the lines it reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..filers import _is_organization
from ..model import Footnote
from ..text import join_lines

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


def paragraph_text(lines: list[ProxyLine], start: int) -> tuple[str, int]:
    """The text of the paragraph starting at `start`, and the index after it."""
    texts = [lines[start].text]
    index = start + 1
    while index < len(lines) and not lines[index].starts_paragraph:
        if lines[index].text:
            texts.append(lines[index].text)
        index += 1
    return join_lines(texts), index


def paragraph_texts(lines: list[ProxyLine], indexes: list[int]) -> list[str]:
    paragraphs: list[list[str]] = []
    for i in indexes:
        if lines[i].starts_paragraph or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(lines[i].text)
    return [join_lines(texts) for texts in paragraphs]
