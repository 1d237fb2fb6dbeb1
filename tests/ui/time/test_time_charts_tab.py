"""The Time view's Charts tab is built when opened, and then follows newly logged time."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtGui import QUndoStack

from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.shell.hub import Hub
from ui.time.time_charts import TimeCharts
from ui.time.time_view import TimeView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 11, 25, 16, 30)


def _log(db, start: int, hours: int) -> None:
    activity = next(a.id for a in list_activities(db) if a.name == "Recording and admin")
    TimeStore(db).log_time(
        TimeEntry(date(2026, 11, 24), hours * 60, activity,
                  start=time(start), end=time(start + hours)),
        today=NOW.date(),
    )


def test_opening_the_charts_tab_shows_this_weeks_hours_and_keeps_them_current(qtbot, db):
    _log(db, 9, 3)
    view = TimeView(db, Hub(), QUndoStack(), clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show()
    view.tabs.setCurrentIndex(1)  # the practitioner opens Charts
    charts = view.tabs.currentWidget().findChild(TimeCharts)
    assert charts is not None and charts.isVisible()
    assert list(charts.weekly.within_bars.opts["height"])[-1] == pytest.approx(3.0)
    _log(db, 13, 2)  # later on the same day: the open chart follows
    view.refresh()
    assert list(charts.weekly.within_bars.opts["height"])[-1] == pytest.approx(5.0)
