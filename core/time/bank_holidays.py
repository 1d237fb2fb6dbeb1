"""Bank holidays in England and Wales, from the `holidays` package (no network).

The package carries the fixed rules and every one-off day announced by royal proclamation (a
jubilee, a coronation, a state funeral), so a new proclamation arrives with an update of the
package rather than a hand-written rule here. England and Wales share one list (subdivision ENG
of GB). Only weekdays are kept: when a holiday falls at a weekend the list gives its substitute
weekday, which is the day off.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

SUBSTITUTE = " (substitute day)"


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday."""
    from dateutil.easter import easter

    return easter(year)


@lru_cache(maxsize=64)
def _year(year: int) -> dict[date, str]:
    import holidays  # ~8 MB with its every country: loaded when a year is first asked for

    found = holidays.country_holidays("GB", subdiv="ENG", years=year, language="en_GB")
    days = {}
    for day, name in sorted(found.items()):
        if day.weekday() >= 5:  # the weekend date itself is not a day off; its substitute is
            continue
        days[day] = name.replace(" (observed)", SUBSTITUTE).replace("; ", ", ")
    return days


def bank_holidays(year: int) -> dict[date, str]:
    """Every England and Wales bank holiday in `year`, date -> name."""
    return dict(_year(year))


def bank_holiday_name(day: date) -> str | None:
    return _year(day.year).get(day)


def bank_holidays_between(first: date, last: date) -> dict[date, str]:
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update({d: n for d, n in _year(year).items() if first <= d <= last})
    return found
