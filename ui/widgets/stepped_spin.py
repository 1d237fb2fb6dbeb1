"""A spin box for a setting that is saved as it changes (the retention period, the idle lock):
`settled` says when there is a value to save, and whether steps or typing made it.

Arrow presses are quiet: the spin box itself reads each new value, and saving (and saying
"Closed cases are offered for deletion after 31 days. Undo with Ctrl+Z.") at every press put
that long sentence before each number. A run of steps is saved once the user settles: Return,
the keyboard leaving the field, or a pause of `PAUSE_MS` with no press. A value typed is saved
as Qt gives it (Return, or leaving the field), a step of its own.

A run of steps is one undo step even when a pause saved it part way: `merge_id` gives the same
merge id (ui.widgets.save_undo) for every save of one run, none (-1) for a typed value, and a
press after the keyboard has left the field starts a run of its own (otherwise one Ctrl+Z
skipped the value in between: 31 typed as 60 later came back as 30). Back at the value stored
(Ctrl+Z on presses not yet saved puts it back, ui.widgets.undo_keys), nothing is saved or said.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSpinBox, QWidget
from ui.widgets.qt_guard import qt_override

PAUSE_MS = 1500  # long enough to hear the value just reached, and press again


class SteppedSpinBox(QSpinBox):
    """Signals:
        settled(int): a value other than the one stored, to save now.
    """

    settled = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stepping = False  # inside a step (arrow key, Page Up/Down, wheel, the buttons)
        self.run = 0  # counts the times the keyboard left the field
        self._stored: int | None = None  # the value saved (or read), when known
        self._waiting = False  # steps taken and not yet saved
        self._by_steps = False  # the value being settled was reached by steps
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.settle)
        self.valueChanged.connect(self._changed)

    def show_stored(self, value: int) -> None:
        """Show the value as stored (read, saved or undone), saving nothing."""
        self.pause.stop()
        self._waiting = False
        self._stored = value
        if self.value() != value:
            self.blockSignals(True)
            self.setValue(value)
            self.blockSignals(False)

    def waiting(self) -> bool:
        """Steps taken and not yet saved."""
        return self._waiting

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        self.stepping = True
        try:
            super().stepBy(steps)
        finally:
            self.stepping = False

    def _changed(self, value: int) -> None:
        if self.stepping:
            self._waiting = True
            self.pause.start()  # saved once the presses stop
            return
        # Typed (or put back by Ctrl+Z on presses not yet saved): a step of its own, now.
        self.pause.stop()
        self._waiting = False
        self._emit(value, by_steps=False)

    def settle(self) -> None:
        """Save the steps taken, if any (Return, leaving, a pause)."""
        self.pause.stop()
        if self._waiting:
            self._waiting = False
            self._emit(self.value(), by_steps=True)

    def _emit(self, value: int, by_steps: bool) -> None:
        if value == self._stored:
            return  # back where it was stored: nothing to save, nothing to say
        self._stored = value
        self._by_steps = by_steps
        self.settled.emit(value)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.settle()  # the steps are saved and said; typed text is Qt's to read
        super().keyPressEvent(event)

    @qt_override
    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.settle()  # still this run's: one undo step with anything a pause saved
        self.run += 1  # the next press starts a run of its own
        super().focusOutEvent(event)

    def end_run(self) -> None:
        """A change since (an undo, a redo): the next press is a step of its own."""
        self.run += 1

    def merge_id(self, base: int) -> int:
        """`base` and this run, for a save of steps; -1 (never merged) when typed."""
        return base * 10_000 + self.run % 10_000 if self._by_steps else -1
