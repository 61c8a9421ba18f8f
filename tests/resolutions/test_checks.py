"""Rule 14a-8 checks, as specified in /work/shared/14a-8.md."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolutions.checks import (
    Check,
    Deadline,
    WordCount,
    check_deadline,
    check_engagement,
    check_length,
    check_one_proposal,
    check_precatory,
    check_resolved_present,
    check_stale_evidence,
    check_whereas_cited,
    count_words,
    filing_deadline,
    ownership_verdict,
    resubmission_check,
    texas_threshold_check,
    word_count_by_part,
)

# --- 14a-8(d) word counting ----------------------------------------------------


def test_plain_words_are_counted():
    assert count_words("Shareholders request the Board report") == 5


def test_empty_and_blank_text_has_no_words():
    assert count_words("") == 0
    assert count_words("  \n\t ") == 0


def test_a_url_counts_as_one_word():
    assert count_words("See https://www.sec.gov/rules-regulations/2020/09/33-10884 for details") == 4


def test_a_www_address_counts_as_one_word():
    assert count_words("Source: www.example.org/report-2025.pdf.") == 2


def test_a_url_in_parentheses_is_one_word():
    assert count_words("(https://example.org/a--b)") == 1


def test_a_url_followed_by_an_em_dash_is_one_word_and_the_next_word_counts():
    assert count_words("https://example.org/report—see page 4") == 4


def test_a_hyphenated_word_is_one_word():
    assert count_words("long-term value") == 2


@pytest.mark.parametrize("number", ["1,600", "$35", "3.5%", "$1,000,000", "(2025)"])
def test_a_number_is_one_word(number):
    assert count_words(f"about {number} tonnes") == 3


def test_an_em_dash_without_spaces_separates_words():
    assert count_words("risk—and opportunity") == 3


def test_an_em_dash_with_spaces_is_not_a_word():
    assert count_words("risk — and opportunity") == 3


def test_an_en_dash_separates_words():
    assert count_words("2024–2025 season") == 3


def test_a_double_hyphen_is_a_dash_not_a_word():
    assert count_words("risk--and opportunity") == 3


def test_bullet_markers_are_not_words():
    assert count_words("- first point\n- second point\n• third point") == 6


def test_html_tags_are_not_words():
    assert count_words("<p>The <b>Board</b> should <i>report</i>.</p>") == 4


def test_inline_tags_do_not_split_a_word():
    assert count_words("co<b>operation</b>") == 1


def test_block_tags_separate_words():
    assert count_words("<p>first</p><p>second</p>") == 2
    assert count_words("first<br>second") == 2
    assert count_words("<ul><li>one</li><li>two</li></ul>") == 2


def test_a_link_counts_only_its_text_not_its_href():
    assert count_words('<a href="https://example.org/a/very/long-path">the 2025 report</a>') == 3


def test_a_link_whose_text_is_the_url_counts_as_one_word():
    assert count_words('<a href="https://example.org">https://example.org</a>') == 1


def test_html_entities_are_decoded():
    assert count_words("Environmental&nbsp;impact&mdash;and&#8212;risk &amp; return") == 6


def test_a_standalone_ampersand_counts_as_a_word():
    assert count_words("Health & Safety") == 3


def test_an_escaped_tag_is_text_not_markup():
    assert count_words("&lt;b&gt;") == 1


_TEXT_WITHOUT_TAGS = st.text(alphabet=st.characters(blacklist_characters="<"))


@given(st.text())
def test_count_words_never_raises_and_is_never_negative(text):
    assert count_words(text) >= 0


@given(_TEXT_WITHOUT_TAGS, _TEXT_WITHOUT_TAGS)
def test_word_counts_add_up_across_a_space(first, second):
    assert count_words(f"{first} {second}") == count_words(first) + count_words(second)


def _words(count: int) -> str:
    return " ".join(["word"] * count)


def test_word_count_by_part_counts_every_part_in_the_strict_total():
    count = word_count_by_part(
        title="Report on Water Risk",
        resolved=["Shareholders request a report."],
        whereas=["Water is scarce.", "Droughts cost $35 million."],
        supporting=["<p>We urge a vote FOR.</p>"],
        footnotes=["https://example.org/report"],
    )
    assert count == WordCount(title=4, resolved=4, whereas=7, supporting=5, footnotes=1)
    assert count.total == 21


def test_over_500_words_is_an_error_citing_14a_8_d():
    check = check_length(WordCount(title=12, resolved=100, whereas=200, supporting=150, footnotes=50))
    assert check.rule == "14a-8(d)"
    assert check.label == "Length"
    assert check.status == "error"
    assert check.message == "Rule 14a-8(d): 512 of 500 words."
    assert check.details == {
        "title": 12, "resolved": 100, "whereas": 200, "supporting": 150, "footnotes": 50, "total": 512, "limit": 500,
    }


@pytest.mark.parametrize(
    ("total", "status"), [(501, "error"), (500, "warning"), (475, "warning"), (474, "ok"), (0, "ok")]
)
def test_length_thresholds(total, status):
    check = check_length(WordCount(title=0, resolved=total, whereas=0, supporting=0, footnotes=0))
    assert check.status == status
    assert check.message == f"Rule 14a-8(d): {total} of 500 words."


def test_footnotes_alone_can_push_a_proposal_over_the_limit():
    count = word_count_by_part(title="", resolved=[_words(490)], whereas=[], supporting=[], footnotes=[_words(11)])
    assert check_length(count).status == "error"


# --- 14a-8(e) deadline ---------------------------------------------------------


def test_deadline_is_120_days_before_the_anniversary_of_last_years_proxy():
    deadline = filing_deadline(stated_deadline=None, prior_proxy_date=date(2001, 4, 14))
    assert deadline.date == date(2001, 12, 15)  # the SEC's own example (SLB 14)
    assert deadline.basis == "120 calendar days before the anniversary of last year's proxy statement (2001-04-14)"


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
    assert check.message == "Rule 14a-8(e): due 2026-12-01, 6 days left."
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
    assert check.message == f"Rule 14a-8(e): due 2026-12-01, {ending}"


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


# --- The RESOLVED clause ----------------------------------------------------------


def test_a_missing_resolved_clause_is_an_error():
    for resolved in ([], [""], ["  ", "<p></p>"]):
        check = check_resolved_present(resolved)
        assert check.status == "error"
        assert check.message.startswith("Rule 14a-8(a):")


def test_a_resolved_clause_is_ok():
    assert check_resolved_present(["Shareholders request a report."]).status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Shareholders request that the Board issue a report.",
        "Shareholders <b>recommend</b> that the Board adopt a policy.",
        "Shareholders urge the Board to disclose its lobbying.",
        "Shareholders ask the Board to report.",
    ],
)
def test_request_recommend_or_urge_is_precatory(text):
    assert check_precatory([text]).status == "ok"


def test_binding_wording_is_a_warning_citing_i_1_and_state_law():
    check = check_precatory(["The bylaws are amended to require an independent chair."])
    assert check.rule == "14a-8(i)(1)"
    assert check.status == "warning"
    assert check.message.startswith("Rule 14a-8(i)(1):")
    assert "state law" in check.message
    assert "2025–26" in check.message
    assert "Shareholders request" in check.message


def test_precatory_check_waits_for_a_resolved_clause():
    assert check_precatory([]).status == "info"


# --- Sources ---------------------------------------------------------------------


def test_recitals_that_cite_nothing_are_listed_one_based():
    check = check_whereas_cited([2, 0, 1, 0])
    assert check.status == "warning"
    assert check.message.startswith("Rule 14a-8(i)(3): WHEREAS recitals 2 and 4 cite no source")
    assert check.details == {"uncited": [2, 4]}


def test_a_single_uncited_recital():
    assert "WHEREAS recital 1 cites no source" in check_whereas_cited([0, 3]).message


def test_all_recitals_cited_is_ok():
    assert check_whereas_cited([1, 2]).status == "ok"
    assert check_whereas_cited([]).status == "ok"


def test_stale_evidence_is_a_warning():
    check = check_stale_evidence(2)
    assert check.status == "warning"
    assert check.message.startswith("Rule 14a-8(i)(3): 2 cited sources are stale")
    assert "1 cited source is stale" in check_stale_evidence(1).message


def test_no_stale_evidence_is_ok():
    assert check_stale_evidence(0).status == "ok"


# --- 14a-8(c) one proposal ------------------------------------------------------------


def test_another_proposal_from_the_same_organization_is_an_error():
    check = check_one_proposal(["Report on Lobbying"])
    assert check.rule == "14a-8(c)"
    assert check.status == "error"
    assert check.message.startswith(
        "Rule 14a-8(c): your organization already has a proposal for this company's meeting: “Report on Lobbying”."
    )
    assert check.details == {"other_proposals": ["Report on Lobbying"]}


def test_a_single_proposal_is_ok():
    assert check_one_proposal([]).status == "ok"


# --- 14a-8(i)(12) resubmissions --------------------------------------------------------


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


# --- 14a-8(b) ownership -----------------------------------------------------------------


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
        "$2,000 needs 3 years (eligible from 2027-01-05)."
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
    assert "$15,000 needs 2 years (eligible from 2027-07-01)" in check.message


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


# --- 14a-8(b)(1)(iii) engagement ------------------------------------------------------------

# Submitted on a Monday, so every window edge is a weekday:
# day 9 = Wed 03-11, day 10 = Thu 03-12, day 30 = Wed 04-01, day 31 = Thu 04-02.
SUBMITTED = date(2026, 3, 2)


def test_day_10_and_day_30_are_inside_the_window():
    check = check_engagement(submission_date=SUBMITTED, slots=[date(2026, 3, 12), date(2026, 4, 1)])
    assert check.rule == "14a-8(b)(1)(iii)"
    assert check.status == "ok"
    assert check.message.startswith("Rule 14a-8(b)(1)(iii): 2 business days offered from 2026-03-12 to 2026-04-01")


def test_day_9_and_day_31_are_outside_the_window():
    check = check_engagement(submission_date=SUBMITTED, slots=[date(2026, 3, 11), date(2026, 4, 2)])
    assert check.status == "error"
    assert "0 offered" in check.message
    assert "2026-03-11 (outside the window)" in check.message
    assert "2026-04-02 (outside the window)" in check.message


def test_a_weekend_slot_is_rejected_and_named():
    check = check_engagement(submission_date=SUBMITTED, slots=[date(2026, 3, 12), date(2026, 3, 14)])
    assert check.status == "error"
    assert "2026-03-14 (Saturday)" in check.message


def test_two_slots_on_the_same_day_are_one_business_day():
    slots = [datetime(2026, 3, 12, 10, 0), datetime(2026, 3, 12, 15, 0)]
    check = check_engagement(submission_date=SUBMITTED, slots=slots)
    assert check.status == "error"
    assert "1 offered" in check.message


def test_extra_unusable_slots_are_a_warning_when_two_business_days_remain():
    slots = [datetime(2026, 3, 12, 10, 0), date(2026, 3, 13), datetime(2026, 3, 15, 9, 30)]
    check = check_engagement(submission_date=SUBMITTED, slots=slots)
    assert check.status == "warning"
    assert "2026-03-15 09:30 (Sunday)" in check.message


def test_a_federal_holiday_is_not_a_business_day():
    check = check_engagement(
        submission_date=date(2026, 11, 10), slots=[date(2026, 11, 26), date(2026, 11, 30)]
    )
    assert check.status == "error"
    assert "2026-11-26 (Thanksgiving Day)" in check.message


def test_new_years_day_on_a_saturday_is_observed_on_the_friday_before():
    check = check_engagement(
        submission_date=date(2027, 12, 10), slots=[date(2027, 12, 31), date(2028, 1, 3)]
    )
    assert "2027-12-31 (New Year's Day)" in check.message


def test_no_slots_is_an_error():
    assert check_engagement(submission_date=SUBMITTED, slots=[]).status == "error"


# --- Texas §21.373 ---------------------------------------------------------------------------


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


# --- Shape shared by every check ----------------------------------------------------------------


def test_every_check_cites_its_rule_and_uses_a_known_status():
    checks = [
        check_length(word_count_by_part(title="T", resolved=["R"], whereas=[], supporting=[], footnotes=[])),
        check_deadline(Deadline(None, "unknown"), today=date(2026, 1, 1)),
        check_resolved_present([]),
        check_precatory(["Shareholders request"]),
        check_whereas_cited([0]),
        check_stale_evidence(1),
        check_one_proposal([]),
        resubmission_check(prior_votes=[(2025, 50.0)], meeting_year=2026),
        ownership_verdict(market_value=Decimal("2000"), held_since=date(2020, 1, 1), as_of=date(2026, 1, 1)),
        check_engagement(submission_date=SUBMITTED, slots=[]),
    ]
    for check in checks:
        assert isinstance(check, Check)
        assert check.status in {"ok", "warning", "error", "info"}
        assert check.message.startswith(f"Rule {check.rule}:")
