"""Time's Delete button by keyboard: Return deletes nothing and says "press Space to delete";
Space deletes, says so with its undo and leaves the keyboard in the table on a neighbouring
entry; Ctrl+Z brings the entry back.

Before, Return pressed Delete as Space does, and the entry went at once (Orca: "Views." "List
with 5 items." "Time." "Deleted Travel. Undo with Ctrl+Z."), the one Delete button in the window
that none of the Return tests had listed."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.time.time_table_model import ROW_ROLE
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_return_on_delete_says_press_space_and_space_deletes_undoably(demo_window, db, qtbot,
                                                                        heard):
    win = demo_window
    win.show_view("time")
    view = win.view("time")
    store = TimeStore(db)
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    for hour in (6, 7):
        store.log_time(TimeEntry(date.today(), 45, travel, start=time(hour), end=time(hour, 45)))
    view.refresh()
    model = view.table.model()
    rows = [r for r in range(model.rowCount())
            if type(model.index(r, 0).data(ROW_ROLE)).__name__ == "TimeEntry"]
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    view.table.setFocus()
    view.table.selectRow(rows[0])
    chosen = view.selected_entry()
    before = store.entries_on(date.today())
    view.delete_button.setFocus()
    heard.clear()
    QTest.keyClick(view.delete_button, Qt.Key.Key_Return)
    # A button Return presses goes down at once and is clicked as it comes up (as Space does).
    qtbot.waitUntil(lambda: not view.delete_button.isDown())
    QApplication.processEvents()
    assert store.entries_on(date.today()) == before
    assert heard == [("Not done yet: press Space to delete. Return alone never deletes or "
                      "overwrites.", True)]
    assert view.delete_button.hasFocus()

    heard.clear()
    QTest.keyClick(view.delete_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(store.entries_on(date.today())) == len(before) - 1)
    assert all(e.id != chosen.id for e in store.entries_on(date.today()))
    assert any(t.startswith("Deleted ") and t.endswith("Undo with Ctrl+Z.") and not loud
               for t, loud in heard)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)  # not the Views list
    qtbot.waitUntil(lambda: view.selected_entry() is not None)  # on the next row, read as it lands
    assert not any(t.startswith("Now on") for t, _loud in heard)  # not said a second time

    QTest.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.entries_on(date.today()) == before
