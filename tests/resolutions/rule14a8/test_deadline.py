"""Rule 14a-8(e): the filing deadline."""

from datetime import date

import pytest

from resolutions.rule14a8 import Deadline, check_deadline, filing_deadline


def test_deadline_is_120_days_before_the_anniversary_of_last_years_proxy():
    deadline = filing_deadline(stated_deadline=None, prior_proxy_date=date(2001, 4, 14))
    assert deadline.date == date(2001, 12, 15)  # the SEC's own example (SLB 14)
    assert deadline.basis == "120 calendar days before the anniversary of last year's proxy statement (April 14, 2001)"


def test_leap_day_proxy_anniversary_falls_on_feb_28():
    deadline = filing_deadline(stated_deadline=None, prior_proxy_date=date(2024, 2, 29))
    # anniversary 2025-02-28, minus 120 days
    assert deadline.date == date(2024, 10, 31)


def test_the_120_days_span_a_leap_february():
    deadline = filing_deadline(stated_deadline=None, prior_proxy_date=date(2027, 4, 1))
    assert deadline.date == date(2027, 12, 3)  # 2028-04-01 minus 120 days, across 29 February 2028


def test_stated_deadline_wins():
    deadline = filing_deadline(
        stated_deadline=date(2026, 11, 20),
        prior_proxy_date=date(2026, 4, 14),
        prior_meeting_date=date(2026, 5, 20),
        meeting_date=date(2027, 9, 1),
    )
    assert deadline == Deadline(date(2026, 11, 20), "stated by the company in last year's proxy statement")


def test_meeting_moved_by_more_than_30_days_has_no_computed_deadline():
    deadline = filing_deadline(
        stated_deadline=None,
        prior_proxy_date=date(2026, 4, 14),
        prior_meeting_date=date(2026, 5, 20),
        meeting_date=date(2027, 6, 20),
    )
    assert deadline.date is None
    assert deadline.basis == (
        "meeting moved by more than 30 days: a reasonable time before the company prints its proxy materials"
    )


def test_meeting_moved_by_exactly_30_days_keeps_the_computed_deadline():
    deadline = filing_deadline(
        stated_deadline=None,
        prior_proxy_date=date(2026, 4, 14),
        prior_meeting_date=date(2026, 5, 20),
        meeting_date=date(2027, 6, 19),
    )
    assert deadline.date == date(2026, 12, 15)


def test_deadline_is_unknown_without_a_stated_date_or_last_years_proxy():
    assert filing_deadline(stated_deadline=None, prior_proxy_date=None) == Deadline(None, "unknown")


def test_deadline_with_days_left():
    check = check_deadline(Deadline(date(2026, 12, 1), "stated"), today=date(2026, 11, 25))
    assert check.rule == "14a-8(e)"
    assert check.status == "warning"
    assert check.message == "Rule 14a-8(e): due December 1, 2026, 6 days left."
    assert check.details["days_left"] == 6


@pytest.mark.parametrize(
    ("today", "status", "ending"),
    [
        (date(2026, 11, 16), "ok", "15 days left."),
        (date(2026, 11, 17), "warning", "14 days left."),
        (date(2026, 11, 30), "warning", "1 day left."),
        (date(2026, 12, 1), "warning", "must be received today."),
        (date(2026, 12, 2), "error", "passed 1 day ago."),
    ],
)
def test_deadline_statuses(today, status, ending):
    check = check_deadline(Deadline(date(2026, 12, 1), "stated"), today=today)
    assert check.status == status
    assert check.message == f"Rule 14a-8(e): due December 1, 2026, {ending}"


def test_an_unknown_deadline_is_info():
    check = check_deadline(Deadline(None, "unknown"), today=date(2026, 11, 25))
    assert check.status == "info"
    assert check.message.startswith("Rule 14a-8(e): deadline unknown")


def test_a_moved_meeting_deadline_is_info_explaining_the_basis():
    deadline = filing_deadline(
        stated_deadline=None,
        prior_proxy_date=date(2026, 4, 14),
        prior_meeting_date=date(2026, 5, 20),
        meeting_date=date(2027, 9, 1),
    )
    check = check_deadline(deadline, today=date(2026, 11, 25))
    assert check.status == "info"
    assert "Rule 14a-8(e)" in check.message
    assert "a reasonable time before the company prints its proxy materials" in check.message
