"""A clock of the filing record: one dated thing a filer must do or watch for, with its paragraph."""
from dataclasses import dataclass
from datetime import date

from .common import plural


@dataclass(frozen=True)
class Clock:
    """``key`` is stable for a draft (reminders and calendar events are keyed on it); ``organization_id`` is
    the one filer it concerns (a deficiency notice's cure), None when it concerns every filer."""

    key: str
    label: str
    rule: str
    due: date
    estimated: bool = False
    done: bool = False
    organization_id: int | None = None

    def days_left(self, today: date) -> int:
        return (self.due - today).days

    def when(self, today: date) -> str:
        """'today', 'in 3 days', '2 days ago'."""
        left = self.days_left(today)
        return "today" if left == 0 else f"in {plural(left, 'day')}" if left > 0 else f"{plural(-left, 'day')} ago"

    def summary(self, today: date) -> str:
        """'Rule 14a-8(m)(3): last day for the company's statement in opposition to reach you: February 18, 2027
        (estimate), in 79 days.'"""
        estimate = " (estimate)" if self.estimated else ""
        return f"Rule {self.rule}: {self.label}: {self.due:%B %-d, %Y}{estimate}, {self.when(today)}."


def reminders_due(clock: Clock, *, today: date, offsets: tuple[int, ...]) -> list[int]:
    """The reminder offsets (days before) whose day has come for an open clock, and whose deadline has not passed.

    A day missed by the scheduler is made up the next day; the caller sends one email for all of them.
    """
    if clock.done or clock.days_left(today) < 0:
        return []
    return sorted(offset for offset in offsets if clock.days_left(today) <= offset)
