"""Texas §21.373 thresholds."""

from decimal import Decimal

import pytest

from resolutions.rule14a8 import texas_may_opt_in, texas_threshold_check


def test_texas_rule_does_not_apply_unless_the_company_opted_in():
    check = texas_threshold_check(opted_in=False, group_value=None, group_percent=None, held_months=None)
    assert check.status == "info"
    assert "§21.373" in check.message
    assert "not applicable" in check.message


def test_a_group_holding_1_million_for_6_months_meets_the_texas_threshold():
    check = texas_threshold_check(
        opted_in=True, group_value=Decimal("1000000"), group_percent=Decimal("0.4"), held_months=6
    )
    assert check.status == "info"
    assert check.details["met"] is True
    assert "67% of the voting power" in check.message


def test_3_percent_meets_the_texas_threshold_when_it_is_the_lesser_amount():
    check = texas_threshold_check(
        opted_in=True, group_value=Decimal("600000"), group_percent=Decimal("3"), held_months=8
    )
    assert check.details["met"] is True


@pytest.mark.parametrize(
    ("value", "percent", "months"),
    [("999999", "2.9", 12), ("2000000", "5", 5)],
)
def test_too_little_or_too_short_fails_the_texas_threshold(value, percent, months):
    check = texas_threshold_check(
        opted_in=True, group_value=Decimal(value), group_percent=Decimal(percent), held_months=months
    )
    assert check.status == "warning"
    assert check.details["met"] is False
    assert "the lesser of $1,000,000 or 3% of the voting shares" in check.message


def test_texas_threshold_asks_for_missing_holdings():
    check = texas_threshold_check(opted_in=True, group_value=Decimal("500000"), group_percent=None, held_months=7)
    assert check.status == "warning"
    assert check.details["met"] is None
    assert "Record" in check.message


@pytest.mark.parametrize(
    ("incorporated", "office", "exchange", "eligible"),
    [
        ("Texas", "Texas", "NYSE", True),
        ("TX", "California", "TXSE", True),  # a Texas exchange stands in for the office
        ("Delaware", "Texas", "NYSE", False),  # headquartered in Texas is not enough
        ("Texas", "California", "Nasdaq", False),
        ("", "Texas", "NYSE", None),
        ("Texas", "", "", None),
        ("Texas", "Texas", "", None),  # nationally listed is part of the test
    ],
)
def test_who_may_opt_in_to_texas_thresholds(incorporated, office, exchange, eligible):
    assert texas_may_opt_in(state_of_incorporation=incorporated, principal_office_state=office,
                            exchange=exchange)[0] is eligible


def test_an_opt_in_the_company_record_contradicts_is_flagged_not_applied():
    check = texas_threshold_check(
        opted_in=True, group_value=Decimal("2000000"), group_percent=None, held_months=12,
        eligibility=texas_may_opt_in(state_of_incorporation="Delaware", principal_office_state="Texas",
                                     exchange="NYSE"),
    )
    assert check.status == "warning" and check.details == {"eligible": False}
    assert "incorporated in Delaware, not Texas" in check.message and "meets" not in check.message
