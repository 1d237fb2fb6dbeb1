"""The time store's own checks at the clock changes, which the window's dialog shows as they are:
a time the clocks skipped is one line; an end before the start because the clocks went back is
real time; entries are compared as instants."""

from __future__ import annotations

import time as _time
from datetime import date, time

import pytest

from core.time.activities import list_activities
from core.time.entry_clock import entry_minutes
from core.time.time_entries import TimeEntry, TimeStore, clock_change_note

SPRING, AUTUMN = date(2026, 3, 29), date(2026, 10, 25)


@pytest.fixture
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()


def entry(db, day, start, end, minutes):
    activity = next(a.id for a in list_activities(db) if a.name.startswith("Recording"))
    return TimeEntry(date=day, minutes=minutes, activity_id=activity, start=time(*start),
                     end=time(*end))


def test_a_skipped_time_is_the_one_problem_the_dialog_shows(db, london):
    problems = TimeStore(db).problems(entry(db, SPRING, (1, 15), (1, 45), 30), date(2026, 3, 30))
    assert problems == [
        "01:15 did not happen on 29 March: the clocks went forward from 01:00 to 02:00."
    ]


def test_an_end_before_the_start_as_the_clocks_go_back_is_real_time(db, london):
    assert entry_minutes(AUTUMN, time(1, 30), time(1, 5)) == 35
    store = TimeStore(db)
    back = entry(db, AUTUMN, (1, 30), (1, 5), 35)
    assert store.problems(back, date(2026, 10, 26)) == []
    assert "clocks went back" in clock_change_note(back)
    store.log_time(back, today=date(2026, 10, 26))
    # 01:00-01:10 could be either occurrence; the first is free, so it is no overlap.
    assert store.overlaps(entry(db, AUTUMN, (1, 0), (1, 10), 10)) == []
    # 01:40 (summer time) to the second 01:00 lies inside the 35 minutes.
    assert len(store.overlaps(entry(db, AUTUMN, (1, 40), (1, 0), 20))) == 1


def test_an_end_before_the_start_on_an_ordinary_day_still_points_to_24_00(db, london):
    problems = TimeStore(db).problems(entry(db, date(2026, 11, 24), (23, 0), (1, 0), 120),
                                      date(2026, 11, 25))
    assert any("Use 24:00 for the end of the day" in p for p in problems)
