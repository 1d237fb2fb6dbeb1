"""A spin box for hours that shows "7 h 24 min" (never "7.40 hours", which reads as 7:40) and
accepts what people type: 7 h 24 min, 7h24, 7:24 or 7.4."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from core.common.hours import parse_hours, short_hours


class HoursSpinBox(QDoubleSpinBox):
    """Its value is hours (a float, as Qt holds it); steps are a quarter of an hour."""

    def __init__(self, parent: QWidget | None = None, maximum: float = 24):
        super().__init__(parent)
        self.setDecimals(6)  # 7 h 25 min is 7.416666…: kept to the minute
        self.setRange(0, maximum)
        self.setSingleStep(0.25)

    def _room(self) -> int:
        """What Qt's hint leaves out: it measures the lowest and highest values ("0 h",
        "24 h"), never the widest one between, so "7 h 24 min" showed as "7 h 24 m"."""
        metrics = self.fontMetrics()
        measured = max(metrics.horizontalAdvance(self.textFromValue(v))
                       for v in (self.minimum(), self.maximum()))
        widest = metrics.horizontalAdvance(short_hours(str(min(self.maximum(), 23.75))))
        return max(0, widest - measured)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return super().sizeHint() + QSize(self._room(), 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return super().minimumSizeHint() + QSize(self._room(), 0)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        if self.specialValueText() and value == self.minimum():
            return self.specialValueText()
        return short_hours(str(value))

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        hours = parse_hours(text)
        return float(hours) if hours is not None else self.value()

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 - Qt override
        if text == self.specialValueText() and text:
            return QValidator.State.Acceptable, text, pos
        hours = parse_hours(text)
        if hours is not None and self.minimum() <= hours <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        if all(c.isdigit() or c in " .,:hminutesr" for c in text.lower()):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos
