"""Rule 14a-8(b): ownership."""

from datetime import date
from decimal import Decimal

import pytest

from resolutions.rule14a8 import ownership_verdict


def test_exactly_2000_dollars_for_exactly_3_years_is_eligible():
    check = ownership_verdict(market_value=Decimal("2000"), held_since=date(2023, 1, 5), as_of=date(2026, 1, 5))
    assert check.rule == "14a-8(b)"
    assert check.status == "ok"
    assert check.message == "Rule 14a-8(b): eligible — $2,000 held for 3 years meets the $2,000 / 3-year threshold."


def test_one_day_short_of_3_years_is_not_eligible():
    check = ownership_verdict(market_value=Decimal("2000"), held_since=date(2024, 1, 5), as_of=date(2027, 1, 4))
    assert check.status == "error"
    assert check.message == (
        "Rule 14a-8(b): not eligible yet — $2,000 held for 2 years 364 days; "
        "$2,000 needs 3 years (eligible from January 5, 2027)."
    )
    assert check.details["eligible_from"] == date(2027, 1, 5)


def test_one_cent_under_2000_is_not_eligible_and_is_not_rounded_up():
    check = ownership_verdict(market_value=Decimal("1999.99"), held_since=date(2020, 1, 1), as_of=date(2026, 1, 5))
    assert check.status == "error"
    assert "$1,999.99" in check.message
    assert "the minimum is $2,000 held for 3 years" in check.message


@pytest.mark.parametrize(
    ("value", "held_since", "status"),
    [
        ("15000", date(2024, 1, 5), "ok"),
        ("14999", date(2024, 1, 5), "error"),
        ("15000", date(2024, 1, 6), "error"),
        ("25000", date(2025, 1, 5), "ok"),
        ("25000", date(2025, 1, 6), "error"),
        ("24999", date(2025, 1, 5), "error"),
    ],
)
def test_2_year_and_1_year_tiers_at_their_edges(value, held_since, status):
    check = ownership_verdict(market_value=Decimal(value), held_since=held_since, as_of=date(2026, 1, 5))
    assert check.status == status


def test_not_eligible_names_the_tier_reachable_soonest():
    check = ownership_verdict(market_value=Decimal("20000"), held_since=date(2025, 7, 1), as_of=date(2026, 1, 5))
    assert "$15,000 needs 2 years (eligible from July 1, 2027)" in check.message


def test_shares_held_since_leap_day_count_a_year_on_march_1():
    not_yet = ownership_verdict(market_value=Decimal("25000"), held_since=date(2024, 2, 29), as_of=date(2025, 2, 28))
    assert not_yet.status == "error"
    assert not_yet.details["eligible_from"] == date(2025, 3, 1)
    eligible = ownership_verdict(market_value=Decimal("25000"), held_since=date(2024, 2, 29), as_of=date(2025, 3, 1))
    assert eligible.status == "ok"


def test_submitting_on_leap_day_looks_back_to_feb_28():
    check = ownership_verdict(market_value=Decimal("2000"), held_since=date(2025, 2, 28), as_of=date(2028, 2, 29))
    assert check.status == "ok"
    late = ownership_verdict(market_value=Decimal("2000"), held_since=date(2025, 3, 1), as_of=date(2028, 2, 29))
    assert late.status == "error"


def test_shares_bought_after_submission_are_not_eligible():
    check = ownership_verdict(market_value=Decimal("30000"), held_since=date(2026, 2, 1), as_of=date(2026, 1, 5))
    assert check.status == "error"
