"""What the window says it did, it also shows: a deletion, an addition or a save in Settings is
put in the status bar in the same words as it is said, so a sighted user (and Orca 43, shown
the window's words as a notification) never has an older line there ("Undone: Save the working
week.") while the words heard have moved on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def heard():
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _page(window, qtbot, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window.findChild(cls)


def _status(window) -> str:
    return window.statusBar().currentMessage()


def _said_and_shown(window, qtbot, heard, act, starts: str) -> str:
    window.statusBar().showMessage("Undone: Save the working week.")  # an older line
    before = len(heard)
    act()
    qtbot.waitUntil(lambda: any(text.startswith(starts) for text in heard[before:]))
    said = next(text for text in heard[before:] if text.startswith(starts))
    assert _status(window) == said
    return said


def test_a_leave_day_removed_is_shown_as_it_is_said(demo_window, qtbot, heard):
    from ui.settings.working_pattern_page import WorkingPatternPage

    week = _page(demo_window, qtbot, "Working week", WorkingPatternPage)
    table = week.leave_table
    assert table.model().rowCount() > 0, "the demo data has leave days"
    table.setFocus()
    table.selectRow(0)
    said = _said_and_shown(demo_window, qtbot, heard, week.remove_leave_button.click,
                           "Deleted the leave on ")
    assert said.endswith("Undo with Ctrl+Z.")
    _said_and_shown(demo_window, qtbot, heard,
                    lambda: QTest.keyClick(table, Qt.Key.Key_Z, CTRL), "Brought back the leave")


def test_a_calendar_keyword_deleted_is_shown_as_it_is_said(demo_window, qtbot, heard):
    from ui.settings.activities_page import ActivitiesPage

    page = _page(demo_window, qtbot, "Activities", ActivitiesPage)
    panel = page.calendar_rules
    assert panel.table.model().rowCount() > 0, "the demo data has calendar keywords"
    panel.table.setFocus()
    panel.table.selectRow(0)
    said = _said_and_shown(demo_window, qtbot, heard,
                           lambda: QTest.keyClick(panel.table, Qt.Key.Key_Delete),
                           "Deleted the calendar keyword")
    assert "“" in said


def test_a_leave_day_added_is_shown_as_it_is_said(demo_window, qtbot, heard):
    from ui.settings.working_pattern_page import WorkingPatternPage

    week = _page(demo_window, qtbot, "Working week", WorkingPatternPage)
    said = _said_and_shown(demo_window, qtbot, heard, week.add_leave, "")
    assert "leave" in said.casefold()


def test_time_deleted_is_shown_in_the_status_bar_as_it_is_said(demo_window, db, qtbot, heard):
    """The Time view shows it on its own line too; the status bar no longer keeps the line of
    an undo made before ("Redone: Log time (…)") under words that have moved on."""
    from datetime import date, time

    from core.time.activities import list_activities
    from core.time.time_entries import TimeEntry, TimeStore
    from ui.time.time_table_model import ROW_ROLE

    store = TimeStore(db)
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    store.log_time(TimeEntry(date.today(), 45, travel, start=time(6), end=time(6, 45)))
    demo_window.show_view("time")
    view = demo_window.view("time")
    view.refresh()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    view.table.setFocus()
    model = view.table.model()
    row = next(r for r in range(model.rowCount())
               if isinstance(model.index(r, 0).data(ROW_ROLE), TimeEntry))
    view.table.selectRow(row)
    assert view.selected_entry() is not None
    said = _said_and_shown(demo_window, qtbot, heard, view.delete_button.click, "Deleted ")
    assert said.endswith("Undo with Ctrl+Z.")
