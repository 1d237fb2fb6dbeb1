"""The Time view by keyboard alone: Tab moves on every time, never landing on one control twice."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QPushButton

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.shell.hub import Hub
from ui.shell.theme import apply_theme
from ui.time.time_view import TimeView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 11, 25, 16, 30)  # Wednesday afternoon
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def log(db, day, start, end):
    activity = next(a.id for a in list_activities(db) if a.name == "Recording and admin")
    minutes = (end[0] * 60 + end[1]) - (start[0] * 60 + start[1])
    TimeStore(db).log_time(
        TimeEntry(day, minutes, activity, start=time(*start), end=time(*end)), today=NOW.date()
    )


@pytest.fixture
def themed(qapp):
    """The app's own style, as main.py installs it (Tab leaves tables); the look put back."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def name(widget) -> str:
    """What a screen reader says on arriving: the accessible name, else the button's words."""
    text = getattr(widget, "text", lambda: "")()
    return widget.accessibleName() or (text if isinstance(text, str) else "")


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Backtab])
def test_tab_from_add_entry_passes_the_table_once_and_no_widget_sits_in_it(qtbot, db, themed, key):
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    for day in (MONDAY, TUESDAY):  # the same hours free on two days: two Fill… cells
        log(db, day, (9, 0), (10, 40))
        log(db, day, (12, 15), (17, 0))
    view = TimeView(db, Hub(), QUndoStack(), clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    qtbot.waitExposed(view)
    # A widget in the table is a child its accessible cannot number (Orca stopped answering
    # keys): the gaps' Fill… are cells, filled with Return like any row.
    assert not [w for w in view.table.findChildren(QPushButton) if w.isVisible()]
    fills = [r for r in view.model.rows() if r.kind == "gap"]
    assert len(fills) == 2
    view.add_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.add_button)
    visited = [view.add_button]
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), key)
        visited.append(QApplication.focusWidget())
    heard = [name(w) for w in visited]
    assert not [a for a, b in zip(heard, heard[1:]) if a and a == b], heard
    assert not [a for a, b in zip(visited, visited[1:]) if a is b], heard
    # The table is left straight for the buttons under it.
    order = visited if key == Qt.Key.Key_Tab else visited[::-1]
    at = order.index(view.table)
    assert order[at + 1] is view.add_button
