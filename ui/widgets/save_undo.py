"""A save in Settings is one undo step: Ctrl+Z puts back the rows it replaced, exactly (the
profile's dated history, the working week, the weightings' changes, a setting), and Ctrl+Y
saves it again, until the window closes, on the window's one stack (ui.widgets.deletion_undo).

Each way is said as well as shown: "Profile saved, in force from 07/12/2026. Undo with
Ctrl+Z." on saving, "Undone: …" and "Redone: …" after. The rows are read before and after the
save in the save's own transaction (core.store.saved_rows); Undo and Redo write only while the
rows are still as the step left them, so a change made since (another window, a command) is
never overwritten: the step is refused, said, and dropped from the stack.

A step given a `merge` id takes in the next save of the same id made straight after it (a
period changed one arrow press at a time is one step); back where it started, it is gone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from core.common.errors import ValidationError
from core.store.saved_rows import RowScope, StoredRows, put_rows_back, read_rows
from ui.widgets.deletion_undo import undo_stack_of
from ui.widgets.step_said import say_step


NOTHING_TO_SAVE = "Nothing to save: no change."


class SaveCommand(QUndoCommand):
    """Pushed after the save; its first redo (run by `push`) does nothing. `name` is Edit >
    Undo's words and what Undo and Redo say ("Undone: Save the working week.")."""

    def __init__(self, db: Database, scope: RowScope, before: StoredRows, after: StoredRows,
                 name: str, what: str, changed: Callable[[], None], parent: QWidget | None,
                 merge: int = -1):
        super().__init__(name)
        self._db, self._scope, self.before, self.after = db, scope, before, after
        self._what, self._changed, self._parent, self._merge = what, changed, parent, merge
        self._pushed = False
        self.shown = ""  # the words the save was shown with, once said

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._merge

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SaveCommand) or other.id() != self._merge \
                or other.before != self.after:
            return False
        self.after = other.after
        self.setText(other.text())
        if self.after == self.before:  # back where it started: nothing left to undo
            self.setObsolete(True)
        return True

    def _put(self, expected: StoredRows, wanted: StoredRows, said: str, done: str) -> None:
        try:
            put_rows_back(self._db, self._scope, expected, wanted, self._what, done)
        except ValidationError as exc:
            self.setObsolete(True)
            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            return
        self._changed()
        self.shown = say_step(self._parent, said, was=self.shown)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._put(self.before, self.after, f"Redone: {self.text()}.", "redone")

    def undo(self) -> None:
        self._put(self.after, self.before, f"Undone: {self.text()}.", "undone")


def save_undoably(parent: QWidget, db: Database, scope: RowScope, save: Callable[[], object],
                  name: str, what: str, changed: Callable[[], None],
                  said: str | Callable[[], str], merge: int = -1,
                  unchanged: str | None = NOTHING_TO_SAVE) -> str:
    """Run `save` (a feature's own core function; ValidationError, nothing saved, is the
    caller's to show), offer Ctrl+Z for what it changed, tell every view (`changed`) and say
    `said` (or what `said()` gives once the views have refreshed) with how to undo it. `what`
    names the data in a refusal ("the profile"). A save that changed nothing stored makes no
    step and says `unchanged` ("Nothing to save: no change."), or, given None, `said` without
    the undo hint. Returns what was said, to show as well."""
    with db.atomic():  # what was there and what the save left, with nothing in between
        before = read_rows(db, scope)
        save()
        after = read_rows(db, scope)
    stack = undo_stack_of(parent)
    step = after != before
    command = None
    if step and stack is not None:
        command = SaveCommand(db, scope, before, after, name, what, changed, parent, merge)
        stack.push(command)
    changed()
    if not step and unchanged is not None:
        text = unchanged
    else:
        text = (said() if callable(said) else said) + (
            " Undo with Ctrl+Z." if step and stack is not None else "")
    say_step(parent, text)  # and shown in the status bar, as every step's words are
    if command is not None:
        top = stack.command(stack.index() - 1) if stack.index() else None
        if isinstance(top, SaveCommand):  # this one, or the step it merged into
            top.shown = text
    return text
