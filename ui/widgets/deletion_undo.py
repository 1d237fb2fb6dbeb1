"""Every deletion the user starts is one undo step: Ctrl+Z brings it back until the window
closes (a note, a past session, a reduction, a court report, a leave day, a calendar keyword,
an activity; closed cases have their own step in ui.caseload.case_deletion_command). An addition
made the same way (a supervision note) is one too: Ctrl+Z takes it back, kept for Redo.

The feature's own delete function deletes and returns what it kept (core.store.kept_deletion);
`push_deletion` puts that on the window's undo stack. Undo puts the rows back with their own
keys; Redo deletes them again through the same function, but only while they are still as
Undo brought them back (core.store.kept_deletion.check_as_brought_back): a row edited, deleted
or pointed at since (a note brought back and then changed in the Supervision view or by a
command) is kept, and the refusal is said and shown, as a refused Undo is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QWidget
from sqlite_utils import Database

from core.common.errors import ValidationError
from core.store.kept_deletion import (
    KeptRows,
    Reading,
    check_as_brought_back,
    read_as_kept,
    restore_kept,
)
from core.store.watched_rows import RowWatch, State, run_unchanged
from ui.widgets.step_said import say_step
from ui.widgets.vanished_row import placed_by_caller


def undo_stack_of(widget: QWidget | None) -> QUndoStack | None:
    """The window's one undo stack (Edit > Undo, Ctrl+Z), if the window has one."""
    window = widget.window() if widget is not None else None
    stack = getattr(window, "undo_stack", None)
    return stack if isinstance(stack, QUndoStack) else None


class DeletionCommand(QUndoCommand):
    """Pushed after the deletion; its first redo (run by `push`) does nothing."""

    def __init__(self, db: Database, kept: KeptRows, what: str,
                 delete_again: Callable[[], KeptRows], changed: Callable[[], None],
                 parent: QWidget | None):
        super().__init__(f"Delete {what}")
        self._db, self.kept, self._what = db, kept, what
        self._delete_again, self._changed, self._parent = delete_again, changed, parent
        self._pushed = False
        self.shown = ""  # the words it was shown with, once said
        self.brought_back: Reading = ()  # the rows as Undo left them, for Redo to find

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        try:
            with self._db.atomic():  # the check and the deletion see the same rows
                check_as_brought_back(self._db, self.kept, self.brought_back, self._what)
                self.kept = self._delete_again()
        except ValidationError as exc:  # changed since, or in use again (time logged)
            self.setObsolete(True)
            self._changed()  # the views show the later change
            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            return
        self._changed()
        self.shown = say_step(self._parent, f"Deleted {self._what} again.", was=self.shown)

    def undo(self) -> None:
        try:
            with self._db.atomic():
                restore_kept(self._db, self.kept, self._what)
                self.brought_back = read_as_kept(self._db, self.kept)
        except ValidationError as exc:
            self.setObsolete(True)  # nothing came back, so there is nothing to redo either
            from ui.shell.app import show_error

            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            show_error(self._parent, " ".join(exc.problems), "It was not brought back")
            return
        self._changed()
        self.shown = say_step(self._parent, f"Brought back {self._what}.", was=self.shown)


class AdditionCommand(QUndoCommand):
    """Pushed after the addition; Undo deletes what was added (keeping it), Redo puts it back.
    With `watch` (the rows added), Undo deletes them only as they were added: one changed
    since (a note discussed, a reduction edited by a command) is kept, and that is said."""

    def __init__(self, db: Database, what: str, delete: Callable[[], KeptRows],
                 changed: Callable[[], None], parent: QWidget | None,
                 watch: RowWatch | None = None):
        super().__init__(f"Add {what}")
        self._db, self._what, self._delete = db, what, delete
        self._changed, self._parent = changed, parent
        self.kept: KeptRows | None = None
        self._pushed = False
        self._watch = watch
        self.added: State = watch.read() if watch is not None else ()
        self.shown = ""  # the words it was shown with, once said

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        try:
            if self.kept is not None:
                restore_kept(self._db, self.kept, self._what)
                if self._watch is not None:
                    self.added = self._watch.read()
        except ValidationError as exc:
            self.setObsolete(True)
            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            return
        self._changed()
        self.shown = say_step(self._parent, f"Added {self._what} again.", was=self.shown)

    def undo(self) -> None:
        try:
            if self._watch is None:
                self.kept = self._delete()
            else:
                run_unchanged(self._watch, self.added, self._keep_deleted, "undone")
        except ValidationError as exc:
            self.setObsolete(True)
            say_step(self._parent, " ".join(exc.problems), assertive=True, was=self.shown)
            return
        self._changed()
        self.shown = say_step(self._parent, f"Took back {self._what}.", was=self.shown)

    def _keep_deleted(self) -> None:
        self.kept = self._delete()


def add_undoably(parent: QWidget, db: Database, what: str, said: str,
                 delete: Callable[[], KeptRows], changed: Callable[[], None],
                 row: tuple[str, int] | None = None) -> None:
    """After an addition: offer Ctrl+Z for it (`delete` deletes what was added, keeping it),
    tell every view (`changed`), and say `said` (with how to undo it). `row` is the row added
    (table, id), so that Undo never deletes it once changed since."""
    stack = undo_stack_of(parent)
    watch = RowWatch(db, (row,), what) if row is not None else None
    command = AdditionCommand(db, what, delete, changed, parent, watch)
    command.shown = said + (" Undo with Ctrl+Z." if stack is not None else "")
    if stack is not None:
        stack.push(command)
    changed()
    # After the focus the caller puts on the added row, and after the window it was typed in
    # gives the keyboard back (ui.widgets.announce): said before them, Orca 43 dropped it.
    # Shown in the status bar too: what is said is seen, and no older line stays there.
    say_step(parent, command.shown, after_focus=True)


