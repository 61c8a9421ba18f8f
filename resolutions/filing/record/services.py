"""Writes to the filing record. Each owns its transaction and its audit entry; every date is checked before
anything is written, so a refused entry leaves nothing behind. A late company notice is recorded, and flagged
in the audit entry and wherever it is shown."""
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from resolutions import rule14a8
from resolutions.drafts.audit import audit_record
from resolutions.filing.selectors import draft_filer_statuses
from resolutions.filing.uploads import EML, JPEG, MSG, PDF, PNG, checked_upload
from resolutions.models import AuditEvent, Draft, Precedent
from resolutions.precedents.services import PrecedentFields, precedent_save_import
from .models import (CalendarFeed, DeficiencyNotice, EngagementMeeting, ExclusionNotice, FilingRecord, OppositionStatement,
                     VoteResult, Withdrawal)
from .precedent import version_structure
from .selectors import proposal_received_on, record_dates

CURE_PROOF_TYPES = (EML, MSG, PDF, PNG, JPEG)


def _submitted_on(draft: Draft) -> date:
    received = proposal_received_on(draft)
    if received is None or draft.status not in (Draft.Status.FILED, Draft.Status.WITHDRAWN):
        raise ValidationError("Mark the proposal as submitted first: the Rule 14a-8 clocks start from its receipt.")
    return received


def _not_in_future(**dates) -> None:
    today = timezone.localdate()
    future = [label for label, day in dates.items() if day is not None and day > today]
    if future:
        raise ValidationError(f"The {' and the '.join(future)} is in the future: record it once it has happened. "
                              "Nothing was saved.")


def _refuse(check: rule14a8.Check) -> None:
    if check.status == rule14a8.ERROR:
        raise ValidationError(check.message + " Nothing was saved.")


def _late(check: rule14a8.Check) -> str:
    return "; flagged late" if check.details.get("late") else ""


def _open(draft: Draft) -> None:
    if draft.status == Draft.Status.WITHDRAWN:
        raise ValidationError("This proposal was withdrawn; its record is closed.")


def _open_since(draft: Draft) -> date:
    """The proposal's receipt, for a record still open (a withdrawn proposal's is closed)."""
    _open(draft)
    return _submitted_on(draft)


@dataclass(frozen=True)
class MeetingInput:
    meeting_date: date | None
    presenter: str
    proxy_filed_on: date | None


def filing_record_save(*, draft: Draft, user, data: MeetingInput) -> FilingRecord:
    """The meeting's date, who presents the proposal under (h), and the definitive proxy's filing date."""
    received = _submitted_on(draft)
    _not_in_future(**{"proxy filing date": data.proxy_filed_on})
    if data.proxy_filed_on and data.proxy_filed_on < received:
        raise ValidationError("The definitive proxy cannot be filed before the proposal was submitted "
                              f"({received:%B %-d, %Y}). Nothing was saved.")
    if data.meeting_date and data.proxy_filed_on and data.meeting_date < data.proxy_filed_on:
        raise ValidationError("The meeting cannot come before the proxy statement. Nothing was saved.")
    with transaction.atomic():
        record, _ = FilingRecord.objects.update_or_create(draft=draft, defaults={
            "meeting_date": data.meeting_date, "presenter": data.presenter.strip(),
            "proxy_filed_on": data.proxy_filed_on})
        meeting = f"{data.meeting_date:%B %-d, %Y}" if data.meeting_date else "estimated"
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.MEETING_RECORDED,
                     detail=f"Meeting {meeting}; presenter: {record.presenter or 'not named'}; definitive proxy "
                            + (f"filed {data.proxy_filed_on:%B %-d, %Y}" if data.proxy_filed_on else "not filed yet"))
    return record


@dataclass(frozen=True)
class DeficiencyNoticeInput:
    organization_id: int
    sent_on: date
    received_on: date
    says: str


