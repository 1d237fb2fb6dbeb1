"""Windows that open while locked: a question a timer asks, a message an error brings, a dialog
kept from before and opened again, a tooltip, a menu.

The lock empties the windows open when it comes on (ui.shell.lock_away), but nothing stops the
app from opening another while it lasts: the folder-gone warning from its timer, an error's
message, a result a worker thread reports. Each came up whole, its words on screen and on the
accessibility bus behind a lock screen that says the data is hidden, and one that waits for an
answer took the keyboard from the passphrase field, so the lock could not be undone.

While locked, an application-wide filter meets every window as it is shown. A window is
emptied the same way (covered, titled "Locked", its contents held off the bus until unlocking
brings them back); a popup or tooltip is closed, as at the lock; and the lock is told, so the
passphrase field goes where the keyboard can reach it: over a new dialog that waits for an
answer, the question itself answered once the lock is off. Windows of the lock's own (its gate,
the passphrase field's menu) and any marked `shownWhileLocked` (the tray's menu, which then
says only that the app is locked) are left as they are.
"""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.shell.lock_away import Away
from ui.widgets.qt_guard import qt_override

SHOWN_WHILE_LOCKED = "shownWhileLocked"  # a window's property: it holds nothing of the data
_POPUPS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class _Once(QObject):
    """An event filter on one window for its Show event alone: it runs after the application's
    filters (Return never presses Delete, the dialog fits the screen: they look at the window's
    buttons and size, which must still be there), before the window's own showEvent."""

    def __init__(self, window: QWidget, shown: Callable[[QWidget], None]):
        super().__init__(window)
        self._shown = shown
        window.installEventFilter(self)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            self.deleteLater()
            self._shown(watched)
        return False


class LateWindows(QObject):
    """Installed on the application while locked (`stop` takes it off). `ours(window)` says a
    window belongs to the lock; `away` empties the others; `placed()` is called, a moment after
    a window was shown or hidden, to put the lock screen where the keyboard reaches it."""

    def __init__(self, away: Away, ours: Callable[[QWidget], bool], placed: Callable[[], None],
                 parent: QObject):
        super().__init__(parent)  # gone with the lock: never left filtering a later app's windows
        app = QApplication.instance()
        self._away = away
        self._ours = ours
        self._placed = placed
        self._hidden: Callable[[QWidget], None] | None = None
        if app is not None:
            app.installEventFilter(self)

    def on_hidden(self, hidden: Callable[[QWidget], None]) -> None:
        """`hidden(window)` is called as any window is hidden while locked, before it goes."""
        self._hidden = hidden

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.deleteLater()

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Hide) or not isinstance(watched, QWidget) \
                or not watched.isWindow() or self._ours(watched) \
                or watched.property(SHOWN_WHILE_LOCKED):
            return False
        if kind == QEvent.Type.Hide:
            if self._hidden is not None:
                self._hidden(watched)
            return False
        if watched.windowType() in _POPUPS:
            _close(watched)
        else:
            _Once(watched, self._empty)
        return False

    def _empty(self, window: QWidget) -> None:
        self._away.take(window)
        QTimer.singleShot(0, self, self._placed)  # once Qt has made it modal, if it waits


def _close(popup: QWidget) -> None:
    """A tooltip's words go at once; the popup itself a moment later (it is being shown)."""
    if isinstance(popup, QLabel):
        popup.setText("")

    def close() -> None:
        if shiboken6.isValid(popup) and popup.isVisible():
            popup.close()

    QTimer.singleShot(0, close)


def locked_label() -> QLabel:
    """What the window shows while the lock screen is over a dialog."""
    locked = QLabel("Caseload Companion is locked")
    locked.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return locked


def waiting_dialog(leaving: set) -> QWidget | None:
    """The dialog that waits for an answer and has the keyboard to itself, or None: Qt's own
    answer unless that is the lock's gate or a window going (`leaving`), else the one no other
    waiting dialog was opened from."""
    top = QApplication.activeModalWidget()
    if top is not None and top not in leaving and top.isVisible():
        return top
    found = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()
             and w not in leaving and w.windowType() != Qt.WindowType.Popup]
    for window in reversed(found):
        if not any(_opened_from(other, window) for other in found if other is not window):
            return window
    return found[-1] if found else None


def _opened_from(window: QWidget, parent: QWidget) -> bool:
    widget = window.parentWidget()
    while widget is not None:
        if widget is parent:
            return True
        widget = widget.parentWidget()
    return False
