"""The RESOLVED clause, cited sources and 14a-8(c) one proposal."""

import pytest

from resolutions.rule14a8 import (
    check_one_proposal,
    check_precatory,
    check_resolved_present,
    check_stale_evidence,
    check_whereas_cited,
)


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
