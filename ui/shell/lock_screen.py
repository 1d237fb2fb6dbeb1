"""The idle lock: with encryption on, the window hides all data after a chosen idle time until the
passphrase is typed again. Idle time is measured by an application-wide event filter."""

from __future__ import annotations

import time
from typing import Callable

import shiboken6

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.shell.lock_away import Away, QuietActions, close_popups, first_focus_in, say_when_active
from ui.shell.lock_late import LateWindows, locked_label, waiting_dialog
from ui.widgets.announce import announce, announce_error, hold_announcements, release_announcements
from ui.widgets.announce_notice import forget_notices
from ui.widgets.secret_field import SecretField
from ui.widgets.qt_guard import qt_override

UNLOCKED = "Unlocked."  # said wherever the window was, the supervision meeting included

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """What the window shows while locked: no data, one passphrase field.

    Signals:
        unlockRequested(str): the passphrase typed.
    """

    unlockRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.setObjectName("lockScreen")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel("Caseload Companion is locked")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        body = QLabel("Your data is hidden while you are away. Enter your passphrase to carry on.")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(body)
        self.field = SecretField()  # its keys never go out on the accessibility bus
        self.field.setAccessibleName("Passphrase")
        self.field.setFixedWidth(320)
        # A visible label, not a placeholder that goes as typing starts: it names the field for
        # everyone, and for a screen reader too (as its buddy, "labelled by").
        self.label = QLabel("&Passphrase:")
        self.label.setBuddy(self.field)
        self.label.setFixedWidth(320)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton("Unlock")
        # Return anywhere in the screen unlocks once, through keyPressEvent: the field's
        # returnPressed and a default Unlock button both submitted, so over a dialog (the gate,
        # where a default button presses) one wrong passphrase was refused, and said, twice.
        self.button.setAutoDefault(False)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.message = QLabel("")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        layout.addStretch(3)

    def _connect_signals(self) -> None:
        self.button.clicked.connect(self._submit)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Return or Enter from the field (which passes it on) or the Unlock button: one try."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            self._submit()
            return
        super().keyPressEvent(event)

    def _submit(self) -> None:
        self.unlockRequested.emit(self.field.secret())

    def refuse(self) -> None:
        self.message.setText("That passphrase does not match. Please try again.")
        announce_error(self, self.message.text())
        self.field.setText("")  # with its history: no passphrase kept for Ctrl+Z
        self.field.setFocus()


class LockGate(QDialog):
    """The lock screen over a dialog that was waiting for an answer when the lock came on.

    While a dialog waits, Qt gives the keyboard and mouse to it alone: a passphrase field in the
    window could never be typed in, and the only way out was to end the app. The gate is a
    dialog of its own over every other; Escape and closing leave it locked, unlocking closes it.
    """

    def __init__(self, parent: QWidget, screen: LockScreen):
        super().__init__(parent)
        self.setWindowTitle("Caseload Companion is locked")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        QVBoxLayout(self).addWidget(screen)

    def reject(self) -> None:  # Escape: still locked
        pass

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()


