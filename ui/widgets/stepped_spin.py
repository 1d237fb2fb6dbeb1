"""A spin box that knows whether its value changed by a step, and in which run of steps.

A setting saved at each change (the retention period, the idle lock) is one undo step per run
of arrow presses: 30 → 31 → 32 pressed in a row is taken back by one Ctrl+Z. A value typed and
saved with Return is a step of its own, and so is a press after the keyboard has left the field
(another view, another field): otherwise one Ctrl+Z skipped the value in between (31 typed
as 60 later came back as 30). `merge_id` gives the undo step's merge id
(ui.widgets.save_undo): the same for presses of one run, none (-1) for a typed value.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget


class SteppedSpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stepping = False  # inside a step (arrow key, Page Up/Down, wheel, the buttons)
        self.run = 0  # counts the times the keyboard left the field

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        self.stepping = True
        try:
            super().stepBy(steps)
        finally:
            self.stepping = False

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.run += 1  # the next press starts a run of its own
        super().focusOutEvent(event)

    def end_run(self) -> None:
        """A change since (an undo, a redo): the next press is a step of its own."""
        self.run += 1

    def merge_id(self, base: int) -> int:
        """`base` and this run, for a change made by a step; -1 (never merged) when typed."""
        return base * 10_000 + self.run % 10_000 if self.stepping else -1
