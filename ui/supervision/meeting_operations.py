"""View > Supervision meeting (F11, Ctrl+Shift+M): enter and leave the meeting view, end the
meeting as one undoable step, and offer the one-page PDF of what was agreed.

The meeting takes the window's whole central area (navigation and menus out of sight). The idle
lock still works over it: it takes whatever is central and puts it back. While the meeting is
up, the tray holds its notifications.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
import shiboken6
from sqlite_utils import Database

from core.common import clock
from core.common.errors import ValidationError
from core.supervision.meeting import MeetingDraft
from core.supervision.sessions import last_session
from ui.shell.app import show_error
from ui.shell.hub import Hub
from ui.shell.lock_away import first_focus_in
from ui.shell.main_window import MainWindow, reserve_action
from ui.supervision.meeting_screen import MeetingScreen
from ui.supervision.session_command import record_undoably
from ui.widgets import confirm

if TYPE_CHECKING:  # made when the meeting first opens, not at start-up
    from ui.supervision.meeting_view import MeetingView

SHORTCUTS = (QKeySequence("F11"), QKeySequence("Ctrl+Shift+M"))
END_QUESTION = "End the meeting and record it?"


def offer_pdf(parent: QWidget | None, db: Database, start: date, end: date) -> Path | None:
    """Ask whether to save the one-page PDF of the meeting's period; write it if so."""
    from core.supervision.export import default_file_name
    from core.supervision.summary import SummaryOptions
    from ui.supervision.pdf_export import fitted_summary, write_pdf

    answer = QMessageBox.question(
        parent, "Meeting recorded",
        "The meeting is recorded (Undo takes it back). Save the one-page PDF of what was agreed?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Save)
    if answer != QMessageBox.StandardButton.Save:
        return None
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Save the summary as PDF", str(Path.home() / default_file_name("pdf", end)),
        "PDF (*.pdf)")
    if not name:
        return None
    try:
        summary = fitted_summary(db, SummaryOptions(start=start, end=end), end)
        return write_pdf(summary, Path(name), overwrite=True)  # the save dialog asked already
    except (ValidationError, OSError) as exc:
        message = " ".join(exc.problems) if isinstance(exc, ValidationError) else str(exc)
        show_error(parent, message, "The PDF was not saved")
        return None


