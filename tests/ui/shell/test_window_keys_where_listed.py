"""The window's shortcuts work where Help > Keyboard shortcuts says they do: "Anywhere" in the
main window and in the supervision meeting (which hides the menus), the view keys everywhere but
the meeting. Ctrl+Shift+L locks the meeting too, hiding everything it showed (it did nothing
there: the meeting hides the menu bar, and Lock now was only on the File menu)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from ui.shell.shortcuts_dialog import ANYWHERE, EVEN_IN_DIALOGS, NOT_IN_MEETING, window_rows

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")


class _Caught(QObject):
    """Takes the shortcut an action receives (so nothing opens), noting which action."""

    def __init__(self) -> None:
        super().__init__()
        self.actions: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Shortcut:
            self.actions.append(watched)
            return True
        return False


def _reaches(window, keys: QKeySequence, caught: _Caught) -> list[str]:  # type: ignore[no-untyped-def]
    """The actions (by text) that `keys`, pressed where the keyboard is, reaches."""
    caught.actions.clear()
    combo = keys[0]
    QTest.keyClick(QApplication.focusWidget() or window, combo.key(), combo.keyboardModifiers())
    return [a.text().replace("&", "").rstrip("…") for a in caught.actions
            if isinstance(a, QAction)]


def test_each_window_key_works_where_the_page_says(demo_window, qtbot):
    win = demo_window
    caught = _Caught()
    for action in win.findChildren(QAction):
        action.setEnabled(True)  # Undo and Redo too, as they are once there is something to undo
        action.installEventFilter(caught)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    rows = window_rows(win)
    assert {where for _k, _w, where in rows} == {ANYWHERE, NOT_IN_MEETING, EVEN_IN_DIALOGS}
    assert all(what for _k, what, _w in rows), "every window key says what it does"
    for keys, what, _where in rows:
        assert what in _reaches(win, keys, caught), f"{keys.toString()} in the main window"
    win.meeting.open()
    assert not win.menuBar().isVisible()
    for keys, what, where in rows:
        reached = what in _reaches(win, keys, caught)
        assert reached == (where != NOT_IN_MEETING), f"{keys.toString()} ({what}) in the meeting"
    listed = {keys.toString(): where for keys, _what, where in rows}
    assert listed["Ctrl+Shift+L"] == EVEN_IN_DIALOGS


def test_ctrl_shift_l_locks_the_meeting_and_hides_what_it_showed(demo_window, qtbot,
                                                                 monkeypatch):
    from ui.shell import storage_setup

    win = demo_window
    monkeypatch.setattr(storage_setup.encryption, "is_encrypted", lambda _db: True)
    monkeypatch.setattr(win.idle_lock, "_verify", lambda passphrase: passphrase == "right one")
    win.meeting.open()
    view = win.meeting.view
    view.show_cases.setChecked(True)  # references on screen, as the manager looks on
    shown = " ".join(w.text() for w in view.findChildren(QLabel) if w.isVisible())
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.idle_lock.is_locked()
    assert not view.isVisible()
    qtbot.waitUntil(win.idle_lock.screen.isVisible)
    now = " ".join(w.text() for w in win.findChildren(QLabel) if w.isVisible())
    assert "locked" in now and not any(line and line in now for line in shown.split("  "))
    assert QApplication.focusWidget() is win.idle_lock.screen.field
    qtbot.keyClicks(win.idle_lock.screen.field, "right one")
    qtbot.keyClick(win.idle_lock.screen.field, Qt.Key.Key_Return)
    assert not win.idle_lock.is_locked()
    assert win.meeting.view is view and view.isVisible()
    assert not view.show_cases.isChecked()  # the laptop was unattended: references hidden again


def test_ctrl_shift_l_in_a_dialog_locks_and_the_dialog_comes_back(demo_window, qtbot,
                                                                  monkeypatch):
    """No window key reaches past an open dialog, but Lock now does: stepping away from a
    half-typed form is when it is wanted. The passphrase is asked over the dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    from ui.shell import storage_setup

    win = demo_window
    monkeypatch.setattr(storage_setup.encryption, "is_encrypted", lambda _db: True)
    monkeypatch.setattr(win.idle_lock, "_verify", lambda passphrase: passphrase == "right one")
    dialog = QDialog(win)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    seen: dict[str, object] = {}

    def keys(*clicks) -> None:  # type: ignore[no-untyped-def]
        for click in clicks:  # as the desktop sends them: to the window Qt lets have them
            QTest.keyClick(QApplication.focusWindow(), *click)
        QApplication.processEvents()

    def step_away() -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        field.setText("C99, half typed")
        keys((Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier))
        seen["locked"] = win.idle_lock.is_locked()
        if win.idle_lock.gate is not None:
            qtbot.waitUntil(win.idle_lock.gate.isActiveWindow)
            keys(*[(letter,) for letter in "right one"], (Qt.Key.Key_Return,))
        seen["unlocked"] = not win.idle_lock.is_locked()
        seen["dialog"] = (dialog.isVisible(), dialog.isEnabled(), field.text())
        dialog.reject()

    QTimer.singleShot(0, step_away)
    dialog.exec()
    assert seen == {"locked": True, "unlocked": True, "dialog": (True, True, "C99, half typed")}


def test_ctrl_shift_l_in_a_file_chooser_locks_and_the_name_typed_comes_back(
        demo_window, qtbot, monkeypatch, tmp_path):
    """A file chooser's name field takes every key it is given, so Lock now did nothing there,
    silently, though the page says it works in any dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from ui.shell import storage_setup

    win = demo_window
    monkeypatch.setattr(storage_setup.encryption, "is_encrypted", lambda _db: True)
    monkeypatch.setattr(win.idle_lock, "_verify", lambda passphrase: passphrase == "right one")
    chooser = QFileDialog(win, "Choose a calendar file", str(tmp_path))
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # as on a desktop without one
    seen: dict[str, object] = {}

    def keys(*clicks) -> None:  # type: ignore[no-untyped-def]
        for click in clicks:
            QTest.keyClick(QApplication.focusWindow(), *click)
        QApplication.processEvents()

    def step_away() -> None:
        chooser.activateWindow()
        qtbot.waitUntil(chooser.isActiveWindow)
        keys(*[(letter,) for letter in "secret-C07"])
        seen["typed in"] = type(QApplication.focusWidget()).__name__
        keys((Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier))
        seen["locked"] = win.idle_lock.is_locked()
        if win.idle_lock.gate is not None:
            qtbot.waitUntil(win.idle_lock.gate.isActiveWindow)
            keys(*[(letter,) for letter in "right one"], (Qt.Key.Key_Return,))
        seen["unlocked"] = not win.idle_lock.is_locked()
        seen["chooser"] = (chooser.isVisible(), chooser.isEnabled())
        seen["name"] = chooser.findChild(QLineEdit, "fileNameEdit").text()
        chooser.reject()

    QTimer.singleShot(0, step_away)
    chooser.exec()
    assert seen == {"typed in": "QLineEdit", "locked": True, "unlocked": True,
                    "chooser": (True, True), "name": "secret-C07"}
