"""Which days a part-timer works, asked in the welcome: their hours spread over the days ticked."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.common.exact import plain
from core.common.hours import short_hours
from core.time.working_week import WorkingPattern

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FULL_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class WorkingDays(QWidget):
    """Seven ticks (Monday to Friday to begin with) and what each working day then holds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hours = Decimal(37)
        self.question = QLabel("Which days do you work?")
        self.days: list[QCheckBox] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for index, name in enumerate(DAY_NAMES):
            box = QCheckBox(name)
            box.setAccessibleName(FULL_NAMES[index])
            box.setChecked(index < 5)
            box.toggled.connect(self._update)
            row.addWidget(box)
            self.days.append(box)
        row.addStretch(1)
        self.spread = QLabel()
        self.spread.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.spread)
        self._update()

    def set_hours(self, hours: Decimal) -> None:
        self._hours = hours
        self._update()

    def worked(self) -> list[int]:
        return [i for i, box in enumerate(self.days) if box.isChecked()]

    def _update(self) -> None:
        worked = self.worked()
        if not worked:
            self.spread.setText("Tick at least one day.")
            return
        each = self._hours / len(worked)
        self.spread.setText(f"Your {plain(self._hours, 2)} hours over {len(worked)} "
                            f"{'day' if len(worked) == 1 else 'days'}: {short_hours(each)} a "
                            "day. Settings, Working week sets each day's hours.")

    def pattern(self) -> WorkingPattern | None:
        """The hours spread evenly over the ticked days (None when none is ticked)."""
        worked = self.worked()
        if not worked:
            return None
        each = float(self._hours / len(worked))  # time is planned in float hours
        return WorkingPattern(hours=tuple(each if i in worked else 0.0 for i in range(7)))
