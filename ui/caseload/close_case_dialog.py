"""Close a case: the day it left the caseload and why. Returns the values; the view saves them."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QWidget,
)

from core.common import clock
from core.caseload.models import CLOSE_REASON_LABELS, CLOSE_REASONS
from ui.widgets.date_fields import DateField, format_date
from ui.widgets.form_helpers import ProblemsLabel, dialog_layout, form_layout, note_label, ok_cancel


class CloseCaseDialog(QDialog):
    """Use `CloseCaseDialog.get_close(parent, reference, start_date)` -> (date, reason) or None."""

    def __init__(self, reference: str, start_date: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._start = start_date
        self._build_ui(reference)
        self._connect_signals()
        self._validate()

    @staticmethod
    def get_close(
        parent: QWidget | None, reference: str, start_date: date
    ) -> tuple[date, str] | None:
        dialog = CloseCaseDialog(reference, start_date, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def _build_ui(self, reference: str) -> None:
        self.setWindowTitle(f"Close case {reference}")
        self.setMinimumWidth(420)
        form = form_layout()
        self.closed_on = DateField(clock.today())
        self.closed_on.setAccessibleName("Closed on")
        form.addRow("&Closed on", self.closed_on)
        self.reason = QComboBox()
        for key in CLOSE_REASONS:
            self.reason.addItem(CLOSE_REASON_LABELS[key], key)
        form.addRow("&Reason", self.reason)
        self.problems = ProblemsLabel()
        self.buttons, self.ok_button = ok_cancel("Close case")
        layout = dialog_layout(self)
        layout.addWidget(QLabel(f"Case {reference} started on {format_date(self._start)}."))
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(
            note_label("A closed case stops counting from the day it closed. Ctrl+Z undoes this, "
                       "and you can reopen it at any time.")
        )
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.closed_on.valueChanged.connect(self._validate)

    def _validate(self) -> bool:
        problems = []
        if self.closed_on.value() < self._start:
            problems.append("A case cannot close before it started.")
        self.problems.show_problems(problems, say=False)  # said when saving is tried
        self.ok_button.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if self._validate():
            super().accept()
        else:
            self.problems.say_problems()

    def values(self) -> tuple[date, str]:
        return self.closed_on.value(), self.reason.currentData()
