"""Space on Delete or Remove in Settings takes the keyboard straight to the table the row was
chosen in, and nowhere else on the way: the button went disabled with its row, and Qt gave the
focus to the next table on the page (Calendar keywords, after an activity's Delete) before it
came back. Orca 43 read both tables and never said the deletion
(tests/atspi/test_orca_settings_deletions.py hears what it says now)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.ui.settings.test_settings_deletions_by_keyboard import (
    _activity,
    _keyword,
    _leave,
    _rows,
)

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.mark.parametrize("control", [_activity, _leave, _keyword],
                         ids=lambda f: f.__name__.strip("_"))
def test_space_on_delete_leaves_the_keyboard_in_its_table(demo_window, db, qtbot, control):
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    button, tables = control(demo_window, db)
    table = QApplication.focusWidget()  # the row was chosen there
    assert isinstance(table, QAbstractItemView)
    before = _rows(db, *tables)
    button.setFocus()
    went: list[object] = []
    QApplication.instance().focusChanged.connect(lambda _old, new: went.append(new))
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _rows(db, *tables) != before)
    assert went and all(w is table for w in went), [getattr(w, "accessibleName", str)()
                                                    for w in went]
