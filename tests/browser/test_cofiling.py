"""Lead filer and co-filer in two browser contexts: invite, join, comment, sign, re-confirm."""
import re

import pytest
from playwright.sync_api import expect

from resolutions.drafts import services as draft_services
from tests import factories
from tests.browser.sign_on_form import COFILER, fill_sign_on
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invite_join_comment_sign_and_reconfirm(browser, live_server, lead, cofiler, sign_in, mailoutbox):
    draft = factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])
    draft_services.version_save(draft=draft, user=lead)
    lead_page = browser.new_context().new_page()
    cofiler_page = browser.new_context().new_page()

    sign_in(lead_page, lead.email, PASSWORD)
    lead_page.goto(f"{live_server.url}/drafts/{draft.pk}/filers/")
    lead_page.get_by_label("Contact's email").fill(cofiler.email)
    lead_page.get_by_label("Organization").fill("Pension Fund of Tests")
    lead_page.get_by_role("button", name="Send invitation").click()
    expect(lead_page.get_by_text(f"Invitation emailed to {cofiler.email}.")).to_be_visible()
    lead_page.get_by_role("button", name="Circulate the current text").click()
    expect(lead_page.get_by_text("Circulated as version 2.")).to_be_visible()

    link = re.search(r"http\S+/invite/\S+/", mailoutbox[-1].body).group(0)
    sign_in(cofiler_page, cofiler.email, PASSWORD)
    cofiler_page.goto(link)
    cofiler_page.get_by_role("button", name="Join as co-filer").click()
    expect(cofiler_page.get_by_text("You are now a co-filer")).to_be_visible()

    cofiler_page.get_by_label("Comment", exact=True).fill("Could we cite a newer figure?")
    cofiler_page.get_by_role("button", name="Post comment").click()
    expect(cofiler_page.get_by_text("Could we cite a newer figure?")).to_be_visible()

    cofiler_page.get_by_role("link", name="Sign on to version 2").click()
    fill_sign_on(cofiler_page, COFILER)
    cofiler_page.get_by_role("button", name="Sign version 2").click()
    expect(cofiler_page.get_by_text("Signed version 2.")).to_be_visible()

    lead_page.goto(f"{live_server.url}/drafts/{draft.pk}/filers/")
    expect(lead_page.locator("td.filer-status")).to_have_text("signed version 2")

    lead_page.goto(f"{live_server.url}/drafts/{draft.pk}/")
    first = lead_page.locator("li.clause").first
    first.get_by_role("textbox").fill("Facts matter more than ever.")
    expect(first.get_by_role("status")).to_have_text("Saved")

    cofiler_page.goto(f"{live_server.url}/drafts/{draft.pk}/review/")
    expect(cofiler_page.locator("#sign-on-status")).to_contain_text("Needs re-confirmation")