class MeetingController(QObject):
    """Owns the meeting's draft and its place in the window; `view` is None outside a meeting."""

    def __init__(self, window: MainWindow, db: Database, hub: Hub, stack: QUndoStack,
                 today: Callable[[], date] = clock.today):
        super().__init__(window)
        self._window = window
        self._db = db
        self._hub = hub
        self._stack = stack
        self._today = today
        self.draft = MeetingDraft()
        self.view: MeetingView | None = None
        self._normal: QWidget | None = None
        self._screen: MeetingScreen | None = None
        self._was_on: QWidget | None = None  # where the keyboard was before the meeting
        # View > Supervision meeting: the frame painted before the data opened may hold it.
        self.action = reserve_action(window, "&View", "supervisionMeeting", "Supervision &meeting")
        self.action.setEnabled(True)
        self.action.setShortcuts(list(SHORTCUTS))
        self.action.setToolTip("Present the month and work the agenda with your manager (F11)")
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)  # works with the menus out of sight, as in the meeting
        hub.supervisionChanged.connect(self._data_changed)
        hub.casesChanged.connect(self._data_changed)
        hub.dataReplaced.connect(self._data_replaced)
        lock = getattr(window, "idle_lock", None)
        if lock is not None:  # the laptop was unattended: private things go off screen
            lock.locked.connect(self._locked)

    def _locked(self) -> None:
        if self.view is not None:
            self.view.clear_private_ticks()

    def is_open(self) -> bool:
        return self.view is not None

    def toggle(self) -> None:
        self.leave() if self.is_open() else self.open()

    def open(self) -> None:
        from ui.supervision.meeting_view import MeetingView

        lock = getattr(self._window, "idle_lock", None)
        if self.is_open() or (lock is not None and lock.is_locked()):
            return
        focus = QApplication.focusWidget()
        normal = self._window.centralWidget()
        self._was_on = focus if focus is not None and normal is not None \
            and normal.isAncestorOf(focus) else None
        self.view = MeetingView(self._db, self.draft, self._today())
        self.view.leaveRequested.connect(self.leave)
        self.view.endRequested.connect(self.end)
        self._normal = self._window.takeCentralWidget()
        self._window.setCentralWidget(self.view)
        # Before it is painted: nothing from outside the meeting is on screen with it.
        self._screen = MeetingScreen(self._window, self.view, self._stack, self.draft)
        self.view.show()  # a widget made hidden is not shown by becoming central
        self._window.menuBar().hide()
        self._hold_tray(True)
        self.view.topics.setFocus()
        self.view.say_opened()

    def leave(self) -> None:
        """Back to the normal view; what was ticked and agreed waits for the meeting to end,
        the "show to my manager" ticks do not."""
        if self.view is None:
            return
        view, self.view = self.view, None
        screen, self._screen = self._screen, None
        self._window.takeCentralWidget()
        view.deleteLater()
        self._window.setCentralWidget(self._normal)
        if self._normal is not None:
            self._normal.show()
        self._normal = None
        self._window.menuBar().show()
        self._hold_tray(False)
        self._focus_after_meeting()
        if screen is not None:
            screen.close()  # what waited is said once the keyboard has landed

    def _focus_after_meeting(self) -> None:
        """The keyboard goes back where it was before the meeting (the agenda row, the table
        cell), if that is still on screen; else to the Supervision view's meeting button (F11
        takes you back), or the first control of the view shown."""
        was, self._was_on = self._was_on, None
        central = self._window.centralWidget()
        if was is not None and shiboken6.isValid(was) and central is not None \
                and central.isAncestorOf(was) and was.isVisible() and was.isEnabled():
            was.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        current = self._window.current_key() if hasattr(self._window, "current_key") else None
        view = self._window.view(current) if current else None
        button = getattr(view, "meeting_button", None)
        if button is not None and button.isVisible():
            button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._window.centralWidget() is not None:
            first_focus_in(self._window.centralWidget())

    def end(self) -> None:
        """Record the meeting in one step (Undo takes it back), return, offer the PDF."""
        if self.view is None:
            return
        # Asked every time: Ctrl+Enter is a common "send" reflex, and even an empty meeting is
        # recorded as a session. "Keep going" is the default and Esc, so nothing ends by accident.
        # End and record deletes nothing (Ctrl+Z takes it back): Return on it, Tabbed to, does it.
        if not confirm.ask(self.view, "End meeting", END_QUESTION, "End and record",
                           "Keep going", yes_destroys=False):
            return
        today = self._today()
        start = self.view.content.start if self.view.content else today
        previous = last_session(self._db, on_or_before=today)
        outcome = self.draft.outcome(today, previous.with_whom if previous else "")
        try:
            record_undoably(self._window, self._db, self._hub, outcome, today,
                            what="Supervision meeting", stack=self._stack)
        except ValidationError as exc:
            show_error(self.view, "\n".join(exc.problems), "The meeting was not recorded")
            return
        self.draft = MeetingDraft()
        current = getattr(self._window, "current_key", lambda: None)()
        self.leave()  # the keyboard back where it was before the meeting
        if hasattr(self._window, "show_view") and current != "supervision":
            self._window.show_view("supervision")  # where the session recorded is listed
            self._focus_after_meeting()  # on its meeting button: the view left is hidden
        offer_pdf(self._window, self._db, start, today)

    def _data_changed(self) -> None:
        if self.view is not None:
            self.view.reload()

    def _data_replaced(self) -> None:
        # A restore or delete-all: the draft's ids point at rows that are gone.
        self.leave()
        self.draft = MeetingDraft()

    def _hold_tray(self, held: bool) -> None:
        tray = getattr(self._window, "time_tray", None)
        if tray is not None and hasattr(tray, "hold_notifications"):
            tray.hold_notifications(held)


def install_meeting(window: MainWindow, db: Database, hub: Hub,
                    stack: QUndoStack) -> MeetingController:
    """Add View > Supervision meeting and the Supervision view's button to `window`."""
    controller = MeetingController(window, db, hub, stack)

    def connect_button(key: str) -> None:
        if key == "supervision":
            view = window.view("supervision")
            view.meetingRequested.connect(controller.open)  # type: ignore[attr-defined]

    window.viewCreated.connect(connect_button)
    if window.is_created("supervision"):
        connect_button("supervision")
    window.meeting = controller  # type: ignore[attr-defined]
    return controller
