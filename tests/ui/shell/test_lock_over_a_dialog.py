"""The lock coming on while a dialog waits for an answer (the idle lock over a half-typed New
case, left while making tea): Qt gives the keyboard to that dialog alone, so the passphrase field
in the window could never be typed in and the only way out was to end the app. The passphrase
is asked over the dialog; the dialog comes back as it was.

Keys go in as the desktop sends them (to the window that has the keyboard, through Qt's window
system), so a window a dialog blocks gets none, as on a real screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout

from ui.shell.lock_screen import IdleLock
from ui.shell.main_window import MainWindow

RIGHT = "right passphrase"
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")


def _keys(text_or_key) -> None:  # type: ignore[no-untyped-def]
    """Typed as the desktop types: into whichever window Qt lets have the keyboard."""
    window = QApplication.focusWindow()
    assert window is not None
    if isinstance(text_or_key, str):
        for letter in text_or_key:
            QTest.keyClick(window, letter)
    else:
        QTest.keyClick(window, text_or_key)
    QApplication.processEvents()


def test_the_passphrase_is_asked_over_a_waiting_dialog_and_the_dialog_comes_back(qtbot,
                                                                                 tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    window.add_view("caseload", "Caseload", QLabel("C07 tier B2, MAPPA 2"))
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    seen: dict[str, object] = {}

    def away_and_back() -> None:
        field.setText("C99, half typed")
        lock.lock()
        qtbot.waitUntil(lambda: lock.gate is not None and lock.gate.isActiveWindow())
        seen["window shows"] = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
        seen["dialog shows"] = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        _keys(Qt.Key.Key_Escape)  # leaves it locked
        seen["after Escape"] = (lock.is_locked(), lock.gate.isVisible())
        _keys("wrong one")
        _keys(Qt.Key.Key_Return)
        seen["after a wrong one"] = lock.is_locked()
        _keys(RIGHT)
        _keys(Qt.Key.Key_Return)
        seen["unlocked"] = not lock.is_locked()
        qtbot.waitUntil(dialog.isActiveWindow)
        seen["dialog back"] = (dialog.isEnabled(), field.text(), QApplication.focusWidget())
        _keys(Qt.Key.Key_Escape)  # the dialog's own Escape works again
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, away_and_back)
    dialog.exec()
    assert "C07 tier B2, MAPPA 2" not in seen["window shows"]  # type: ignore[operator]
    assert "Locked" in seen["dialog shows"]  # type: ignore[operator]
    assert seen["after Escape"] == (True, True)
    assert seen["after a wrong one"] is True
    assert seen["unlocked"] is True
    assert seen["dialog back"] == (True, "C99, half typed", field)
    assert not dialog.isVisible()


def test_one_return_with_a_wrong_passphrase_over_a_dialog_is_one_try_said_once(qtbot, tmp_path):
    """Ctrl+L, "yesterday 1h travel", Ctrl+Shift+L, "wrongagain", Return: the refusal was said
    twice (the field's Return and the gate's default Unlock button each submitted), two tries."""
    from ui.widgets import announce, return_guard

    return_guard.install()
    window = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    window.add_view("caseload", "Caseload", QLabel("C07"))
    qtbot.addWidget(window)
    window.show()
    tries: list[str] = []
    lock = IdleLock(window, lambda p: tries.append(p) or p == RIGHT, minutes=10, enabled=True)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    seen: dict[str, object] = {}

    def away_and_back() -> None:
        field.setText("yesterday 1h travel")
        lock.lock()
        qtbot.waitUntil(lambda: lock.gate is not None and lock.gate.isActiveWindow())
        said.clear()
        _keys("wrongagain")
        _keys(Qt.Key.Key_Return)
        seen["field"] = (list(tries), list(said))
        lock.screen.button.setFocus()  # Return on the focused Unlock button: one try too
        _keys(Qt.Key.Key_Return)
        seen["button"] = list(tries)
        lock.screen.field.setFocus()
        _keys(RIGHT)
        _keys(Qt.Key.Key_Return)
        seen["unlocked"] = (not lock.is_locked(), len(tries))
        dialog.reject()

    QTimer.singleShot(0, away_and_back)
    try:
        dialog.exec()
    finally:
        announce.remove_listener(listener)
    assert seen["field"] == (["wrongagain"],
                             ["That passphrase does not match. Please try again."])
    assert seen["button"] == ["wrongagain", ""]
    assert seen["unlocked"] == (True, 3)
