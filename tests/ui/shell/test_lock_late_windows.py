"""Windows that open while locked are locked too: a question a timer asks (the folder-gone
warning, an error's message), a dialog shown beside the window, a tooltip, what the app says
and the status bar's line. Nothing of them is readable (on screen, or in the accessibility tree
a screen reader walks), the passphrase can still be typed, and unlocking brings each back as
it came, the question answered then.

Keys go in as the desktop sends them (to the window that has the keyboard)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolTip,
    QVBoxLayout,
)

from tests.ui.shell.test_lock_hides_every_window import RIGHT, _keys, _words_on_the_bus
from ui.shell.lock_screen import IdleLock
from ui.shell.main_window import MainWindow
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    win.add_view("caseload", "Caseload", QLabel("C07 tier B2, MAPPA 2"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _question(parent) -> QMessageBox:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "Visit C42 overdue",
                      "The home visit for C42 is overdue. Log it now?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def _unlock(qtbot, lock: IdleLock) -> None:  # type: ignore[no-untyped-def]
    """Type the passphrase where the keyboard is, as a person would, and Return."""
    qtbot.waitUntil(lambda: lock.screen is not None
                    and QApplication.focusWidget() is lock.screen.field)
    _keys(RIGHT)
    _keys(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.is_locked())


def test_a_question_asked_while_locked_is_empty_the_passphrase_over_it_then_it_is_asked(
        window, qtbot):
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    box = _question(window)
    seen: dict[str, object] = {}

    def while_asked() -> None:
        try:
            qtbot.waitUntil(lambda: lock.gate is not None and lock.gate.parentWidget() is box)
            seen["locked"] = _words_on_the_bus()
            seen["shown"] = [w.text() for w in box.findChildren(QLabel)
                             if w.isVisible() and w.window() is box]
            _unlock(qtbot, lock)
            qtbot.waitUntil(box.isActiveWindow)
            seen["back"] = (box.text(), box.windowTitle(),
                            QApplication.focusWidget() is box.button(QMessageBox.StandardButton.No))
            _keys(Qt.Key.Key_Escape)  # answered as any question is: No
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, while_asked)
    box.exec()  # asked by a timer, while locked: it waits for an answer
    assert "C42" not in seen["locked"], "the question is readable behind the lock"  # type: ignore[operator]
    assert seen["shown"] == ["Locked"]
    assert seen["back"] == ("The home visit for C42 is overdue. Log it now?",
                            "Visit C42 overdue", True)
    assert box.clickedButton() is box.button(QMessageBox.StandardButton.No)


def test_a_dialog_shown_beside_the_window_while_locked_is_empty_until_unlocked(window, qtbot):
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    dialog = QDialog(window)
    dialog.setWindowTitle("How C42 is worked out")
    field = QLineEdit("C42 tier B2")
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()  # not waiting: the keyboard stays in the passphrase field
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lock.screen.field)
    assert "C42" not in _words_on_the_bus()
    assert dialog.windowTitle() == "Locked" and not field.isVisible()
    _unlock(qtbot, lock)
    assert dialog.windowTitle() == "How C42 is worked out"
    assert field.isVisible() and field.window() is dialog and "C42" in _words_on_the_bus()


def test_a_tooltip_shown_while_locked_goes_at_once(window, qtbot):
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    QToolTip.showText(window.mapToGlobal(QPoint(20, 20)), "C42: home visit due", window)
    assert "C42" not in _words_on_the_bus()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_what_is_said_and_shown_while_locked_waits_until_unlocked(window, qtbot):
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        lock.lock()
        # A worker's result arriving: what the export said as it finished.
        announce.announce(window, "Saved supervision-2026-12-07.pdf, with C42.")
        window.statusBar().showMessage("Imported week.ics: Home visit C42")
        assert said == ["Locked. Your data is hidden until you enter your passphrase."]
        assert window.statusBar().currentMessage() == ""
        assert "C42" not in _words_on_the_bus()
        _unlock(qtbot, lock)
        qtbot.waitUntil(lambda: "Saved supervision-2026-12-07.pdf, with C42." in said)
        assert said[1:] == ["Unlocked.", "Saved supervision-2026-12-07.pdf, with C42."]
        assert window.statusBar().currentMessage() == "Imported week.ics: Home visit C42"
    finally:
        announce.remove_listener(listener)


def test_a_dialog_under_the_lock_that_closes_leaves_the_passphrase_in_the_window(window, qtbot):
    """The gate is the question's child: had it gone with it, nothing could be unlocked."""
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    box = _question(window)

    def closes_while_locked() -> None:
        try:
            qtbot.waitUntil(box.isVisible)
            lock.lock()
            qtbot.waitUntil(lambda: lock.gate is not None)
            box.done(QMessageBox.StandardButton.No)  # answered by the app itself
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, closes_while_locked)
    box.exec()
    box.deleteLater()
    qtbot.waitUntil(lambda: lock.gate is None and window.centralWidget() is lock.screen)
    _unlock(qtbot, lock)
    assert not lock.is_locked()


def test_the_folder_gone_warning_from_its_timer_in_the_real_window_waits_behind_the_lock(
        demo_window, qtbot, monkeypatch):
    """The app's own path: the folder watch's warning, a message that waits for an answer,
    raised by a timer while the real window is locked (its Return guard and screen fit on)."""
    import main as app_main

    win = demo_window
    lock = win.idle_lock
    monkeypatch.setattr(lock, "_verify", lambda p: p == RIGHT)
    lock.lock()
    seen: dict[str, object] = {}

    def warning() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()), None)

    def while_warned() -> None:
        try:
            qtbot.waitUntil(lambda: warning() is not None and lock.gate is not None
                            and lock.gate.parentWidget() is warning())
            box = warning()
            seen["locked"] = _words_on_the_bus()
            _unlock(qtbot, lock)
            qtbot.waitUntil(box.isActiveWindow)
            seen["back"] = (box.windowTitle(), box.text()[:40])
            _keys(Qt.Key.Key_Return)  # its one answer, OK
        finally:
            if warning() is not None:
                warning().done(0)

    QTimer.singleShot(0, while_warned)
    app_main._folder_lost(win)  # as the folder watch calls it: it waits for an answer
    assert "moved or removed" not in seen["locked"]  # type: ignore[operator]
    assert seen["back"] == ("Your data folder has gone",
                            "The folder this window's data is in has ")
    assert not lock.is_locked()
