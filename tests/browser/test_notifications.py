"""Two browser contexts: the co-filer comments and signs; the lead's bell counts 2 through its htmx poll,
without a reload, and the emails' links open the comment and the sign-on."""
import re

import pytest
from playwright.sync_api import expect

from resolutions.cofiling import services as cofiling
from resolutions.drafts import services as drafts
from resolutions.models import Notification
from tests import factories
from tests.browser.sign_on_form import COFILER, fill_sign_on
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_lead_s_bell_counts_a_comment_and_a_sign_on_and_the_emails_link_to_them(
        browser, live_server, settings, lead, cofiler, sign_in, mailoutbox):
    settings.SITE_URL = live_server.url
    settings.NOTIFICATION_POLL_SECONDS = 1
    draft = factories.draft(lead, clauses=[("whereas", "Facts matter."), ("resolved", "Shareholders request a report.")])
    invitation, _ = cofiling.invitation_create(draft=draft, user=lead, email=cofiler.email,
                                               organization_name="Pension Fund of Tests", base_url=live_server.url)
    cofiling.invitation_accept(invitation=invitation, user=cofiler)
    drafts.draft_circulate(draft=draft, user=lead)
    Notification.objects.filter(recipient=lead).mark_read()
    mailoutbox.clear()  # the lead heard the co-filer join
    lead_page = browser.new_context().new_page()
    cofiler_page = browser.new_context().new_page()

    sign_in(lead_page, lead.email, PASSWORD)
    lead_page.goto(f"{live_server.url}/drafts/")
    bell = lead_page.locator("#notification-bell")
    expect(bell).to_contain_text("none unread")
    lead_page.evaluate("window.notLoadedAgain = true")

    sign_in(cofiler_page, cofiler.email, PASSWORD)
    cofiler_page.goto(f"{live_server.url}/drafts/{draft.pk}/review/")
    cofiler_page.get_by_label("Comment on").select_option(label="WHEREAS 1: Facts matter.")
    cofiler_page.get_by_label("Comment", exact=True).fill("Could we cite a newer figure?")
    cofiler_page.get_by_role("button", name="Post comment").click()
    expect(cofiler_page.get_by_text("Comment posted.")).to_be_visible()
    expect(bell.locator(".notification-count")).to_have_text("1")

    cofiler_page.get_by_role("link", name="Sign on to version 1").click()
    fill_sign_on(cofiler_page, COFILER)
    cofiler_page.get_by_role("button", name="Sign version 1").click()
    expect(cofiler_page.get_by_text("Signed version 1. The lead filer has been notified.")).to_be_visible()

    expect(bell.locator(".notification-count")).to_have_text("2")
    assert lead_page.evaluate("window.notLoadedAgain") is True  # the count came by the poll, not a reload

    to_lead = [m for m in mailoutbox if m.to == [lead.email]]
    assert [("commented" in m.subject, "signed version 1" in m.subject) for m in to_lead] == [(True, False),
                                                                                               (False, True)]
    comment_link, sign_on_link = (re.search(rf"{re.escape(live_server.url)}/notifications/\d+/", m.body).group(0)
                                  for m in to_lead)
    lead_page.goto(comment_link)
    expect(lead_page).to_have_url(re.compile(rf"/drafts/{draft.pk}/review/#comment-\d+$"))
    comment = lead_page.locator(lead_page.url[lead_page.url.index("#"):])
    expect(comment).to_contain_text("Could we cite a newer figure?")
    expect(comment).to_contain_text("on WHEREAS 1")
    lead_page.goto(sign_on_link)
    expect(lead_page).to_have_url(f"{live_server.url}/drafts/{draft.pk}/filers/#invitation-{invitation.pk}")
    expect(lead_page.locator(f"#invitation-{invitation.pk} td.filer-status")).to_have_text("signed version 1")
    expect(lead_page.locator("#notification-bell")).to_contain_text("none unread")  # both opened, both read
