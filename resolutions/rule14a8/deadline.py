"""Rule 14a-8(e): when a proposal must reach the company."""
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .common import Check, ERROR, INFO, OK, WARNING, plural


BASIS_STATED = "stated by the company in last year's proxy statement"
BASIS_MOVED = "meeting moved by more than 30 days: a reasonable time before the company prints its proxy materials"
BASIS_UNKNOWN = "unknown"


@dataclass(frozen=True)
class Deadline:
    date: date | None
    basis: str


def _meeting_moved(prior_meeting_date: date, meeting_date: date) -> bool:
    anniversary = prior_meeting_date + relativedelta(years=1)
    return abs((meeting_date - anniversary).days) > 30


def filing_deadline(
    *,
    stated_deadline: date | None,
    prior_proxy_date: date | None,
    prior_meeting_date: date | None = None,
    meeting_date: date | None = None,
) -> Deadline:
    """The 14a-8(e) receipt deadline for an annual meeting.

    The date the company stated wins. Otherwise take the prior proxy statement's
    date, move it to the next year and count back 120 calendar days (SLB 14:
    proxy dated 2001-04-14 gives 2001-12-15), unless the meeting moved by more
    than 30 days from last year's, when the rule only says "a reasonable time".
    """
    if stated_deadline is not None:
        return Deadline(stated_deadline, BASIS_STATED)
    if prior_meeting_date is not None and meeting_date is not None and _meeting_moved(prior_meeting_date, meeting_date):
        return Deadline(None, BASIS_MOVED)
    if prior_proxy_date is None:
        return Deadline(None, BASIS_UNKNOWN)
    anniversary = prior_proxy_date + relativedelta(years=1)
    basis = f"120 calendar days before the anniversary of last year's proxy statement ({prior_proxy_date:%B %-d, %Y})"
    return Deadline(anniversary - timedelta(days=120), basis)


def upcoming_meeting_year(today: date) -> int:
    """Proposals filed in the second half of a year are for next year's meetings."""
    return today.year + 1 if today.month >= 7 else today.year


DEADLINE_WARNING_DAYS = 14


def check_deadline(deadline: Deadline, *, today: date) -> Check:
    details = {"date": deadline.date, "basis": deadline.basis}
    if deadline.date is None:
        if deadline.basis == BASIS_UNKNOWN:
            message = (
                "Rule 14a-8(e): deadline unknown; enter the date stated in last year's proxy statement, "
                "or that statement's date."
            )
        else:
            message = f"Rule 14a-8(e): no fixed deadline; {deadline.basis}."
        return Check("14a-8(e)", "Deadline", INFO, message, details)
    days_left = (deadline.date - today).days
    details["days_left"] = days_left
    due = f"Rule 14a-8(e): due {deadline.date:%B %-d, %Y}"
    if days_left < 0:
        return Check("14a-8(e)", "Deadline", ERROR, f"{due}, passed {plural(-days_left, 'day')} ago.", details)
    status = WARNING if days_left <= DEADLINE_WARNING_DAYS else OK
    when = "must be received today" if days_left == 0 else f"{plural(days_left, 'day')} left"
    return Check("14a-8(e)", "Deadline", status, f"{due}, {when}.", details)
