"""The tray icon: shows whether a timer runs; its menu starts, stops and opens quick entry.

While the window is locked the icon is outside the lock: its tooltip, its menu and its messages
are read by anyone at the desk and by a screen reader ("Timing Travel since 16:30" names an
activity, a message may name a case). So locked, the tooltip and the menu say only that the app
is locked (the menu can still bring the window forward, to unlock it), the icon no longer shows
whether a timer runs, and messages wait until it is unlocked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.time.timer import get_timer
from ui.time.timer_controls import timer_text

LOCKED_WORDS = "Caseload Companion is locked"


def _icon(running: bool) -> QIcon:
    """A clock face; filled when a timer runs, so the state reads without colour too."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#1A1A1A"))
    painter.setBrush(QColor("#0072B2") if running else QColor("#FFFFFF"))
    painter.drawEllipse(3, 3, 26, 26)
    painter.setPen(QColor("#FFFFFF") if running else QColor("#1A1A1A"))
    painter.drawLine(16, 16, 16, 8)
    painter.drawLine(16, 16, 22, 16)
    painter.end()
    return QIcon(pixmap)


class TimeTray(QObject):
    """Created only where the desktop has a tray; `available` says whether it was.

    `notify` shows a message from the tray icon; while `hold_notifications(True)` (the
    supervision meeting is on screen) or `set_locked(True)` messages wait and are shown, latest
    last, on release, and the timer's case reference is left out of the tooltip and the menu
    (the manager sees the screen). `tip` is the tooltip's words, whether or not the desktop
    has a tray.
    """

    def __init__(
        self,
        db: Database,
        window: QWidget,
        *,
        start: Callable[[], None],
        stop: Callable[[], None],
        quick_entry: Callable[[], None],
        clock: Callable[[], datetime] = clock_now,
    ):
        super().__init__(window)
        self._db = db
        self._clock = clock
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.menu = QMenu(window)
        self.status_action = QAction("", self.menu)
        self.status_action.setEnabled(False)
        self.start_action = QAction("Start timer", self.menu)
        self.stop_action = QAction("Stop timer", self.menu)
        self.quick_action = QAction("Log time…", self.menu)
        self.show_action = QAction("Show Caseload Companion", self.menu)
        for action in (
            self.status_action,
            None,
            self.quick_action,
            self.start_action,
            self.stop_action,
            None,
            self.show_action,
        ):
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        self.start_action.triggered.connect(start)
        self.stop_action.triggered.connect(stop)
        self.quick_action.triggered.connect(quick_entry)
        self.show_action.triggered.connect(lambda: (window.showNormal(), window.activateWindow()))
        self.icon: QSystemTrayIcon | None = None
        self.held: list[tuple[str, str]] | None = None  # a list while notifications are held
        self.locked = False
        self._held_locked: list[tuple[str, str]] = []  # messages that came while locked
        self.tip = ""
        if self.available:
            self.icon = QSystemTrayIcon(self)
            self.icon.setContextMenu(self.menu)
            self.icon.show()
        self.refresh()

    def refresh(self) -> None:
        """The timer's state in the menu, tooltip and icon; while locked, only that it is."""
        for action in (self.quick_action, self.start_action, self.stop_action):
            action.setVisible(not self.locked)
        if self.locked:  # nothing read from the data: the lock may have come from a timer
            self.status_action.setText(LOCKED_WORDS)
            self.tip = LOCKED_WORDS
            if self.icon is not None:
                self.icon.setIcon(_icon(False))
                self.icon.setToolTip(self.tip)
            return
        running = get_timer(self._db) is not None
        # While the meeting is on screen the tray holds no case reference either.
        text = timer_text(self._db, self._clock(), with_case=self.held is None)
        self.status_action.setText(text)
        self.start_action.setText("Switch timer" if running else "Start timer")
        self.stop_action.setEnabled(running)
        self.tip = f"Caseload Companion: {text}"
        if self.icon is not None:
            self.icon.setIcon(_icon(running))
            self.icon.setToolTip(self.tip)

    def set_locked(self, locked: bool) -> None:
        """The window locked or unlocked (ui.shell.lock_screen): the menu, the tooltip and the
        messages follow. The lock disables the window's actions, these among them; "Show
        Caseload Companion" is given back, to bring the locked window forward."""
        self.locked = locked
        from ui.shell.lock_late import SHOWN_WHILE_LOCKED

        # Left open by the lock's closing of popups: it says nothing of the data now.
        self.menu.setProperty(SHOWN_WHILE_LOCKED, locked)
        if locked:
            self.show_action.setEnabled(True)
        self.refresh()
        if not locked:
            waiting, self._held_locked = self._held_locked, []
            for title, message in waiting:
                self.notify(title, message)

    def notify(self, title: str, message: str) -> None:
        if self.held is not None:
            self.held.append((title, message))
        elif self.locked:
            self._held_locked.append((title, message))
        elif self.icon is not None:
            self.icon.showMessage(title, message)

    def hold_notifications(self, held: bool) -> None:
        if held:
            self.held = self.held if self.held is not None else []
            self.refresh()  # the tooltip and menu without the timer's case reference
            return
        waiting, self.held = self.held or [], None
        self.refresh()
        for title, message in waiting:
            self.notify(title, message)
