"""The one size limit of a draft's text, shared by the editor, the Word upload and the precedent importer.

Rule 14a-8(d) caps a proposal and its supporting statement at 500 words: about 3,500 characters,
in three to fifteen clauses. No real proposal comes near these limits; they are there to protect
the workers: a 110-clause draft of 20,000-character clauses (2.2 million characters) took 24 s to
render as a PDF, and two at once timed a web worker out. A draft within the limits renders in a
few seconds; past ``background_render_chars`` its PDFs are made in the background, with progress.

Settings ``DRAFT_MAX_CLAUSES``, ``DRAFT_MAX_CLAUSE_CHARS``, ``DRAFT_MAX_CHARS`` and ``DRAFT_MAX_NOTES`` override
the defaults.
Characters are counted as stored (the clause's HTML, citation markers included), as the editor counts them.
"""
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class DraftLimits:
    clauses: int = 110
    clause_chars: int = 20_000
    draft_chars: int = 200_000  # about 57 real proposals
    notes: int = 300  # free-text footnotes, each up to note_chars; a clause cites them by marker
    note_chars: int = 2_000

    @property
    def background_render_chars(self) -> int:
        """A version printing more than this (a quarter of the limit, ~0.4 s of rendering on an idle
        machine) has its proposal PDF and letters made in the background."""
        return self.draft_chars // 4


def draft_limits() -> DraftLimits:
    defaults = DraftLimits()
    return DraftLimits(clauses=getattr(settings, "DRAFT_MAX_CLAUSES", defaults.clauses),
                       clause_chars=getattr(settings, "DRAFT_MAX_CLAUSE_CHARS", defaults.clause_chars),
                       draft_chars=getattr(settings, "DRAFT_MAX_CHARS", defaults.draft_chars),
                       notes=getattr(settings, "DRAFT_MAX_NOTES", defaults.notes))


def over(subject: str, amount: int, limit: int, unit: str) -> str:
    """ "This clause is 25,160 characters, 5,160 over the limit of 20,000." """
    return f"{subject} {amount:,} {unit}, {amount - limit:,} over the limit of {limit:,}."


def check_clause(text: str, *, what: str = "This clause is") -> None:
    limit = draft_limits().clause_chars
    if len(text or "") > limit:
        raise ValidationError(over(what, len(text), limit, "characters") + " Shorten it or split it into two clauses.")


def check_note(text: str, *, notes_before: int) -> None:
    """A new free-text footnote: its length, and the draft's count of them."""
    limits = draft_limits()
    if len(text) > limits.note_chars:
        raise ValidationError(over("This footnote is", len(text), limits.note_chars, "characters")
                              + " Shorten it or cite an evidence snippet instead.")
    if notes_before >= limits.notes:
        raise ValidationError(f"This draft already has {notes_before:,} free-text footnotes, the limit. "
                              "Reuse one, or cite an evidence snippet instead.")


def check_draft(texts: list[str], *, what: str = "this draft") -> None:
    """The clause count and total size of a whole text, its clauses being ``texts``."""
    check_draft_size(clauses=len(texts), chars=sum(len(text or "") for text in texts), what=what)


def check_draft_size(*, clauses: int, chars: int, what: str = "this draft") -> None:
    limits = draft_limits()
    what = what[0].upper() + what[1:]
    if clauses > limits.clauses:
        raise ValidationError(over(f"{what} would have", clauses, limits.clauses, "clauses")
                              + " Merge some clauses or remove some.")
    if chars > limits.draft_chars:
        raise ValidationError(over(f"{what} would be", chars, limits.draft_chars, "characters in all")
                              + " Shorten it: a 500-word proposal is about 3,500 characters.")


def check_parts(parts: list[tuple[str, str]], *, what: str) -> None:
    """Each part (kind, text) of an imported text, named by number and label, then the whole."""
    for number, (kind, text) in enumerate(parts, start=1):
        check_clause(text, what=f"Part {number} ({kind.upper()}) of {what} is")
    check_draft([text for _, text in parts], what=what)


def printed_chars(content: dict) -> int:
    """What a version's PDF lays out: its parts' HTML and its footnotes."""
    return sum(len(part["html"]) for part in content["parts"]) + sum(len(note) for note in content["footnotes"])
