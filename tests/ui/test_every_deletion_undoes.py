"""Every deletion the user starts in the window comes back with Ctrl+Z, as it was (closed
cases: tests/ui/test_return_never_destroys.py): a supervision note, a past session (its
actions linked to it again), a reduction, a court report, a leave day, a calendar keyword,
an unused activity (with its keywords) and a weightings change taken back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.ui.undo_walk import DELETIONS, rows

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.mark.parametrize("deletion", DELETIONS, ids=lambda f: f.__name__)
def test_ctrl_z_brings_back_what_was_deleted(demo_window, db, qtbot, monkeypatch, deletion):
    delete, tables = deletion(demo_window, db)
    before = rows(db, *tables)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    delete()
    assert rows(db, *tables) != before, "nothing was deleted"
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    QTest.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(db, *tables) == before
    QTest.keyClick(demo_window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert rows(db, *tables) != before, "Redo deletes it again"
