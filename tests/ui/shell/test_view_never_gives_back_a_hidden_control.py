"""A view shown again never puts the keyboard back on a control that went while it was away.
After Settings, Data & privacy, Delete all my data, Ctrl+2 put the keyboard on the hidden
"Review and delete closed cases" and Orca read "10 cases closed more than 30 days ago are
still stored on this computer" over an empty "No cases yet"; Return there did nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.caseload.retention import delete_all_data
from ui.caseload.retention_notice import RetentionNotice

pytestmark = pytest.mark.qt_log_ignore("does not support")
KEYS = {"caseload": Qt.Key.Key_2, "settings": Qt.Key.Key_5}


def _ctrl(window, qtbot, key: str) -> None:
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, KEYS[key], Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == key)


def test_after_delete_all_caseload_keyboard_is_on_a_shown_control(demo_window, qtbot, db, tmp_path):
    window = demo_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _ctrl(window, qtbot, "caseload")
    notice = window.view("caseload").findChild(RetentionNotice)
    assert notice.isVisible() and "still stored" in notice.review_button.accessibleDescription()
    notice.review_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(notice.review_button.hasFocus)
    _ctrl(window, qtbot, "settings")
    delete_all_data(db, tmp_path)
    window.hub.dataReplaced.emit()
    _ctrl(window, qtbot, "caseload")
    landed = QApplication.focusWidget()
    assert landed is not notice.review_button
    assert landed.isVisible() and landed.isEnabled(), landed
    assert window.view("caseload").isAncestorOf(landed)
    # Nothing hidden still speaks of the cases that were deleted.
    assert not notice.isVisible()
    for widget in (notice, notice.review_button):
        assert "still stored" not in widget.accessibleDescription()
    assert notice.text.text() == ""