class IdleLock(QObject):
    """Locks `window` after `minutes` without keyboard or mouse input, while `enabled`.

    Locking takes the window's central widget out (so no data is shown or reachable, even by
    assistive technology), disables the menus and empties every other window (ui.shell.lock_away).

    Signals:
        locked(), unlocked()
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, verify: Callable[[str], bool], minutes: float = 10,
                 enabled: bool = False, clock: Callable[[], float] = time.monotonic):
        super().__init__(window)
        self._window = window
        self._verify = verify
        self._clock = clock  # seconds, only ever compared: tests move it instead of waiting
        self._seconds = minutes * 60
        self._enabled = False
        self._last = clock()
        self._content: QWidget | None = None
        self._focus: QWidget | None = None
        self._away: Away | None = None
        self._quiet: QuietActions | None = None
        self._was_active: QWidget | None = None
        self._actions: list[QAction] = []
        self._late: LateWindows | None = None  # windows shown while locked: emptied too
        self._held_message = ""  # a status bar line that came while locked, shown after
        self.screen: LockScreen | None = None
        self.gate: LockGate | None = None  # the lock screen, when a dialog was waiting
        self._in_view: QWidget | None = None  # the last control of the view with the keyboard
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_moved)
        window.statusBar().messageChanged.connect(self._hold_message)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.set_enabled(enabled)

    def set_minutes(self, minutes: float) -> None:
        self._seconds = minutes * 60
        self._timer.setInterval(max(10, min(1000, int(self._seconds * 250))))

    def set_enabled(self, enabled: bool) -> None:
        """Watch for activity only while the lock is on: an application-wide filter sees every
        event the app handles, which slowed every view a little for people who never lock."""
        self._enabled = enabled
        self._last = self._clock()
        app = QApplication.instance()
        if enabled:
            if app is not None:
                app.installEventFilter(self)
            self._timer.start()
        else:
            if app is not None:
                app.removeEventFilter(self)
            self._timer.stop()

    def is_locked(self) -> bool:
        return self._content is not None

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Remember the view's control that had the keyboard: a menu opened from the keyboard
        (Alt+F) takes it to the menu bar, and the lock met there would put it back on the first
        control of the window (the Views list) rather than the field the menu was opened from."""
        content = self._window.centralWidget() if shiboken6.isValid(self._window) else None
        if new is not None and content is not None and content is not self.screen \
                and (new is content or content.isAncestorOf(new)):
            self._in_view = new

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False

    def _tick(self) -> None:
        if self._enabled and not self.is_locked() and self._window.isVisible():
            if self._clock() - self._last >= self._seconds:
                self.lock()

    def lock(self) -> None:
        if self.is_locked():
            return
        close_popups()  # a menu, a list of suggestions: they hold the keyboard and show data
        waiting = QApplication.activeModalWidget()  # a dialog that has the keyboard to itself
        self._was_active = QApplication.activeWindow()  # a window beside, given it back
        self._away = Away(self._window)  # every other window emptied, what was typed kept
        self._quiet = QuietActions(self._window)  # "Undo Delete case C07" in the Edit menu
        self._window.statusBar().clearMessage()  # "Imported week.ics: Home visit C07 …"
        # Window-wide shortcuts (Log time, views, tray menu) must not reach data while locked.
        self._actions = [a for a in self._window.findChildren(QAction) if a.isEnabled()]
        for action in self._actions:
            action.setEnabled(False)
        focused = QApplication.focusWidget()
        content = self._window.centralWidget()
        # Where the keyboard was, to put it back on unlock (a screen reader user is otherwise
        # left on nothing).
        if focused is None or content is None or not (
                content is focused or content.isAncestorOf(focused)):
            focused = self._in_view  # in a menu, the menu bar or a window beside: the view's
        self._focus = focused if focused is not None and shiboken6.isValid(focused) \
            and content is not None and (content is focused or content.isAncestorOf(focused)) \
            else None
        self._content = self._window.takeCentralWidget()
        if self._content is not None:
            # Hidden on purpose: a show Qt queued when it became central (the meeting, opened
            # a moment ago) would otherwise bring it back as a window of its own.
            self._content.hide()
        self.screen = LockScreen()
        self.screen.unlockRequested.connect(self._try_unlock)
        if waiting is None:
            self._window.setCentralWidget(self.screen)
            if self._was_active not in (None, self._window):
                self._window.activateWindow()  # the window beside is emptied: type here
        else:  # typed where the keyboard can reach: over the dialog
            self._window.setCentralWidget(locked_label())
            self.gate = LockGate(waiting, self.screen)
            self.gate.show()
            self.gate.activateWindow()
        self._window.menuBar().setEnabled(False)
        self.screen.field.setFocus()
        forget_notices()  # what was said before the lock is not left on the bus behind it
        # What the app says meanwhile (a result a worker reports) waits: heard behind the lock,
        # and shown as a notice in a window, it would give away what the lock hides.
        hold_announcements(self.screen)
        announce(self.screen, "Locked. Your data is hidden until you enter your passphrase.")
        self._late = LateWindows(self._away, self._ours, self._place_screen, self)
        self._late.on_hidden(self._leaving)
        self.locked.emit()

    def _ours(self, window: QWidget) -> bool:
        """The window itself, or one of the lock's own (its gate, the passphrase field's menu)."""
        if window is self._window:
            return True
        widget: QWidget | None = window
        while widget is not None:
            if widget is self.screen or widget is self.gate:
                return True
            widget = widget.parentWidget()
        return False

    def _hold_message(self, text: str) -> None:
        """A status bar line shown while locked ("Imported week.ics: Home visit C07 …") waits."""
        if text and self.is_locked():
            self._held_message = text
            self._window.statusBar().clearMessage()

    def _leaving(self, window: QWidget) -> None:
        """A window hidden while locked: if the lock screen is over it, it moves first (a
        dialog that goes takes its gate, the passphrase field with it)."""
        if self.gate is not None and self.gate.parentWidget() is window:
            self._place_screen(leaving=window)

    def _place_screen(self, leaving: QWidget | None = None) -> None:
        """The lock screen where the keyboard reaches it: over the dialog that waits for an
        answer (the newest), else in the window; and the keyboard in its field."""
        screen = self.screen
        if screen is None or not shiboken6.isValid(screen):
            return
        waiting = waiting_dialog({self.gate, leaving})
        old = self.gate
        if (old.parentWidget() if old is not None else None) is not waiting:
            if waiting is None:
                self.gate = None
                self._window.setCentralWidget(screen)  # the "locked" label goes
            else:
                if self._window.centralWidget() is screen:
                    self._window.takeCentralWidget()
                    self._window.setCentralWidget(locked_label())
                self.gate = LockGate(waiting, screen)
                self.gate.show()
            if old is not None:
                old.hide()
                old.deleteLater()
        self._focus_field()
        QTimer.singleShot(0, self, self._focus_field)  # once a screen moved is shown again

    def _focus_field(self) -> None:
        if self.screen is None or not shiboken6.isValid(self.screen):
            return
        there = self.gate if self.gate is not None else self._window
        there.activateWindow()
        self.screen.field.setFocus()

    def _try_unlock(self, passphrase: str) -> None:
        if not self._verify(passphrase):
            assert self.screen is not None
            self.screen.refuse()
            return
        if self._late is not None:  # windows shown from here on are the app's again
            self._late.stop()
            self._late = None
        shown = self._window.takeCentralWidget()
        if shown is not None and shown is not self.screen:
            shown.deleteLater()
        if self.screen is not None:
            self.screen.field.clear()  # gone from the bus with the screen, not left typed in it
            self.screen.deleteLater()
            self.screen = None
        if self._quiet is not None:
            self._quiet.give_back()
            self._quiet = None
        if self._away is not None:  # before the gate goes: each window's keyboard is back
            self._away.give_back()  # where it was when it is active again, not at its start
            self._away = None
        said_in: QWidget = self._window
        if self.gate is not None:
            waiting = self.gate.parentWidget()
            self.gate.hide()
            self.gate.deleteLater()
            self.gate = None
            if waiting is not None:
                waiting.activateWindow()  # the dialog it covered has the keyboard again
                said_in = waiting
        elif self._was_active is not None and shiboken6.isValid(self._was_active) \
                and self._was_active is not self._window and self._was_active.isVisible():
            self._was_active.activateWindow()
            said_in = self._was_active
        self._was_active = None
        self._window.setCentralWidget(self._content)
        if self._content is not None:
            self._content.show()
        self._content = None
        self._window.menuBar().setEnabled(True)
        for action in self._actions:
            action.setEnabled(True)
        self._actions = []
        self._last = self._clock()
        self.unlocked.emit()
        self._restore_focus()
        held, self._held_message = self._held_message, ""
        if held:
            self._window.statusBar().showMessage(held)
        # What was said while locked, after "Unlocked." (once the keyboard is back).
        say_when_active(said_in, UNLOCKED, then=release_announcements())

    def _restore_focus(self) -> None:
        """Focus back on the control that had it before the lock, or the first control of
        what the window shows if that one is gone or hidden (after `unlocked` handlers ran)."""
        focus, self._focus = self._focus, None
        content = self._window.centralWidget()
        if QApplication.activeModalWidget() is not None or content is None:
            return  # a covered dialog takes its own focus back
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible() \
                and focus.isEnabled() and content.isAncestorOf(focus):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        first_focus_in(content)

