"""File > Import calendar…: the menu action, and the import as one step on the window's Undo."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.time.time_summary import hours_text
from ui.widgets.announce import announce
from core.common.words import plural
from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow

if TYPE_CHECKING:  # the calendar libraries load when the dialog is first opened, not at start-up
    from core.time.calendar.importer import CalendarImport


class CalendarImportCommand(QUndoCommand):
    """One import, pushed after core has saved it: undo takes every entry and leave day out."""

    def __init__(self, db: Database, hub: Hub, result: CalendarImport,
                 window: MainWindow | None = None):
        super().__init__(f"Import calendar ({plural(result.count, 'row')})")
        self._db, self._hub, self.result, self._window = db, hub, result, window
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        from core.time.calendar.importer import redo_import

        self._run(redo_import, f"Redone: {self.text()}.")

    def undo(self) -> None:
        from core.time.calendar.importer import undo_import

        self._run(undo_import, f"Undone: {self.text()}.")

    def _run(self, step: Callable[[Database, CalendarImport], None], said: str) -> None:
        """Either way only over the rows the import left (core.time.change_guard): refused,
        said and dropped, the later change kept."""
        from core.common.errors import ValidationError
        from ui.widgets.step_said import say_step

        try:
            step(self._db, self.result)
        except ValidationError as exc:
            self.setObsolete(True)
            self._hub.timeLogged.emit()
            say_step(self._window, " ".join(exc.problems), assertive=True)
            return
        self._hub.timeLogged.emit()
        say_step(self._window, said)


def imported_message(result: CalendarImport) -> str:
    leave = len(result.leave)
    days = f" and {leave} leave day{'s' if leave != 1 else ''}" if leave else ""
    entries = len(result.change.added)
    out = result.taken_out
    # Entries an earlier import saved that a moved or changed appointment replaced: said, or
    # "Imported 1 entry" hid that the 11:15 entry had become 11:20.
    replaced = len(result.change.removed) - (out - len(result.leave_out))
    instead = (f", replacing {replaced} entr{'ies' if replaced != 1 else 'y'} it imported "
               "before" if replaced > 0 else "")
    cancelled = f"; took out {out} moved away or cancelled since the last import" if out else ""
    return (
        f"Imported {entries} entr{'ies' if entries != 1 else 'y'} "
        f"({hours_text(result.minutes / 60)}){days} from your calendar{instead}{cancelled}. "
        "Ctrl+Z undoes it."
    )


def add_after_log_time(window: MainWindow, action: QAction) -> None:
    """Put `action` in the File menu just after Log time (or first): time comes in there.

    Not a menu of its own: every letter of "Time" is already an Alt key in some view."""
    menu: QMenu = window.menu("&File")
    actions = menu.actions()
    log_time = next((i for i, a in enumerate(actions) if a.text() == "&Log time…"), None)
    after = actions[log_time + 1] if log_time is not None and log_time + 1 < len(actions) else (
        None if log_time is not None else (actions[0] if actions else None))
    menu.insertAction(after, action)


def install_calendar_import(
    window: MainWindow,
    db: Database,
    hub: Hub,
    stack: QUndoStack,
    clock: Callable[[], datetime] = clock_now,
    said: Callable[[str], None] | None = None,
) -> QAction:
    """Add File > Import calendar…; an import goes on `stack` as one step. `said` is told what
    was imported (the status bar by default)."""

    def run() -> None:
        from ui.time.calendar_import_dialog import CalendarImportDialog

        result = CalendarImportDialog.get_import(window, db, clock)
        if result is None:
            return
        stack.push(CalendarImportCommand(db, hub, result, window))
        hub.timeLogged.emit()
        message = imported_message(result)
        announce(window, message)
        if said is not None:
            said(message)
        else:
            window.statusBar().showMessage(message, 10_000)

    action = QAction("&Import calendar…", window)
    action.setToolTip("Fill your week from an Outlook or other calendar (.ics) file")
    action.triggered.connect(run)
    add_after_log_time(window, action)
    window.calendar_import_action = action  # type: ignore[attr-defined]
    return action
