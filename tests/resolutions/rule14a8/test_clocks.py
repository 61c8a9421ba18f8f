"""The filing record's clocks: each from what happened, each message citing its paragraph."""
from datetime import date

from resolutions import rule14a8


def test_the_cure_is_due_14_calendar_days_after_the_notice_was_received():
    assert rule14a8.cure_due(date(2026, 11, 27)) == date(2026, 12, 11)
    check = rule14a8.check_cure(notice_received_on=date(2026, 11, 27), cure_sent_on=None, today=date(2026, 12, 2))
    assert check.message.startswith("Rule 14a-8(f)(1): send the response by December 11, 2026 (9 days left)")


def test_a_cure_dated_before_its_notice_is_an_error_and_a_late_one_is_flagged():
    before = rule14a8.check_cure(notice_received_on=date(2026, 11, 27), cure_sent_on=date(2026, 11, 26),
                                 today=date(2026, 12, 2))
    late = rule14a8.check_cure(notice_received_on=date(2026, 11, 27), cure_sent_on=date(2026, 12, 12),
                               today=date(2026, 12, 20))
    assert before.status == rule14a8.ERROR and "before the notice it answers" in before.message
    assert late.status == rule14a8.WARNING and late.details["late"]


def test_a_deficiency_notice_after_14_days_is_late_and_one_before_submission_is_an_error():
    submitted = date(2026, 11, 16)
    on_time = rule14a8.check_deficiency_notice(proposal_received_on=submitted, sent_on=date(2026, 11, 30),
                                               received_on=date(2026, 11, 30))
    late = rule14a8.check_deficiency_notice(proposal_received_on=submitted, sent_on=date(2026, 12, 1),
                                            received_on=date(2026, 12, 1))
    before = rule14a8.check_deficiency_notice(proposal_received_on=submitted, sent_on=date(2026, 11, 15),
                                              received_on=date(2026, 11, 20))
    assert (on_time.status, on_time.details["late"]) == (rule14a8.OK, False)
    assert late.status == rule14a8.WARNING and late.details["late"]
    assert "15 days after receiving the proposal" in late.message and late.message.startswith("Rule 14a-8(f)(1)")
    assert before.status == rule14a8.ERROR and "before the proposal was submitted" in before.message


def test_the_proxy_date_is_an_estimate_from_last_year_until_it_is_filed():
    estimate = rule14a8.proxy_date(filed_on=None, prior_proxy_date=date(2026, 3, 20))
    filed = rule14a8.proxy_date(filed_on=date(2027, 3, 25), prior_proxy_date=date(2026, 3, 20))
    assert (estimate.date, estimate.estimated) == (date(2027, 3, 20), True)
    assert (filed.date, filed.estimated) == (date(2027, 3, 25), False)
    assert rule14a8.exclusion_notice_due(estimate.date) == date(2026, 12, 30)  # 80 calendar days before
    assert rule14a8.opposition_due(estimate.date) == date(2027, 2, 18)  # 30 calendar days before


def test_a_late_j_notice_and_a_late_opposition_statement_are_flagged_with_their_paragraph():
    proxy = rule14a8.proxy_date(filed_on=None, prior_proxy_date=date(2026, 3, 20))
    j = rule14a8.check_exclusion_notice(sent_on=date(2027, 1, 4), proposal_received_on=date(2026, 11, 16),
                                        proxy=proxy)
    m = rule14a8.check_opposition(received_on=date(2027, 3, 1), proposal_received_on=date(2026, 11, 16), proxy=proxy)
    assert j.status == rule14a8.WARNING and j.details["late"] and j.message.startswith("Rule 14a-8(j): late")
    assert "the estimated definitive proxy date" in j.message
    assert m.status == rule14a8.WARNING and m.message.startswith("Rule 14a-8(m)(3): the company's breach")


def test_a_j_notice_or_opposition_statement_dated_before_the_submission_is_a_date_error_under_its_paragraph():
    proxy = rule14a8.proxy_date(filed_on=None, prior_proxy_date=date(2026, 3, 20))
    j = rule14a8.check_exclusion_notice(sent_on=date(2026, 11, 2), proposal_received_on=date(2026, 11, 16),
                                        proxy=proxy)
    m = rule14a8.check_opposition(received_on=date(2026, 11, 3), proposal_received_on=date(2026, 11, 16), proxy=proxy)
    assert (j.status, j.rule, m.status, m.rule) == (rule14a8.ERROR, "14a-8(j)", rule14a8.ERROR, "14a-8(m)(3)")
    assert j.message == ("Rule 14a-8(j): the notice is dated November 2, 2026, before the proposal was submitted "
                         "(November 16, 2026); check the date.")
    assert m.message == ("Rule 14a-8(m)(3): received November 3, 2026, before the proposal was submitted "
                         "(November 16, 2026); check the date.")


def test_support_is_for_over_for_plus_against_and_more_votes_than_shares_is_refused():
    assert rule14a8.vote_support(votes_for=300, votes_against=700) == 30
    assert rule14a8.vote_support(votes_for=1, votes_against=2) == rule14a8.vote_support(votes_for=2, votes_against=4)
    message = rule14a8.describe_vote(votes_for=300, votes_against=700).message
    assert message.startswith("Rule 14a-8(i)(12): 30.0% support") and "abstentions and broker non-votes" in message
    assert rule14a8.vote_problems(votes_for=300, votes_against=700, abstentions=50, broker_non_votes=0,
                                  shares_outstanding=1_000) == [
        "1,050 shares voted for, against, abstained or broker non-votes, but only 1,000 shares outstanding: "
        "check the figures."]
    assert rule14a8.vote_problems(votes_for=300, votes_against=700, abstentions=0, broker_non_votes=0,
                                  shares_outstanding=1_000) == []


def test_reminders_fall_due_from_their_day_until_the_deadline_and_never_for_a_done_clock():
    clock = rule14a8.Clock("cure-1", "last day for the response", "14a-8(f)(1)", date(2026, 12, 11))
    assert rule14a8.reminders_due(clock, today=date(2026, 12, 3), offsets=(7, 1)) == []
    assert rule14a8.reminders_due(clock, today=date(2026, 12, 4), offsets=(7, 1)) == [7]
    assert rule14a8.reminders_due(clock, today=date(2026, 12, 10), offsets=(7, 1)) == [1, 7]
    assert rule14a8.reminders_due(clock, today=date(2026, 12, 12), offsets=(7, 1)) == []
    done = rule14a8.Clock("cure-1", "x", "14a-8(f)(1)", date(2026, 12, 11), done=True)
    assert rule14a8.reminders_due(done, today=date(2026, 12, 10), offsets=(7, 1)) == []
