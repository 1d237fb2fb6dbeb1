"""Dates as practitioners type them: ISO `2026-11-28` or UK `28/11/2026`."""

from __future__ import annotations

import re
from datetime import date, timedelta

# A practitioner's dates (case starts, time, reductions, history) all lie in this range; a year
# outside it is a typing slip, and bounding it here keeps 0001 or 9999 from reaching date arithmetic.
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class DateError(ValueError):
    """A date the app could not read, with a message saying what it expected."""


def parse_date(text: str) -> date:
    """Read `2026-11-28` or `28/11/2026` between 2000 and 2100; anything else raises DateError
    with a clear message (the text is shortened in it, so a huge cell stays a one-line message)."""
    value = (text or "").strip()
    if len(value) > 10:
        raise DateError(f"'{shorten(value)}' is not a date; use 2026-11-28 or 28/11/2026")
    for pattern, order in ((_ISO, (0, 1, 2)), (_UK, (2, 1, 0))):
        match = pattern.match(value)
        if match:
            parts = [int(g) for g in match.groups()]
            year, month, day = (parts[i] for i in order)
            try:
                found = date(year, month, day)
            except ValueError:
                raise DateError(f"'{value}' is not a real date; dates are 2026-11-28 or "
                                "28/11/2026, day before month") from None
            if not FIRST_DATE <= found <= LAST_DATE:
                raise DateError(f"'{value}' is not between the years 2000 and 2100; check the year")
            return found
    raise DateError(f"'{value}' is not a date; use 2026-11-28 or 28/11/2026")


def shorten(text: str, limit: int = 30) -> str:
    """`text` cut to `limit` characters with an ellipsis, for quoting user input in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
