"""Undo and Redo of a time change never overwrite a change made since, nor put time back over
time logged since: nothing is written and the refusal says the later change is kept, as a
Settings save taken back does (core.store.saved_rows)."""

from dataclasses import replace
from datetime import date, time

import pytest

from core.common.errors import ValidationError
from core.time.time_entries import TimeStore
from tests.core.time.test_time_entries import timed

DAY = date(2026, 11, 24)


def _rows(db):
    return list(db.query("SELECT * FROM time_entries ORDER BY id"))


def test_undoing_a_log_after_a_command_trimmed_it_keeps_the_trimmed_entry(db):
    store = TimeStore(db)
    logged = store.log_time(timed(db, (9, 0), (10, 0), "Recording and admin"))
    # `log "09:30-11:00 travel" --trim-overlaps` from a second process
    store.log_time(timed(db, (9, 30), (11, 0), "Travel"), trim=True)
    after_command = _rows(db)
    with pytest.raises(ValidationError) as refused:
        store.revert(logged)
    assert _rows(db) == after_command
    said = str(refused.value)
    assert "09:00–10:00 Recording and admin" in said
    assert "has been changed since, so this was not undone: the later change is kept." in said


def test_undoing_an_edit_keeps_a_change_made_to_the_row_since(db):
    store = TimeStore(db)
    entry = store.log_time(timed(db, (9, 0), (9, 45), "Travel")).added[0]
    edited = store.update_entry(replace(entry, end=time(10), minutes=60))
    db.execute("UPDATE time_entries SET minutes = 50, \"end\" = '09:50' WHERE id = ?",
               [entry.id])  # changed outside the window
    elsewhere = _rows(db)
    with pytest.raises(ValidationError):
        store.revert(edited)
    assert _rows(db) == elsewhere


def test_redo_refuses_to_put_time_back_over_time_logged_since(db):
    store = TimeStore(db)
    logged = store.log_time(timed(db, (9, 0), (10, 0), "Recording and admin"))
    store.revert(logged)  # Ctrl+Z
    store.log_time(timed(db, (9, 30), (11, 0), "Travel"))  # a command logs time there
    since = _rows(db)
    with pytest.raises(ValidationError) as refused:
        store.reapply(logged)  # Ctrl+Y
    assert _rows(db) == since  # no double-counted half hour
    said = str(refused.value)
    assert "would overlap time logged since (09:30–11:00 Travel" in said
    assert "not redone: the later time is kept." in said


def test_undo_and_redo_with_nothing_changed_since_still_work_exactly(db):
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (12, 0), "Recording and admin", note="morning"))
    before = _rows(db)
    change = store.log_time(timed(db, (10, 0), (11, 0)), trim=True)
    after = _rows(db)
    store.revert(change)
    assert _rows(db) == before
    store.reapply(change)
    assert _rows(db) == after
