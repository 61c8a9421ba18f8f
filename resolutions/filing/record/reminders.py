"""Deadline reminders: a notification a set number of days before each deadline (emailed at once, in the daily
digest or not, by each person's choice), once per deadline, user and offset (recorded, so a restart or a second
scheduler sends nothing twice), none for a withdrawn proposal.

``deadline_reminder_send`` is the one place a reminder leaves the app: as a notification of its own kind.
"""
from datetime import date

from django.conf import settings
from django.db import transaction

from resolutions import rule14a8
from resolutions.models import Draft
from resolutions.notifications.events import DeadlineDue
from resolutions.notifications.models import Kind
from resolutions.notifications.services import notification_emit
from .models import DeadlineReminder
from .selectors import deadline_recipients, draft_clocks, drafts_with_clocks


def deadline_reminders_send(*, today: date, offsets: tuple[int, ...] | None = None) -> int:
    """Send every reminder whose day has come (or passed unsent, before the deadline); returns how many."""
    offsets = tuple(offsets or settings.DEADLINE_REMINDER_DAYS)
    sent = 0
    for draft in drafts_with_clocks(Draft.objects.all()):
        for clock in draft_clocks(draft):
            days_before = rule14a8.reminders_due(clock, today=today, offsets=offsets)
            if not days_before:
                continue
            for user in deadline_recipients(draft, clock):
                sent += deadline_reminder_send(draft=draft, clock=clock, user=user, days_before=days_before,
                                               today=today)
    return sent


def deadline_reminder_send(*, draft: Draft, clock: rule14a8.Clock, user, days_before: list[int], today: date) -> bool:
    """One notification to one user about one deadline, for the offsets not yet recorded; False when all were,
    or when the user may no longer see the draft (a removed co-filer).

    Recorded in the same transaction that notifies; the email, by the user's choice for filing deadlines
    (at once, in the daily digest, or none), goes after it commits.
    """
    if not draft.is_open_to(user, "read"):
        return False
    with transaction.atomic():
        new = [days for days in days_before
               if DeadlineReminder.objects.get_or_create(draft=draft, user=user, clock=clock.key, due_on=clock.due,
                                                         days_before=days)[1]]
        if not new:
            return False
        notification_emit(draft=draft, kind=Kind.DEADLINE, target=DeadlineDue(clock=clock, today=today,
                                                                               user_id=user.pk))
    return True
