"""Rule 14a-8(h) and (f)(2): the meeting, who presents the proposal, holding the shares through it;
and the definitive proxy statement's date, which the (j) and (m)(3) clocks count back from."""
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .common import Check, INFO, OK, WARNING

PRESENTATION_BAR_YEARS = 2


@dataclass(frozen=True)
class KnownDate:
    """A date as it is known: stated by the company, or estimated from last year's (labelled so)."""

    date: date | None
    estimated: bool
    basis: str

    @property
    def label(self) -> str:
        return "estimate" if self.estimated else "stated"


UNKNOWN = KnownDate(None, True, "unknown: enter the company's date, or last year's on the company")


def meeting_date(*, stated: date | None, prior_meeting: date | None, meeting_year: int) -> KnownDate:
    """The meeting's date as the company announced it, else last year's meeting moved to ``meeting_year``."""
    if stated is not None:
        return KnownDate(stated, False, "announced by the company")
    if prior_meeting is None:
        return UNKNOWN
    return KnownDate(prior_meeting + relativedelta(years=meeting_year - prior_meeting.year), True,
                     f"estimated from last year's meeting ({prior_meeting:%B %-d, %Y})")


def proxy_date(*, filed_on: date | None, prior_proxy_date: date | None) -> KnownDate:
    """The definitive proxy statement's filing date once known, else the anniversary of last year's.

    Nobody knows it in advance, so every clock counted back from it is an estimate until it is filed.
    """
    if filed_on is not None:
        return KnownDate(filed_on, False, "filed")
    if prior_proxy_date is None:
        return UNKNOWN
    return KnownDate(prior_proxy_date + relativedelta(years=1), True,
                     f"estimated from last year's proxy statement ({prior_proxy_date:%B %-d, %Y})")


def check_presenter(presenter: str) -> Check:
    if presenter.strip():
        return Check("14a-8(h)", "Presenting", OK,
                     f"Rule 14a-8(h): {presenter.strip()} will present the proposal at the meeting.")
    return Check("14a-8(h)", "Presenting", WARNING,
                 "Rule 14a-8(h): name who will present the proposal at the meeting (a proponent or a qualified "
                 "representative). Not presenting without good cause lets the company exclude that proponent's "
                 f"proposals for the next {PRESENTATION_BAR_YEARS} calendar years.")


def hold_through_meeting(meeting: KnownDate) -> Check:
    """The reminder every filer gets: keep the shares through the meeting date."""
    through = f" ({meeting.date:%B %-d, %Y}{', estimated' if meeting.estimated else ''})" if meeting.date else ""
    return Check("14a-8(f)(2)", "Holding", INFO,
                 f"Rule 14a-8(f)(2): every filer keeps its shares through the date of the meeting{through}; a filer "
                 f"who sells before it lets the company exclude its proposals for the next "
                 f"{PRESENTATION_BAR_YEARS} calendar years.")
