"""Bank holidays in England and Wales, worked out in code (no network): fixed rules plus the
one-off changes announced by royal proclamation."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    day = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return day - timedelta(days=day.weekday())


# Rule-based days that were moved in a given year: (year, usual name) -> replacement date.
_MOVED = {
    (1995, "Early May bank holiday"): date(1995, 5, 8),  # VE day 50th anniversary
    (2002, "Spring bank holiday"): date(2002, 6, 4),  # Golden Jubilee
    (2012, "Spring bank holiday"): date(2012, 6, 4),  # Diamond Jubilee
    (2020, "Early May bank holiday"): date(2020, 5, 8),  # VE day 75th anniversary
    (2022, "Spring bank holiday"): date(2022, 6, 2),  # Platinum Jubilee
}
# One-off extra bank holidays.
_EXTRA = {
    date(1999, 12, 31): "Millennium celebrations",
    date(2002, 6, 3): "Golden Jubilee bank holiday",
    date(2011, 4, 29): "Royal wedding",
    date(2012, 6, 5): "Diamond Jubilee bank holiday",
    date(2022, 6, 3): "Platinum Jubilee bank holiday",
    date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    date(2023, 5, 8): "Bank holiday for the coronation of King Charles III",
}


@lru_cache(maxsize=64)
def _year(year: int) -> dict[date, str]:
    days: dict[date, str] = {}
    new_year = date(year, 1, 1)
    if new_year.weekday() >= 5:  # Saturday or Sunday: the next Monday instead
        new_year += timedelta(days=7 - new_year.weekday())
    days[new_year] = "New Year's Day" + (" (substitute day)" if new_year.day != 1 else "")
    easter = easter_sunday(year)
    days[easter - timedelta(days=2)] = "Good Friday"
    days[easter + timedelta(days=1)] = "Easter Monday"
    for name, usual in (
        ("Early May bank holiday", _first_monday(year, 5)),
        ("Spring bank holiday", _last_monday(year, 5)),
        ("Summer bank holiday", _last_monday(year, 8)),
    ):
        days[_MOVED.get((year, name), usual)] = name
    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: both move to Monday and Tuesday
        christmas_obs, boxing_obs = date(year, 12, 27), date(year, 12, 28)
    elif christmas.weekday() == 6:  # Sunday: Christmas on Tuesday, Boxing Day on Monday
        christmas_obs, boxing_obs = date(year, 12, 27), boxing
    elif christmas.weekday() == 4:  # Friday: Boxing Day (Saturday) moves to Monday
        christmas_obs, boxing_obs = christmas, date(year, 12, 28)
    else:
        christmas_obs, boxing_obs = christmas, boxing
    days[christmas_obs] = "Christmas Day" + (
        " (substitute day)" if christmas_obs != christmas else ""
    )
    days[boxing_obs] = "Boxing Day" + (" (substitute day)" if boxing_obs != boxing else "")
    days.update({d: n for d, n in _EXTRA.items() if d.year == year})
    return dict(sorted(days.items()))


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
