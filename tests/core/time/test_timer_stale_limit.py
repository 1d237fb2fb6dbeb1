"""The stale-timer limit follows the Working week: the longest day plus two hours, app and CLI alike."""

from __future__ import annotations

from datetime import datetime, time

import pytest

import main
from core.time.activities import list_activities
from core.store.database import open_database
from core.common.errors import ValidationError
from core.store.paths import database_path
from core.time.timer import StaleTimerError, stale_limit_hours, stale_timer, start_timer, stop_timer
from core.time.working_week import WorkingPattern, save_pattern

STARTED = datetime(2026, 11, 24, 7, 0)  # a Tuesday, early
LATE = datetime(2026, 11, 24, 18, 30)  # eleven and a half hours later

LONG_DAYS = WorkingPattern(
    hours=(12.0, 12.0, 12.0, 1.0, 0.0, 0.0, 0.0), day_start=time(7, 0), day_end=time(19, 30)
)
SHORT_DAYS = WorkingPattern(
    hours=(4.0, 4.0, 4.0, 4.0, 0.0, 0.0, 0.0), day_start=time(9, 0), day_end=time(13, 0)
)


def act(db, name="Travel"):
    return next(a.id for a in list_activities(db) if a.name == name)


def test_default_pattern_keeps_the_familiar_ten_hours(db):
    assert stale_limit_hours(db) == 10  # 7.4 hours a day, 09:00 to 17:00, plus two


def test_long_working_days_are_not_asked_about_in_the_evening(db):
    save_pattern(db, LONG_DAYS)
    assert stale_limit_hours(db) == 14.5  # the 12.5 hour span is longer than 12 hours' work
    start_timer(db, act(db), now=STARTED)
    assert stale_timer(db, LATE) is None
    assert stale_timer(db, datetime(2026, 11, 24, 21, 45)) is not None
    assert stop_timer(db, now=LATE).added  # stops and logs without asking


def test_short_working_days_are_asked_about_sooner(db):
    save_pattern(db, SHORT_DAYS)
    assert stale_limit_hours(db) == 6
    start_timer(db, act(db), now=STARTED)
    assert stale_timer(db, datetime(2026, 11, 24, 12, 30)) is None
    assert stale_timer(db, datetime(2026, 11, 24, 13, 30)) is not None
    with pytest.raises(StaleTimerError):
        stop_timer(db, now=datetime(2026, 11, 24, 13, 30))


def test_a_timer_cannot_start_further_back_than_the_limit(db):
    save_pattern(db, SHORT_DAYS)
    with pytest.raises(ValidationError, match="at most 6 hours ago"):
        start_timer(db, act(db), now=LATE, started_at=datetime(2026, 11, 24, 12, 0))
    save_pattern(db, LONG_DAYS)
    start_timer(db, act(db), now=LATE, started_at=datetime(2026, 11, 24, 7, 0))


def test_a_very_short_pattern_still_allows_a_long_visit(db):
    save_pattern(db, WorkingPattern(hours=(1.0,) + (0.0,) * 6, day_end=time(10, 0)))
    assert stale_limit_hours(db) == 4


@pytest.mark.parametrize("pattern, stale", [(LONG_DAYS, False), (SHORT_DAYS, True)])
def test_cli_status_and_app_agree(data_dir, capsys, monkeypatch, pattern, stale):
    db = open_database(database_path(data_dir))
    save_pattern(db, pattern)
    start_timer(db, act(db), now=STARTED)
    app_says = stale_timer(db, LATE) is not None
    db.close()
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-24T18:30")  # the one clock, fixed
    assert main.main(["--data-dir", str(data_dir), "timer", "status"]) == 0
    out = capsys.readouterr().out
    assert "Timing Travel since Tue 24 Nov 07:00 (11 hours 30 minutes)." in out
    assert app_says is stale
    assert ("It has run a long time" in out) is stale
    if stale:
        assert "over 6 hours" in out
