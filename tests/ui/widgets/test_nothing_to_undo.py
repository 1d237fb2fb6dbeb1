"""Ctrl+Z with nothing left to undo says "Nothing to undo." (and Ctrl+Y "Nothing to redo."),
shown in the status bar and said politely, from a table and from a field with no typing of its
own. Before, the keys did nothing at all: Orca said nothing, and the bus had no notice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest

from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


class _Step(QUndoCommand):
    def __init__(self, done: list[str]):
        super().__init__("Mark done")
        self.done = done

    def redo(self) -> None:
        self.done.append("redo")

    def undo(self) -> None:
        self.done.append("undo")


def test_ctrl_z_and_ctrl_y_with_nothing_left_say_so(demo_window, qtbot, heard):
    win = demo_window
    win.show_view("supervision")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    table = win.view("supervision").agenda_view
    table.setFocus()
    assert not win.undo_stack.canUndo()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert heard == [("Nothing to undo.", False)]
    assert win.statusBar().currentMessage() == "Nothing to undo."

    done: list[str] = []
    win.undo_stack.push(_Step(done))
    heard.clear()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)  # the step: undone, not "nothing"
    assert done == ["redo", "undo"] and ("Nothing to undo.", False) not in heard
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert done == ["redo", "undo"] and heard[-1] == ("Nothing to undo.", False)
    QTest.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert done == ["redo", "undo", "redo"]
    heard.clear()
    for shift in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        key = Qt.Key.Key_Y if shift == Qt.KeyboardModifier.NoModifier else Qt.Key.Key_Z
        QTest.keyClick(table, key, CTRL | shift)
    assert heard == [("Nothing to redo.", False)] * 2


def test_ctrl_z_in_an_untouched_field_says_nothing_to_undo(demo_window, qtbot, heard):
    win = demo_window
    win.show_view("time")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    field = win.view("time").quick
    field.setFocus()
    assert field.hasFocus() and not field.isUndoAvailable()
    QTest.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert heard == [("Nothing to undo.", False)]
    QTest.keyClicks(field, "45m")
    heard.clear()
    QTest.keyClick(field, Qt.Key.Key_Z, CTRL)  # the field's own typing, taken back quietly
    assert field.text() == "" and heard == []
