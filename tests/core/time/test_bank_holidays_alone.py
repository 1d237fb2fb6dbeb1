"""The bank holidays come from the `holidays` package's United Kingdom alone: the package's
other 250 countries (about 7 MiB) are not loaded for them, and the days are the library's own."""

from __future__ import annotations

import subprocess
import sys


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    return done.stdout.strip()


def test_only_the_united_kingdom_is_loaded_for_the_bank_holidays():
    out = run("import sys; from core.time.bank_holidays import bank_holidays_between; "
              "from datetime import date; "
              "days = bank_holidays_between(date(2016, 1, 1), date(2030, 12, 31)); "
              "print(len(days), sorted(m for m in sys.modules "
              "if m.startswith('holidays.countries.')))")
    count, loaded = out.split(" ", 1)
    assert int(count) >= 8 * 15
    assert loaded == "['holidays.countries.united_kingdom']"


def test_the_days_and_names_are_the_librarys_own():
    """The same as the library's usual way in (every country loaded), for fifteen years."""
    code = ("import holidays; from core.time.bank_holidays import _year; "
            "from datetime import date; "
            "ours = {y: _year(y) for y in range(2016, 2031)}; "
            "full = {y: {d: n.replace(' (observed)', ' (substitute day)').replace('; ', ', ') "
            "for d, n in holidays.country_holidays('GB', subdiv='ENG', years=y, "
            "language='en_GB').items() if d.weekday() < 5} for y in range(2016, 2031)}; "
            "print(ours == full)")
    assert run(code) == "True"
    alone = run("from core.time.bank_holidays import _year; "
                "print(sorted((d.isoformat(), n) for y in range(2016, 2031) "
                "for d, n in _year(y).items()))")
    full = run("import holidays.countries; from core.time.bank_holidays import _year; "
               "print(sorted((d.isoformat(), n) for y in range(2016, 2031) "
               "for d, n in _year(y).items()))")
    assert alone == full


def test_the_librarys_own_way_is_used_if_the_united_kingdom_cannot_be_loaded_alone():
    """Another layout of the package (a bundle's archive, a later version): the same days."""
    code = ("import importlib.util, sys; from datetime import date; "
            "real = importlib.util.find_spec; "
            "importlib.util.find_spec = lambda name, *a: (lambda s: (setattr(s, "
            "'submodule_search_locations', ['/nowhere']), s)[1])(real(name, *a)) "
            "if name == 'holidays.countries' else real(name, *a); "
            "from core.time.bank_holidays import bank_holidays; "
            "print(sorted(bank_holidays(2026)) == [date(2026, 1, 1), date(2026, 4, 3), "
            "date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25), date(2026, 8, 31), "
            "date(2026, 12, 25), date(2026, 12, 28)], "
            "len([m for m in sys.modules if m.startswith('holidays.countries.')]) > 1)")
    assert run(code) == "True True"
