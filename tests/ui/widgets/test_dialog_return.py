"""A dialog closed without acting gives the keyboard back to the control that opened it: after
"Keep them" in "Delete closed cases?" the keyboard was on "Show active cases", not on the
"Review and delete…" button the practitioner had pressed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import ui.caseload.retention_notice
from tests.ui.caseload.test_retention_notice import MIXED, TODAY, add_cases, make_view
from ui.shell.hub import Hub
from ui.widgets import dialog_return

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _answer(button: str) -> None:
    """Press the open dialog's button called `button` by keyboard, once it is open."""
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, press)
            return
        found = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == button]
        found[0].setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(found[0], Qt.Key.Key_Space)
    QTimer.singleShot(0, press)


def _window(qtbot):  # type: ignore[no-untyped-def]
    """A window whose Open… asks, and whose answer moves the keyboard on (as a refresh does)."""
    window = QWidget()
    layout = QVBoxLayout(window)
    opener, other = QPushButton("Open…"), QPushButton("Other")
    layout.addWidget(opener)
    layout.addWidget(other)
    qtbot.addWidget(window)

    def ask() -> None:
        dialog = QDialog(window)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        QVBoxLayout(dialog).addWidget(buttons)
        dialog.exec()
        other.setFocus()  # what the answer did to the window, either way

    opener.clicked.connect(ask)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    opener.setFocus()
    return window, opener, other


def test_cancel_gives_the_keyboard_back_to_the_button_that_opened_it(qtbot):
    dialog_return.install()
    _window_, opener, _other = _window(qtbot)
    _answer("Cancel")
    QTest.keyClick(opener, Qt.Key.Key_Space)
    # (The window's own: with no window manager here, the window is not made active again.)
    qtbot.waitUntil(lambda: opener.window().focusWidget() is opener)


def test_a_dialog_that_acted_leaves_the_keyboard_where_its_action_put_it(qtbot):
    dialog_return.install()
    _window_, opener, other = _window(qtbot)
    _answer("Save")
    QTest.keyClick(opener, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: other.window().focusWidget() is other)
    QApplication.processEvents()
    assert other.window().focusWidget() is other


def test_keep_them_gives_the_keyboard_back_to_review_and_delete(qtbot, db, monkeypatch):
    from ui.widgets import announce

    dialog_return.install()
    sent: list[str] = []  # to the screen reader, once the window has the keyboard back
    monkeypatch.setattr(announce, "_send", lambda _w, text, _a: sent.append(text))
    monkeypatch.setattr(ui.caseload.retention_notice, "today", lambda: TODAY)
    store = add_cases(db, MIXED)
    view = make_view(qtbot, db, Hub())
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    review = view.retention_notice.review_button
    review.setFocus(Qt.FocusReason.TabFocusReason)
    _answer("Keep them")
    QTest.keyClick(review, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: view.window().focusWidget() is review)
    assert store.references() == set(MIXED)  # nothing deleted
    assert view.retention_notice.isVisible()  # saying what was answered, under the keyboard
    qtbot.waitUntil(lambda: any(t.startswith("Nothing deleted") for t in sent))  # none waiting
