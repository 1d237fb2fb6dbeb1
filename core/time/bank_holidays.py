"""Bank holidays in England and Wales, from the `holidays` package (no network).

The package carries the fixed rules and every one-off day announced by royal proclamation (a
jubilee, a coronation, a state funeral), so a new proclamation arrives with an update of the
package rather than a hand-written rule here. England and Wales share one list (subdivision ENG
of GB). Only weekdays are kept: when a holiday falls at a weekend the list gives its substitute
weekday, which is the day off.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import lru_cache
from typing import Any

SUBSTITUTE = " (substitute day)"


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday."""
    from dateutil.easter import easter

    return easter(year)


def _united_kingdom() -> Any:
    """The `holidays` package's United Kingdom class, loaded alone. Its module is
    holidays.countries.united_kingdom, and importing any module of holidays.countries runs that
    package's __init__, which imports all of its 250 countries (about 7 MiB the Time view never
    uses); the package is stood in for by a bare one over the same folder, so only the United
    Kingdom's module (and what it imports itself) is loaded. Should that ever fail (another
    layout of the package), the library's own `country_holidays` is used."""
    import holidays

    bare = None
    if "holidays.countries" not in sys.modules:
        import importlib.util
        from types import ModuleType

        spec = importlib.util.find_spec("holidays.countries")
        if spec is not None and spec.submodule_search_locations:
            bare = ModuleType("holidays.countries")
            bare.__path__ = list(spec.submodule_search_locations)
            bare.__package__ = "holidays.countries"
            bare.__spec__ = spec
            sys.modules["holidays.countries"] = bare
    try:
        from holidays.countries.united_kingdom import UnitedKingdom

        return UnitedKingdom
    except ImportError:
        if bare is not None and sys.modules.get("holidays.countries") is bare:
            del sys.modules["holidays.countries"]  # the real package, for the library's own way
        return lambda **kw: holidays.country_holidays("GB", **kw)


@lru_cache(maxsize=64)
def _year(year: int) -> dict[date, str]:
    found = _united_kingdom()(subdiv="ENG", years=year, language="en_GB")  # loaded when needed
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
