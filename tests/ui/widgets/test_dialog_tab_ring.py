"""Tab and Shift+Tab walk the same ring in a dialog with a default button: with the app's style
sheet, Qt's Tab from the table of "Delete closed cases?" jumped to the default "Keep them" and
never reached "Delete N cases"; Shift+Tab reached all three."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.caseload.models import Case
from ui.caseload.retention_review_dialog import RetentionReviewDialog
from ui.shell.theme import stylesheet
from ui.widgets import return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture
def app_style_sheet(qapp):
    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet(10.0))  # as the app runs: Qt's Tab differs with one
    yield
    qapp.setStyleSheet(before)


def walk(dialog, key, modifier, presses):
    met = []
    for _ in range(presses):
        QTest.keyClick(dialog.windowHandle(), key, modifier)
        met.append(QApplication.focusWidget())
    return met


def test_tab_and_shift_tab_walk_the_same_ring_in_delete_closed_cases(qtbot, app_style_sheet):
    return_guard.install()
    cases = [Case(f"C1{n}", "community", "B2", date(2024, 1, 8), closed_date=date(2025, 1, n + 1))
             for n in range(3)]
    dialog = RetentionReviewDialog(cases, 30)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    dialog.table.setFocus()
    forward = walk(dialog, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, 3)
    assert forward == [dialog.delete_button, dialog.keep_button, dialog.table]
    backward = walk(dialog, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier, 3)
    assert backward == [dialog.keep_button, dialog.delete_button, dialog.table]
