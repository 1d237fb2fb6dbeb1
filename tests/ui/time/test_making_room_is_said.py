"""Logging over time already logged, and answering Yes to shorten it, says what the existing entry
became: it was announced only as "Logged 40 minutes of Travel", and the part of a split entry
after the new time was counted as newly logged."""

from __future__ import annotations

from datetime import date, time

import pytest

from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.time.time_wording import change_message

DAY = date(2026, 11, 18)


@pytest.fixture
def store(db):
    return TimeStore(db)


def _activity(db, name: str) -> int:
    return next(a.id for a in list_activities(db) if a.name.startswith(name))


def _log(store, activity: int, start: time, end: time):  # type: ignore[no-untyped-def]
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return store.log_time(TimeEntry(DAY, minutes, activity, start, end), trim=True)


def test_shortened_split_and_taken_out_are_each_said(db, store):
    recording, travel = _activity(db, "Recording"), _activity(db, "Travel")
    _log(store, recording, time(1), time(2))
    said = change_message(_log(store, travel, time(1, 30), time(2, 10)))
    assert said == ("Logged 40 minutes of Travel. Recording and admin 01:00–02:00 was shortened "
                    "to 01:00–01:30 to make room. Undo with Ctrl+Z.")

    _log(store, recording, time(9), time(10))
    said = change_message(_log(store, travel, time(9, 15), time(9, 30)))
    assert said.startswith("Logged 15 minutes of Travel. ")  # not the hour's tail as well
    assert "09:00–10:00 was shortened to 09:00–09:15 and 09:30–10:00 to make room." in said

    said = change_message(_log(store, travel, time(8), time(11)))
    assert said.startswith("Logged 3 hours of Travel.")
    assert "09:00–09:15 was taken out to make room." in said
    assert "09:30–10:00 was taken out to make room." in said
    assert said.endswith("Undo with Ctrl+Z.")


def test_the_same_activity_logged_inside_itself_is_still_said(db, store):
    recording = _activity(db, "Recording")
    _log(store, recording, time(9), time(10))
    said = change_message(_log(store, recording, time(9, 15), time(9, 30)))
    assert said.startswith("Logged ") and said.endswith("Undo with Ctrl+Z.")
