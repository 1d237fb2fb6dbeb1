"""A timer is an instant (issue 13): stored with its UTC offset, its length real elapsed time,
and an older file's offset-less start upgraded by migration m007_timer_utc."""

from __future__ import annotations

import time as _time
from datetime import date, datetime

import pytest

from core.store.database import open_database
from core.time.activities import list_activities
from core.time.time_entries import TimeStore, format_span
from core.time.timer import get_timer, start_timer, stop_timer


@pytest.fixture
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()


def admin(db) -> int:
    return next(a.id for a in list_activities(db) if a.name.startswith("Recording"))


def logged(db, first, last):
    return [(e.date, format_span(e), e.minutes) for e in TimeStore(db).entries_between(first, last)]


def test_the_start_is_stored_with_its_offset(db, london):
    start_timer(db, admin(db), now=datetime(2026, 10, 25, 0, 53))
    stored = next(db.query("SELECT started_at FROM running_timer"))["started_at"]
    assert stored == "2026-10-25T00:53+01:00"


def test_through_the_october_change_a_timer_stops_and_logs_real_time(db, london):
    start_timer(db, admin(db), now=datetime(2026, 10, 25, 0, 53))
    after = datetime(2026, 10, 25, 1, 10, fold=1)  # the second 01:10, GMT
    assert get_timer(db).elapsed_minutes(after) == 77
    stop_timer(db, now=after)
    assert logged(db, date(2026, 10, 25), date(2026, 10, 25)) == [
        (date(2026, 10, 25), "00:53–01:10", 77)
    ]


def test_through_the_march_change_twenty_minutes_are_twenty(db, london):
    start_timer(db, admin(db), now=datetime(2026, 3, 29, 0, 50))
    stop_timer(db, now=datetime(2026, 3, 29, 2, 10))
    assert logged(db, date(2026, 3, 29), date(2026, 3, 29)) == [
        (date(2026, 3, 29), "00:50–02:10", 20)
    ]


def test_across_midnight_no_minute_is_lost_and_no_question_is_asked(db):
    start_timer(db, admin(db), now=datetime(2026, 11, 23, 23, 57))
    stop_timer(db, now=datetime(2026, 11, 24, 0, 1))
    start_timer(db, admin(db), now=datetime(2026, 11, 24, 23, 45))
    stop_timer(db, now=datetime(2026, 11, 25, 0, 15))
    assert logged(db, date(2026, 11, 23), date(2026, 11, 25)) == [
        (date(2026, 11, 23), "23:57–24:00", 3),
        (date(2026, 11, 24), "00:00–00:01", 1),
        (date(2026, 11, 24), "23:45–24:00", 15),
        (date(2026, 11, 25), "00:00–00:15", 15),
    ]


def test_an_older_files_offset_less_start_is_upgraded(tmp_path, london):
    from core.store.migrations import MIGRATIONS

    path = tmp_path / "caseload.db"
    db = open_database(path)
    db["running_timer"].insert({"id": 1, "activity_id": admin(db), "started_at": "2026-10-25T00:53"})
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_timer_utc'")  # as before m007
    MIGRATIONS.apply(db)
    stored = next(db.query("SELECT started_at FROM running_timer"))["started_at"]
    assert stored == "2026-10-25T00:53+01:00"
    assert get_timer(db).started_at == datetime(2026, 10, 25, 0, 53)
    db.close()


def test_a_quick_entry_ending_now_in_the_repeated_hour_is_real_time(db, london):
    from core.time.quick_entry import parse_quick_entry

    now = datetime(2026, 10, 25, 1, 20, fold=1)  # the second 01:20, GMT
    parsed = parse_quick_entry("00:50-now admin", now=now, activities=list_activities(db),
                               case_refs=[])
    assert parsed.minutes == 90
