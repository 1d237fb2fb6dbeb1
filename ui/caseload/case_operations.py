"""Undoable case changes: a QUndoCommand holding a case before and after a close, reopen or edit."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.caseload.models import Case
from ui.shell.app import show_error
from ui.shell.hub import Hub

# Told which case an undo or redo put back and what to say about it (the Caseload view selects it).
Shown = Callable[[Case | None, str], None]


class _AlreadyDone(QUndoCommand):
    """A step the store has already taken when it is pushed: the stack's first redo (which
    `push` runs) does nothing, and later redos call `redo_again`."""

    def __init__(self, db: Database, hub: Hub, text: str, shown: Shown | None,
                 parent: QWidget | None):
        super().__init__(text)
        self._store = CaseStore(db)
        self._hub = hub
        self._shown = shown
        self._parent = parent
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.redo_again()

    def redo_again(self) -> None:
        """Take the step again after an undo (each kind of step says how)."""

    def _tell(self, case: Case | None, message: str) -> None:
        """On the Caseload's own line (which says it) and the window's status bar; said here
        when there is no view to say it."""
        from ui.widgets.step_said import say_step, show_step

        if self._shown is not None:  # the status bar first: the words name the view if hidden
            self._shown(case, show_step(self._parent, message))
        else:
            say_step(self._parent, message)


class CaseChangeCommand(_AlreadyDone):
    """One change, pushed after the store has made it."""

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
        super().__init__(db, hub, text, shown, parent)
        # Copies: Case is mutable and the view's rows must not change what undo puts back.
        self.before = replace(before)
        self.after = replace(after)

    def redo_again(self) -> None:
        self._put_back(self.after, self.before, f"Redone: {self.text()}.", "redone")

    def undo(self) -> None:
        self._put_back(self.before, self.after, f"Undone: {self.text()}.", "undone")

    def _put_back(self, case: Case, expected: Case, message: str, done: str) -> None:
        try:
            restored = self._store.restore_case(case, expected, done)
        except KeyError:
            # The case was deleted since (retention, Delete closed cases): nothing to put back.
            self.setObsolete(True)  # the stack drops this step rather than offer it again
            self._hub.casesChanged.emit()
            self._tell(None, f"{case.reference} has been deleted since, so this was not "
                             f"{done}.")
            return
        except ValidationError as exc:  # changed since, or its reference taken
            self.setObsolete(True)
            self._hub.casesChanged.emit()
            self._tell(None, " ".join(exc.problems))
            show_error(self._parent, " ".join(exc.problems), f"That could not be {done}")
            return
        self._hub.casesChanged.emit()  # the same signal as the change itself: every view follows
        self._tell(restored, message)


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


# What refers to a case, in the words the message line uses (tables from CaseStore.links).
_LINK_WORDS = {
    "time_entries": "has time logged against it",
    "running_timer": "has a timer running for it",
    "agenda_items": "is in your supervision notes",
}


def kept_message(case: Case, tables: list[str], others: int = 0) -> str:
    """Why an undone add or import left its cases in place, and what to do instead."""
    words = [_LINK_WORDS.get(t, "is referred to by other records") for t in tables]
    reason = " and ".join(dict.fromkeys(words))  # once each, in a steady order
    if others == 0:
        return f"{case.reference} {reason} now, so it was kept; close it instead."
    return (f"{case.reference} {reason} now, so all {others + 1} imported cases were kept; "
            "close any you no longer need instead.")


class CasesAddedCommand(_AlreadyDone):
    """Cases just added (one, or an import), pushed after the store has added them.

    Undo deletes them only while nothing else refers to any of them; otherwise it keeps them
    all, says why, and drops the step.
    """

    def __init__(self, db: Database, hub: Hub, cases: list[Case], text: str,
                 shown: Shown | None = None, parent: QWidget | None = None):
        super().__init__(db, hub, text, shown, parent)
        self._db = db
        self.cases = [replace(c) for c in cases]
        self.added = self._stored()  # the rows as added, for Undo to find

    def _stored(self) -> dict[int, tuple]:
        """Each case's row and tier history as stored now, by id."""
        found: dict[int, tuple] = {}
        for case in self.cases:
            if case.id is None:
                continue
            row = [tuple(sorted(r.items())) for r in self._db.query(
                "SELECT * FROM cases WHERE id = ?", [case.id])]
            tiers = [tuple(sorted(r.items())) for r in self._db.query(
                "SELECT * FROM tier_history WHERE case_id = ? ORDER BY id", [case.id])]
            found[case.id] = (tuple(row), tuple(tiers))
        return found

    def redo_again(self) -> None:
        try:
            with self._db.atomic():
                self.cases = self._store.readd_cases(self.cases)
                self.added = self._stored()
        except ValidationError as exc:
            self.setObsolete(True)
            self._hub.casesChanged.emit()
            self._tell(None, " ".join(exc.problems))
            show_error(self._parent, " ".join(exc.problems), "That could not be redone")
            return
        self._hub.casesChanged.emit()
        self._tell(self.cases[0] if len(self.cases) == 1 else None, f"Redone: {self.text()}.")

    def undo(self) -> None:
        try:
            with self._db.atomic():  # the look and the deletion see the same rows
                self._undo()
        except ValidationError as exc:  # edited since (a tier changed, a date moved)
            self.setObsolete(True)
            self._hub.casesChanged.emit()
            self._tell(None, " ".join(exc.problems))

    def _undo(self) -> None:
        present = [c for c in self.cases if self._exists(c)]
        if not present:  # deleted since (retention, Delete closed cases): nothing to take away
            self.setObsolete(True)
            self._hub.casesChanged.emit()
            self._tell(None, f"{self.text()} was not undone: "
                             f"{'the case has' if len(self.cases) == 1 else 'the cases have'} "
                             "been deleted since.")
            return
        now = self._stored()
        changed = [c for c in present if now.get(c.id) != self.added.get(c.id)]
        if changed:  # edited since (a tier, a date): deleting it would lose that
            raise ValidationError(f"{changed[0].reference} has been changed since, so this was "
                                  "not undone: the later change is kept.")
        links = self._store.links(c.id for c in present if c.id is not None)
        if links or not self._store.delete_unreferenced(c.id for c in present if c.id):
            self.setObsolete(True)  # kept: there is nothing to redo, so the step goes
            self._hub.casesChanged.emit()
            first = next((c for c in present if c.id in links), None)
            if first is None:  # changed between the look and the delete: say it plainly
                self._tell(None, f"{self.text()} could not be undone; nothing was deleted.")
                return
            self._tell(first, kept_message(first, links[first.id], len(present) - 1))
            return
        if len(present) < len(self.cases):  # some went since (retention): redo only those
            self.cases = present
        self._hub.casesChanged.emit()
        self._tell(None, f"Undone: {self.text()}.")

    def _exists(self, case: Case) -> bool:
        try:
            return case.id is not None and self._store.get_case(case.id) is not None
        except KeyError:
            return False


def record_cases_added(
    stack: QUndoStack,
    db: Database,
    hub: Hub,
    cases: list[Case],
    text: str,
    shown: Shown | None = None,
    parent: QWidget | None = None,
) -> None:
    """Put cases the store has just added on the undo stack as one step, and tell every view."""
    if cases:
        stack.push(CasesAddedCommand(db, hub, cases, text, shown, parent))
    hub.casesChanged.emit()
