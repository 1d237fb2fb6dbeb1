"""Over years of data, this week's words read only the cases held in the two years the week's
runs and trend look at, and say exactly what the Overview, reading every case, says."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest

import core.workload.estimate as estimate
from core.caseload.cases import CaseStore
from core.store.database import open_database
from core.store.paths import database_path
from core.workload.week_words import week_in_words

TODAY = date(2026, 11, 27)
ROOT = Path(__file__).resolve().parents[3]


def _generate(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_dataset", ROOT / "benchmarks" / "generate_dataset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(folder, years=6, cases=360, entries=0, today=TODAY)


@pytest.fixture(scope="module")
def db(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("years")
    _generate(folder)
    data = open_database(database_path(folder))
    yield data
    data.close()


def test_the_words_leave_out_only_cases_closed_before_the_weeks_they_look_at(db, monkeypatch):
    every_case = estimate.load_inputs
    read: list[int] = []

    def as_the_words_read(source, closed_after=None):  # type: ignore[no-untyped-def]
        inputs = every_case(source, closed_after)
        read.append(len(inputs.cases))
        return inputs

    def reading_every_case(source, closed_after=None):  # type: ignore[no-untyped-def]
        return every_case(source)

    said = set()
    for weeks_back in range(0, 120, 3):
        for weekday in (0, 2, 4, 6):  # Monday, Wednesday, Friday, Sunday
            day = TODAY - timedelta(weeks=weeks_back, days=TODAY.weekday() - weekday)
            monkeypatch.setattr(estimate, "load_inputs", as_the_words_read)
            words = week_in_words(db, day)
            monkeypatch.setattr(estimate, "load_inputs", reading_every_case)
            assert words is not None and words == week_in_words(db, day), day
            said.add((words.headline, bool(words.sustained), bool(words.sustained_caseload)))
    # The cases closed years before were left out, over weeks that say different things.
    assert max(read) < len(CaseStore(db).list_cases("all")) - 50
    assert len(said) > 2


def test_the_words_for_many_days_from_one_reading_are_each_days_own(db):
    """The coming days' words kept at quit (core.store.coming_days) are worked out from one
    reading of the data: each day's are those worked out for that day alone."""
    from core.workload.week_words import words_on_days

    days = [TODAY + timedelta(days=n) for n in range(-5, 4)]  # Sunday to Monday, three weeks
    together = words_on_days(db, days)
    assert together == [week_in_words(db, day) for day in days]
    assert len({words.week for words in together if words is not None}) == 3


@pytest.mark.parametrize("quit_day", [
    date(2026, 3, 27),  # the clocks go forward on the 29th; Good Friday and Easter Monday
    date(2026, 10, 22),  # the clocks go back on the 25th
    date(2026, 12, 23),  # Christmas, Boxing Day on a Saturday (the 28th in lieu), 2026-W53
])
def test_the_coming_days_words_over_years_of_data_are_each_days_own(db, quit_day):
    """The three weeks kept at a quit (core.store.coming_days), over six years of data: each
    day's words are those worked out for that day alone."""
    from core.store.coming_days import COMING_DAYS
    from core.workload.week_words import words_on_days

    days = [quit_day + timedelta(days=n) for n in range(1, COMING_DAYS + 1)]
    assert words_on_days(db, days) == [week_in_words(db, day) for day in days]
