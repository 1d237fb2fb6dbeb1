"""Undoable time changes: a QUndoCommand over core's TimeChange, and the overlap-trim question."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlite_utils import Database

from core.errors import ValidationError
from core.time_entries import OverlapError, TimeChange, TimeStore, format_span
from ui.hub import Hub


class TimeChangeCommand(QUndoCommand):
    """One change, pushed after core has applied it, so the first redo does nothing."""

    def __init__(self, db: Database, hub: Hub, change: TimeChange, text: str):
        super().__init__(text)
        self._store = TimeStore(db)
        self._hub = hub
        self.change = change
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._store.reapply(self.change)
        self._hub.timeLogged.emit()

    def undo(self) -> None:
        self._store.revert(self.change)
        self._hub.timeLogged.emit()


def record(stack: QUndoStack, db: Database, hub: Hub, change: TimeChange, text: str) -> None:
    """Put an already-applied change on the undo stack and tell every view."""
    if change.added or change.removed:
        stack.push(TimeChangeCommand(db, hub, change, text))
    hub.timeLogged.emit()


def ask_to_trim(parent: QWidget | None, error: OverlapError) -> bool:
    """Ask whether to cut back the entries the new time overlaps; nothing changes on No."""
    listed = "\n".join(
        f"• {e.date:%a %d %b} {format_span(e)} {e.activity_name}" for e in error.overlapping
    )
    answer = QMessageBox.question(
        parent,
        "Time overlaps",
        "This time overlaps what is already logged:\n\n"
        f"{listed}\n\nShorten those entries to make room? (You can undo this.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def apply_with_trim(
    parent: QWidget | None, action: Callable[[bool], TimeChange]
) -> TimeChange | None:
    """Run `action(False)`; on an overlap, ask, then run `action(True)` to trim. Others raise."""
    try:
        return action(False)
    except OverlapError as error:
        if ask_to_trim(parent, error):
            return action(True)
        return None


def problems_of(error: ValidationError) -> list[str]:
    return list(error.problems)