def deficiency_notice_record(*, draft: Draft, user, data: DeficiencyNoticeInput) -> DeficiencyNotice:
    """A company's (f)(1) notice to one filer. The lead records any filer's; a co-filer its own."""
    received = _open_since(draft)
    filers = {row.organization_id: row for row in draft_filer_statuses(draft)}
    if data.organization_id not in filers or (not draft.is_led_by(user) and data.organization_id != user.organization_id):
        raise ValidationError("Choose one of the filers of this proposal (a co-filer records its own notices).")
    check = rule14a8.check_deficiency_notice(proposal_received_on=received, sent_on=data.sent_on,
                                             received_on=data.received_on)
    _refuse(check)
    _not_in_future(**{"date received": data.received_on})
    with transaction.atomic():
        notice = DeficiencyNotice.objects.create(
            draft=draft, organization_id=data.organization_id, sent_on=data.sent_on, received_on=data.received_on,
            says=data.says.strip(), recorded_by=user)
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.DEFICIENCY_NOTICE,
                     detail=f"{filers[data.organization_id].name}: notice dated {data.sent_on:%B %-d, %Y}, received "
                            f"{data.received_on:%B %-d, %Y}; response due "
                            f"{rule14a8.cure_due(data.received_on):%B %-d, %Y}{_late(check)}")
    return notice


def deficiency_cure_record(*, notice: DeficiencyNotice, user, cure_sent_on: date, cure_says: str,
                           upload=None) -> DeficiencyNotice:
    """The filer's response to a deficiency notice, with its proof (the email sent, a courier receipt)."""
    _open(notice.draft)
    check = rule14a8.check_cure(notice_received_on=notice.received_on, cure_sent_on=cure_sent_on,
                                today=timezone.localdate())
    _refuse(check)
    _not_in_future(**{"response date": cure_sent_on})
    content_type = checked_upload(upload, accepted=CURE_PROOF_TYPES, what="the response's proof") if upload else ""
    with transaction.atomic():
        notice = DeficiencyNotice.objects.select_for_update().get(pk=notice.pk)
        old_file = notice.cure_proof.name
        notice.cure_sent_on, notice.cure_says = cure_sent_on, cure_says.strip()
        if upload:
            notice.cure_proof.save(upload.name, upload, save=False)
            notice.cure_proof_name, notice.cure_proof_type = upload.name[:255], content_type
        notice.save()
        audit_record(draft=notice.draft, actor=user, verb=AuditEvent.Verb.CURE_SENT,
                     detail=f"{notice.organization}: response sent {cure_sent_on:%B %-d, %Y} to the notice of "
                            f"{notice.sent_on:%B %-d, %Y}" + ("; sent after the deadline" if check.details.get("late")
                                                              else ""))
        if upload and old_file:
            transaction.on_commit(lambda: notice.cure_proof.storage.delete(old_file))
    return notice


@dataclass(frozen=True)
class EngagementInput:
    status: str
    meets_on: date | None
    with_whom: str
    notes: str


def engagement_meeting_record(*, draft: Draft, user, data: EngagementInput) -> EngagementMeeting:
    _open_since(draft)
    if data.status != EngagementMeeting.Status.OFFERED:
        _not_in_future(**{"meeting date": data.meets_on})
    with transaction.atomic():
        meeting = EngagementMeeting.objects.create(draft=draft, status=data.status, meets_on=data.meets_on,
                                                   with_whom=data.with_whom.strip(), notes=data.notes.strip(),
                                                   recorded_by=user)
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.ENGAGEMENT, detail=str(meeting))
    return meeting


def engagement_meeting_update(*, meeting: EngagementMeeting, user, status: str) -> EngagementMeeting:
    """An offered meeting that was then held or declined."""
    _open(meeting.draft)
    if status != EngagementMeeting.Status.OFFERED:
        _not_in_future(**{"meeting date": meeting.meets_on})
    with transaction.atomic():
        EngagementMeeting.objects.filter(pk=meeting.pk).update(status=status)
        meeting.status = status
        audit_record(draft=meeting.draft, actor=user, verb=AuditEvent.Verb.ENGAGEMENT, detail=str(meeting))
    return meeting


