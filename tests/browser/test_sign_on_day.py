"""Sign-ons in a filer's day: the editor names them before an edit, a re-sign starts from the last one,
and the sign-on form says each problem once, at its field, in the rule's words."""
import re

import pytest
from playwright.sync_api import expect

from resolutions.cofiling import services
from resolutions.drafts import services as draft_services
from tests import factories
from tests.browser.sign_on_form import COFILER, fill_sign_on
from tests.conftest import PASSWORD
from tests.resolutions.cofiling.test_services import BASE, sign_on_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def circulated(lead, cofiler):
    draft = factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])
    invitation, _ = services.invitation_create(draft=draft, user=lead, email=cofiler.email,
                                               organization_name="Pension Fund of Tests", base_url=BASE)
    services.invitation_accept(invitation=invitation, user=cofiler)
    return draft, draft_services.draft_circulate(draft=draft, user=lead)


def test_the_editor_names_sign_ons_and_the_co_filer_re_signs_from_the_last_one(
        browser, live_server, lead, cofiler, sign_in, circulated):
    draft, version = circulated
    services.sign_on_create(draft=draft, version=version, user=cofiler, data=sign_on_data())
    lead_page, cofiler_page = browser.new_context().new_page(), browser.new_context().new_page()
    sign_in(lead_page, lead.email, PASSWORD)
    lead_page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    expect(lead_page.locator("#sign-on-notice")).to_contain_text(
        "1 co-filer signed version 1; changing the text asks it to re-confirm.")
    first = lead_page.locator("li.clause").first
    first.get_by_role("textbox").fill("Facts matter more than ever.")
    expect(first.get_by_role("status")).to_have_text("Saved")
    draft_services.draft_circulate(draft=draft, user=lead)

    sign_in(cofiler_page, cofiler.email, PASSWORD)
    row = cofiler_page.locator("tr", has_text=draft.title)
    row.get_by_role("link", name="needs re-confirmation").click()
    expect(cofiler_page).to_have_url(re.compile(f"/drafts/{draft.pk}/review/$"))
    cofiler_page.goto(f"{live_server.url}/drafts/{draft.pk}/versions/2/sign/")
    expect(cofiler_page.get_by_role("status").filter(has_text="Filled in from your sign-on")).to_contain_text("version 1")
    expect(cofiler_page.get_by_label("Number of shares")).to_have_value("40")
    expect(cofiler_page.get_by_label("Held continuously since")).to_have_value("2023-11-02")
    expect(cofiler_page.get_by_label("Available for engagement (1)")).to_have_value("2026-11-12T10:00")
    expect(cofiler_page.get_by_label("Through a broker or bank")).to_be_checked()


def test_a_sign_on_problem_is_said_once_at_its_field_in_the_rules_words(
        page, live_server, cofiler, sign_in, circulated):
    draft, version = circulated
    sign_in(page, cofiler.email, PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/versions/{version.number}/sign/")
    fill_sign_on(page, {**COFILER, "Available for engagement (1)": "2026-11-03T10:00",
                        "Available for engagement (2)": "2026-11-04T10:00"})
    page.get_by_role("button", name=f"Sign version {version.number}").click()

    problem = page.get_by_text(re.compile(r"offer meetings on at least two business days"))
    expect(problem).to_have_count(1)
    expect(page.locator("#div_id_slot_1")).to_contain_text("offer meetings on at least two business days")
    expect(page.locator("#div_id_slot_1")).to_contain_text("10 to 30 calendar days after submission")
    expect(page.get_by_text(re.compile(r"business days 10 to 30 days"))).to_have_count(0)
    assert not draft.sign_ons.exists()
