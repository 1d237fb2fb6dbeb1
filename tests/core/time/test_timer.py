"""The stored timer: switching, "started 10 minutes ago", "stop at", and stale timers caught."""

from datetime import date, datetime

import pytest

from core.time.activities import list_activities
from core.store.database import open_database
from core.common.errors import ValidationError
from core.time.time_entries import TimeStore, format_span
from core.time.timer import StaleTimerError, get_timer, stale_timer, start_timer, stop_timer


def act(db, name):
    return next(a.id for a in list_activities(db) if a.name == name)


def test_timer_survives_closing_and_reopening(tmp_path):
    path = tmp_path / "time.db"
    db = open_database(path)
    start_timer(db, act(db, "Home visit"), now=datetime(2026, 11, 24, 9, 30))
    db.close()
    reopened = open_database(path)
    timer = get_timer(reopened)
    assert timer is not None and timer.activity_name == "Home visit"
    assert timer.started_at == datetime(2026, 11, 24, 9, 30)
    reopened.close()


def test_started_ago_switch_and_stop_at(db):
    start_timer(
        db,
        act(db, "Home visit"),
        now=datetime(2026, 11, 24, 10, 0),
        started_at=datetime(2026, 11, 24, 9, 50),
    )
    start_timer(db, act(db, "Travel"), now=datetime(2026, 11, 24, 10, 40))  # switch in one step
    stop_timer(db, now=datetime(2026, 11, 24, 11, 30), at=datetime(2026, 11, 24, 11, 5))
    entries = TimeStore(db).entries_on(date(2026, 11, 24))
    assert [(f"{e.start:%H:%M}", f"{e.end:%H:%M}", e.activity_name) for e in entries] == [
        ("09:50", "10:40", "Home visit"),
        ("10:40", "11:05", "Travel"),
    ]
    assert get_timer(db) is None


def test_weekend_long_timer_is_caught_not_logged(db):
    start_timer(db, act(db, "Recording and admin"), now=datetime(2026, 11, 20, 16, 45))
    monday = datetime(2026, 11, 23, 8, 55)
    assert stale_timer(db, monday) is not None
    with pytest.raises(StaleTimerError, match="has run since Fri 20 Nov 16:45"):
        stop_timer(db, now=monday)
    with pytest.raises(ValidationError):
        start_timer(db, act(db, "Travel"), now=monday)  # switching would hide the weekend too
    assert TimeStore(db).entries_between(date(2026, 11, 20), date(2026, 11, 23)) == []
    stop_timer(db, now=monday, at=datetime(2026, 11, 20, 17, 30), keep="until")
    entries = TimeStore(db).entries_between(date(2026, 11, 20), date(2026, 11, 23))
    assert [(e.date, e.minutes) for e in entries] == [(date(2026, 11, 20), 45)]


def test_stale_timer_keep_none_and_keep_all(db):
    start_timer(db, act(db, "Travel"), now=datetime(2026, 11, 23, 22, 0))
    stop_timer(db, now=datetime(2026, 11, 24, 9, 0), keep="none")
    assert get_timer(db) is None and TimeStore(db).entries_on(date(2026, 11, 23)) == []
    start_timer(db, act(db, "Travel"), now=datetime(2026, 11, 23, 23, 0))
    stop_timer(db, now=datetime(2026, 11, 24, 1, 0), keep="all")
    entries = TimeStore(db).entries_between(date(2026, 11, 23), date(2026, 11, 24))
    assert [(e.date, format_span(e), e.minutes) for e in entries] == [
        (date(2026, 11, 23), "23:00–24:00", 60),
        (date(2026, 11, 24), "00:00–01:00", 60),
    ]


def test_long_day_timer_past_limit_is_stale(db):
    start_timer(db, act(db, "Travel"), now=datetime(2026, 11, 24, 7, 0))
    assert stale_timer(db, datetime(2026, 11, 24, 16, 0)) is None
    assert stale_timer(db, datetime(2026, 11, 24, 17, 30)) is not None


def test_timer_cannot_start_in_the_future(db):
    with pytest.raises(ValidationError, match="future"):
        start_timer(
            db,
            act(db, "Travel"),
            now=datetime(2026, 11, 24, 9, 0),
            started_at=datetime(2026, 11, 24, 9, 30),
        )
