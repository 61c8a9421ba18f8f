"""Emails of notifications: after the commit, through the task, HTML and text, with the link and an unsubscribe."""
import re

import pytest

from resolutions.cofiling import services as cofiling
from resolutions.drafts import services as drafts
from resolutions.models import Notification, NotificationPreference
from resolutions.notifications import services
from resolutions.notifications.models import Delivery, Kind
from tests.resolutions.cofiling.test_services import sign_on_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://whereas.example"


def test_a_comment_is_emailed_to_the_lead_after_the_commit_with_a_link_that_opens_it(
        client, draft, lead, cofiler, version, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        comment = cofiling.comment_add(draft=draft, user=cofiler, text="Could we cite a newer figure?")
    assert mailoutbox == []  # nothing before the transaction commits
    for callback in callbacks:
        callback()
    [email] = mailoutbox
    notification = Notification.objects.get(recipient=lead, kind=Kind.COMMENTED)
    link = f"https://whereas.example/notifications/{notification.pk}/"
    assert email.to == [lead.email] and "commented" in email.subject and draft.title in email.subject
    assert link in email.body and link in email.alternatives[0][0]
    assert email.alternatives[0][1] == "text/html"
    unsubscribe = re.search(r"https://whereas.example(/notifications/unsubscribe/\S+/)", email.body).group(1)
    assert email.extra_headers["List-Unsubscribe"] == f"<https://whereas.example{unsubscribe}>"
    client.force_login(lead)
    opened = client.get(link.removeprefix("https://whereas.example"))
    assert opened.status_code == 302 and opened["Location"] == f"/drafts/{draft.pk}/review/#comment-{comment.pk}"
    notification.refresh_from_db()
    assert notification.read_at is not None and notification.emailed_at is not None


def test_the_lead_filer_has_been_notified_when_a_co_filer_signs(
        client, draft, lead, cofiler, version, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(cofiler)
    form = {"legal_name": "Pension Fund of Tests", "signatory_name": "Colin Cofiler", "signatory_title": "Officer",
            "email": cofiler.email, "phone": "555-0100", "shares": "50", "valuation_date": "2026-10-15",
            "price_per_share": "50", "price_basis": "bid_ask", "held_since": "2020-01-15",
            "submission_date": "2026-11-02", "holder_type": "broker", "intends_to_hold": "on",
            "slot_1": "2026-11-12T10:00", "slot_2": "2026-11-13T14:00",
            "authorizes_lead": "on", "signature": "Colin Cofiler"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/drafts/{draft.pk}/versions/{version.number}/sign/", form, follow=True)
    assert "The lead filer has been notified" in response.content.decode(), response.content.decode()[:3000]
    assert [m.to for m in mailoutbox] == [[lead.email]] and "signed version 1" in mailoutbox[0].subject


def test_the_re_confirmation_email_links_to_the_changes(draft, lead, cofiler, version, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    cofiling.sign_on_create(draft=draft, version=version, user=cofiler, data=sign_on_data())
    draft.refresh_from_db()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        drafts.clause_update(draft=draft, clause_id=draft.clauses.first().pk, expected_revision=draft.revision,
                             text="Facts changed.", user=lead)
    [email] = mailoutbox
    notification = Notification.objects.get(kind=Kind.NEEDS_RECONFIRMATION)
    assert email.to == [cofiler.email] and "please re-confirm" in email.subject
    assert f"https://whereas.example/notifications/{notification.pk}/" in email.body


def test_each_person_s_choice_is_kept_per_kind(draft, lead, cofiler, colleague, version, mailoutbox,
                                              django_capture_on_commit_callbacks):
    services.notification_preferences_set(user=colleague, deliveries={Kind.COMMENTED: Delivery.NONE})
    services.notification_preferences_set(user=lead, deliveries={Kind.COMMENTED: Delivery.DAILY})
    with django_capture_on_commit_callbacks(execute=True):
        cofiling.comment_add(draft=draft, user=cofiler, text="A comment.")
        cofiling.sign_on_decline(draft=draft, user=cofiler, reason="Not this year.")
    assert sorted((m.to[0], "declined" in m.subject) for m in mailoutbox) == [
        (colleague.email, True), (lead.email, True)]
    assert Notification.objects.filter(kind=Kind.COMMENTED).count() == 2  # in the app all the same
    with pytest.raises(ValueError):
        services.notification_preferences_set(user=lead, deliveries={Kind.VERSION_SAVED: Delivery.AT_ONCE})


def test_a_mail_server_failure_is_recorded_not_raised(draft, lead, cofiler, version, settings,
                                                      django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.accounts.failing_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True):
        cofiling.comment_add(draft=draft, user=cofiler, text="A comment.")
    notification = Notification.objects.get(recipient=lead, kind=Kind.COMMENTED)
    assert notification.emailed_at is None and "mail server" in notification.email_error


def test_no_email_goes_to_a_co_filer_removed_before_it_was_sent(draft, lead, cofiler, invitation, version, mailoutbox,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        cofiling.comment_add(draft=draft, user=lead, text="For the co-filer.")
    cofiling.cofiler_remove(invitation=invitation, user=lead)
    mailoutbox.clear()
    for callback in callbacks:
        callback()
    assert mailoutbox == [] and not NotificationPreference.objects.exists()
