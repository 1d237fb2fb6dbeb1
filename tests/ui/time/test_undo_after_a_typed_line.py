"""Ctrl+Z straight after a line typed in the Time view's quick entry takes back the time it
logged. The line was emptied as an edit of its own, so Ctrl+Z in it brought the typed words
back and left the logged time in place, though the announcement had just said "Undo with
Ctrl+Z"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.time.time_entries import TimeStore

pytestmark = pytest.mark.qt_log_ignore("does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _entries(db) -> list[tuple[str, int]]:
    every = TimeStore(db).entries_between(date(2000, 1, 1), date(2100, 1, 1))
    return sorted((e.date.isoformat(), e.minutes) for e in every)


def test_ctrl_z_in_the_line_takes_back_what_it_logged(demo_window, db, qtbot):
    demo_window.show_view("time")
    QApplication.processEvents()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    line = demo_window.view("time").quick
    line.setFocus()
    before = _entries(db)
    QTest.keyClicks(line, "45m travel")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert len(_entries(db)) == len(before) + 1
    assert line.text() == ""

    QTest.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert _entries(db) == before  # the logged time is taken back
    assert line.text() == ""  # and the typed words do not come back

    QTest.keyClick(line, Qt.Key.Key_Y, CTRL)
    assert len(_entries(db)) == len(before) + 1  # Ctrl+Y logs it again


def test_typing_not_yet_logged_is_still_the_line_s_own_to_undo(demo_window, db, qtbot):
    demo_window.show_view("time")
    QApplication.processEvents()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    line = demo_window.view("time").quick
    line.setFocus()
    before = _entries(db)
    QTest.keyClicks(line, "45m travel")
    QTest.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert line.text() != "45m travel"  # the field's own typing undone first
    assert _entries(db) == before


def test_an_action_added_in_the_meeting_leaves_nothing_for_ctrl_z_to_type_back(qtbot):
    """The meeting's Agreed action line, emptied once the action is kept: Ctrl+Z in it does not
    bring back the words of the action just added (they would be added twice by Return)."""
    from ui.supervision.meeting_action_bar import ActionBar

    bar = ActionBar(today=date(2026, 12, 7))
    qtbot.addWidget(bar)
    added = []
    bar.actionAdded.connect(lambda action: (added.append(action), bar.accepted()))
    QTest.keyClicks(bar.text, "Check C07's hostel place")
    QTest.keyClick(bar.text, Qt.Key.Key_Return)
    assert [a.text for a in added] == ["Check C07's hostel place"]
    QTest.keyClick(bar.text, Qt.Key.Key_Z, CTRL)
    assert bar.text.text() == ""


def test_the_line_s_own_undo_is_said_and_then_the_window_s(demo_window, db, qtbot, monkeypatch):
    """Orca 43: `30m recording` logged, `abc` typed, Ctrl+Z: silence (the field's `abc` went),
    then Ctrl+Z again: "Undone: Log time (…)". Each press now says which it did."""
    from ui.widgets import announce
    from ui.widgets.undo_keys import FIELD_REDONE, FIELD_UNDONE

    heard: list[str] = []
    sent: list[str] = []  # to the screen reader: each waits for its window, if it must
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    monkeypatch.setattr(announce, "_send", lambda _w, text, _a: sent.append(text))
    try:
        demo_window.show_view("time")
        QApplication.processEvents()
        demo_window.activateWindow()
        qtbot.waitUntil(demo_window.isActiveWindow)
        line = demo_window.view("time").quick
        line.setFocus()
        before = _entries(db)
        QTest.keyClicks(line, "30m recording")
        QTest.keyClick(line, Qt.Key.Key_Return)
        QTest.keyClicks(line, "abc")
        heard.clear()
        QTest.keyClick(line, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: heard == [FIELD_UNDONE])
        assert line.text() != "abc" and len(_entries(db)) == len(before) + 1
        status = demo_window.statusBar().currentMessage()
        assert status == FIELD_UNDONE  # seen as well as heard
        while line.isUndoAvailable():  # the rest of the field's own typing
            QTest.keyClick(line, Qt.Key.Key_Z, CTRL)
        heard.clear()
        QTest.keyClick(line, Qt.Key.Key_Z, CTRL)  # now the window's: the time logged
        qtbot.waitUntil(lambda: any(t.startswith("Undone: Log time") for t in heard))
        assert _entries(db) == before
        assert FIELD_UNDONE not in heard
        QTest.keyClicks(line, "xy")
        QTest.keyClick(line, Qt.Key.Key_Z, CTRL)
        heard.clear()
        QTest.keyClick(line, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: heard == [FIELD_REDONE])
        qtbot.waitUntil(lambda: sent[-1:] == [FIELD_REDONE])  # none left waiting
    finally:
        announce.remove_listener(listener)
