"""Undoable time changes: a QUndoCommand over core's TimeChange, and the overlap-trim question.

Undoing a timer stop also puts the timer back running from its own start, unless another timer
runs by then: that one is left alone and the undo says so.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlite_utils import Database

from core.common.errors import ValidationError
from core.time.time_entries import OverlapError, TimeChange, TimeStore, format_span
from core.time.timer import RunningTimer, get_timer, resume_timer, stop_resumed_timer
from ui.shell.hub import Hub

# Told what an undo or redo did, to show on the view's own line (ui.time.time_view).
Say = Callable[[str], None]


class TimeChangeCommand(QUndoCommand):
    """One change, pushed after core has applied it, so the first redo does nothing.

    Undo and Redo write only over the rows the change left and never over time logged since
    (core.time.change_guard): refused, the step is said, shown and dropped, the later change
    kept. Each way names the entry ("Undone: Log time (Travel, Monday 7 December, 45 min).")
    and is shown wherever the practitioner is (ui.widgets.step_said)."""

    def __init__(
        self, db: Database, hub: Hub, change: TimeChange, text: str, say: Say | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(text)
        self._store = TimeStore(db)
        self._hub = hub
        self.change = change
        self._applied = True
        self._say = say or (lambda _text: None)
        self._parent = parent

    def named(self) -> str:
        """The step and its entry: "Log time (Travel, Monday 7 December, 09:00–10:00)"."""
        from ui.time.time_wording import entry_words

        entries = self.change.added or self.change.removed
        return f"{self.text()} ({entry_words(entries[0])})" if entries else self.text()

    def _swap(self, step: Callable[[TimeChange], None], said: str) -> bool:
        """Run `step` (the store's revert or reapply); False, said, when it was refused."""
        try:
            step(self.change)
        except ValidationError as exc:
            self.setObsolete(True)  # the later change stays; nothing to undo or redo here
            self._hub.timeLogged.emit()
            self._tell(" ".join(exc.problems), assertive=True)
            return False
        self._hub.timeLogged.emit()
        if said:
            self._tell(said)
        return True

    def _tell(self, text: str, assertive: bool = False) -> None:
        from ui.widgets.step_said import say_step

        self._say(text)
        say_step(self._parent, text, assertive)

    def _words(self, done: str, undo: bool) -> str:
        """"Undone: Log time (Travel, …)."; an edit says what the entry is now as well."""
        change = self.change
        if change.description == "Edit entry" and change.added and change.removed:
            from ui.time.time_wording import edit_step_message

            now, was = (change.removed[0], change.added[0]) if undo else \
                (change.added[0], change.removed[0])
            return edit_step_message(done, self.text(), now, was)
        return f"{done}: {self.named()}."

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._swap(self._store.reapply, self._words("Redone", undo=False))

    def undo(self) -> None:
        self._swap(self._store.revert, self._words("Undone", undo=True))


class TimerStopCommand(TimeChangeCommand):
    """A timer stopped and its time logged: undo takes the time out and restarts the timer."""

    def __init__(
        self,
        db: Database,
        hub: Hub,
        change: TimeChange,
        text: str,
        timer: RunningTimer,
        say: Say | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(db, hub, change, text, say, parent)
        self._db = db
        self.timer = timer

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._swap(self._store.reapply, ""):
            return
        # Only the timer this undo restarted is stopped again; one started since is left running.
        stop_resumed_timer(self._db, self.timer)
        self._hub.timeLogged.emit()
        again = " The time is logged again." if self.change.added else ""
        self._tell(f"Redone: {self.named()}.{again}")

    def undo(self) -> None:
        if not self._swap(self._store.revert, ""):
            return
        resumed = resume_timer(self._db, self.timer)
        self._hub.timeLogged.emit()  # the tray and timer controls follow the timer
        name, since = self.timer.activity_name, f"{self.timer.started_at:%H:%M}"
        if resumed:
            self._tell(f"Undone: {self.named()}. Timing {name} again since {since}.")
        else:
            running = get_timer(self._db)
            other = f"the {running.activity_name} timer" if running else "another timer"
            gone = f"The {name} time from {since} is no longer logged; it" \
                if self.change.added else f"The {name} timer from {since}"
            self._tell(
                f"Undone: {self.named()}. {gone} was not restarted, so {other} running now is "
                "left as it is."
            )


def record(
    stack: QUndoStack,
    db: Database,
    hub: Hub,
    change: TimeChange,
    text: str,
    *,
    stopped: RunningTimer | None = None,
    say: Say | None = None,
    parent: QWidget | None = None,
) -> None:
    """Put an already-applied change on the undo stack and tell every view.

    `stopped`: the timer this change stopped, so that undo restarts it; `say` shows what an
    undo or redo did on the view's own line; `parent` is where the change was made."""
    # A stop is a step even when it logged nothing (a timer stopped within its first minute):
    # Ctrl+Z then starts it again rather than taking back an older step somewhere else.
    stopped_only = stopped is not None and get_timer(db) is None
    if change.added or change.removed or stopped_only:
        if stopped is not None:
            stack.push(TimerStopCommand(db, hub, change, text, stopped, say, parent))
        else:
            stack.push(TimeChangeCommand(db, hub, change, text, say, parent))
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
