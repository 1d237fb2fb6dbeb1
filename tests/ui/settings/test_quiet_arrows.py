"""Settings > Data & privacy's periods are saved when the user settles on a value, not at each
arrow press. A tester with Orca heard "Closed cases are offered for deletion after 31 days.
Undo with Ctrl+Z." before "31 days", and again at every Up: the spin box reads each value
itself; the save is said once, on Return, on leaving the field or after a pause, and a run of
presses is still one Ctrl+Z step. The idle lock's minutes are saved the same way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.caseload.retention import RETENTION_ROWS
from core.store.saved_rows import read_rows
from tests.ui.settings.test_settings_saves_undo import _keys, _page, heard  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("does not support")
SAID = "Closed cases are offered for deletion after {} days. Undo with Ctrl+Z."


def _retention(window, qtbot):
    from ui.settings.data_page import DataPage

    page = _page(window, "Data & privacy", DataPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.retention_days.setFocus()
    qtbot.waitUntil(page.retention_days.hasFocus)
    return page


def test_arrow_presses_are_quiet_and_return_saves_them_once(demo_window, db, qtbot, heard):  # noqa: F811
    page = _retention(demo_window, qtbot)
    spin, before = page.retention_days, read_rows(db, RETENTION_ROWS)
    days = spin.value()
    for _ in range(2):
        QTest.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == days + 2
    assert heard == [] and read_rows(db, RETENTION_ROWS) == before  # nothing said or saved
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert [text for text, _ in heard] == [SAID.format(days + 2)]
    assert demo_window.statusBar().currentMessage() == SAID.format(days + 2)  # and shown
    assert read_rows(db, RETENTION_ROWS) != before
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=spin)
    assert read_rows(db, RETENTION_ROWS) == before and spin.value() == days


def test_a_pause_saves_and_the_run_stays_one_undo_step(demo_window, db, qtbot, heard):  # noqa: F811
    page = _retention(demo_window, qtbot)
    spin, before = page.retention_days, read_rows(db, RETENTION_ROWS)
    days = spin.value()
    with qtbot.waitSignal(spin.settled, timeout=10_000):  # the pause, after the last press
        QTest.keyClick(spin, Qt.Key.Key_Up)
        assert heard == []
    assert [text for text, _ in heard] == [SAID.format(days + 1)]
    QTest.keyClick(spin, Qt.Key.Key_Up)  # the same run, after the pause
    page.delete_all.setFocus()  # the keyboard leaves the field: saved
    assert [text for text, _ in heard][-1] == SAID.format(days + 2) and len(heard) == 2
    _keys(demo_window, qtbot, Qt.Key.Key_Z)  # one step for the whole run
    assert read_rows(db, RETENTION_ROWS) == before and spin.value() == days


def test_back_where_it_was_saves_and_says_nothing(demo_window, db, qtbot, heard):  # noqa: F811
    page = _retention(demo_window, qtbot)
    spin, before = page.retention_days, read_rows(db, RETENTION_ROWS)
    QTest.keyClick(spin, Qt.Key.Key_Up)
    QTest.keyClick(spin, Qt.Key.Key_Down)
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert heard == [] and read_rows(db, RETENTION_ROWS) == before
    assert not spin.waiting()


def test_the_idle_lock_minutes_are_quiet_until_return(demo_window, db, qtbot, heard):  # noqa: F811
    from core.store import encryption

    page = _retention(demo_window, qtbot)
    spin = page.lock_minutes
    spin.setEnabled(True)  # as with encryption on
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    minutes = spin.value()
    QTest.keyClick(spin, Qt.Key.Key_Up)
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert heard == [] and int(encryption.get_lock_minutes(db)) == minutes
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert [text for text, _ in heard] == [
        f"The window locks after {minutes + 2} idle minutes. Undo with Ctrl+Z."]
    assert int(encryption.get_lock_minutes(db)) == minutes + 2
