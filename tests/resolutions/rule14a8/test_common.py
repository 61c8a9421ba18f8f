"""The shape every check shares."""

from datetime import date
from decimal import Decimal

from resolutions.rule14a8 import (
    Check,
    Deadline,
    check_deadline,
    check_engagement,
    check_length,
    check_one_proposal,
    check_precatory,
    check_resolved_present,
    check_stale_evidence,
    check_whereas_cited,
    ownership_verdict,
    resubmission_check,
    word_count_by_part,
)


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
        check_engagement(submission_date=date(2026, 3, 2), slots=[]),
    ]
    for check in checks:
        assert isinstance(check, Check)
        assert check.status in {"ok", "warning", "error", "info"}
        assert check.message.startswith(f"Rule {check.rule}:")
