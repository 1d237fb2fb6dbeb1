"""A time field that takes a time as people type it: 14:30, 1430, 2.30pm, 2:30 pm, noon.

The one reading is core.time.typed_times.parse_time_of_day, as in the one-line entry and `log`;
an end field also takes 24:00 (or midnight) for the end of the day. A one-line field that a
screen reader reads whole (ui.widgets.line_field): as a line edit, "10:00" was read "10:0"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from core.common import clock
from core.common.errors import ValidationError
from core.time.entry_clock import DAY_MINUTES
from core.time.typed_times import parse_time_of_day
from ui.widgets.line_field import LineField


class TypedTimeField(LineField):
    """Holds minutes after midnight (1440 for an end at 24:00); `problem()` says what is wrong
    with text that is not a time. `timeChanged` fires when the typed text reads as a new time."""

    timeChanged = Signal()

    def __init__(self, *, end: bool = False, parent: QWidget | None = None):
        super().__init__(parent=parent)
        self._end = end
        self._minutes = 0
        self.setPlaceholderText("e.g. 14:30 or 2.30pm")
        self.setMaxLength(12)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("12.30 pm") + 24)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._tidy)

    def _read(self) -> int | None:
        try:
            return parse_time_of_day(self.text(), end=self._end)
        except ValidationError:
            return None

    def _edited(self) -> None:
        minutes = self._read()
        if minutes is not None and minutes != self._minutes:
            self._minutes = minutes
            self.timeChanged.emit()

    def _tidy(self) -> None:
        """Shows a time that reads well in the 24-hour form the rest of the app uses."""
        minutes = self._read()
        if minutes is not None:
            self.setText(clock.clock_text(minutes))

    STEPS = {Qt.Key.Key_Up: 5, Qt.Key.Key_Down: -5, Qt.Key.Key_PageUp: 60, Qt.Key.Key_PageDown: -60}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Up and Down move the time by 5 minutes, Page Up and Page Down by an hour, as the
        clock field this replaces did (00:00 to 23:55 for a start, 00:05 to 24:00 for an end)."""
        step = self.STEPS.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        current = self._read()
        current = self._minutes if current is None else current
        low, high = (5, DAY_MINUTES) if self._end else (0, DAY_MINUTES - 5)
        minutes = min(high, max(low, current + step))
        self.setText(clock.clock_text(minutes))
        if minutes != self._minutes:
            self._minutes = minutes
            self.timeChanged.emit()

    def minutes(self) -> int | None:
        """Minutes after midnight for the typed text, or None while it is not a time."""
        return self._read()

    def problem(self) -> str | None:
        if not self.text().strip():
            return "type a time, e.g. 17:05 or 5.05pm."
        try:
            parse_time_of_day(self.text(), end=self._end)
        except ValidationError as error:
            return str(error)
        return None

    def time(self) -> QTime:
        """The typed time (24:00 as 00:00, as entries store the end of the day); the last
        readable time while the text is not one."""
        minutes = self._read()
        minutes = self._minutes if minutes is None else minutes
        return QTime((minutes // 60) % 24, minutes % 60)

    def setTime(self, value: QTime) -> None:  # noqa: N802 - the QTimeEdit name callers use
        minutes = value.hour() * 60 + value.minute()
        if self._end and minutes == 0:
            minutes = DAY_MINUTES
        changed = minutes != self._minutes or self._read() != minutes
        self._minutes = minutes
        self.setText(clock.clock_text(minutes))
        if changed:
            self.timeChanged.emit()
