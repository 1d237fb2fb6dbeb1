"""Dates as practitioners type them: ISO `2026-11-28` or UK `28/11/2026`."""

from __future__ import annotations

import re
from datetime import date, timedelta

_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class DateError(ValueError):
    """A date the app could not read, with a message saying what it expected."""


def parse_date(text: str) -> date:
    """Read `2026-11-28` or `28/11/2026`; anything else raises DateError with a clear message."""
    value = (text or "").strip()
    for pattern, order in ((_ISO, (0, 1, 2)), (_UK, (2, 1, 0))):
        match = pattern.match(value)
        if match:
            parts = [int(g) for g in match.groups()]
            year, month, day = (parts[i] for i in order)
            try:
                return date(year, month, day)
            except ValueError:
                raise DateError(f"'{value}' is not a real date; dates are 2026-11-28 or "
                                "28/11/2026, day before month") from None
    raise DateError(f"'{value}' is not a date; use 2026-11-28 or 28/11/2026")


def parse_optional_date(text: str | None) -> date | None:
    return None if text is None or not str(text).strip() else parse_date(str(text))


def to_iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def from_iso(text: str | None) -> date | None:
    return None if not text else date.fromisoformat(text)


def friday_of(day: date) -> date:
    """The Friday of the ISO week holding `day` (a week's figure is taken on its Friday)."""
    return day + timedelta(days=4 - day.weekday())


def iso_week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the month's end (for automatic reduction end dates)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: day 28 exists in every month")
