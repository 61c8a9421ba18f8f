"""Writes to drafts. Every save names the revision it was based on; a stale one is refused.

The draft row is locked (select_for_update) while the revision is compared and bumped, so two
concurrent saves cannot both pass the check: the second gets ``StaleRevision`` and keeps its text.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import Coalesce, Length
from django.utils.html import escape

from evidence.models import Snippet

from resolutions.drafts.models import validate_one_line
from resolutions.drafts import limits
from resolutions.drafts.rendering import MARKER, content_sha256, markers_in, sanitize_clause_html
from resolutions.drafts.selectors import draft_content, draft_rendered, draft_words
from resolutions.models import AuditEvent, Clause, Draft, DraftNote, DraftVersion, PartKind, Precedent
from resolutions.catalogue.services import company_propose
from resolutions.precedents.import_review import bullets_html, precedent_note_text
from resolutions.precedents.importer.model import part_order
from .audit import audit_record
from resolutions.cofiling.services import sign_ons_flag_for_reconfirmation
from resolutions.notifications.models import Kind
from resolutions.notifications.services import notification_emit


class StaleRevision(Exception):
    """Someone saved the draft after the revision this edit was based on."""

    def __init__(self, draft: Draft):
        super().__init__(f"The draft was saved by someone else (revision {draft.revision}).")
        self.draft = draft


def _locked(draft: Draft, expected_revision: int) -> Draft:
    locked = Draft.objects.select_for_update().get(pk=draft.pk)
    if locked.revision != expected_revision:
        raise StaleRevision(locked)
    return locked


def _bump(draft: Draft, user=None) -> Draft:
    """Count a save; a changed text also asks co-filers who signed to re-confirm.

    Editing a finalized draft starts a new round: it circulates again, and the finalized
    version stays as it was (its PDFs, and a submission of it, are unchanged).
    """
    draft.revision += 1
    if draft.status == Draft.Status.FINAL:
        draft.status = Draft.Status.CIRCULATING
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.REOPENED,
                     detail="The text changed after it was finalized; every filer signs the new version.")
    draft.save(update_fields=["revision", "status", "updated_at"])
    draft_recount(draft=draft)
    sign_ons_flag_for_reconfirmation(draft=draft, user=user)
    return draft


def draft_recount(*, draft: Draft) -> int:
    """Store the Rule 14a-8(d) word total shown in draft lists."""
    draft.word_count = draft_words(draft, draft_rendered(draft)).total
    Draft.objects.filter(pk=draft.pk).update(word_count=draft.word_count)
    return draft.word_count


def clean_clause_text(*, draft: Draft, text: str) -> str:
    """Sanitize, enforce the clause's length limit, and check every citation marker points somewhere real."""
    limits.check_clause(text)
    clean = sanitize_clause_html(text)
    snippet_ids = {pk for kind, pk in markers_in(clean) if kind == "snippet"}
    note_ids = {pk for kind, pk in markers_in(clean) if kind == "note"}
    unknown = snippet_ids - set(Snippet.objects.filter(pk__in=snippet_ids).values_list("pk", flat=True))
    unknown_notes = note_ids - set(draft.notes.filter(pk__in=note_ids).values_list("pk", flat=True))
    if unknown or unknown_notes:
        names = [f"snippet {pk}" for pk in sorted(unknown)] + [f"note {pk}" for pk in sorted(unknown_notes)]
        raise ValidationError(
            f"This clause cites {', '.join(names)}, which does not exist (it may have been deleted). "
            "Remove the citation or pick another snippet."
        )
    return clean


def draft_create(*, user, company=None, meeting_year: int, title: str, precedent: Precedent | None = None,
                 topics=None, new_company: dict | None = None) -> Draft:
    """A new draft for the user's organization; from a precedent, its parts and notes are copied.

    ``new_company`` (name, ticker, cik) instead of ``company``: a company the library lacks, proposed
    (unverified) in the same transaction, or the known one it turns out to be.
    """
    if user.organization_id is None:
        raise ValidationError("Only members of an organization can start a draft.")
    validate_one_line(title)
    with transaction.atomic():
        if company is None:
            company, _ = company_propose(user=user, **new_company)
        draft = Draft.objects.create(
            company=company, meeting_year=meeting_year, title=title, lead_organization_id=user.organization_id,
            created_by=user, based_on=precedent,
            resolved_first=precedent.resolved_first if precedent else False,
        )
        if topics is None:  # a form always says; other callers inherit the precedent's
            topics = precedent.topics.all() if precedent else []
        draft.topics.set(list(topics))
        if precedent:
            _copy_precedent(draft, precedent)
        else:
            Clause.objects.bulk_create([
                Clause(draft=draft, kind=PartKind.WHEREAS, text="", position=0),
                Clause(draft=draft, kind=PartKind.RESOLVED, text="", position=1),
            ])
        draft_recount(draft=draft)
    return draft


