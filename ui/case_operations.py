"""Undoable case changes: a QUndoCommand holding a case before and after a close, reopen or edit."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from core.caseload import CaseStore
from core.errors import ValidationError
from core.models import Case
from ui.app import show_error
from ui.hub import Hub

# Told which case an undo or redo put back and what to say about it (the Caseload view selects it).
Shown = Callable[[Case, str], None]


class CaseChangeCommand(QUndoCommand):
    """One change, pushed after the store has made it, so the first redo does nothing."""

    def __init__(
        self,
        db: Database,
        hub: Hub,
        before: Case,
        after: Case,
        text: str,
        shown: Shown | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(text)
        self._store = CaseStore(db)
        self._hub = hub
        # Copies: Case is mutable and the view's rows must not change what undo puts back.
        self.before = replace(before)
        self.after = replace(after)
        self._shown = shown
        self._parent = parent
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._put_back(self.after, f"Redone: {self.text()}.")

    def undo(self) -> None:
        self._put_back(self.before, f"Undone: {self.text()}.")

    def _put_back(self, case: Case, message: str) -> None:
        try:
            restored = self._store.restore_case(case)
        except KeyError:
            # The case was deleted since (retention, Delete closed cases): nothing to put back.
            self.setObsolete(True)  # the stack drops this step rather than offer it again
            self._hub.casesChanged.emit()
            return
        except ValidationError as exc:
            self.setObsolete(True)
            show_error(self._parent, " ".join(exc.problems), "That could not be undone")
            return
        self._hub.casesChanged.emit()  # the same signal as the change itself: every view follows
        if self._shown is not None:
            self._shown(restored, message)


def record_case_change(
    stack: QUndoStack,
    db: Database,
    hub: Hub,
    before: Case,
    after: Case,
    text: str,
    shown: Shown | None = None,
    parent: QWidget | None = None,
) -> None:
    """Put an already-saved case change on the undo stack and tell every view.

    `before` and `after` are the case as read from the store either side of the change; a save
    that changed nothing is not put on the stack.
    """
    if before != after:
        stack.push(CaseChangeCommand(db, hub, before, after, text, shown, parent))
    hub.casesChanged.emit()
