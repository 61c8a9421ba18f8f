"""Rule 14a-8(f)(1): a company that finds a procedural defect says so within 14 calendar days of
receiving the proposal; the proponent's answer is sent within 14 calendar days of receiving the notice."""
from datetime import date, timedelta

from .common import Check, ERROR, OK, WARNING, dated_before_submission, plural

NOTICE_DAYS = 14
CURE_DAYS = 14


def deficiency_notice_due(proposal_received_on: date) -> date:
    return proposal_received_on + timedelta(days=NOTICE_DAYS)


def cure_due(notice_received_on: date) -> date:
    return notice_received_on + timedelta(days=CURE_DAYS)


def check_deficiency_notice(*, proposal_received_on: date, sent_on: date, received_on: date) -> Check:
    """A notice dated before the proposal was received, or received before it was sent, is an error in the dates;
    a notice sent after the 14 days is late: recorded and flagged, never refused."""
    rule, label = "14a-8(f)(1)", "Deficiency notice"
    if sent_on < proposal_received_on:
        return dated_before_submission(rule, label, f"the notice is dated {sent_on:%B %-d, %Y}", proposal_received_on,
                                       advice="check the date on the company's notice")
    if received_on < sent_on:
        return Check(rule, label, ERROR,
                     f"Rule 14a-8(f)(1): the notice cannot be received ({received_on:%B %-d, %Y}) before the company "
                     f"sent it ({sent_on:%B %-d, %Y}).")
    days = (sent_on - proposal_received_on).days
    if days > NOTICE_DAYS:
        return Check(rule, label, WARNING,
                     f"Rule 14a-8(f)(1): late: the company sent its notice {plural(days, 'day')} after receiving the "
                     f"proposal, later than the {NOTICE_DAYS} calendar days the rule allows "
                     f"(by {deficiency_notice_due(proposal_received_on):%B %-d, %Y}).", {"late": True})
    return Check(rule, label, OK,
                 f"Rule 14a-8(f)(1): sent within {NOTICE_DAYS} calendar days of receiving the proposal "
                 f"({plural(days, 'day')}).", {"late": False})


def check_cure(*, notice_received_on: date, cure_sent_on: date | None, today: date) -> Check:
    """The proponent's answer: due 14 calendar days after it received the notice."""
    rule, label = "14a-8(f)(1)", "Cure"
    due = cure_due(notice_received_on)
    details = {"due": due}
    if cure_sent_on is None:
        left = (due - today).days
        if left < 0:
            return Check(rule, label, ERROR,
                         f"Rule 14a-8(f)(1): the response was due {due:%B %-d, %Y}, {plural(-left, 'day')} ago; "
                         "none is recorded.", details)
        status = WARNING if left <= 3 else OK
        return Check(rule, label, status,
                     f"Rule 14a-8(f)(1): send the response by {due:%B %-d, %Y} ({plural(left, 'day')} left): "
                     f"{CURE_DAYS} calendar days after the notice was received.", details)
    if cure_sent_on < notice_received_on:
        return Check(rule, label, ERROR,
                     f"Rule 14a-8(f)(1): the response is dated {cure_sent_on:%B %-d, %Y}, before the notice it answers "
                     f"was received ({notice_received_on:%B %-d, %Y}); check the date.", details)
    if cure_sent_on > due:
        return Check(rule, label, WARNING,
                     f"Rule 14a-8(f)(1): the response went on {cure_sent_on:%B %-d, %Y}, after the {due:%B %-d, %Y} "
                     "deadline: the company may exclude the proposal for this defect.", {**details, "late": True})
    return Check(rule, label, OK,
                 f"Rule 14a-8(f)(1): response sent {cure_sent_on:%B %-d, %Y}, within the {CURE_DAYS} days "
                 f"(due {due:%B %-d, %Y}).", details)
