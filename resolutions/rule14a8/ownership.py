"""Rule 14a-8(b): how much stock, held for how long."""
from datetime import date, timedelta
from decimal import Decimal

from .common import Check, ERROR, OK, dollars, plural, same_day_in_year


OWNERSHIP_TIERS = ((Decimal(2000), 3), (Decimal(15000), 2), (Decimal(25000), 1))


def _years_before(day: date, years: int) -> date:
    return same_day_in_year(day, day.year - years)


def _held_for_years(held_since: date, as_of: date, years: int) -> bool:
    """Held since on or before the same calendar date `years` before `as_of`."""
    return held_since <= _years_before(as_of, years)


def _eligible_from(held_since: date, years: int) -> date:
    """First `as_of` date on which `held_since` counts as `years` years (Feb 29 → Mar 1)."""
    candidate = same_day_in_year(held_since, held_since.year + years)
    return candidate if _held_for_years(held_since, candidate, years) else candidate + timedelta(days=1)


def _holding_period(held_since: date, as_of: date) -> str:
    """'2 years 364 days', '3 years', '45 days'."""
    years = as_of.year - held_since.year
    if not _held_for_years(held_since, as_of, years):
        years -= 1
    days = (as_of - same_day_in_year(held_since, held_since.year + years)).days
    parts = [plural(years, "year")] if years else []
    if days or not years:
        parts.append(plural(days, "day"))
    return " ".join(parts)


def ownership_verdict(*, market_value: Decimal, held_since: date, as_of: date) -> Check:
    """Rule 14a-8(b)(1)(i): $2,000 for 3 years, $15,000 for 2 years or $25,000 for 1 year.

    `market_value` is the proponent's own holding (holdings may not be added
    together), valued as the SEC describes: shares times the highest selling
    price in the 60 calendar days before submission. `as_of` is the submission date.
    """
    rule, label = "14a-8(b)", "Ownership"
    value = dollars(market_value)
    details = {"market_value": market_value, "held_since": held_since, "as_of": as_of}
    if held_since > as_of:
        message = (
            f"Rule 14a-8(b): not eligible — held since {held_since.isoformat()}, "
            f"after the submission date {as_of.isoformat()}."
        )
        return Check(rule, label, ERROR, message, details)
    held = f"{value} held for {_holding_period(held_since, as_of)}"
    affordable = [(amount, years) for amount, years in OWNERSHIP_TIERS if market_value >= amount]
    for amount, years in affordable:
        if _held_for_years(held_since, as_of, years):
            message = f"Rule 14a-8(b): eligible — {held} meets the {dollars(amount)} / {years}-year threshold."
            return Check(rule, label, OK, message, {**details, "eligible_from": _eligible_from(held_since, years)})
    if not affordable:
        message = f"Rule 14a-8(b): not eligible — {held}; the minimum is $2,000 held for 3 years."
        return Check(rule, label, ERROR, message, {**details, "eligible_from": None})
    amount, years = min(affordable, key=lambda tier: _eligible_from(held_since, tier[1]))
    eligible_from = _eligible_from(held_since, years)
    message = (
        f"Rule 14a-8(b): not eligible yet — {held}; {dollars(amount)} needs {plural(years, 'year')} "
        f"(eligible from {eligible_from.isoformat()})."
    )
    return Check(rule, label, ERROR, message, {**details, "eligible_from": eligible_from})