def _copy_precedent(draft: Draft, precedent: Precedent) -> None:
    notes = {n.number: DraftNote.objects.create(draft=draft, text=precedent_note_text(n.number, n))
             for n in precedent.footnotes.all()}
    clauses = []
    for position, part in enumerate(precedent.parts.prefetch_related("calls").order_by("position")):
        text = _with_note_markers(part, notes, draft)
        clauses.append(Clause(draft=draft, kind=part.kind, text=sanitize_clause_html(text), position=position))
    limits.check_parts([(clause.kind, clause.text) for clause in clauses], what="this precedent")
    Clause.objects.bulk_create(clauses)


def _with_note_markers(part, notes, draft) -> str:
    pieces = []
    for piece in part.pieces():
        if isinstance(piece, int):
            note = notes.get(piece) or notes.setdefault(piece, DraftNote.objects.create(
                draft=draft, text=precedent_note_text(piece, None)))
            piece = f"[[note:{note.pk}]]"
        pieces.append(piece)
    return bullets_html(escape("".join(pieces)), paragraphs=False)  # the editor stores bullets as a list


def draft_update(*, draft: Draft, expected_revision: int, user=None, **fields) -> Draft:
    allowed = {"title", "meeting_year", "topics", "resolved_first", "supporting_heading", "citation_style", "status",
               *Draft.PRINT_STYLE_DEFAULTS}
    if "title" in fields:
        validate_one_line(fields["title"])
    with transaction.atomic():
        locked = _locked(draft, expected_revision)
        for name, value in fields.items():
            if name not in allowed:
                raise ValueError(f"{name} is not an editable draft field")
            if name == "topics":
                locked.topics.set(value)
            else:
                setattr(locked, name, value)
        locked.save()
        if "resolved_first" in fields:
            _apply_layout(locked)
        return _bump(locked, user)


def _apply_layout(draft: Draft) -> None:
    """Move the RESOLVED clause(s) before or after the WHEREAS recitals; supporting paragraphs stay last."""
    rank = {kind: i for i, kind in enumerate(part_order(draft.resolved_first))}
    clauses = sorted(draft.clauses.all(), key=lambda c: (rank[c.kind], c.position))
    for position, clause in enumerate(clauses):
        clause.position = position
    Clause.objects.bulk_update(clauses, ["position"])


def clause_add(*, draft: Draft, expected_revision: int, user=None, kind: str, text: str = "", after: Clause | None = None) -> Clause:
    with transaction.atomic():
        locked = _locked(draft, expected_revision)
        clean = clean_clause_text(draft=locked, text=text)
        size = _size(locked.clauses.all())
        limits.check_draft_size(clauses=size["clauses"] + 1, chars=size["chars"] + len(clean))
        position = after.position + 1 if after is not None else _place_for(locked, kind)
        locked.clauses.filter(position__gte=position).update(position=F("position") + 1)
        clause = Clause.objects.create(draft=locked, kind=kind, text=clean, position=position)
        _bump(locked, user)
    return clause


def _size(clauses) -> dict:
    return clauses.aggregate(clauses=Count("pk"), chars=Coalesce(Sum(Length("text")), 0))


def _place_for(draft: Draft, kind: str) -> int:
    """Where a new clause of ``kind`` goes: at the end of its part (a recital after the last recital),
    or, when the part has none yet, where the draft's layout puts that part."""
    rank = {kind: i for i, kind in enumerate(part_order(draft.resolved_first))}
    clauses = list(draft.clauses.order_by("position"))
    same = [c for c in clauses if c.kind == kind]
    before = same or [c for c in clauses if rank[c.kind] < rank[kind]]
    return before[-1].position + 1 if before else (clauses[0].position if clauses else 0)


def clause_update(*, draft: Draft, clause_id: int, expected_revision: int, user=None, text: str, kind: str | None = None) -> Clause:
    with transaction.atomic():
        locked = _locked(draft, expected_revision)
        clause = _clause_of(locked, clause_id)
        grown = len(clean := clean_clause_text(draft=locked, text=text)) > len(clause.text)
        if grown:  # an edit that shortens a draft already over the limit is let through
            size = _size(locked.clauses.exclude(pk=clause.pk))
            limits.check_draft_size(clauses=size["clauses"] + 1, chars=size["chars"] + len(clean))
        clause.text = clean
        if kind:
            clause.kind = kind
        clause.save()
        _bump(locked, user)
    return clause


def clause_delete(*, draft: Draft, clause_id: int, expected_revision: int, user=None) -> None:
    with transaction.atomic():
        locked = _locked(draft, expected_revision)
        _clause_of(locked, clause_id).delete()
        _bump(locked, user)


def clause_reorder(*, draft: Draft, clause_ids: list[int], expected_revision: int, user=None) -> None:
    """Put the draft's clauses in the given order (every clause of the draft, each once)."""
    with transaction.atomic():
        locked = _locked(draft, expected_revision)
        current = list(locked.clauses.values_list("pk", flat=True))
        if sorted(current) != sorted(clause_ids):
            raise ValidationError("The order sent does not match this draft's clauses; reload the page.")
        clauses = {c.pk: c for c in locked.clauses.all()}
        for position, pk in enumerate(clause_ids):
            clauses[pk].position = position
        Clause.objects.bulk_update(clauses.values(), ["position"])
        _bump(locked, user)


def clause_move(*, draft: Draft, clause_id: int, direction: int, expected_revision: int, user=None) -> None:
    """Move one clause up (-1) or down (+1)."""
    order = list(draft.clauses.values_list("pk", flat=True))
    if clause_id not in order:
        raise ValidationError("That clause is not part of this draft.")
    i = order.index(clause_id)
    j = max(0, min(len(order) - 1, i + direction))
    order[i], order[j] = order[j], order[i]
    clause_reorder(draft=draft, clause_ids=order, expected_revision=expected_revision, user=user)


def _clause_of(draft: Draft, clause_id) -> Clause:
    try:
        return draft.clauses.get(pk=int(clause_id))
    except (Clause.DoesNotExist, TypeError, ValueError) as error:
        raise ValidationError("That clause is not part of this draft (it may have been deleted); reload the page.") from error


def note_add(*, draft: Draft, text: str) -> DraftNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError("A footnote needs some text.")
    limits.check_note(text, notes_before=draft.notes.count())
    return DraftNote.objects.create(draft=draft, text=text)


def version_save(*, draft: Draft, user, reason: str = DraftVersion.Reason.SAVED, form_token: str = "") -> DraftVersion:
    """Snapshot the draft as it renders now. Made by hand, and on circulate, sign and export.

    Saved again with the same ``form_token`` (a double click on "Save version"), the first is returned.
    """
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        if form_token and (first := locked.versions.filter(form_token=form_token).first()):
            return first
        content = draft_content(locked)
        number = locked.versions.next_number()
        version = DraftVersion.objects.create(
            draft=locked, number=number, content=content, sha256=content_sha256(content),
            reason=reason, created_by=user, form_token=form_token,
        )
        audit_record(draft=locked, actor=user, verb=AuditEvent.Verb.VERSION_SAVED,
                     detail=f"Version {number} ({version.short_hash}), {version.get_reason_display().lower()}")
        notification_emit(draft=locked, kind=Kind.VERSION_SAVED, actor=user, target=version)
        return version


def version_restore(*, draft: Draft, version: DraftVersion, expected_revision: int, user) -> Draft:
    """Make a saved version's text the draft's text again; the text it replaces is kept as a version first."""
    with transaction.atomic():
        locked = _locked(draft, expected_revision)
        clauses = [Clause(draft=locked, kind=part["kind"], text=_restorable(locked, part["source"]), position=position)
                   for position, part in enumerate(version.content["parts"])]
        limits.check_parts([(clause.kind, clause.text) for clause in clauses], what=f"version {version.number}")
        latest = locked.versions.newest()
        if latest is None or latest.sha256 != content_sha256(draft_content(locked)):
            version_save(draft=locked, user=user, reason=DraftVersion.Reason.RESTORED)
        locked.clauses.all().delete()
        Clause.objects.bulk_create(clauses)
        layout = version.content.get("layout", {})
        locked.resolved_first = layout.get("resolved_first", locked.resolved_first)
        locked.supporting_heading = layout.get("supporting_heading", locked.supporting_heading)
        for name, default in Draft.PRINT_STYLE_DEFAULTS.items():
            setattr(locked, name, layout.get(name, default))
        locked.save()
        return _bump(locked, user)


def _restorable(draft: Draft, text: str) -> str:
    """Drop markers whose snippet or note no longer exists, keep everything else."""
    snippet_ids = set(Snippet.objects.values_list("pk", flat=True).filter(
        pk__in=[pk for kind, pk in markers_in(text) if kind == "snippet"]))
    note_ids = set(draft.notes.values_list("pk", flat=True))

    def keep(match):
        kind, pk = match.group(1), int(match.group(2))
        return match.group(0) if pk in (snippet_ids if kind == "snippet" else note_ids) else ""

    return MARKER.sub(keep, text)


def draft_circulate(*, draft: Draft, user) -> DraftVersion:
    """Send the draft to co-filers: its text becomes a version they review and sign."""
    with transaction.atomic():
        version = version_save(draft=draft, user=user, reason=DraftVersion.Reason.CIRCULATED)
        Draft.objects.filter(pk=draft.pk).update(status=Draft.Status.CIRCULATING)
    return version
