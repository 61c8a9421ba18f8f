"""What each kind of event says, where it links and who hears of it (before the draft gate filters them).

``event_for`` is pure apart from the reads it needs: the emitting service (``services.notification_emit``)
turns its answer into rows and emails.
"""
import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F
from django.urls import reverse

from .models import Kind

LEAD = "lead"            # the lead organization's members
EVERYONE = "everyone"    # the lead organization and every co-filer that joined and was not removed


@dataclass(frozen=True)
class Event:
    summary: str
    url: str
    audience: str = LEAD
    organization_ids: frozenset = field(default_factory=frozenset)  # instead of an audience: these organizations
    user_ids: frozenset = field(default_factory=frozenset)          # and these people, besides the audience
    tell_actor: bool = False


def person(user) -> str:
    """How an actor is named: their name (or email) and organization."""
    if user is None:
        return "Someone"
    name = user.get_full_name() or user.email
    return f"{name} ({user.organization})" if user.organization_id else name


def excerpt(text: str, limit: int = 120) -> str:
    """One line of at most ``limit`` characters, fit for a subject or a list."""
    line = re.sub(r"\s+", " ", text or "").strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class DeadlineDue:
    """What a deadline reminder concerns: one clock of the filing record, on one day, for one person."""

    clock: object  # a rule14a8.Clock
    today: date
    user_id: int


def _filers_url(draft, organization_id) -> str:
    """The lead's filers page, at the row of that organization's invitation."""
    url = reverse("drafts:filers", args=[draft.pk])
    invitation = (draft.invitations.filter(organization_id=organization_id).order_by(F("revoked_at").asc(nulls_first=True), "-pk")
                  .values_list("pk", flat=True).first())
    return url + f"#invitation-{invitation}" if invitation else url


def _comment_url(comment) -> str:
    return reverse("drafts:review", args=[comment.draft_id]) + f"#comment-{comment.pk}"


def _clause_label(comment) -> str:
    if comment.clause_id is None:
        return "the whole draft"
    return comment.draft.clause_labels().get(comment.clause_id, "a clause")


def _thread_authors(comment) -> frozenset:
    top = comment.parent or comment
    return frozenset(a for a in [top.author_id, *top.replies.values_list("author_id", flat=True)] if a)


def event_for(kind: str, *, draft, actor, target) -> Event:
    """The event ``kind`` on ``draft`` by ``actor``; ``target`` is the row it concerns (see each branch)."""
    who = person(actor)
    if kind == Kind.INVITED:  # target: the Invitation
        return Event(f"{who} invited {target.organization_name} <{target.email}> to co-file",
                     reverse("drafts:filers", args=[draft.pk]) + f"#invitation-{target.pk}")
    if kind == Kind.JOINED:  # target: the accepted Invitation
        return Event(f"{who} joined as a co-filer for {target.organization}",
                     _filers_url(draft, target.organization_id))
    if kind == Kind.COMMENTED:  # target: the Comment
        return Event(f"{who} commented on {_clause_label(target)}: “{excerpt(target.text)}”",
                     _comment_url(target), audience=EVERYONE)
    if kind == Kind.REPLIED:  # target: the reply (a Comment with a parent)
        return Event(f"{who} replied on {_clause_label(target)}: “{excerpt(target.text)}”",
                     _comment_url(target), user_ids=_thread_authors(target))
    if kind == Kind.RESOLVED:  # target: the Comment resolved
        return Event(f"{who} marked resolved the comment on {_clause_label(target)}: “{excerpt(target.text)}”",
                     _comment_url(target), audience="", user_ids=_thread_authors(target))
    if kind in (Kind.SIGNED, Kind.RECONFIRMED):  # target: the SignOn
        verb = "signed" if kind == Kind.SIGNED else "re-confirmed, signing"
        return Event(f"{who} {verb} version {target.version.number} for {target.legal_name or target.organization}",
                     _filers_url(draft, target.organization_id))
    if kind == Kind.DECLINED:  # target: the SignOn
        reason = f": “{excerpt(target.decline_reason)}”" if target.decline_reason else ""
        return Event(f"{who} declined to co-file for {target.organization}{reason}",
                     _filers_url(draft, target.organization_id))
    if kind == Kind.WITHDREW:  # target: the SignOn
        return Event(f"{who} withdrew the sign-on of {target.legal_name or target.organization}",
                     _filers_url(draft, target.organization_id))
    if kind == Kind.NEEDS_RECONFIRMATION:  # target: the SignOn flagged; told to its organization
        return Event(f"{who} changed the text after {target.legal_name or target.organization} signed version "
                     f"{target.version.number}: see the changes, then re-confirm or withdraw",
                     reverse("drafts:review", args=[draft.pk]) + "#changes", audience="",
                     organization_ids=frozenset([target.organization_id]))
    if kind == Kind.VERSION_SAVED:  # target: the DraftVersion
        return Event(f"{who} saved version {target.number} ({target.get_reason_display().lower()})",
                     target.get_absolute_url(), audience=EVERYONE)
    if kind == Kind.PACKET_READY:  # target: the PacketExport
        return Event(f"The filing packet of version {target.version.number} is ready",
                     reverse("drafts:packet", args=[draft.pk]), tell_actor=True)
    if kind == Kind.DEADLINE:  # target: a DeadlineDue; told to that one person
        clock, estimate = target.clock, " (estimate)" if target.clock.estimated else ""
        return Event(f"Due {clock.when(target.today)}: {clock.label}, {clock.due:%B %-d, %Y}{estimate} "
                     f"(Rule {clock.rule})", reverse("drafts:filing_record", args=[draft.pk]) + "#clocks",
                     audience="", user_ids=frozenset([target.user_id]))
    raise ValueError(f"Unknown notification kind {kind!r}")