@dataclass(frozen=True)
class ExclusionNoticeInput:
    kind: str
    sent_on: date
    grounds: list[str]
    grounds_said: str
    response_sent_on: date | None
    response_says: str
    staff_answer: str
    staff_answered_on: date | None


def exclusion_notice_record(*, draft: Draft, user, data: ExclusionNoticeInput) -> ExclusionNotice:
    """The company's (j) notice, the proponent's response and the staff's answer (recorded again as they come)."""
    received = _open_since(draft)
    _, proxy = record_dates(draft)
    check = rule14a8.check_exclusion_notice(sent_on=data.sent_on, proposal_received_on=received, proxy=proxy)
    _refuse(check)
    _not_in_future(**{"notice's date": data.sent_on, "response date": data.response_sent_on,
                      "staff's answer date": data.staff_answered_on})
    if data.response_sent_on and data.response_sent_on < data.sent_on:
        raise ValidationError("The response cannot be sent before the notice it answers. Nothing was saved.")
    if data.staff_answered_on and data.staff_answered_on < data.sent_on:
        raise ValidationError("The staff cannot answer before the notice was sent. Nothing was saved.")
    if bool(data.staff_answer) != bool(data.staff_answered_on):
        raise ValidationError("Give both the staff's answer and its date, or neither. Nothing was saved.")
    with transaction.atomic():
        notice, created = ExclusionNotice.objects.update_or_create(draft=draft, defaults={
            "kind": data.kind, "sent_on": data.sent_on, "grounds": list(data.grounds),
            "grounds_said": data.grounds_said.strip(), "response_sent_on": data.response_sent_on,
            "response_says": data.response_says.strip(), "staff_answer": data.staff_answer,
            "staff_answered_on": data.staff_answered_on})
        grounds = ", ".join(label for code, label in rule14a8.GROUNDS if code in data.grounds) or "no ground named"
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.EXCLUSION_NOTICE,
                     detail=f"{notice} ({grounds}){_late(check)}" + ("" if created else "; updated"))
    return notice


@dataclass(frozen=True)
class OppositionInput:
    received_on: date
    text: str
    recommendation: str
    reply_sent_on: date | None
    reply: str


def opposition_statement_record(*, draft: Draft, user, data: OppositionInput) -> OppositionStatement:
    """The board's statement in opposition and our reply; a late one is recorded as the company's (m)(3) breach."""
    received = _open_since(draft)
    _, proxy = record_dates(draft)
    check = rule14a8.check_opposition(received_on=data.received_on, proposal_received_on=received, proxy=proxy)
    _refuse(check)
    _not_in_future(**{"date received": data.received_on, "reply date": data.reply_sent_on})
    if data.reply_sent_on and data.reply_sent_on < data.received_on:
        raise ValidationError("The reply cannot be sent before the statement it answers. Nothing was saved.")
    with transaction.atomic():
        statement, created = OppositionStatement.objects.update_or_create(draft=draft, defaults={
            "received_on": data.received_on, "text": data.text.strip(), "recommendation": data.recommendation,
            "reply_sent_on": data.reply_sent_on, "reply": data.reply.strip()})
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.OPPOSITION,
                     detail=f"{statement}" + ("; flagged late, the company's breach of Rule 14a-8(m)(3)"
                                              if check.details.get("late") else "") + ("" if created else "; updated"))
    return statement


@dataclass(frozen=True)
class WithdrawalInput:
    withdrawn_on: date
    agreement: bool
    commitments: str


