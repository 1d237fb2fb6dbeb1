"""A one-line field for a number that a screen reader reads as its name, then its value.

Weightings' numbers were plain one-line text fields, and Orca 43 read each as a jumble: "138
selected", then "Standard court report (points) text.", then "13 selected." (Qt gives a line
edit's text no attribute runs, and Orca's reading of the line stops one character short), and
"Text unselected." on the way to every next field. A spin box is read by its name and value,
as every date field already is ("Effective from 07/12/2026 spin button"): this is one, without
arrows or stepping, that holds whatever is typed as text (the page checks it and says what is
wrong, as before), typed over on Tab as a line edit is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QWidget


class NumberField(QAbstractSpinBox):
    """`text()` and `setText()` as a QLineEdit has them; no steps, no arrows, no value range."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setAccelerated(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    def setText(self, text: str) -> None:  # noqa: N802 - as QLineEdit's
        self.lineEdit().setText(text)

    def validate(self, text: str, pos: int) -> object:
        # Anything may be typed: the page's own check names what is wrong, nothing is refused.
        return QValidator.State.Acceptable, text, pos

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt override
        return QAbstractSpinBox.StepEnabledFlag.StepNone  # Up and Down do not change a weighting
