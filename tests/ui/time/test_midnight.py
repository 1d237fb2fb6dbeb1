"""Views that show "today" or "this week" move on at midnight (issue 13), by a Qt timer set for
the next midnight; the quick entry and the entry dialog take 24:00 as the end of the day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.time_entries import TimeStore, format_span
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub
from ui.time.time_view import TimeView
from ui.widgets.midnight import MidnightWatch

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Clock:
    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def test_the_watch_fires_just_after_midnight(qtbot):
    clock = Clock(datetime(2026, 11, 29, 23, 59, 59, 800_000))
    watch = MidnightWatch(clock)
    clock.moment = datetime(2026, 11, 30, 0, 0, 0, 100_000)
    with qtbot.waitSignal(watch.dayChanged, timeout=10_000) as fired:
        pass
    assert fired.args == [date(2026, 11, 30)]


def test_the_time_view_moves_to_the_new_week_at_midnight_on_sunday(qtbot, db):
    clock = Clock(datetime(2026, 11, 29, 23, 59, 59, 800_000))  # Sunday
    view = TimeView(db, Hub(), QUndoStack(), clock=clock)
    qtbot.addWidget(view)
    view.show()
    assert view.monday() == date(2026, 11, 23) and not view.this_button.isEnabled()
    clock.moment = datetime(2026, 11, 30, 0, 0, 0, 100_000)
    with qtbot.waitSignal(view.midnight.dayChanged, timeout=10_000):
        pass
    assert view.monday() == date(2026, 11, 30)
    assert not view.this_button.isEnabled() and not view.next_button.isEnabled()


def test_an_earlier_week_being_read_stays_but_this_week_becomes_available(qtbot, db):
    clock = Clock(datetime(2026, 11, 29, 23, 59, 59, 800_000))
    view = TimeView(db, Hub(), QUndoStack(), clock=clock)
    qtbot.addWidget(view)
    view.show_week(date(2026, 11, 9))
    clock.moment = datetime(2026, 11, 30, 0, 0, 0, 100_000)
    view.midnight.check()  # hidden at midnight: it catches up when shown
    view.show()
    assert view.monday() == date(2026, 11, 9) and view.this_button.isEnabled()


def test_the_overview_moves_on_at_midnight(qtbot, db, tmp_path):
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    day = {"today": date(2026, 11, 29)}
    settings = QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat)
    view = OverviewView(db, Hub(), settings, today=lambda: day["today"])
    qtbot.addWidget(view)
    view.show()
    before = view.week_line.text()
    day["today"] = date(2026, 11, 30)
    view.midnight.dayChanged.emit(date(2026, 11, 30))
    assert view.week_line.text() != before and "Week 49" in view.week_line.text()


def test_24_00_ends_a_quick_entry_and_a_midnight_end_in_the_dialog(qtbot, db):
    clock = Clock(datetime(2026, 11, 21, 9, 0))
    view = TimeView(db, Hub(), QUndoStack(), clock=clock)
    qtbot.addWidget(view)
    view.quick.setText("fri 23:00-24:00 recording")
    assert view.quick.submit() is not None
    from ui.time.time_entry_dialog import TimeEntryDialog
    from PySide6.QtCore import QTime

    dialog = TimeEntryDialog(db, day=date(2026, 11, 19))
    qtbot.addWidget(dialog)
    dialog.timed.setChecked(True)
    dialog.start_edit.setTime(QTime(22, 30))
    dialog.end_edit.setTime(QTime(0, 0))
    entry = dialog.entry()
    assert entry.minutes == 90 and format_span(entry) == "22:30–24:00"
    assert TimeStore(db).problems(entry, today=date(2026, 11, 21)) == []
    spans = [format_span(e) for e in TimeStore(db).entries_on(date(2026, 11, 20))]
    assert spans == ["23:00–24:00"]
