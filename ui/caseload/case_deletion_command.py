"""Deleting closed cases as one undo step: Ctrl+Z puts them back until the window closes.

What was deleted is held in this step only, in memory; the file itself was compacted when they
went, so closing the window (which drops the undo stack) makes the deletion final.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from core.caseload.case_deletion import (
    DeletedCases,
    Reading,
    delete_cases_keeping,
    read_as_deleted,
    restore_deleted,
)
from core.caseload.retention import compact
from core.common.errors import ValidationError
from core.common.words import plural_noun
from ui.shell.hub import Hub
from ui.widgets.step_said import say_step



def deleted_text(count: int) -> str:
    return f"{count} closed {plural_noun(count, 'case')}"


class CasesDeletedCommand(QUndoCommand):
    """Pushed after the cases are deleted; its first redo (run by `push`) does nothing."""

    def __init__(self, db: Database, hub: Hub, gone: DeletedCases, parent: QWidget | None):
        super().__init__(f"Delete {deleted_text(len(gone))}")
        self._db, self._hub, self._parent = db, hub, parent
        self.gone = gone
        self._pushed = False
        self.brought_back: Reading = ()  # the cases as Undo left them, for Redo to find
        self.shown = ""  # the words the deletion was shown with, then each undo's and redo's

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        try:
            self.gone = delete_cases_keeping(
                self._db, [int(r["id"]) for r in self.gone.cases], self.brought_back)
        except ValidationError as exc:  # deleted, reopened, edited or time logged since
            self.setObsolete(True)
            self._hub.casesChanged.emit()
            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            return
        compact(self._db)
        self._hub.casesChanged.emit()
        self.shown = say_step(self._parent, f"Deleted {deleted_text(len(self.gone))} again.",
                              was=self.shown)

    def undo(self) -> None:
        try:
            with self._db.atomic():
                restore_deleted(self._db, self.gone)
                self.brought_back = read_as_deleted(self._db, self.gone)
        except ValidationError as exc:
            self.setObsolete(True)  # nothing came back, so there is nothing to redo either
            from ui.shell.app import show_error

            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            show_error(self._parent, " ".join(exc.problems), "The cases were not brought back")
            return
        self._hub.casesChanged.emit()
        # Every line that showed the deletion (the Caseload's own, the status bar) says so.
        self.shown = say_step(self._parent, f"Brought back {deleted_text(len(self.gone))}: "
                                            f"{', '.join(self.gone.references[:3])}"
                                            f"{' and more' if len(self.gone) > 3 else ''}.",
                              was=self.shown)
