"""An edited Word copy uploaded as a new version of its draft (``version_from_docx``), to be compared
with the version it came from.

The new version holds the Word file's title, parts and footnotes; company, meeting, topics and
layout are the version it came from. Its notes stay notes: a Word footnote whose text is one
of that version's notes keeps the citation behind it (snippet or free note), any other becomes a
new free-text note, so every note reads exactly as in the Word file. The draft's own text is
not touched: "Restore as the draft's text" on the version makes it so.
"""
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import transaction

from resolutions.drafts.limits import check_parts, over
from resolutions.drafts.rendering import (
    canonical_content, content_sha256, markers_in, render_clauses, sanitize_clause_html,
)
from ..models import AuditEvent, Draft, DraftVersion
from resolutions.drafts.audit import audit_record
from resolutions.filing.pdf.proposal import clean_part_html
from resolutions.drafts.redline import FOOTNOTE_CALL
from resolutions.drafts.selectors import draft_citations
from resolutions.drafts.services import note_add
from .docx_export import part_blocks
from .docx_read import TrackedChanges, WordFileError, WordProposal, read_word_proposal


TITLE_MAX = 300


@dataclass
class WordUpload:
    version: DraftVersion
    base: DraftVersion
    tracked: TrackedChanges


def version_from_docx(*, draft: Draft, user, data: bytes, filename: str) -> WordUpload:
    """Read ``data`` (an edited Word copy of one of the draft's versions) and save it as the next version.

    Raises ValidationError, saving nothing, when the file cannot be read, came from another
    draft or an unknown version, is over the draft size limit (``drafts.limits``), or changes nothing.
    """
    try:
        word = read_word_proposal(data)
    except WordFileError as error:
        raise ValidationError(str(error)) from error
    base = _base_version(draft, word)
    if len(word.title or "") > TITLE_MAX:
        raise ValidationError(over("The title of the Word file is", len(word.title), TITLE_MAX, "characters")
                              + " Shorten it and upload the file again. Nothing was saved.")
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        rendered = _rendered_parts(locked, base, word)
        content = canonical_content(
            title=word.title or base.content["title"], company=base.content["company"],
            meeting_year=base.content["meeting_year"], layout=base.content["layout"], rendered=rendered,
            topics=base.content.get("topics", []),
        )
        if _reading(content) == _reading(base.content):
            raise ValidationError(f"“{filename}” has the same text as version {base.number}: no version was made.")
        number = locked.versions.next_number()
        version = DraftVersion.objects.create(draft=locked, number=number, content=content,
                                              sha256=content_sha256(content),
                                              reason=DraftVersion.Reason.UPLOADED, created_by=user)
        tracked = f"; tracked changes read as accepted ({word.tracked})" if word.tracked else ""
        audit_record(draft=locked, actor=user, verb=AuditEvent.Verb.VERSION_SAVED,
                     detail=f"Version {number} ({version.short_hash}), uploaded from the Word file “{filename}”, "
                            f"edited from version {base.number}{tracked}")
    return WordUpload(version=version, base=base, tracked=word.tracked)


def tracked_message(tracked: TrackedChanges) -> str:
    return (f"The Word file had tracked changes ({tracked}); they were read as accepted. Check the redline "
            "before you circulate this version.") if tracked else ""


def _reading(content: dict) -> tuple:
    """What a reader sees of a version: title, notes, and each paragraph's style, words and the
    emphasis and link of every character, however the HTML spells them."""
    parts = []
    for part in content["parts"]:
        blocks = []
        for block in part_blocks(clean_part_html(part["html"])):
            text, formats = "", []
            for piece in block.pieces:
                if piece[0] == "call":
                    text += f"[{piece[1]}]"
                    continue
                _, words, bold, italic, href = piece
                text += words
                formats += [(bold, italic, href) for character in words if not character.isspace()]
            blocks.append((block.style, " ".join(text.split()), formats))
        parts.append((part["kind"], blocks))
    return content["title"], parts, content["footnotes"]


def _base_version(draft: Draft, word: WordProposal) -> DraftVersion:
    origin = word.origin
    if origin is None:
        raise ValidationError(
            "This Word file does not say which version of this draft it was made from (its document properties "
            "are missing). Download a version's Word copy from this page, edit that copy and upload it."
        )
    if origin.draft_id is not None and origin.draft_id != draft.pk:
        raise ValidationError("This Word file was exported from another draft, not this one: upload it to the draft "
                              "it came from. Nothing was saved.")
    base = draft.versions.filter(sha256=origin.sha256).order_by("-number" if origin.number is None else "number")
    chosen = base.filter(number=origin.number).first() if origin.number is not None else None
    chosen = chosen or base.first()
    if chosen is None:
        raise ValidationError(f"This Word file names a version this draft does not have (SHA-256 "
                              f"{origin.sha256[:12]}). Nothing was saved.")
    return chosen


def _rendered_parts(draft: Draft, base: DraftVersion, word: WordProposal):
    """The Word parts rendered with citation markers, every note reading exactly as in the Word file."""
    try:
        check_parts([(part.kind, part.html) for part in word.parts], what="the Word file")
    except ValidationError as error:
        raise ValidationError(f"{' '.join(error.messages)} Nothing was saved.") from error
    known = _citations_of(base)
    keys = [known.get(text) for text in word.footnotes]
    style = base.content["layout"].get("citation_style", draft.citation_style)
    fresh: set[int] = set()
    while True:
        for index, key in enumerate(keys):
            if key is None:
                keys[index] = ("note", _note(draft, index + 1, word.footnotes[index]).pk)
                fresh.add(index)
        clauses = [SimpleNamespace(kind=part.kind, text=_with_markers(part.html, keys), pk=None)
                   for part in word.parts]
        rendered = render_clauses(clauses, draft_citations(draft, clauses), style=style)
        differing = [i for i, text in enumerate(word.footnotes)
                     if i not in fresh and (i >= len(rendered.footnotes) or rendered.footnotes[i] != text)]
        if not differing:
            return rendered
        for index in differing:
            keys[index] = None  # a citation that now reads differently (moved, or its source gone) becomes a note


def _citations_of(version: DraftVersion) -> dict[str, tuple[str, int]]:
    """Note text -> the citation marker behind it in ``version`` (from its parts' calls and sources)."""
    footnotes, known = version.content["footnotes"], {}
    for part in version.content["parts"]:
        calls = [int(n) for n in FOOTNOTE_CALL.findall(part["html"])]
        markers = markers_in(part.get("source", ""))
        if len(calls) == len(markers):
            for number, key in zip(calls, markers):
                if 1 <= number <= len(footnotes):
                    known.setdefault(footnotes[number - 1], key)
    return known


def _note(draft: Draft, number: int, text: str):
    try:
        return note_add(draft=draft, text=text)
    except ValidationError as error:
        raise ValidationError(f"Footnote {number} of the Word file: {' '.join(error.messages)} "
                              "Nothing was saved.") from error


def _with_markers(html: str, keys: list[tuple[str, int]]) -> str:
    def marker(match):
        number = int(match.group(1))
        return f"[[{keys[number - 1][0]}:{keys[number - 1][1]}]]" if 1 <= number <= len(keys) else ""

    return sanitize_clause_html(FOOTNOTE_CALL.sub(marker, html))
