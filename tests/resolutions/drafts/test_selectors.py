"""The side panel's Texas §21.373 check: only for a company that opted in, from the signed filers' holdings."""
from datetime import date
from decimal import Decimal

import pytest

from resolutions.drafts.selectors import draft_checks, draft_rendered
from resolutions.drafts.services import version_save
from tests import factories
from tests.resolutions import pdf_builders as b

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 20)


def texas_checks(draft):
    checks, _ = draft_checks(draft, draft_rendered(draft), today=TODAY)
    return [check for check in checks if check.rule == "Tex. Bus. Orgs. Code §21.373"]


@pytest.fixture
def texas_draft(lead):
    company = factories.company(state_of_incorporation="Texas", principal_office_state="Texas", texas_opt_in=True)
    return factories.draft(lead, company=company, clauses=[("resolved", "Shareholders request a report.")])


def test_a_company_that_did_not_opt_in_gets_no_texas_line(lead):
    assert texas_checks(factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")])) == []


def test_an_opted_in_company_counts_the_signed_filers_holdings_together(texas_draft, lead, cofiler):
    version = version_save(draft=texas_draft, user=lead)
    b.join(texas_draft, cofiler)
    b.sign(version, cofiler, signed_at=b.at(5), market_value=Decimal("600000"), held_since=date(2026, 1, 2))
    [check] = texas_checks(texas_draft)
    assert check.status == "warning" and check.details["group_value"] == Decimal("600000")
    assert "Record the group's market value, percent of the voting shares" in check.message

    b.sign(version, lead, signed_at=b.at(6), market_value=Decimal("450000"), held_since=date(2026, 4, 1))
    [check] = texas_checks(texas_draft)
    assert (check.status, check.details["group_value"], check.details["held_months"]) == (
        "info", Decimal("1050000"), 7)
    assert "meets the threshold" in check.message


def test_a_group_held_under_six_months_may_be_excluded(texas_draft, lead, cofiler):
    version = version_save(draft=texas_draft, user=lead)
    b.join(texas_draft, cofiler)
    b.sign(version, cofiler, signed_at=b.at(5), market_value=Decimal("2000000"), held_since=date(2026, 8, 1))
    [check] = texas_checks(texas_draft)
    assert check.status == "warning" and check.details["held_months"] == 3
    assert "may exclude the proposal" in check.message


def test_a_delaware_company_marked_as_opted_in_is_flagged(lead):
    company = factories.company(state_of_incorporation="Delaware", principal_office_state="Texas", exchange="NYSE",
                                texas_opt_in=True)
    [check] = texas_checks(factories.draft(lead, company=company, clauses=[("resolved", "Shareholders request.")]))
    assert check.status == "warning" and "incorporated in Delaware" in check.message
