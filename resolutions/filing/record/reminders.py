"""Deadline reminders: an email a set number of days before each deadline, once per deadline, user and
offset (recorded, so a restart or a second scheduler sends nothing twice), none for a withdrawn proposal.

``deadline_reminder_send`` is the one place a reminder leaves the app, for notifications to route later.
"""
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from config.mail import send_or_say_why
from resolutions import rule14a8
from resolutions.models import Draft
from .models import DeadlineReminder
from .selectors import deadline_recipients, draft_clocks


def deadline_reminders_send(*, today: date, offsets: tuple[int, ...] | None = None) -> int:
    """Send every reminder whose day has come (or passed unsent, before the deadline); returns how many emails."""
    offsets = tuple(offsets or settings.DEADLINE_REMINDER_DAYS)
    drafts = (Draft.objects.filter(status=Draft.Status.FILED)
              .select_related("company", "lead_organization", "filing_record", "exclusion_notice",
                              "opposition_statement", "withdrawal", "vote_result")
              .prefetch_related("deficiency_notices__organization", "engagement_meetings"))
    sent = 0
    for draft in drafts:
        for clock in draft_clocks(draft):
            days_before = rule14a8.reminders_due(clock, today=today, offsets=offsets)
            if not days_before:
                continue
            for user in deadline_recipients(draft, clock):
                sent += deadline_reminder_send(draft=draft, clock=clock, user=user, days_before=days_before,
                                               today=today)
    return sent


def deadline_reminder_send(*, draft: Draft, clock: rule14a8.Clock, user, days_before: list[int], today: date) -> bool:
    """One email to one user about one deadline, for the offsets not yet recorded; False when all were.

    Recorded in the same transaction that decides to send; the email goes after it commits.
    """
    with transaction.atomic():
        new = [days for days in days_before
               if DeadlineReminder.objects.get_or_create(draft=draft, user=user, clock=clock.key, due_on=clock.due,
                                                         days_before=days)[1]]
        if not new:
            return False
        link = settings.SITE_URL.rstrip("/") + reverse("drafts:filing_record", args=[draft.pk])
        context = {"draft": draft, "clock": clock, "summary": clock.summary(today), "link": link, "user": user,
                   "when": clock.when(today)}
        message = EmailMultiAlternatives(
            subject=f"Due {clock.when(today)}: {draft.company.name}, {clock.label}"[:200],
            body=render_to_string("filing/email/deadline_reminder.txt", context), to=[user.email])
        message.attach_alternative(render_to_string("filing/email/deadline_reminder.html", context), "text/html")
        transaction.on_commit(lambda: send_or_say_why(message))
    return True
