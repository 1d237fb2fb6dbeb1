"""A duration in the week table is shown whole at 200% (a 1280×800 screen is 640×400 in the
app's units): "1 hour 30 minutes" was drawn "1 hour 30 mi…"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.time.time_table_model import COL_DURATION

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_duration_column_holds_its_longest_text(demo_window, qtbot, db):
    activity = list_activities(db)[0].id
    TimeStore(db).log_time(TimeEntry(date.today(), 90, activity), today=date.today())
    window = demo_window
    window.setMinimumSize(0, 0)  # as the screen of 640×400 makes it
    window.resize(640, 400)
    window.show_view("time")
    view = window.view("time")
    view.refresh()
    QApplication.processEvents()
    table = view.table
    assert window.width() == 640
    table.fit_columns()
    model = table.model()
    texts = [model.index(r, COL_DURATION).data() or "" for r in range(model.rowCount())
             if table.columnSpan(r, 0) == 1]
    assert "1 hour 30 minutes" in texts
    widest = max(table.fontMetrics().horizontalAdvance(t) for t in texts)
    assert table.columnWidth(COL_DURATION) >= widest + 8, (table.columnWidth(COL_DURATION), widest)
