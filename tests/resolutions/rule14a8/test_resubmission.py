"""Rule 14a-8(i)(12): resubmissions."""
from decimal import Decimal

from resolutions.rule14a8 import resubmission_check


def test_no_prior_vote_is_info():
    check = resubmission_check(prior_votes=[], meeting_year=2026)
    assert check.rule == "14a-8(i)(12)"
    assert check.status == "info"
    assert check.message.startswith("Rule 14a-8(i)(12):")


def test_without_a_subject_the_check_cannot_tell_rather_than_report_no_vote():
    check = resubmission_check(prior_votes=[], meeting_year=2026, subject_known=False)
    assert check.status == "info"
    assert "cannot tell" in check.message and "no vote" not in check.message
    assert check.details["times_voted"] is None


def test_withdrawn_or_omitted_proposals_are_not_votes():
    assert resubmission_check(prior_votes=[(2025, None), (2024, None)], meeting_year=2026).status == "info"


def test_votes_older_than_five_years_are_ignored():
    assert resubmission_check(prior_votes=[(2020, 1.0)], meeting_year=2026).status == "info"


def test_voted_once_under_5_percent_is_excludable():
    check = resubmission_check(prior_votes=[(2025, 4.9)], meeting_year=2026)
    assert check.status == "warning"
    assert check.message == (
        "Rule 14a-8(i)(12): voted once since 2021; last vote 2025 got 4.9%, under the 5% needed after one vote: "
        "the company may exclude a resubmission until 2029 (meetings through 2028)."
    )
    assert check.details["excludable_until"] == 2029


def test_voted_once_at_exactly_5_percent_is_not_excludable():
    check = resubmission_check(prior_votes=[(2025, 5.0)], meeting_year=2026)
    assert check.status == "ok"
    assert check.message == "Rule 14a-8(i)(12): voted once since 2021; last vote 2025 got 5.0%, at the 5% threshold."


def test_voted_twice_under_15_percent_is_excludable():
    check = resubmission_check(prior_votes=[(2023, 20.0), (2025, 14.0)], meeting_year=2026)
    assert check.status == "warning"
    assert "voted twice since 2021" in check.message
    assert "under the 15% needed after two votes" in check.message


def test_voted_twice_at_16_percent_is_not_excludable():
    assert resubmission_check(prior_votes=[(2023, 20.0), (2025, 16.0)], meeting_year=2026).status == "ok"


def test_voted_three_times_under_25_percent_is_excludable_with_the_reason_spelled_out():
    check = resubmission_check(prior_votes=[(2021, 30.0), (2022, 20.0), (2024, 12.0)], meeting_year=2026)
    assert check.status == "warning"
    assert check.message == (
        "Rule 14a-8(i)(12): voted 3 times since 2021; last vote 2024 got 12.0%, under the 25% needed after "
        "three votes: the company may exclude a resubmission until 2028 (meetings through 2027)."
    )


def test_voted_three_times_above_25_percent_is_ok():
    check = resubmission_check(prior_votes=[(2021, 30.0), (2022, 20.0), (2024, 31.0)], meeting_year=2026)
    assert check.status == "ok"
    assert check.message.endswith("last vote 2024 got 31.0%, above the 25% threshold.")


def test_four_votes_use_the_three_or_more_threshold():
    check = resubmission_check(
        prior_votes=[(2021, 30.0), (2022, 26.0), (2023, 24.0), (2025, 24.0)], meeting_year=2026
    )
    assert "voted 4 times since 2021" in check.message
    assert "under the 25% needed after three or more votes" in check.message


def test_last_vote_more_than_three_calendar_years_ago_is_not_excludable():
    check = resubmission_check(prior_votes=[(2022, 1.0)], meeting_year=2026)
    assert check.status == "ok"
    assert "more than three calendar years" in check.message


def test_last_vote_exactly_three_calendar_years_ago_is_still_excludable():
    assert resubmission_check(prior_votes=[(2023, 1.0)], meeting_year=2026).status == "warning"


def test_a_vote_in_the_meeting_year_itself_is_not_a_preceding_vote():
    assert resubmission_check(prior_votes=[(2026, 1.0)], meeting_year=2026).status == "info"


def test_exclusion_ends_early_when_old_votes_leave_the_five_year_window():
    # 2027 looks back to 2022-2026: two votes, and 20% clears the 15% needed after two votes.
    check = resubmission_check(prior_votes=[(2021, 30.0), (2022, 20.0), (2024, 20.0)], meeting_year=2026)
    assert check.status == "warning"
    assert check.details["excludable_until"] == 2027


def test_percent_keeps_a_second_decimal_rather_than_round_onto_the_threshold():
    check = resubmission_check(prior_votes=[(2025, 4.96)], meeting_year=2026)
    assert "got 4.96%, under the 5%" in check.message


def test_a_precedents_support_as_stored_counts_as_the_same_vote():
    """``Precedent.prior_vote`` hands over the stored Decimal: it counts as its float would."""
    stored = resubmission_check(prior_votes=[(2024, Decimal("4.99"))], meeting_year=2026)
    assert stored.status == "warning"
    assert stored.details["last_vote_percent"] == 4.99
