"""Date inputs shared by every form: dd/MM/yyyy with a calendar, and an explicit "no date" choice."""

from __future__ import annotations

from datetime import date

import re

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from core.common import clock
from core.common.dates import DateError, parse_date

DISPLAY_FORMAT = "dd/MM/yyyy"
_DATE_CHARS = "0123456789/-."
_WHOLE_DATE = re.compile(r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})$")


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def format_date(day: date | None, empty: str = "") -> str:
    """The UK format used across tables and labels."""
    return empty if day is None else day.strftime("%d/%m/%Y")


class DateField(QDateEdit):
    """A required date: typed as 28/11/2026 or picked from the calendar (Alt+Down opens it).

    Typing a whole date replaces the one shown, wherever the click into the field landed (a
    click on the month used to turn 01/09/2026 typed over 29/11/2026 into 29/09/2026).
    """

    valueChanged = Signal()

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._typed = ""  # characters typed since the field got focus
        self._select_on_click = False
        self.lineEdit().installEventFilter(self)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 31))
        self.set_value(value or clock.today())
        self.dateChanged.connect(lambda _d: self.valueChanged.emit())

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self._typed = ""
        # A click places the cursor after focusing: select all once the click is through.
        self._select_on_click = event.reason() == Qt.FocusReason.MouseFocusReason
        if not self._select_on_click:
            self.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The click lands on the inner line edit; by its release the cursor is placed.
        if event.type() == QEvent.Type.MouseButtonRelease and self._select_on_click:
            self._select_on_click = False
            QTimer.singleShot(0, self, self.selectAll)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        self._typed = self._typed + text if text and text in _DATE_CHARS else ""
        super().keyPressEvent(event)
        if _WHOLE_DATE.match(self._typed):  # a whole date typed: take it as it reads
            try:
                day = parse_date(self._typed)
            except DateError:
                return
            if self.minimumDate() <= to_qdate(day) <= self.maximumDate():
                self.set_value(day)

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateField(QWidget):
    """A date that may be left out: a checkbox says whether there is one, so "none" is explicit.

    Space on the checkbox turns the date on or off; Tab moves on to the date itself.

    Signals:
        valueChanged: the date, or whether there is one, changed.
    """

    valueChanged = Signal()

    def __init__(
        self,
        check_text: str,
        value: date | None = None,
        default: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._build_ui(check_text)
        # Shown when the date is first switched on, so the calendar opens somewhere sensible.
        self.edit.set_value(value or default or clock.today())
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self._connect_signals()

    def _build_ui(self, check_text: str) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text)
        self.edit = DateField()
        self.edit.setAccessibleName(check_text.replace("&", ""))
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def _connect_signals(self) -> None:
        self.check.toggled.connect(self._toggled)
        self.edit.valueChanged.connect(self.valueChanged)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.valueChanged.emit()

    def value(self) -> date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.set_value(value)
        self.check.setChecked(value is not None)
