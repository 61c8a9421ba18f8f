"""Rule 14a-8(b): how much stock, held for how long, valued as SLB 14 C.1.a says, and proved by the record holder."""
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from .common import Check, ERROR, OK, dollars, plural


OWNERSHIP_TIERS = ((Decimal(2000), 3), (Decimal(15000), 2), (Decimal(25000), 1))


def _years_before(day: date, years: int) -> date:
    return day - relativedelta(years=years)  # Feb 29 → Feb 28


def _held_for_years(held_since: date, as_of: date, years: int) -> bool:
    """Held since on or before the same calendar date `years` before `as_of`."""
    return held_since <= _years_before(as_of, years)


def _eligible_from(held_since: date, years: int) -> date:
    """First `as_of` date on which `held_since` counts as `years` years (Feb 29 → Mar 1)."""
    candidate = held_since + relativedelta(years=years)
    return candidate if _held_for_years(held_since, candidate, years) else candidate + timedelta(days=1)


def _holding_period(held_since: date, as_of: date) -> str:
    """'2 years 364 days', '3 years', '45 days'."""
    years = as_of.year - held_since.year
    if not _held_for_years(held_since, as_of, years):
        years -= 1
    days = (as_of - (held_since + relativedelta(years=years))).days
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
            f"Rule 14a-8(b): not eligible — held since {held_since:%B %-d, %Y}, "
            f"after the submission date {as_of:%B %-d, %Y}."
        )
        return Check(rule, label, ERROR, message, details)
    held = f"{value} held for {_holding_period(held_since, as_of)}"
    affordable = [(amount, years) for amount, years in OWNERSHIP_TIERS if market_value >= amount]
    for amount, years in affordable:
        if _held_for_years(held_since, as_of, years):
            message = f"Rule 14a-8(b): eligible — {held} meets the {dollars(amount)} / {years}-year threshold."
            return Check(rule, label, OK, message, {**details, "eligible_from": _eligible_from(held_since, years),
                                                    "tier": (amount, years)})
    if not affordable:
        message = f"Rule 14a-8(b): not eligible — {held}; the minimum is $2,000 held for 3 years."
        return Check(rule, label, ERROR, message, {**details, "eligible_from": None})
    amount, years = min(affordable, key=lambda tier: _eligible_from(held_since, tier[1]))
    eligible_from = _eligible_from(held_since, years)
    message = (
        f"Rule 14a-8(b): not eligible yet — {held}; {dollars(amount)} needs {plural(years, 'year')} "
        f"(eligible from {eligible_from:%B %-d, %Y})."
    )
    return Check(rule, label, ERROR, message, {**details, "eligible_from": eligible_from})


VALUATION_DAYS = 60
PRICE_BID_ASK = "bid_ask"
PRICE_HIGHEST_SALE = "highest_sale"
PRICE_BASES = {
    PRICE_BID_ASK: "the average of the bid and ask prices on that day",
    PRICE_HIGHEST_SALE: "the highest selling price during the 60 calendar days before submission "
                        "(where bid and ask prices are not available)",
}


def check_valuation(*, valuation_date: date, submission_date: date, shares: int, price: Decimal,
                    basis: str) -> Check:
    """SLB 14 C.1.a: the holding's value on any day within the 60 calendar days before submission.

    The value is ``shares`` times ``price`` (the bid/ask average, or the highest selling
    price in the window where bid and ask are not available).
    """
    rule, label = "SLB 14 C.1.a", "Valuation"
    first = submission_date - timedelta(days=VALUATION_DAYS)
    value = Decimal(shares) * price
    details = {"value": value, "window": (first, submission_date - timedelta(days=1))}
    if not first <= valuation_date < submission_date:
        message = (f"SLB 14 C.1.a: value the shares on a day within the {VALUATION_DAYS} calendar days before "
                   f"submission (from {first:%B %-d, %Y} to {(submission_date - timedelta(days=1)):%B %-d, %Y}); "
                   f"{valuation_date:%B %-d, %Y} is outside it.")
        return Check(rule, label, ERROR, message, details)
    message = (f"SLB 14 C.1.a: {shares:,} shares at {dollars(price)} ({PRICE_BASES[basis]}) on "
               f"{valuation_date:%B %-d, %Y} are worth {dollars(value)}.")
    return Check(rule, label, OK, message, details)


def required_holding_start(*, market_value: Decimal, submission_date: date) -> date | None:
    """The earliest day a proof must reach back to: the shortest holding period the value allows."""
    years = [years for amount, years in OWNERSHIP_TIERS if market_value >= amount]
    return _years_before(submission_date, min(years)) if years else None


def check_proof_period(*, period_start: date, period_end: date, held_since_needed: date | None,
                       submission_date: date) -> Check:
    """Rule 14a-8(b)(2)(ii): the record holder's letter covers the required period up to and
    including the date of submission."""
    rule, label = "14a-8(b)(2)(ii)", "Proof of ownership"
    details = {"period": (period_start, period_end)}
    if period_end < submission_date:
        message = (f"Rule 14a-8(b)(2)(ii): this letter covers {period_start:%B %-d, %Y} to {period_end:%B %-d, %Y}, "
                   f"which does not cover the period up to the submission date {submission_date:%B %-d, %Y}. "
                   "Ask the record holder for a letter dated on or after the day you submit.")
        return Check(rule, label, ERROR, message, details)
    if held_since_needed and period_start > held_since_needed:
        message = (f"Rule 14a-8(b)(2)(ii): this letter starts on {period_start:%B %-d, %Y}, later than "
                   f"{held_since_needed:%B %-d, %Y}, the start of the holding period the threshold needs.")
        return Check(rule, label, ERROR, message, details)
    message = (f"Rule 14a-8(b)(2)(ii): the letter covers {period_start:%B %-d, %Y} to {period_end:%B %-d, %Y}, "
               "up to and including the submission date.")
    return Check(rule, label, OK, message, details)
