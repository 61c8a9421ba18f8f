"""At 390 px wide (a phone held upright): tables become stacked cards, the editor's checks stay in reach."""
import pytest
from playwright.sync_api import expect

from resolutions.cofiling.services import invitation_create
from tests import factories
from tests.browser.test_accessibility import PHONE
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_the_editor_keeps_a_summary_of_the_checks_in_reach_that_opens_the_panel(phone, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("whereas", "Methane leaks."), ("whereas", "Flaring rose."),
                                           ("resolved", "Shareholders request a report.")])
    sign_in(phone, lead.email, PASSWORD)
    phone.goto(f"{live_server.url}/drafts/{draft.pk}/")
    summary = phone.get_by_role("link", name="see the checks")
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("13 of 500 words")
    expect(phone.get_by_role("heading", name="Rule 14a-8 checks")).not_to_be_in_viewport()

    surface = phone.locator("li.clause").first.get_by_role("textbox")
    surface.fill("Methane leaks from every well in the basin.")
    expect(phone.locator("li.clause").first.get_by_role("status")).to_have_text("Saved")
    expect(summary).to_contain_text("19 of 500 words")  # updated by the save: 6 more words

    summary.click()
    expect(phone.get_by_role("heading", name="Rule 14a-8 checks")).to_be_in_viewport()


def test_the_dashboard_and_co_filers_tables_are_cards_on_a_phone(phone, live_server, lead, sign_in):
    draft = factories.draft(lead, clauses=[("resolved", "Shareholders request a report.")],
                            title="Report on Methane Leaks at Every Well We Operate")
    invitation_create(draft=draft, user=lead, organization_name="Greenfield Pension Trust of the Northern Plains",
                      email="a.very.long.contact.address@pension-trust.example", base_url=live_server.url,
                      send_email=False)
    sign_in(phone, lead.email, PASSWORD)
    for path in ("/", f"/drafts/{draft.pk}/filers/"):
        phone.goto(f"{live_server.url}{path}")
        row = phone.locator("tbody tr").first
        expect(row).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        expect(row.locator("td[data-label='Status']")).to_be_visible()
