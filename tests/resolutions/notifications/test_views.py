"""The bell, the list, opening an entry, the email choices and the unsubscribe link."""
import re

import pytest

from resolutions.cofiling import services as cofiling
from resolutions.models import Notification, NotificationPreference
from resolutions.notifications import services
from resolutions.notifications.models import Delivery, Kind
from resolutions.notifications.views import PER_PAGE

pytestmark = pytest.mark.django_db


def test_the_bell_counts_unread_notifications_in_the_header(client, draft, lead, cofiler, version):
    cofiling.comment_add(draft=draft, user=cofiler, text="One.")
    cofiling.comment_add(draft=draft, user=cofiler, text="Two.")
    client.force_login(lead)
    page = client.get("/drafts/").content.decode()
    bell = re.search(r'<a id="notification-bell".*?</a>', page, re.S).group(0)
    assert 'hx-get="/notifications/bell/"' in bell and 'hx-trigger="every 30s"' in bell
    # lead also heard the co-filer join: 3 unread
    assert '<span class="badge rounded-pill text-bg-danger notification-count">3</span>' in bell
    partial = client.get("/notifications/bell/", headers={"HX-Request": "true"})
    assert partial.context["unread"] == 3 and "<html" not in partial.content.decode()


def test_the_bell_stops_polling_once_signed_out(client):
    assert client.get("/notifications/bell/").status_code == 286


def test_the_list_is_paginated_newest_first_and_an_entry_opened_is_read(client, draft, lead, cofiler, version):
    for n in range(PER_PAGE + 2):
        cofiling.comment_add(draft=draft, user=cofiler, text=f"Comment number {n}.")
    client.force_login(lead)
    first = client.get("/notifications/").content.decode()
    assert f"Comment number {PER_PAGE + 1}." in first and "Page 1 of 2" in first
    assert "joined as a co-filer" in client.get("/notifications/?page=2").content.decode()
    newest = Notification.objects.filter(recipient=lead).first()
    assert client.get(f"/notifications/{newest.pk}/")["Location"] == newest.url
    newest.refresh_from_db()
    assert newest.read_at is not None
    assert client.get("/notifications/bell/").context["unread"] == PER_PAGE + 2
    client.post("/notifications/read/")
    assert client.get("/notifications/bell/").context["unread"] == 0


def test_nobody_opens_another_person_s_notification(client, draft, lead, cofiler, outsider, version):
    cofiling.comment_add(draft=draft, user=cofiler, text="For the lead.")
    notification = Notification.objects.get(recipient=lead, kind=Kind.COMMENTED)
    for user in (cofiler, outsider):
        client.force_login(user)
        assert client.get(f"/notifications/{notification.pk}/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_an_empty_list_says_what_will_show(client, lead):
    client.force_login(lead)
    assert "Nothing yet." in client.get("/notifications/").content.decode()


def test_email_choices_are_saved_per_kind(client, lead):
    client.force_login(lead)
    form = {kind: Delivery.AT_ONCE for kind in Kind.values} | {
        Kind.VERSION_SAVED: Delivery.NONE, Kind.COMMENTED: Delivery.DAILY}
    assert client.post("/notifications/settings/", form).status_code == 302
    assert services.delivery_of(lead, Kind.COMMENTED) == Delivery.DAILY
    assert services.delivery_of(lead, Kind.VERSION_SAVED) == Delivery.NONE
    refused = client.post("/notifications/settings/", form | {Kind.VERSION_SAVED: Delivery.AT_ONCE})
    assert refused.status_code == 400 and "Pick one choice for each kind." in refused.content.decode()
    assert services.delivery_of(lead, Kind.VERSION_SAVED) == Delivery.NONE


def test_the_unsubscribe_link_works_signed_out_and_changes_only_that_choice(client, lead):
    services.notification_preferences_set(user=lead, deliveries={Kind.SIGNED: Delivery.DAILY})
    url = f"/notifications/unsubscribe/{services.unsubscribe_token(lead, Kind.COMMENTED)}/"
    asked = client.get(url)
    assert asked.status_code == 200 and "Stop the emails about <strong>comments</strong>" in asked.content.decode()
    assert not NotificationPreference.objects.filter(kind=Kind.COMMENTED).exists()  # a GET changes nothing
    done = client.post(url)
    assert "gets no more emails about comments" in done.content.decode()
    assert dict(NotificationPreference.objects.filter(user=lead).values_list("kind", "delivery")) == {
        Kind.COMMENTED: Delivery.NONE, Kind.SIGNED: Delivery.DAILY}


def test_a_forged_unsubscribe_link_is_refused(client, lead):
    token = services.unsubscribe_token(lead, Kind.COMMENTED)
    forged = token.replace(token.split(":")[0], "999")
    for bad in (forged, "not-a-token"):
        response = client.post(f"/notifications/unsubscribe/{bad}/")
        assert response.status_code == 404 and "not valid" in response.content.decode()
    assert not NotificationPreference.objects.exists()
