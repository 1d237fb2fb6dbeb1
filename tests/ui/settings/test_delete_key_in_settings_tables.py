"""The Delete key in Settings' Activities, Calendar keywords and Leave days tables does what the
table's Delete or Remove button does, to the row chosen: deleted at once, said with its undo,
and brought back by Ctrl+Z, as Delete in Time's week does. Before, it did nothing, silently.
On an activity with time logged against it (its Delete disabled) it says why nothing went."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.ui.settings.test_settings_deletions_by_keyboard import (
    _activity,
    _choose,
    _keyword,
    _leave,
    _page,
    _rows,
    heard,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.mark.parametrize("control", [_activity, _keyword, _leave],
                         ids=lambda f: f.__name__.strip("_"))
def test_delete_in_the_table_deletes_says_so_and_ctrl_z_brings_it_back(
        demo_window, db, qtbot, heard, control):  # noqa: F811
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    _button, tables = control(demo_window, db)
    table = QApplication.focusWidget()
    assert isinstance(table, QAbstractItemView)  # the row was chosen there
    before = _rows(db, *tables)
    heard.clear()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert _rows(db, *tables) != before
    assert [t for t, _loud in heard if t.startswith("Deleted ")], heard
    assert heard[0][0].endswith("Undo with Ctrl+Z.") and not heard[0][1], heard
    assert QApplication.focusWidget() is table
    QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(db, *tables) == before


def test_delete_on_an_activity_in_use_says_why_nothing_went(demo_window, db, qtbot, heard):  # noqa: F811
    from ui.settings.activities_page import ActivitiesPage

    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    page = _page(demo_window, "Activities", ActivitiesPage)
    page.refresh()
    _choose(page.table, 0)  # a built-in activity the demo has logged time against
    assert not page.delete_button.isEnabled()
    before = _rows(db, "activities")
    heard.clear()
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert _rows(db, "activities") == before
    assert heard == [("Not deleted: time is logged against it; hide it instead.", True)]
