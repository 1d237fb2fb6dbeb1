"""A change the user makes in the window that is neither an addition nor a deletion (an agreed
action marked done or dropped, a supervision note's words changed) is one undo step too: Ctrl+Z
puts back what was there, Ctrl+Y makes the change again, until the window closes, on the same
stack as every deletion (ui.widgets.deletion_undo). Each way is said as well as shown.

`change` and `revert` are the feature's own core functions; the change has been made when the
command is pushed, so its first redo does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QWidget

from core.common.errors import ValidationError
from core.store.watched_rows import RowWatch, State, run_unchanged
from ui.widgets.deletion_undo import focus_row, undo_stack_of
from ui.widgets.vanished_row import placed_by_caller
from ui.widgets.step_said import say_step


class ChangeCommand(QUndoCommand):
    """`name` is Edit > Undo's words ("Drop an action"); `undone` and `redone` are said. With
    `watch`, each way runs only over the rows as the change left them (core.store.watched_rows):
    a change made since by another window or a command is kept, and the refusal said."""

    def __init__(self, name: str, change: Callable[[], object], revert: Callable[[], object],
                 changed: Callable[[], None], undone: str, redone: str,
                 parent: QWidget | None, watch: RowWatch | None = None):
        super().__init__(name)
        self._change, self._revert, self._changed = change, revert, changed
        self._undone, self._redone, self._parent = undone, redone, parent
        self._pushed = False
        self.shown = ""  # the words the change was shown with
        self._watch = watch
        self.before: State = ()
        self.after: State = ()

    def _run(self, step: Callable[[], object], said: str, undo: bool) -> None:
        try:
            if self._watch is None:
                step()
            else:
                expected = self.after if undo else self.before
                now = run_unchanged(self._watch, expected, step, "undone" if undo else "redone")
                if undo:
                    self.before = now
                else:
                    self.after = now
        except ValidationError as exc:  # changed or gone since (deleted, discussed)
            self.setObsolete(True)
            self._changed()
            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            return
        self._changed()
        self.shown = say_step(self._parent, said, was=self.shown)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self._change, self._redone, undo=False)

    def undo(self) -> None:
        self._run(self._revert, self._undone, undo=True)


def change_undoably(parent: QWidget, name: str, change: Callable[[], object],
                    revert: Callable[[], object], changed: Callable[[], None], said: str,
                    undone: str, table: QAbstractItemView | None = None,
                    row: Callable[[], int] | None = None,
                    watch: RowWatch | None = None) -> None:
    """Make the change (ValidationError, nothing changed, is the caller's to show), offer
    Ctrl+Z for it, tell every view, keep focus in `table` on the row `row()` gives once the
    views have refreshed (the changed row, or the one that took its place), and say `said`
    with how to undo it. `watch` names the rows the change writes, so that Undo and Redo
    never overwrite a change made to them since."""
    before: State = ()
    after: State = ()
    if watch is None:
        change()
    else:
        with watch.db.atomic():  # what was there and what the change left, nothing between
            before = watch.read()
            change()
            after = watch.read()
    stack = undo_stack_of(parent)
    command = ChangeCommand(name, change, revert, changed, undone, said, parent, watch)
    command.before, command.after = before, after
    if stack is not None:
        stack.push(command)
    command.shown = said + (" Undo with Ctrl+Z." if stack is not None else "")
    # Said first, then the keyboard lands (an action marked done leaves the open actions, and
    # the row that took its place is read as the keyboard lands on it), as a deletion is.
    say_step(parent, command.shown)  # and shown, as every step's words are
    with placed_by_caller(table):
        changed()
        if table is not None:
            focus_row(table, row() if row is not None else 0)
