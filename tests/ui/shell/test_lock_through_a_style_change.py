"""High contrast turned on or off while locked (by the platform, which does not wait for the
passphrase) restyles every window, the emptied ones too. A message box answers a style change
by laying itself out anew, with its icon, words, details and buttons: behind the lock they came
back into the window, readable, and unlocking could not put its own layout back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from tests.ui.shell.test_lock_hides_every_window import RIGHT, _words_on_the_bus
from tests.ui.shell.test_lock_late_windows import window  # noqa: F401 - the window fixture
from ui.shell.lock_screen import IdleLock

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


def test_a_message_restyled_while_locked_stays_empty_and_comes_back_whole(window, qtbot):  # noqa: F811
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    box = QMessageBox(QMessageBox.Icon.Warning, "C42 could not be saved",
                      "The note for C42 could not be saved.", QMessageBox.StandardButton.Ok,
                      window)
    box.setDetailedText("C42: home visit, 12 December")
    seen: dict[str, object] = {}

    def restyled_while_locked() -> None:
        try:
            qtbot.waitUntil(box.isVisible)
            lock.lock()
            qtbot.waitUntil(lambda: lock.gate is not None)
            seen["style"] = style = QStyleFactory.create("Fusion")  # kept: the box does not own it
            box.setStyle(style)  # as a theme change restyles every window
            QApplication.processEvents()
            seen["locked"] = _words_on_the_bus()
            seen["buttons"] = [b.text() for b in box.buttons() if b.isVisible()]
            lock.screen.field.setText(RIGHT)
            lock.screen.button.click()
            qtbot.waitUntil(lambda: not lock.is_locked())
            QApplication.processEvents()
            seen["back"] = (box.text(), box.detailedText(), box.windowTitle(),
                            [b.text() for b in box.buttons() if b.isVisible()])
            seen["after"] = _words_on_the_bus()
        finally:
            box.done(QMessageBox.StandardButton.Ok)

    QTimer.singleShot(0, restyled_while_locked)
    box.exec()
    box.setStyle(None)  # before the style it was given goes

    assert "C42" not in seen["locked"], "the message is readable behind the lock"  # type: ignore[operator]
    assert seen["buttons"] == []
    back = seen["back"]
    assert back[:3] == ("The note for C42 could not be saved.",  # type: ignore[index]
                        "C42: home visit, 12 December", "C42 could not be saved")
    assert "OK" in back[3]  # type: ignore[index]
    assert "The note for C42 could not be saved." in seen["after"]  # type: ignore[operator]
