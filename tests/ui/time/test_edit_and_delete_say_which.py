"""Editing a time entry is said as a change of that entry, and a deletion names the day and time:
Orca heard "Logged 1 hour of Recording and admin." for an entry moved to another day, as if
new time had been logged, and "Deleted Recording and admin." with no day or time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from PySide6.QtGui import QUndoStack

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.shell.hub import Hub
from ui.time import time_view as time_view_module
from ui.time.time_view import TimeView
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 12, 7, 9, 30)  # a Monday morning
SUNDAY = date(2026, 12, 6)
SATURDAY = date(2026, 12, 5)


@pytest.fixture
def heard():
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


@pytest.fixture
def view(qtbot, db):
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    widget = TimeView(db, Hub(), QUndoStack(), clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show_week(SATURDAY)
    return widget


def _act(db, name):  # type: ignore[no-untyped-def]
    return next(a.id for a in list_activities(db) if a.name == name)


def _logged(view, day, start, end, name="Recording and admin"):  # type: ignore[no-untyped-def]
    minutes = (end.hour - start.hour) * 60 + end.minute - start.minute
    entry = TimeStore(view._db).log_time(TimeEntry(day, minutes, _act(view._db, name), start=start,
                                                   end=end), today=NOW.date()).added[0]
    view.refresh()
    for row, week_row in enumerate(view.model.rows()):
        if week_row.kind == "entry" and week_row.item.id == entry.id:
            view.table.selectRow(row)
    return view.selected_entry()


def _edit(view, monkeypatch, change):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(time_view_module, "_get_entry",
                        lambda _parent, _db, entry, save: save(change(entry)))
    view.edit_selected()


def test_moving_an_entry_says_where_it_went(view, heard, monkeypatch):
    _logged(view, SATURDAY, time(1), time(2))
    _edit(view, monkeypatch, lambda e: replace(e, date=SUNDAY))
    assert heard[-1] == ("Moved Recording and admin to Sunday 6 December, 01:00–02:00. "
                         "Undo with Ctrl+Z.")


def test_changing_what_an_entry_was_says_what_changed(view, heard, monkeypatch):
    _logged(view, SATURDAY, time(9), time(10))
    travel = _act(view._db, "Travel")
    case = CaseStore(view._db).list_cases("all")[0]
    _edit(view, monkeypatch, lambda e: replace(e, activity_id=travel, case_id=case.id))
    assert heard[-1] == ("Changed Recording and admin, Saturday 5 December, 09:00–10:00: now "
                         "Travel, now for C07. Undo with Ctrl+Z.")
    assert not any(t.startswith("Logged") for t in heard)


def test_an_edit_that_makes_room_says_both(view, heard, monkeypatch):
    _logged(view, SATURDAY, time(10), time(12), name="Travel")
    _logged(view, SATURDAY, time(9), time(10))
    monkeypatch.setattr(time_view_module, "apply_with_trim", lambda _p, action: action(True))
    _edit(view, monkeypatch, lambda e: replace(e, end=time(11), minutes=120))
    assert heard[-1] == ("Changed Recording and admin, Saturday 5 December, 09:00–10:00: now "
                         "09:00–11:00. "
                         "Travel 10:00–12:00 was shortened to 11:00–12:00 to make room. "
                         "Undo with Ctrl+Z.")


def test_a_length_changed_on_the_same_day_is_not_said_as_a_move(view, heard, monkeypatch):
    """45 minutes of Travel made an hour was said as "Moved Travel to Monday 7 December"."""
    travel = _act(view._db, "Travel")
    TimeStore(view._db).log_time(TimeEntry(SATURDAY, 45, travel), today=NOW.date())
    view.refresh()
    for row, week_row in enumerate(view.model.rows()):
        if week_row.kind == "entry" and week_row.item.activity_id == travel:
            view.table.selectRow(row)
    _edit(view, monkeypatch, lambda e: replace(e, minutes=60))
    assert heard[-1] == ("Changed Travel, Saturday 5 December, 45 minutes: now 1 hour. "
                         "Undo with Ctrl+Z.")


def test_delete_names_the_day_and_time(view, heard):
    _logged(view, SUNDAY, time(1), time(2))
    view.delete_selected()
    assert heard[-1] == ("Deleted Recording and admin, Sunday 6 December, 01:00–02:00. "
                         "Undo with Ctrl+Z.")


def test_a_deletion_undone_names_the_entry_it_brought_back(view, heard):
    """The undo step was called just "Delete" ("Undone: Delete.")."""
    _logged(view, SUNDAY, time(1), time(2))
    view.delete_selected()
    assert view.undo_stack.undoText() == "Delete entry"
    view.undo_stack.undo()
    assert heard[-1] == ("Undone: Delete entry (Recording and admin, Sunday 6 December, "
                         "01:00–02:00).")
    assert view.message.text() == heard[-1]  # shown under the quick line as well


def test_an_edit_undone_and_redone_says_what_the_entry_is_now(view, heard, monkeypatch):
    """Orca heard "Undone: Edit entry (Recording and admin, Monday 7 December, 45 minutes)." and
    never the 30 minutes the entry was back to."""
    recording = _act(view._db, "Recording and admin")
    TimeStore(view._db).log_time(TimeEntry(SATURDAY, 30, recording), today=NOW.date())
    view.refresh()
    for row, week_row in enumerate(view.model.rows()):
        if week_row.kind == "entry" and week_row.item.activity_id == recording:
            view.table.selectRow(row)
    _edit(view, monkeypatch, lambda e: replace(e, minutes=45))
    view.undo_stack.undo()
    assert heard[-1] == ("Undone: Edit entry (Recording and admin, Saturday 5 December, "
                         "45 minutes): now 30 minutes.")
    assert TimeStore(view._db).entries_on(SATURDAY)[0].minutes == 30  # as said
    view.undo_stack.redo()
    assert heard[-1] == ("Redone: Edit entry (Recording and admin, Saturday 5 December, "
                         "30 minutes): now 45 minutes.")


def test_a_move_undone_says_where_the_entry_is_back(view, heard, monkeypatch):
    _logged(view, SATURDAY, time(1), time(2))
    _edit(view, monkeypatch, lambda e: replace(e, date=SUNDAY))
    view.undo_stack.undo()
    assert heard[-1] == ("Undone: Edit entry (Recording and admin, Sunday 6 December, "
                         "01:00–02:00): now Saturday 5 December, 01:00–02:00.")


def test_edit_time_returned_unchanged_says_nothing_changed(view, heard, monkeypatch):
    """Edit time, the date emptied (and put back by the field), Return: it closed without a
    word, and the line under the quick entry still showed an older undo."""
    entry = _logged(view, SATURDAY, time(9, 0), time(10, 0))
    monkeypatch.setattr(time_view_module, "_get_entry",
                        lambda parent, db, current, save: save(current))
    heard.clear()
    view.edit_selected()
    assert heard == ["Nothing changed: the entry is as it was."]
    assert view.message.text() == heard[0]  # in place of the older line
    assert view.selected_entry() == entry
