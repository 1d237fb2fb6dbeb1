"""Enter the official WMT figure a manager gave for a week; it is kept beside the app's estimate."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.common.dates import friday_of
from core.common.errors import ValidationError
from core.workload.official import official_for, record_official
from core.workload.wording import day_words, number
from ui.widgets.date_fields import DateField, to_qdate
from ui.widgets.form_helpers import ProblemsLabel, buddy, form_layout, note_label, unit_label
from ui.widgets.line_field import LineField

NOTE = ("This is the percentage from the official Workload Measurement Tool, as your manager "
        "gave it to you. It is shown beside this app's estimate; the estimate itself does not "
        "change.")


class OfficialDialog(QDialog):
    """Saves through core.workload.official.record_official, so its checks are the command line's too."""

    def __init__(self, db: Database, day: date, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._today = today
        self.week: str | None = None
        self.setWindowTitle("Official workload figure")
        self._build_ui(day)
        self._connect_signals()
        self._load_week()

    def _build_ui(self, day: date) -> None:
        form = form_layout()
        self.day = DateField(day)
        self.day.setMaximumDate(to_qdate(friday_of(self._today)))
        self.week_label = QLabel()
        day_row = QHBoxLayout()
        day_row.addWidget(self.day)
        day_row.addSpacing(8)
        day_row.addWidget(self.week_label)
        day_row.addStretch(1)
        form.addRow(buddy("Any day in the &week", self.day), day_row)
        self.percent = LineField()
        self.percent.setValidator(QDoubleValidator(0.0, 500.0, 1, self.percent))
        self.percent.setPlaceholderText("e.g. 118")
        self.percent.setFixedWidth(100)
        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent)
        percent_row.addSpacing(6)
        percent_row.addWidget(unit_label(self.percent, "percent"))
        percent_row.addStretch(1)
        form.addRow(buddy("Official &figure", self.percent), percent_row)
        self.problems = ProblemsLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(note_label(NOTE))
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.day.valueChanged.connect(self._load_week)

    def _load_week(self) -> None:
        friday = friday_of(self.day.value())
        self.week_label.setText(f"the week ending Friday {day_words(friday, self._today)}")
        current = official_for(self._db, self.day.value())
        self.percent.setText("" if current is None else number(current))

    def accept(self) -> None:
        text = self.percent.text().strip().replace(",", ".")
        try:
            if not text:
                raise ValidationError("Type the official figure, for example 118.")
            self.week = record_official(self._db, self.day.value(), text, self._today)
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return
        super().accept()

    @classmethod
    def get_official(cls, parent: QWidget | None, db: Database, day: date,
                     today: date | None = None) -> str | None:
        """Ask for and save the figure; returns the ISO week it was saved for, or None."""
        dialog = cls(db, day, today or clock.today(), parent)
        return dialog.week if dialog.exec() == QDialog.DialogCode.Accepted else None
