"""Rule 14a-8(b)(1)(iii): engagement availability."""

from datetime import date, datetime

from resolutions.rule14a8 import check_engagement

# Submitted on a Monday, so every window edge is a weekday:
# day 9 = Wed 03-11, day 10 = Thu 03-12, day 30 = Wed 04-01, day 31 = Thu 04-02.
SUBMITTED = date(2026, 3, 2)


def test_day_10_and_day_30_are_inside_the_window():
    check = check_engagement(submission_date=SUBMITTED, slots=[date(2026, 3, 12), date(2026, 4, 1)])
    assert check.rule == "14a-8(b)(1)(iii)"
    assert check.status == "ok"
    assert check.message.startswith("Rule 14a-8(b)(1)(iii): 2 business days offered from March 12, 2026 to April 1, 2026")


def test_day_9_and_day_31_are_outside_the_window():
    check = check_engagement(submission_date=SUBMITTED, slots=[date(2026, 3, 11), date(2026, 4, 2)])
    assert check.status == "error"
    assert "0 offered" in check.message
    assert "March 11, 2026 (outside the window)" in check.message
    assert "April 2, 2026 (outside the window)" in check.message


def test_a_weekend_slot_is_rejected_and_named():
    check = check_engagement(submission_date=SUBMITTED, slots=[date(2026, 3, 12), date(2026, 3, 14)])
    assert check.status == "error"
    assert "March 14, 2026 (Saturday)" in check.message


def test_two_slots_on_the_same_day_are_one_business_day():
    slots = [datetime(2026, 3, 12, 10, 0), datetime(2026, 3, 12, 15, 0)]
    check = check_engagement(submission_date=SUBMITTED, slots=slots)
    assert check.status == "error"
    assert "1 offered" in check.message


def test_extra_unusable_slots_are_a_warning_when_two_business_days_remain():
    slots = [datetime(2026, 3, 12, 10, 0), date(2026, 3, 13), datetime(2026, 3, 15, 9, 30)]
    check = check_engagement(submission_date=SUBMITTED, slots=slots)
    assert check.status == "warning"
    assert "March 15, 2026, 09:30 (Sunday)" in check.message


def test_a_federal_holiday_is_not_a_business_day():
    check = check_engagement(
        submission_date=date(2026, 11, 10), slots=[date(2026, 11, 26), date(2026, 11, 30)]
    )
    assert check.status == "error"
    assert "November 26, 2026 (Thanksgiving Day)" in check.message


def test_new_years_day_on_a_saturday_is_observed_on_the_friday_before():
    check = check_engagement(
        submission_date=date(2027, 12, 10), slots=[date(2027, 12, 31), date(2028, 1, 3)]
    )
    assert "December 31, 2027 (New Year's Day (observed))" in check.message


def test_juneteenth_observed_on_the_friday_is_not_a_business_day():
    check = check_engagement(submission_date=date(2027, 6, 4), slots=[date(2027, 6, 18), date(2027, 6, 21)])
    assert "June 18, 2027 (Juneteenth National Independence Day (observed))" in check.message


def test_no_slots_is_an_error():
    assert check_engagement(submission_date=SUBMITTED, slots=[]).status == "error"