def delete_undoably(parent: QWidget, db: Database, what: str, delete: Callable[[], KeptRows],
                    changed: Callable[[], None],
                    table: QAbstractItemView | None = None) -> KeptRows:
    """Run `delete` (a feature's delete function), then offer Ctrl+Z for it; says it is done,
    then reads the page again (`changed`). ValidationError from `delete` (nothing deleted) is
    the caller's to show. With `table` (the one the row was chosen in), focus goes there as
    the row goes, and lands on the row that took its place, read once, after the words: the
    Delete button is disabled once its row has gone, and focus fell to whatever came next
    (another table, in another panel) and came back."""
    row = _chosen_row(table)
    kept = delete()  # the file only: nothing on screen has moved yet
    stack = undo_stack_of(parent)
    shown = f"Deleted {what}." + (" Undo with Ctrl+Z." if stack is not None else "")
    if stack is not None and len(kept):
        command = DeletionCommand(db, kept, what, delete, changed, parent)
        command.shown = shown
        stack.push(command)
    if table is not None and _between_windows(parent):
        _after_a_question(parent, shown, changed, table, row)
        return kept
    # Said first, then the keyboard lands: a screen reader reads both in the order they come
    # (Orca 43 cuts neither short), so "Deleted …" is heard before where the keyboard is now.
    say_step(parent, shown)  # and shown, as every step's words are
    with placed_by_caller(table):  # the row landed on is read as the keyboard lands on it
        if table is not None:
            from PySide6.QtCore import Qt

            table.setFocus(Qt.FocusReason.OtherFocusReason)
        changed()
        if table is not None:
            focus_row(table, row)
    return kept


def _between_windows(parent: QWidget) -> bool:
    """A question ("Delete this note?") has just closed and the window has not had the
    keyboard back yet."""
    from PySide6.QtWidgets import QApplication

    window = parent.window()
    active = QApplication.activeWindow()
    return (window.isVisible() and not window.isActiveWindow()
            and (active is None or not active.isVisible()))


def _after_a_question(parent: QWidget, shown: str, changed: Callable[[], None],
                      table: QAbstractItemView, row: int) -> None:
    """A deletion confirmed in a question: the window, given the keyboard back, had Orca 43 read
    the table and the row it would land on before "Deleted …" (sent once the window was back,
    so as not to be dropped). The page is read again while the question closes, with the
    keyboard parked on the window itself (read as the window, as its return is), then the words
    are said, then the keyboard lands on the row."""
    from PySide6.QtCore import Qt, QTimer

    from ui.widgets.announce import _once_window_is_back

    window = parent.window()
    window.setFocus(Qt.FocusReason.OtherFocusReason)
    with placed_by_caller(table):
        changed()

    def land() -> None:
        try:
            with placed_by_caller(table):
                focus_row(table, row)
        except RuntimeError:  # the page has gone since
            pass

    def back() -> None:
        say_step(parent, shown)  # the window is back: sent now, before the keyboard lands
        QTimer.singleShot(LAND_AFTER_WORDS_MS, land)

    _once_window_is_back(parent, back)


LAND_AFTER_WORDS_MS = 0  # after the words, on the next turn of the event loop


def nothing_deleted(parent: QWidget, what: str) -> str:
    """No to a "Delete …?" question, said and shown: the safe answer (Return gives it) said
    nothing, where "Keep them" says "Nothing deleted: …"."""
    from ui.widgets.step_said import say_result

    return say_result(parent, f"Nothing deleted: {what} is kept.", after_focus=True)


def _chosen_row(table: QAbstractItemView | None) -> int:
    if table is None or table.selectionModel() is None:
        return 0
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else max(table.currentIndex().row(), 0)


def focus_row(table: QAbstractItemView, row: int) -> None:
    """Focus in `table`, on `row` (or the last row, if fewer are left), chosen."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    model = table.model()
    count = model.rowCount() if model is not None else 0
    if count:
        index = model.index(min(row, count - 1), 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        table.selectionModel().setCurrentIndex(index, flags)
    table.setFocus(Qt.FocusReason.OtherFocusReason)


def delete_key(table: QAbstractItemView, button: QWidget) -> None:
    """The Delete key in `table` does what `button` (its Delete or Remove) does to the row
    chosen: deleted at once, said, and undone by Ctrl+Z, as Delete in Time's week does. Where
    the button is disabled (an activity with time logged against it) it says why, instead of
    nothing at all."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut

    key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
    key.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the keyboard is in the table
    key.activated.connect(lambda: _press(table, button))


def _press(table: QAbstractItemView, button: QWidget) -> None:
    if button.isEnabled():
        button.click()  # type: ignore[attr-defined]
        return
    from ui.widgets.step_said import say_result

    why = button.toolTip().strip()
    say_result(table, f"Not deleted: {why[0].lower()}{why[1:]}" if why
               else "Nothing is chosen to delete.", assertive=True)
