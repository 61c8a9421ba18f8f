"""The iCalendar feed (parsed with the icalendar library) and the deadline reminders, with a frozen clock."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from icalendar import Calendar

from resolutions.filing.record import services
from resolutions.filing.record.models import DeadlineReminder
from resolutions.filing.record.tasks import send_deadline_reminders
from resolutions.models import Invitation, Notification
from resolutions.notifications.delivery import digests_send
from resolutions.notifications.models import Delivery, Kind
from resolutions.notifications.services import notification_preferences_set

pytestmark = pytest.mark.django_db


def noon(*day) -> datetime:
    """Midday at the app's TIME_ZONE, so the day is the same there and in UTC."""
    return datetime(*day, 12, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def with_notice(filed, lead, cofiler):
    services.deficiency_notice_record(draft=filed, user=lead, data=services.DeficiencyNoticeInput(
        organization_id=cofiler.organization_id, sent_on=date(2026, 11, 25), received_on=date(2026, 11, 27),
        says="Proof of ownership short."))
    return filed


@pytest.fixture
def colleague(make_user, lead):
    return make_user("colleague@test.example", organization=lead.organization.legal_name)


def events(client, feed) -> list:
    response = client.get(f"/calendar/{feed.secret}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_the_feed_holds_each_deadline_once_as_an_all_day_event_and_needs_no_sign_in(client, with_notice, lead):
    feed = services.calendar_feed_create(user=lead)
    found = events(client, feed)
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids)) == 5  # cure, (j) notice, opposition, proxy, meeting
    by_uid = {str(e["UID"]).split("-", 2)[2].split("@")[0]: e for e in found}
    assert by_uid["cure-" + str(with_notice.deficiency_notices.get().pk)].decoded("DTSTART") == date(2026, 12, 11)
    assert by_uid["exclusion-notice"].decoded("DTSTART") == date(2026, 12, 30)
    assert "(estimate)" in str(by_uid["exclusion-notice"]["SUMMARY"])
    assert by_uid["meeting"].decoded("DTSTART") == date(2027, 5, 5)
    assert all(type(e.decoded("DTSTART")) is date for e in found)  # all-day
    assert f"/drafts/{with_notice.pk}/record/" in str(by_uid["meeting"]["URL"])


def test_the_secret_is_stored_hashed_and_a_revoked_or_replaced_link_is_a_404(client, lead):
    feed = services.calendar_feed_create(user=lead)
    assert feed.secret not in (feed.nonce, feed.secret_sha256)
    newer = services.calendar_feed_create(user=lead)
    assert client.get(f"/calendar/{feed.secret}.ics").status_code == 404
    assert client.get(f"/calendar/{newer.secret}.ics").status_code == 200
    client.force_login(lead)
    assert client.post("/calendar/revoke/").status_code == 302
    assert client.get(f"/calendar/{newer.secret}.ics").status_code == 404
    assert client.get("/calendar/not-a-secret.ics").status_code == 404


def test_another_filers_deficiency_notice_is_not_in_a_co_filers_feed(client, filed, lead, cofiler):
    services.deficiency_notice_record(draft=filed, user=lead, data=services.DeficiencyNoticeInput(
        organization_id=lead.organization_id, sent_on=date(2026, 11, 25), received_on=date(2026, 11, 27),
        says="The lead's own defect."))
    uids = [str(e["UID"]) for e in events(client, services.calendar_feed_create(user=cofiler))]
    assert len(uids) == 4 and not any("cure" in uid for uid in uids)


def test_each_reminder_is_sent_once_per_deadline_user_and_offset(with_notice, lead, cofiler, settings,
                                                                 django_capture_on_commit_callbacks):
    settings.DEADLINE_REMINDER_DAYS = [7, 1]
    with time_machine.travel(noon(2026, 12, 3), tick=False):
        assert send_deadline_reminders.delay().get() == 0  # the cure is due December 11: 8 days
    with time_machine.travel(noon(2026, 12, 4), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == 2  # the lead and the co-filer, 7 days before
        assert send_deadline_reminders.delay().get() == 0  # a restart sends nothing twice
    assert sorted(m.to[0] for m in mail.outbox) == [cofiler.email, lead.email]
    message = mail.outbox[0]
    assert message.subject.startswith("Due in 7 days: ") and "December 11, 2026" in message.subject
    assert "— Lone Example Energy, “Report on Measured Methane”" in message.subject
    notification = Notification.objects.get(recipient=lead, kind=Kind.DEADLINE)
    assert notification.url == f"/drafts/{with_notice.pk}/record/#clocks" and notification.actor is None
    assert f"/notifications/{notification.pk}/" in message.body  # opens the record at its deadlines
    with time_machine.travel(noon(2026, 12, 10), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == 2  # 1 day before
        assert send_deadline_reminders.delay().get() == 0
    assert DeadlineReminder.objects.count() == 4


def test_no_reminder_for_a_withdrawn_proposal(with_notice, lead, settings, django_capture_on_commit_callbacks):
    settings.DEADLINE_REMINDER_DAYS = [7, 1]
    services.proposal_withdraw(draft=with_notice, user=lead, data=services.WithdrawalInput(
        withdrawn_on=date(2026, 11, 30), agreement=True, commitments="A methane report next year."))
    with time_machine.travel(noon(2026, 12, 4), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == 0
    with time_machine.travel(noon(2026, 12, 10), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == 0
    assert not mail.outbox and not DeadlineReminder.objects.exists()


def test_a_reminder_is_a_notification_emailed_by_each_persons_choice(with_notice, lead, cofiler, colleague, settings,
                                                                    django_capture_on_commit_callbacks):
    settings.DEADLINE_REMINDER_DAYS = [7]
    notification_preferences_set(user=lead, deliveries={Kind.DEADLINE: Delivery.DAILY})
    notification_preferences_set(user=colleague, deliveries={Kind.DEADLINE: Delivery.NONE})
    with time_machine.travel(noon(2026, 12, 4), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == 3
    assert [m.to for m in mail.outbox] == [[cofiler.email]]  # at once, the default
    assert set(Notification.objects.filter(kind=Kind.DEADLINE).values_list("recipient__email", flat=True)) == {
        lead.email, cofiler.email, colleague.email}  # each sees it in the app, whatever the email
    with time_machine.travel(noon(2026, 12, 5), tick=False):
        assert digests_send() == 2  # the lead's; the co-filer's has the version circulated to it
    [digest] = [m for m in mail.outbox if m.to == [lead.email]]
    assert "Due in 7 days: " in digest.body and "December 11, 2026" in digest.body


def test_a_removed_co_filer_is_reminded_of_nothing_not_even_its_own_cure(with_notice, lead, cofiler, settings,
                                                                         django_capture_on_commit_callbacks):
    from resolutions.cofiling.services import invitation_revoke

    settings.DEADLINE_REMINDER_DAYS = [7]
    invitation_revoke(invitation=Invitation.objects.get(draft=with_notice, organization=cofiler.organization),
                      user=lead)
    mail.outbox.clear()
    with time_machine.travel(noon(2026, 12, 4), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders.delay().get() == 1
    assert [m.to for m in mail.outbox] == [[lead.email]]
    assert not Notification.objects.filter(recipient=cofiler, kind=Kind.DEADLINE).exists()
    assert not DeadlineReminder.objects.filter(user=cofiler).exists()
