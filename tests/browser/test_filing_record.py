"""After submission, on the demo's submitted draft: a deficiency notice and its cure, the company's (j) notice and
statement in opposition, the vote, and the precedent it becomes (search, filers, board's statement, (i)(12))."""
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from resolutions.demo import DEMO_FILED_TITLE, DEMO_PASSWORD
from resolutions.models import Draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_lead_records_the_filing_record_through_to_the_vote_and_the_precedent(
        browser, live_server, sign_in, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open(tmp_path / "load_demo.log", "w"))
    draft = Draft.objects.get(title=DEMO_FILED_TITLE)
    page = browser.new_context().new_page()
    sign_in(page, "lead@example.org", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/drafts/{draft.pk}/filing/")
    page.get_by_role("link", name="Filing record: every Rule 14a-8 deadline").click()
    expect(page.get_by_role("heading", name="Filing record", exact=True)).to_be_visible()

    page.locator("summary", has_text="Record a deficiency notice").click()
    page.get_by_label("Sent to (filer)").select_option(label="Sisters of the Demo Valley")
    page.get_by_label("Date on the company's notice").fill("2026-11-20")
    page.get_by_label("Date we received it").fill("2026-11-23")
    page.get_by_label("What it says").fill("The statement of intent to hold the shares is missing.")
    page.get_by_role("button", name="Record the notice").click()
    expect(page.get_by_text("Respond by December 7, 2026")).to_be_visible()  # 14 calendar days on
    expect(page.locator("#clocks")).to_contain_text("Dec 7, 2026")

    notice = page.locator("article.deficiency-notice", has_text="To Sisters of the Demo Valley")
    notice.locator("summary").click()
    notice.get_by_label("Response sent on").fill("2026-11-30")
    notice.get_by_label("What we sent").fill("A signed statement of intent to hold.")
    notice.get_by_role("button", name="Record the response").click()
    expect(page.get_by_text("The response is recorded.")).to_be_visible()
    expect(page.locator("article.deficiency-notice", has_text="To Sisters of the Demo Valley")).to_contain_text(
        "response sent November 30, 2026, within the 14 days")

    page.locator("summary", has_text="Record a (j) notice").click()
    page.get_by_label("Date of the (j) notice").fill("2026-11-25")
    page.get_by_label("(i)(7) management functions (ordinary business)").check()
    page.get_by_label("Its reasons, in brief").fill("Ordinary business operations.")
    page.get_by_role("button", name="Save the (j) notice").click()
    expect(page.locator("#exclusion-notice")).to_contain_text("Exclusion notice")
    expect(page.locator("#exclusion-notice")).to_contain_text("(i)(7) management functions")

    page.locator("summary", has_text="Record the statement in opposition").click()
    page.get_by_label("Statement in opposition received on").fill("2026-11-28")
    page.get_by_label("The board's statement").fill("The board believes its current estimates are sufficient.")
    page.get_by_role("button", name="Save the statement").click()
    expect(page.locator("#opposition-statement")).to_contain_text("the board recommends a vote against")

    page.locator("summary", has_text="Record the vote").click()
    page.get_by_label("Meeting held on").fill("2026-12-01")
    page.get_by_label("Votes for").fill("1200000")
    page.get_by_label("Votes against").fill("2800000")
    page.get_by_label("Abstentions").fill("100000")
    page.get_by_label("Shares outstanding").fill("10000000")
    page.get_by_role("button", name="Save the vote").click()
    expect(page.locator("#vote-result")).to_contain_text("Rule 14a-8(i)(12): 30.0% support")
    page.get_by_role("button", name="Add to the precedent library").click()
    expect(page.get_by_text("is in the precedent library, uncurated")).to_be_visible()

    page.goto(f"{live_server.url}/precedents/?q=methane+emissions")
    page.get_by_role("link", name=DEMO_FILED_TITLE).click()
    expect(page.get_by_role("heading", name=DEMO_FILED_TITLE)).to_be_visible()
    filers = page.locator("section", has=page.get_by_role("heading", name="Filers"))
    expect(filers).to_contain_text("Sisters of the Demo Valley")
    expect(filers).to_contain_text("Greenfield Pension Trust")
    expect(page.get_by_text("The board believes its current estimates are sufficient.")).to_be_visible()
    expect(page.get_by_text("Voted: 30.00% support")).to_be_visible()
    history = page.locator("section", has=page.get_by_role("heading", name=re.compile("History at")))
    expect(history).to_contain_text("voted 3 times since 2023; last vote 2027 got 30.0%")
