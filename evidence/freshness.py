"""How current a source or snippet is."""

from __future__ import annotations

import re
from datetime import date
from typing import NewType

StaleReason = NewType("StaleReason", str)

_YEAR = re.compile(r"(?<![\d,.$])\b(?:19|20)\d{2}\b(?![,.]?\d)")


def is_stale(*, published: date | None, text: str, today: date, max_age_years: int = 3) -> StaleReason | None:
    """Why a source (or a snippet of it) may be out of date, or None.

    Stale when published more than ``max_age_years`` ago, or when the newest
    year the text names is before that window ("From 2010 to 2025" is
    current; "As of 2019" is not).
    """
    cutoff = years_before(today, max_age_years)
    if published is not None and published < cutoff:
        years = _whole_months(published, today) // 12
        return StaleReason(f"Source published {published:%B %-d, %Y}, {_plural(years, 'year')} ago")
    named = [int(year) for year in _YEAR.findall(text) if int(year) <= today.year]
    if named and max(named) < cutoff.year:
        return StaleReason(f"Names the year {max(named)}")
    return None


def age_label(published: date | None, today: date) -> str:
    """Human age of a source: "5 years old", "3 months old", "12 days old"."""
    if published is None:
        return "undated"
    if published > today:
        return "dated in the future"
    months = _whole_months(published, today)
    if months >= 12:
        return f"{_plural(months // 12, 'year')} old"
    if months >= 1:
        return f"{_plural(months, 'month')} old"
    days = (today - published).days
    return f"{_plural(days, 'day')} old" if days else "from today"


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _whole_months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"
