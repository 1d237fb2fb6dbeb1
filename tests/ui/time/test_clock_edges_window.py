"""The window takes the clock-change and midnight edges as the command line does: a range across
midnight from the quick line is two entries and one undo step; the entry dialog shows the one
line for a time the clocks skipped and takes 01:30 to the second 01:05 as 35 minutes."""

from __future__ import annotations

import time as _time
from datetime import date, datetime

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QUndoStack

from core.time.time_entries import TimeStore, format_span
from ui.shell.hub import Hub
from ui.time.time_entry_dialog import TimeEntryDialog
from ui.time.time_view import TimeView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()


def test_a_range_across_midnight_from_the_quick_line_is_one_undo_step(qtbot, db, london):
    undo = QUndoStack()
    view = TimeView(db, Hub(), undo, clock=lambda: datetime(2026, 11, 21, 9, 0))
    qtbot.addWidget(view)
    view.quick.setText("fri 22:00-01:00 recording")
    assert view.quick.submit() is not None
    store = TimeStore(db)
    spans = [(e.date, format_span(e)) for e in store.entries_between(date(2026, 11, 20),
                                                                      date(2026, 11, 21))]
    assert spans == [(date(2026, 11, 20), "22:00–24:00"), (date(2026, 11, 21), "00:00–01:00")]
    undo.undo()
    assert store.entries_between(date(2026, 11, 20), date(2026, 11, 21)) == []


def dialog_for(qtbot, db, day, start, end):
    dialog = TimeEntryDialog(db, day=day)
    qtbot.addWidget(dialog)
    dialog.timed.setChecked(True)
    dialog.start_edit.setTime(QTime(*start))
    dialog.end_edit.setTime(QTime(*end))
    return dialog


def test_the_dialog_refuses_a_time_the_clocks_skipped_in_one_line(qtbot, db, london):
    dialog = dialog_for(qtbot, db, date(2026, 3, 29), (1, 15), (1, 45))
    dialog.accept()
    assert dialog.problems.problems() == [
        "01:15 did not happen on 29 March: the clocks went forward from 01:00 to 02:00."
    ]


def test_the_dialog_takes_an_end_before_the_start_as_the_clocks_going_back(qtbot, db, london):
    dialog = dialog_for(qtbot, db, date(2026, 10, 25), (1, 30), (1, 5))
    entry = dialog.entry()
    assert entry.minutes == 35 and format_span(entry) == "01:30–01:05"
    assert TimeStore(db).problems(entry, today=date(2026, 10, 26)) == []