def proposal_withdraw(*, draft: Draft, user, data: WithdrawalInput) -> Withdrawal:
    """Withdraw the filed proposal: its clocks stop, and no reminder goes out for it."""
    received = _open_since(draft)
    _not_in_future(**{"withdrawal date": data.withdrawn_on})
    if data.withdrawn_on < received:
        raise ValidationError("A proposal cannot be withdrawn before it was submitted. Nothing was saved.")
    if VoteResult.objects.filter(draft=draft).exists():
        raise ValidationError("The proposal was voted on; it can no longer be withdrawn.")
    if data.agreement and not data.commitments.strip():
        raise ValidationError("Say what the company committed to in the agreement. Nothing was saved.")
    with transaction.atomic():
        withdrawal = Withdrawal.objects.create(draft=draft, withdrawn_on=data.withdrawn_on, agreement=data.agreement,
                                               commitments=data.commitments.strip(), recorded_by=user)
        Draft.objects.filter(pk=draft.pk).update(status=Draft.Status.WITHDRAWN)
        draft.status = Draft.Status.WITHDRAWN
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.PROPOSAL_WITHDRAWN, detail=str(withdrawal))
    return withdrawal


@dataclass(frozen=True)
class VoteInput:
    meeting_on: date
    votes_for: int
    votes_against: int
    abstentions: int
    broker_non_votes: int
    shares_outstanding: int


def vote_record(*, draft: Draft, user, data: VoteInput) -> VoteResult:
    received = _open_since(draft)
    problems = rule14a8.vote_problems(votes_for=data.votes_for, votes_against=data.votes_against,
                                      abstentions=data.abstentions, broker_non_votes=data.broker_non_votes,
                                      shares_outstanding=data.shares_outstanding)
    if data.meeting_on < received:
        problems.append("The meeting cannot be before the proposal was submitted.")
    if problems:
        raise ValidationError([*problems, "Nothing was saved."])
    _not_in_future(**{"meeting date": data.meeting_on})
    with transaction.atomic():
        vote, created = VoteResult.objects.update_or_create(draft=draft, defaults={
            "meeting_on": data.meeting_on, "votes_for": data.votes_for, "votes_against": data.votes_against,
            "abstentions": data.abstentions, "broker_non_votes": data.broker_non_votes,
            "shares_outstanding": data.shares_outstanding, "recorded_by": user})
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.VOTE_RECORDED,
                     detail=rule14a8.describe_vote(votes_for=data.votes_for, votes_against=data.votes_against).message
                     + ("" if created else " (corrected)"))
    return vote


def vote_add_to_precedents(*, vote: VoteResult, user):
    """The filed text, its filers, the board's statement and the outcome as a precedent, in one step.

    Uncurated until a curator looks; no private notes (engagement notes, withdrawal terms) go into it.
    Adding twice returns the precedent made the first time.
    """
    draft = vote.draft
    with transaction.atomic():
        vote = VoteResult.objects.select_for_update().get(pk=vote.pk)
        if vote.precedent is not None:
            return vote.precedent
        submission = draft.submissions.select_related("version").order_by("-recorded_at").first()
        structure, source_text = version_structure(submission.version)
        opposition = OppositionStatement.objects.filter(draft=draft).first()
        if opposition:
            structure["opposition"] = opposition.text
            structure["board_recommendation"] = opposition.recommendation
        precedent = precedent_save_import(
            structure=structure, source_text=source_text, topics=draft.topics.all(), user=user,
            resolved_first=draft.resolved_first,
            fields=PrecedentFields(company=draft.company, meeting_year=draft.meeting_year,
                                   title=submission.version.content["title"], outcome=Precedent.Outcome.VOTED,
                                   support_percent=vote.support, curated=False))
        VoteResult.objects.filter(pk=vote.pk).update(precedent=precedent)
        audit_record(draft=draft, actor=user, verb=AuditEvent.Verb.PRECEDENT_ADDED,
                     detail=f"“{precedent.title}” ({precedent.meeting_year}, {vote.support}% support), uncurated")
    return precedent


def calendar_feed_create(*, user) -> CalendarFeed:
    """A new calendar link for the user; the one before it stops working (404)."""
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).active().revoke()
        feed = CalendarFeed(user=user)
        feed.set_new_secret()
        feed.save()
    return feed
