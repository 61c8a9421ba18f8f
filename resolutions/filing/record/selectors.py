"""Reads of the filing record: its clocks (from the rulebook), the record page, the "due soon" panel,
and who each deadline concerns."""
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ObjectDoesNotExist

from accounts.models import User
from resolutions import rule14a8
from resolutions.models import Draft, Precedent
from resolutions.filing.selectors import FilerStatus, draft_filer_statuses
from .models import DeficiencyNotice, EngagementMeeting, FilingRecord

DUE_SOON_DAYS = 30


def proposal_received_on(draft: Draft) -> date | None:
    """The date the proposal was submitted (its proof of receipt): what the company's clocks start from."""
    submission = draft.submissions.order_by("-recorded_at").first()
    return submission.submitted_on if submission else None


def _one(draft: Draft, name: str):
    """A one-to-one row of the draft, or None (select_related may have fetched it already)."""
    try:
        return getattr(draft, name)
    except ObjectDoesNotExist:
        return None


def record_dates(draft: Draft) -> tuple[rule14a8.KnownDate, rule14a8.KnownDate]:
    """The meeting's and the definitive proxy's dates, stated or estimated."""
    record = _one(draft, "filing_record") or FilingRecord(draft=draft)
    company = draft.company
    meeting = rule14a8.meeting_date(stated=record.meeting_date, prior_meeting=company.annual_meeting_date,
                                    meeting_year=draft.meeting_year)
    proxy = rule14a8.proxy_date(filed_on=record.proxy_filed_on, prior_proxy_date=company.prior_proxy_date)
    return meeting, proxy


def draft_clocks(draft: Draft) -> list[rule14a8.Clock]:
    """Every clock of a submitted draft, earliest first; none once the proposal is withdrawn."""
    if draft.status != Draft.Status.FILED or _one(draft, "withdrawal") is not None:
        return []
    meeting, proxy = record_dates(draft)
    voted = _one(draft, "vote_result") is not None
    proxy_filed = proxy.date is not None and not proxy.estimated
    clocks = []
    if meeting.date:
        clocks.append(rule14a8.Clock("meeting", "annual meeting: the proposal is presented", "14a-8(h)", meeting.date,
                                     meeting.estimated, done=voted))
    if proxy.date:
        clocks.append(rule14a8.Clock("proxy", "the definitive proxy statement is filed", "14a-8(j)",
                                     proxy.date, proxy.estimated, done=proxy_filed or voted))
        clocks.append(rule14a8.Clock("exclusion-notice", "last day for the company's (j) notice, if it means to exclude",
                                     "14a-8(j)", rule14a8.exclusion_notice_due(proxy.date), proxy.estimated,
                                     done=_one(draft, "exclusion_notice") is not None or proxy_filed or voted))
        clocks.append(rule14a8.Clock("opposition", "last day for the company's statement in opposition to reach you",
                                     "14a-8(m)(3)", rule14a8.opposition_due(proxy.date), proxy.estimated,
                                     done=_one(draft, "opposition_statement") is not None or proxy_filed or voted))
    for notice in draft.deficiency_notices.all():
        clocks.append(rule14a8.Clock(f"cure-{notice.pk}", f"last day for {notice.organization}'s response to its "
                                     "deficiency notice", "14a-8(f)(1)", rule14a8.cure_due(notice.received_on),
                                     done=notice.cure_sent_on is not None, organization_id=notice.organization_id))
    for meeting_row in draft.engagement_meetings.all():
        if meeting_row.meets_on:
            clocks.append(rule14a8.Clock(f"engagement-{meeting_row.pk}", "engagement meeting with the company",
                                         "14a-8(b)(1)(iii)", meeting_row.meets_on,
                                         done=meeting_row.status != EngagementMeeting.Status.OFFERED))
    return sorted(clocks, key=lambda clock: (clock.due, clock.key))


def concerns(clock: rule14a8.Clock, draft: Draft, organization_id: int | None) -> bool:
    """A clock concerns every filer, except a deficiency notice's cure: its own filer's, and the lead's."""
    return clock.organization_id is None or organization_id in (clock.organization_id, draft.lead_organization_id)


def drafts_with_clocks(drafts):
    """The submitted drafts among ``drafts``, with every row ``draft_clocks`` reads: four queries however many."""
    return (drafts.filter(status=Draft.Status.FILED)
            .select_related("company", "filing_record", "exclusion_notice", "opposition_statement", "withdrawal",
                            "vote_result")
            .prefetch_related("deficiency_notices__organization", "engagement_meetings"))


@dataclass(frozen=True)
class DueClock:
    draft: Draft
    clock: rule14a8.Clock


