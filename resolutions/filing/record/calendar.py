"""A user's deadlines as an iCalendar feed (RFC 5545, built with the icalendar library): one all-day event
per deadline, with a UID stable across fetches so a calendar app updates an event rather than adding one."""
from datetime import timedelta

from django.urls import reverse
from icalendar import Calendar, Event

from .selectors import user_clocks


def deadlines_calendar(user, *, site_url: str, now) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Whereas//Rule 14a-8 deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Whereas: Rule 14a-8 deadlines")
    for row in user_clocks(user):
        draft, clock = row.draft, row.clock
        event = Event()
        event.add("uid", f"draft-{draft.pk}-{clock.key}@whereas")
        event.add("dtstamp", now)
        event.add("dtstart", clock.due)
        event.add("dtend", clock.due + timedelta(days=1))
        estimate = " (estimate)" if clock.estimated else ""
        event.add("summary", f"{draft.company.name}: {clock.label[:1].upper()}{clock.label[1:]}{estimate}")
        link = site_url.rstrip("/") + reverse("drafts:filing_record", args=[draft.pk])
        event.add("description", f"Rule {clock.rule}. “{draft.title}”, {draft.company.name} {draft.meeting_year}."
                                 + (" Done." if clock.done else "") + f"\n{link}")
        event.add("url", link)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
