"""Rule 14a-8(j): a company that intends to exclude a proposal files its reasons with the SEC (and sends
them to the proponent) at least 80 calendar days before it files its definitive proxy statement;
and (m)(3): its statement in opposition reaches the proponent at least 30 calendar days before that filing."""
from datetime import date, timedelta

from .common import Check, OK, WARNING, dated_before_submission, plural
from .meeting import KnownDate

EXCLUSION_NOTICE_DAYS = 80
OPPOSITION_DAYS = 30


def exclusion_notice_due(proxy_on: date) -> date:
    return proxy_on - timedelta(days=EXCLUSION_NOTICE_DAYS)


def opposition_due(proxy_on: date) -> date:
    return proxy_on - timedelta(days=OPPOSITION_DAYS)


def _against(proxy: KnownDate) -> str:
    return "the estimated" if proxy.estimated else "the"


def check_exclusion_notice(*, sent_on: date, proposal_received_on: date, proxy: KnownDate) -> Check:
    """Late notices are recorded and flagged, never refused; one dated before the submission is a date error."""
    rule, label = "14a-8(j)", "(j) notice"
    if sent_on < proposal_received_on:
        return dated_before_submission(rule, label, f"the notice is dated {sent_on:%B %-d, %Y}", proposal_received_on)
    if proxy.date is None:
        return Check(rule, label, OK, "Rule 14a-8(j): recorded; the definitive proxy's date is unknown, so whether it "
                                      f"came {EXCLUSION_NOTICE_DAYS} days before cannot be told yet.", {"late": False})
    due = exclusion_notice_due(proxy.date)
    if sent_on > due:
        return Check(rule, label, WARNING,
                     f"Rule 14a-8(j): late: sent {sent_on:%B %-d, %Y}, {plural((sent_on - due).days, 'day')} after "
                     f"{due:%B %-d, %Y}, {EXCLUSION_NOTICE_DAYS} calendar days before {_against(proxy)} definitive "
                     f"proxy date ({proxy.date:%B %-d, %Y}).", {"late": True})
    return Check(rule, label, OK,
                 f"Rule 14a-8(j): sent at least {EXCLUSION_NOTICE_DAYS} calendar days before {_against(proxy)} "
                 f"definitive proxy date (due by {due:%B %-d, %Y}).", {"late": False})


def check_opposition(*, received_on: date, proposal_received_on: date, proxy: KnownDate) -> Check:
    """A statement in opposition that arrives late is recorded and flagged as the company's breach of (m)(3)."""
    rule, label = "14a-8(m)(3)", "Statement in opposition"
    if received_on < proposal_received_on:
        return dated_before_submission(rule, label, f"received {received_on:%B %-d, %Y}", proposal_received_on)
    if proxy.date is None:
        return Check(rule, label, OK, "Rule 14a-8(m)(3): recorded; the definitive proxy's date is unknown.",
                     {"late": False})
    due = opposition_due(proxy.date)
    if received_on > due:
        return Check(rule, label, WARNING,
                     f"Rule 14a-8(m)(3): the company's breach: its statement reached you {received_on:%B %-d, %Y}, "
                     f"after {due:%B %-d, %Y}, {OPPOSITION_DAYS} calendar days before {_against(proxy)} definitive "
                     f"proxy date ({proxy.date:%B %-d, %Y}).", {"late": True})
    return Check(rule, label, OK,
                 f"Rule 14a-8(m)(3): received at least {OPPOSITION_DAYS} calendar days before {_against(proxy)} "
                 f"definitive proxy date (due by {due:%B %-d, %Y}).", {"late": False})


GROUNDS = (
    ("b", "(b) eligibility or proof of ownership"),
    ("c", "(c) more than one proposal"),
    ("d", "(d) over 500 words"),
    ("e", "(e) received after the deadline"),
    ("f", "(f) a procedural defect not cured"),
    ("h", "(h) failure to present in the past two years"),
    ("i-1", "(i)(1) improper under state law"),
    ("i-2", "(i)(2) would violate law"),
    ("i-3", "(i)(3) violates the proxy rules (Rule 14a-9)"),
    ("i-4", "(i)(4) personal grievance or special interest"),
    ("i-5", "(i)(5) relevance"),
    ("i-6", "(i)(6) the company lacks the power or authority"),
    ("i-7", "(i)(7) management functions (ordinary business)"),
    ("i-8", "(i)(8) director elections"),
    ("i-9", "(i)(9) conflicts with the company's own proposal"),
    ("i-10", "(i)(10) substantially implemented"),
    ("i-11", "(i)(11) duplicates another proposal"),
    ("i-12", "(i)(12) resubmission"),
    ("i-13", "(i)(13) specific amount of dividends"),
)