def user_clocks(user) -> list[DueClock]:
    """Every open clock of every draft the user files that concerns the user's organization, earliest first."""
    rows = [DueClock(draft, clock) for draft in drafts_with_clocks(Draft.objects.visible_to(user))
            for clock in draft_clocks(draft)
            if concerns(clock, draft, user.organization_id)]
    return sorted(rows, key=lambda row: (row.clock.due, row.draft.pk, row.clock.key))


def clocks_due_soon(user, *, today: date, within: int = DUE_SOON_DAYS) -> list[DueClock]:
    """The dashboard's panel: open clocks from the overdue ones up to ``within`` days ahead."""
    return [row for row in user_clocks(user) if not row.clock.done and row.clock.days_left(today) <= within]


def deadline_recipients(draft: Draft, clock: rule14a8.Clock):
    """Active users of the organizations a clock concerns: the lead's, and each co-filer's still on the draft."""
    organizations = {draft.lead_organization_id}
    if clock.organization_id is not None:
        organizations.add(clock.organization_id)
    else:
        organizations |= set(draft.invitations.filter(accepted_at__isnull=False, revoked_at__isnull=True,
                                                      organization__isnull=False)
                             .values_list("organization_id", flat=True))
    return User.objects.filter(organization_id__in=organizations, is_active=True).order_by("pk")


@dataclass
class NoticeRow:
    notice: DeficiencyNotice
    notice_check: rule14a8.Check
    cure_check: rule14a8.Check
    cure_form: object = None  # the view sets the form recording the response


@dataclass
class FilingRecordPage:
    """What the record page shows, for one user (a co-filer sees its own deficiency notices only)."""

    draft: Draft
    received_on: date | None
    record: FilingRecord
    meeting: rule14a8.KnownDate
    proxy: rule14a8.KnownDate
    checks: list[rule14a8.Check]
    clocks: list[rule14a8.Clock]
    notices: list[NoticeRow]
    missing_proofs: list[FilerStatus]
    filers: list[FilerStatus]
    engagements: list[EngagementMeeting]
    exclusion: object = None
    exclusion_check: rule14a8.Check | None = None
    opposition: object = None
    opposition_check: rule14a8.Check | None = None
    withdrawal: object = None
    vote: object = None
    vote_checks: list[rule14a8.Check] = field(default_factory=list)


def filing_record_page(draft: Draft, *, user, today: date) -> FilingRecordPage:
    received = proposal_received_on(draft)
    meeting, proxy = record_dates(draft)
    record = _one(draft, "filing_record") or FilingRecord(draft=draft)
    lead = draft.is_led_by(user)
    filers = draft_filer_statuses(draft)
    notices = [NoticeRow(n, rule14a8.check_deficiency_notice(proposal_received_on=received, sent_on=n.sent_on,
                                                             received_on=n.received_on) if received else None,
                         rule14a8.check_cure(notice_received_on=n.received_on, cure_sent_on=n.cure_sent_on,
                                             today=today))
               for n in draft.deficiency_notices.select_related("organization")
               if lead or n.organization_id == user.organization_id]
    page = FilingRecordPage(
        draft=draft, received_on=received, record=record, meeting=meeting, proxy=proxy,
        checks=[rule14a8.check_presenter(record.presenter), rule14a8.hold_through_meeting(meeting)],
        clocks=[c for c in draft_clocks(draft) if concerns(c, draft, user.organization_id)],
        notices=notices, filers=filers,
        missing_proofs=[row for row in filers if row.needs_proof and not row.proofs
                        and (lead or row.organization_id == user.organization_id)],
        engagements=list(draft.engagement_meetings.all()),
        exclusion=_one(draft, "exclusion_notice"), opposition=_one(draft, "opposition_statement"),
        withdrawal=_one(draft, "withdrawal"), vote=_one(draft, "vote_result"),
    )
    if page.exclusion and received:
        page.exclusion_check = rule14a8.check_exclusion_notice(sent_on=page.exclusion.sent_on,
                                                               proposal_received_on=received, proxy=proxy)
    if page.opposition and received:
        page.opposition_check = rule14a8.check_opposition(received_on=page.opposition.received_on,
                                                          proposal_received_on=received, proxy=proxy)
    if page.vote:
        page.vote_checks = [rule14a8.describe_vote(votes_for=page.vote.votes_for,
                                                   votes_against=page.vote.votes_against),
                            next_resubmission(draft, page.vote)]
    return page


def next_resubmission(draft: Draft, vote) -> rule14a8.Check:
    """Rule 14a-8(i)(12) for the next meeting, counting this vote with the library's votes on the draft's topics."""
    topics = list(draft.topics.all())
    prior = Precedent.objects.filter(company=draft.company, topics__in=topics).exclude(pk=vote.precedent_id).distinct()
    return rule14a8.resubmission_check(prior_votes=[*(p.prior_vote for p in prior), (draft.meeting_year, vote.support)],
                                       meeting_year=draft.meeting_year + 1, subject_known=bool(topics))
