"""Add a reduction: a published reason (or their own), hours or % of contracted hours, and dates."""

from __future__ import annotations


from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from core.common import clock
from core.common.hours import hours_text
from core.caseload.models import Reduction
from core.workload.reductions import PUBLISHED_REASONS, automatic_end, published_reason, reduction_problems
from ui.widgets.confirm import confirm_no_names
from ui.widgets.date_fields import DateField, OptionalDateField
from ui.widgets.radio_tab import tab_to_checked
from ui.widgets.form_helpers import ProblemsLabel, buddy, dialog_layout, form_layout, note_label, ok_cancel

NOTE = (
    "Reasons and default percentages are the 2021 published defaults; your service may use newer "
    "values. Choose one, or type your own reason."
)


AMOUNT_UNITS = {True: " hours", False: "%"}  # as the amount shows it, by its unit


class ReductionDialog(QDialog):
    """Use `ReductionDialog.get_reduction(parent, contracted_hours)` -> Reduction or None."""

    def __init__(self, contracted_hours: float, parent: QWidget | None = None):
        super().__init__(parent)
        self._hours = contracted_hours
        self._end_touched = False
        self._syncing = False
        self._build_ui()
        self._connect_signals()
        self._reason_changed()

    @staticmethod
    def get_reduction(parent: QWidget | None, contracted_hours: float) -> Reduction | None:
        dialog = ReductionDialog(contracted_hours, parent)
        return dialog.reduction() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _build_ui(self) -> None:
        self.setWindowTitle("Add a reduction")
        self.setMinimumWidth(520)
        form = form_layout()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setMinimumWidth(340)
        for known in PUBLISHED_REASONS:
            self.reason.addItem(known.label)
        form.addRow("&Reason", self.reason)
        self.reason.lineEdit().setAccessibleName("Reason")  # the field typed in, read by name
        self.by_hours = QRadioButton("Hours a &week")
        self.by_percent = QRadioButton("&% of contracted hours")
        self.by_percent.setChecked(True)
        self.unit_group = QButtonGroup(self)
        self.unit_group.addButton(self.by_hours)
        self.unit_group.addButton(self.by_percent)
        tab_to_checked(self.unit_group)
        self.amount = QDoubleSpinBox()
        self.amount.setDecimals(1)
        self.amount.setRange(0.0, 100.0)
        self.amount.setSingleStep(0.5)
        self.amount.setAccessibleName("Amount")
        self.amount.setSuffix(AMOUNT_UNITS[False])
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addSpacing(8)
        amount_row.addWidget(self.by_hours)
        amount_row.addWidget(self.by_percent)
        amount_row.addStretch(1)
        form.addRow(buddy("&Amount", self.amount), amount_row)
        self.cap = QLabel()
        self.cap.setWordWrap(True)
        form.addRow("", self.cap)
        self.start = DateField(clock.today())
        self.start.setAccessibleName("From")
        form.addRow("&From", self.start)
        self.end = OptionalDateField("Ends &on")
        form.addRow(buddy("To", self.end), self.end)
        self.problems = ProblemsLabel()
        self.buttons, self.ok_button = ok_cancel("Add reduction")
        layout = dialog_layout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(note_label(NOTE))
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(self._reason_changed)
        self.start.valueChanged.connect(self._fill_end)
        self.end.valueChanged.connect(self._end_edited)
        self.amount.valueChanged.connect(self._validate)
        self.unit_group.buttonToggled.connect(self._unit_changed)

    def _reason_changed(self) -> None:
        known = published_reason(self.reason.currentText())
        if known and known.default_percent is not None:
            self.by_percent.setChecked(True)
            self.amount.setValue(known.default_percent)
        elif known:
            self.by_hours.setChecked(True)  # the published list leaves these to agreed hours
        if known and known.max_percent is not None:
            hours = self._hours * known.max_percent / 100
            self.cap.setText(f"At most {known.max_percent:g}% of contracted hours "
                             f"({hours_text(hours)} a week).")
        else:
            self.cap.setText("")
        self.cap.setVisible(bool(self.cap.text()))
        self._end_touched = False  # a new reason brings its own automatic end date
        self._fill_end()

    def _fill_end(self) -> None:
        if not self._end_touched:
            auto = automatic_end(self.reason.currentText(), self.start.value())
            self._syncing = True
            self.end.set_value(auto)
            self._syncing = False
        self._validate()

    def _end_edited(self) -> None:
        if not self._syncing:
            self._end_touched = True
        self._validate()

    def _unit_changed(self) -> None:
        by_hours = self.by_hours.isChecked()
        self.amount.setRange(0.0, self._hours if by_hours else 100.0)
        # Shown and said with its unit: "Amount 80.0" was heard, then the other unit's radio.
        self.amount.setSuffix(AMOUNT_UNITS[by_hours])
        self._validate()

    def reduction(self) -> Reduction:
        value = self.amount.value()
        by_hours = self.by_hours.isChecked()
        return Reduction(
            reason=self.reason.currentText().strip(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            hours_per_week=value if by_hours else None,
            percent=None if by_hours else value,
        )

    def _validate(self) -> bool:
        problems = reduction_problems(self.reduction(), self._hours)
        self.problems.show_problems(problems, say=False)  # said when saving is tried
        self.ok_button.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if not self._validate():
            self.problems.say_problems()
        elif confirm_no_names(self, [self.reduction().reason]):
            super().accept()
