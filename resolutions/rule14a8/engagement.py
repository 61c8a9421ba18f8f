"""Rule 14a-8(b)(1)(iii): the proponent's availability to meet the company."""
from datetime import date, datetime, timedelta

import holidays

from .common import Check, ERROR, OK, WARNING, WEEKDAYS


ENGAGEMENT_FIRST_DAY = 10
ENGAGEMENT_LAST_DAY = 30


# Observed US federal holidays (5 U.S.C. 6103), from the holidays package; years load on first use.
_FEDERAL_HOLIDAYS = holidays.country_holidays("US")


def _not_a_business_day(day: date) -> str | None:
    """Why `day` is not a business day (weekend or federal holiday), or None."""
    if day.weekday() >= 5:
        return WEEKDAYS[day.weekday()]
    return _FEDERAL_HOLIDAYS.get(day)


def _slot_label(slot: datetime | date) -> str:
    return f"{slot:%B %-d, %Y, %H:%M}" if isinstance(slot, datetime) else f"{slot:%B %-d, %Y}"


def check_engagement(*, submission_date: date, slots: list[datetime | date]) -> Check:
    """Two or more business days 10–30 calendar days after submission (both ends included).

    Business days exclude weekends and US federal holidays, as in Rule 14d-1(g)(3).
    """
    rule, label = "14a-8(b)(1)(iii)", "Engagement"
    if submission_date > date.max - timedelta(days=ENGAGEMENT_LAST_DAY):
        return Check(rule, label, ERROR, f"Rule 14a-8(b)(1)(iii): the submission date {submission_date:%B %-d, %Y} "
                                         "leaves no engagement window in the calendar; give the real date.", {})
    first = submission_date + timedelta(days=ENGAGEMENT_FIRST_DAY)
    last = submission_date + timedelta(days=ENGAGEMENT_LAST_DAY)
    usable_days: set[date] = set()
    problems: list[str] = []
    for slot in slots:
        day = slot.date() if isinstance(slot, datetime) else slot
        reason = "outside the window" if not first <= day <= last else _not_a_business_day(day)
        if reason:
            problems.append(f"{_slot_label(slot)} ({reason})")
        else:
            usable_days.add(day)
    window = f"from {first:%B %-d, %Y} to {last:%B %-d, %Y} (10 to 30 calendar days after submission)"
    details = {"window": (first, last), "business_days": sorted(usable_days), "not_usable": problems}
    not_usable = f" Not usable: {'; '.join(problems)}." if problems else ""
    if len(usable_days) < 2:
        message = (
            f"Rule 14a-8(b)(1)(iii): offer meetings on at least two business days {window}; "
            f"{len(usable_days)} offered.{not_usable}"
        )
        return Check(rule, label, ERROR, message, details)
    message = f"Rule 14a-8(b)(1)(iii): {len(usable_days)} business days offered {window}."
    if problems:
        return Check(rule, label, WARNING, f"{message}{not_usable} Drop or move them.", details)
    return Check(rule, label, OK, message, details)


BUSINESS_HOURS_DEFAULT = ((9, 0), (17, 30))


def check_business_hours(*, slots: list[datetime], opens: tuple[int, int], closes: tuple[int, int],
                         zone: str = "office time") -> Check:
    """Rule 14a-8(b)(1)(iii): meeting times within the regular business hours of the principal
    executive offices (9:00 a.m. to 5:30 p.m. where the proxy statement does not disclose them), in
    that office's time zone: ``zone`` names it ("Central Time (America/Chicago)")."""
    rule, label = "14a-8(b)(1)(iii)", "Business hours"
    start, end = opens[0] * 60 + opens[1], closes[0] * 60 + closes[1]
    outside = [_slot_label(slot) for slot in slots
               if isinstance(slot, datetime) and not start <= slot.hour * 60 + slot.minute < end]
    hours = f"{opens[0]}:{opens[1]:02d} to {closes[0]}:{closes[1]:02d}"
    if outside:
        message = (f"Rule 14a-8(b)(1)(iii): meeting times must fall within the company's business hours "
                   f"({hours}, {zone}); outside them: {', '.join(outside)}.")
        return Check(rule, label, ERROR, message, {"outside": outside})
    return Check(rule, label, OK, f"Rule 14a-8(b)(1)(iii): every time offered is within {hours}, {zone}.",
                 {"outside": []})
