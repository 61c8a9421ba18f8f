"""The daily digest with a frozen clock: one email per user per day with every event, none without events."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from resolutions.cofiling import services as cofiling
from resolutions.drafts import services as drafts
from resolutions.models import NotificationDigest
from resolutions.notifications import services
from resolutions.notifications.models import Delivery, Kind
from resolutions.notifications.tasks import send_daily_digests

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def at(day, hour, minute=0):
    return time_machine.travel(datetime(2026, 12, day, hour, minute, tzinfo=NEW_YORK), tick=False)


def test_one_digest_per_user_per_day_with_every_event_and_none_without(
        settings, draft, lead, cofiler, colleague, version, mailoutbox, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://whereas.example"
    services.notification_preferences_set(user=lead, deliveries={kind: Delivery.DAILY for kind in (
        Kind.COMMENTED, Kind.SIGNED, Kind.DECLINED)})
    with at(3, 9), django_capture_on_commit_callbacks(execute=True):
        cofiling.comment_add(draft=draft, user=cofiler, text="First thought.")
        drafts.version_save(draft=draft, user=colleague)
    with at(3, 16), django_capture_on_commit_callbacks(execute=True):
        cofiling.comment_add(draft=draft, user=cofiler, text="Second thought.")
        cofiling.sign_on_decline(draft=draft, user=cofiler, reason="Not this season.")
    at_once = [m for m in mailoutbox if m.to == [colleague.email]]
    assert len(at_once) == 3 and not [m for m in mailoutbox if m.to == [lead.email]]
    mailoutbox.clear()

    with at(4, 7):
        assert send_daily_digests() == 3
    digests = {m.to[0]: m for m in mailoutbox}
    assert sorted(digests) == [cofiler.email, colleague.email, lead.email]
    lead_digest = digests[lead.email]
    assert lead_digest.subject == "Whereas: 4 updates on your drafts, December 4"
    for words in ("First thought.", "Second thought.", "Not this season.", "saved version 2"):
        assert words in lead_digest.body and words in lead_digest.alternatives[0][0]
    assert "Stop emails about comments: https://whereas.example/notifications/unsubscribe/" in lead_digest.body
    assert "saved version 2" in digests[cofiler.email].body and "thought" not in digests[cofiler.email].body
    # the version the lead circulated; the one the colleague saved is no news to them
    assert "saved version 1" in digests[colleague.email].body and "version 2" not in digests[colleague.email].body

    mailoutbox.clear()
    with at(4, 7, 5):
        assert send_daily_digests() == 0  # a second run the same day (a restart) sends nothing twice
    with at(4, 12), django_capture_on_commit_callbacks(execute=True):
        cofiling.comment_add(draft=draft, user=cofiler, text="Third thought.")
    with at(4, 18):
        assert send_daily_digests() == 0  # the day's digest went: the new comment waits for tomorrow
    mailoutbox.clear()  # the colleague's email of the third comment, sent at once
    with at(5, 7):
        assert send_daily_digests() == 1
    [next_day] = mailoutbox
    assert next_day.to == [lead.email] and "Third thought." in next_day.body and "First thought." not in next_day.body
    with at(6, 7):
        assert send_daily_digests() == 0
    assert len(mailoutbox) == 1
    assert list(NotificationDigest.objects.filter(recipient=lead).values_list("day", flat=True).order_by("day")) == [
        datetime(2026, 12, 4).date(), datetime(2026, 12, 5).date()]


def test_a_co_filer_removed_before_the_digest_gets_none(draft, lead, cofiler, invitation, version, mailoutbox):
    with at(3, 9):
        drafts.version_save(draft=draft, user=lead)
        cofiling.cofiler_remove(invitation=invitation, user=lead)
    mailoutbox.clear()
    with at(4, 7):
        assert send_daily_digests() == 0
    assert mailoutbox == [] and not NotificationDigest.objects.exists()


def test_an_unsubscribe_before_the_digest_leaves_that_kind_out(draft, lead, cofiler, version, mailoutbox):
    services.notification_preferences_set(user=lead, deliveries={Kind.COMMENTED: Delivery.DAILY})
    with at(3, 9):
        cofiling.comment_add(draft=draft, user=cofiler, text="A comment.")
    services.notification_unsubscribe(user=lead, kind=Kind.COMMENTED)
    with at(4, 7):
        assert send_daily_digests() == 1  # the co-filer's, of the version circulated
    assert [m.to for m in mailoutbox] == [[cofiler.email]]
