"""Recording a supervision session, from the meeting (End meeting) or afterwards (Record a
session…), is one undo step: Ctrl+Z takes the session, its new actions and status changes back
and puts the notes it marked discussed back on the agenda, until the window closes. Each way is
said to a screen reader as well as shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from core.common.errors import ValidationError
from core.store.watched_rows import RowWatch, run_unchanged
from core.supervision.meeting import (
    MeetingOutcome,
    MeetingRecord,
    record_meeting,
    redo_meeting,
    undo_meeting,
)
from ui.shell.hub import Hub
from ui.widgets.step_said import say_result, say_step
from ui.widgets.date_fields import format_date
from ui.widgets.deletion_undo import undo_stack_of


def notes_words(count: int) -> str:
    return f"{count} note{'' if count == 1 else 's'}"


def recorded_text(record: MeetingRecord, undo_hint: bool = True) -> str:
    """'Recorded the session of 07/12/2026: 10 notes marked discussed. Undo with Ctrl+Z.'"""
    count = len(record.discussed)
    marked = f"{notes_words(count)} marked discussed" if count else "no notes marked discussed"
    return (f"Recorded the session of {format_date(record.outcome.held_on)}: {marked}."
            + (" Undo with Ctrl+Z." if undo_hint else ""))


class SessionCommand(QUndoCommand):
    """A recorded session, pushed after core has stored it, so the first redo does nothing.

    Undo and Redo run only over the rows as the step left them (core.store.watched_rows): the
    session, the actions it agreed and those whose status it changed. One changed since (an
    action marked done in another window, the session corrected by a command) is kept, and the
    refusal said."""

    def __init__(self, db: Database, hub: Hub, record: MeetingRecord,
                 parent: QWidget | None = None, what: str = "Record the session"):
        super().__init__(what)
        self._db, self._hub, self._parent = db, hub, parent
        self.record = record
        self._applied = True
        self._left = self._watch().read()  # what the step left, for Undo to find

    def _watch(self) -> RowWatch:
        held = format_date(self.record.outcome.held_on)
        rows = [("supervision_sessions", self.record.session_id)]
        rows += [("supervision_actions", i) for i in self.record.action_ids]
        rows += [("supervision_actions", i) for i in self.record.previous]
        return RowWatch(self._db, tuple(rows), f"the session of {held}")

    def _refused(self, exc: ValidationError) -> None:
        self.setObsolete(True)
        self._hub.supervisionChanged.emit()
        say_step(self._parent, " ".join(exc.problems), assertive=True)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        try:  # the actions it carried forward must be as the undo left them
            carried = RowWatch(self._db, tuple(("supervision_actions", i)
                                               for i in self.record.previous), "an action")
            run_unchanged(carried, self._carried, self._record_again, "redone")
        except ValidationError as exc:
            self._refused(exc)
            return
        self._left = self._watch().read()
        self._hub.supervisionChanged.emit()
        say_step(self._parent, recorded_text(self.record, undo_hint=False))

    def _record_again(self) -> None:
        self.record = redo_meeting(self._db, self.record)

    def undo(self) -> None:
        try:
            run_unchanged(self._watch(), self._left,
                          lambda: undo_meeting(self._db, self.record), "undone")
        except ValidationError as exc:
            self._refused(exc)
            return
        self._carried = RowWatch(self._db, tuple(("supervision_actions", i)
                                                 for i in self.record.previous), "").read()
        self._hub.supervisionChanged.emit()
        count = len(self.record.discussed)
        back = (f" {notes_words(count)} {'is' if count == 1 else 'are'} on the agenda again."
                if count else "")
        say_step(self._parent, f"Took back the session of "
                               f"{format_date(self.record.outcome.held_on)}.{back}")


def record_undoably(parent: QWidget, db: Database, hub: Hub, outcome: MeetingOutcome,
                    today: date | None = None, what: str = "Record the session",
                    stack: QUndoStack | None = None) -> MeetingRecord:
    """Store `outcome` (ValidationError, nothing written, when it cannot be), put it on the
    window's undo stack (when it has one), tell the views, and say what was done."""
    record = record_meeting(db, outcome, today)
    stack = stack if stack is not None else undo_stack_of(parent)
    if stack is not None:
        stack.push(SessionCommand(db, hub, record, parent, what))
    hub.supervisionChanged.emit()
    say_result(parent, recorded_text(record, undo_hint=stack is not None))
    return record
