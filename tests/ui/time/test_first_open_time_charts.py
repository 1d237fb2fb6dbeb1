"""The Time view builds its charts ahead while it is on screen, and never on closed or hidden data."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time

import pytest
from PySide6.QtGui import QUndoStack

from core.time.activities import list_activities
from core.store.database import close_for_replace, open_database, reopen
from core.time.time_entries import TimeEntry, TimeStore
from ui.time import time_view
from ui.shell.hub import Hub
from ui.time.time_charts import TimeCharts
from ui.time.time_view import TimeView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 11, 25, 16, 30)  # Wednesday afternoon


@pytest.fixture
def file_db(tmp_path):
    path = tmp_path / "time.db"
    database = open_database(path)
    yield database, path
    try:
        database.close()
    except sqlite3.Error:
        pass


def _log_morning(db) -> None:
    admin = next(a.id for a in list_activities(db) if a.name == "Recording and admin")
    TimeStore(db).log_time(
        TimeEntry(date(2026, 11, 24), 180, admin, start=time(9, 0), end=time(12, 0)),
        today=NOW.date(),
    )


def _view(qtbot, db) -> TimeView:
    view = TimeView(db, Hub(), QUndoStack(), clock=lambda: NOW)
    qtbot.addWidget(view)
    return view


def test_charts_are_ready_once_the_view_has_been_on_screen_a_moment(qtbot, file_db, monkeypatch):
    db, _path = file_db
    _log_morning(db)
    monkeypatch.setattr(time_view, "CHARTS_AHEAD_MS", 0)
    view = _view(qtbot, db)
    assert view.findChild(TimeCharts) is None  # not while the view is made
    view.show()
    qtbot.waitUntil(lambda: view.findChild(TimeCharts) is not None)
    charts = view.findChild(TimeCharts)
    assert "3 hours" in charts.weekly.summary.text()
    view.tabs.setCurrentIndex(1)  # opening the tab shows the same charts, not new ones
    assert view.charts is charts
    assert charts.isVisible()


def test_a_hidden_view_does_not_build_charts(qtbot, file_db):
    db, _path = file_db
    view = _view(qtbot, db)
    view.show()
    view.hide()  # passed through on the way to another view
    view._build_charts_ahead()  # the moment comes while it is hidden
    assert view.findChild(TimeCharts) is None


def test_charts_wait_while_the_data_file_is_closed_and_appear_after(qtbot, file_db):
    db, path = file_db
    _log_morning(db)
    view = _view(qtbot, db)
    view.show()
    close_for_replace(db)  # a restore has begun when the moment comes
    view._build_charts_ahead()
    assert view.findChild(TimeCharts) is None
    reopen(db, path)
    view.tabs.setCurrentIndex(1)  # built when the tab is opened, from the reopened data
    charts = view.findChild(TimeCharts)
    assert charts is not None and charts.isVisible()
    assert "3 hours" in charts.weekly.summary.text()
