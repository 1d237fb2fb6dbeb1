"""Add or edit one case: workload attributes only, checked as you type, saved only when valid."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from core.common import clock
from core.caseload.cases import CaseStore, case_problems
from core.common.errors import ValidationError
from core.common.identifiers import REFERENCE_MAX
from core.caseload.models import (
    CASE_STATE_LABELS,
    CASE_STATES,
    CASE_TYPE_LABELS,
    CASE_TYPES,
    FLAG_LABELS,
    FLAGS,
    MAPPA_LEVELS,
    SUPERVISED_TIERS,
    UNSUPERVISED_TIERS,
    UNTIERED,
    Case,
)
from ui.widgets.date_fields import DateField, OptionalDateField, format_date
from ui.widgets.form_helpers import (
    ProblemsLabel,
    buddy,
    dialog_layout,
    group_row,
    form_layout,
    note_label,
    ok_cancel,
    select_data,
    whole_letters,
)
from ui.widgets.line_field import LineField

PRIVACY_NOTE = (
    "Caseload Companion never asks for names or identifiers: a short reference of your own, "
    "such as C07, is all it needs."
)

NO_TIER = ("Choose the case's tier (from its WMT or OASys record); an untiered case scores "
           "nothing in the estimate.")


class CaseDialog(QDialog):
    """Use `CaseDialog.get_case(parent, store, case)`; it returns the saved Case or None."""

    def __init__(self, store: CaseStore, case: Case | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._original = case
        self._saved: Case | None = None
        self._syncing = False
        self._tier_date_touched = case is not None
        self._build_ui()
        self._load(case)
        self._connect_signals()
        self._validate()

    @staticmethod
    def get_case(parent: QWidget | None, store: CaseStore, case: Case | None = None) -> Case | None:
        dialog = CaseDialog(store, case, parent)
        return dialog.saved_case() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _build_ui(self) -> None:
        editing = self._original is not None
        self.setWindowTitle(f"Edit case {self._original.reference}" if editing else "New case")
        self.setMinimumWidth(560)
        form = form_layout()
        self.reference = LineField()
        self.reference.setMaxLength(REFERENCE_MAX + 8)  # room to type, then a clear message
        self.reference.setPlaceholderText("e.g. C07")
        form.addRow("&Reference", self.reference)
        self.case_type = QComboBox()
        for key in CASE_TYPES:
            self.case_type.addItem(CASE_TYPE_LABELS[key], key)
        form.addRow("Case &type", self.case_type)
        self.tier = QComboBox()
        if not editing:  # no silent default: an untiered case scores nothing in the estimate
            self.tier.addItem("Choose a tier…", None)
        self.tier.addItem("Untiered (scores nothing)", UNTIERED)
        for tier in SUPERVISED_TIERS:
            self.tier.addItem(tier, tier)
        self.tier.insertSeparator(self.tier.count())
        for tier in UNSUPERVISED_TIERS:
            self.tier.addItem(f"{tier} (unsupervised)", tier)
        self.tier_since = DateField()
        self.tier_since.setAccessibleName("Tier since")
        tier_row = QHBoxLayout()
        tier_row.addWidget(self.tier)
        tier_row.addSpacing(12)
        tier_row.addWidget(QLabel("since"))
        tier_row.addWidget(self.tier_since)
        tier_row.addStretch(1)
        form.addRow(buddy("T&ier", self.tier), tier_row)
        self.history = QLabel()  # one change a line, unwrapped, so nothing is clipped
        if editing:
            form.addRow(whole_letters(QLabel("Tier history")), self.history)
        self.t2a = QCheckBox("Young adult (T2A): scored on the young adult row")
        form.addRow("", self.t2a)
        self.state = QComboBox()
        for key in CASE_STATES:
            self.state.addItem(CASE_STATE_LABELS[key], key)
        form.addRow("&State", self.state)
        self.start = DateField()
        self.start.setAccessibleName("Started")
        form.addRow("St&arted", self.start)
        self.expected_end = OptionalDateField("Has an expected &end")
        form.addRow("Expected end", self.expected_end)
        flags = QGridLayout()
        flags.setHorizontalSpacing(16)
        flags.setVerticalSpacing(6)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for n, key in enumerate(FLAGS):
            box = QCheckBox(FLAG_LABELS[key])
            self.flag_boxes[key] = box
            flags.addWidget(box, n // 2, n % 2)
        form.addRow(*group_row("Fla&gs", flags))
        self.mappa = QComboBox()
        self.mappa.addItem("Not MAPPA", None)
        for level in MAPPA_LEVELS:
            self.mappa.addItem(f"MAPPA level {level}", level)
        form.addRow("&MAPPA", self.mappa)
        self.next_report = OptionalDateField("Report &due")
        form.addRow("Next report", self.next_report)
        self.next_review = OptionalDateField("Re&view due")
        form.addRow("Next review", self.next_review)

        self.problems = ProblemsLabel()
        self.buttons, self.ok_button = ok_cancel("Save changes" if editing else "Add case")
        layout = dialog_layout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(note_label(PRIVACY_NOTE))
        layout.addWidget(self.buttons)

    def _load(self, case: Case | None) -> None:
        self._syncing = True
        if case is None:
            self.reference.setText(self._store.next_free_reference())
            self.tier.setCurrentIndex(0)  # "Choose a tier…"
        else:
            self.reference.setText(case.reference)
            select_data(self.case_type, case.case_type)
            select_data(self.tier, case.tier)
            select_data(self.state, case.state)
            self.t2a.setChecked(case.t2a)
            self.start.set_value(case.start_date)
            self.tier_since.set_value(case.tier_date or case.start_date)
            self.expected_end.set_value(case.expected_end_date)
            for key, box in self.flag_boxes.items():
                box.setChecked(key in case.flags)
            select_data(self.mappa, case.mappa_level)
            self.next_report.set_value(case.next_report_due)
            self.next_review.set_value(case.next_review_due)
            self.history.setText(
                "\n".join(f"{c.tier} from {format_date(c.from_date)}" for c in case.tier_history)
                or "No changes recorded"
            )
        self._syncing = False
        self.reference.selectAll()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tier.currentIndexChanged.connect(self._tier_changed)
        self.tier_since.valueChanged.connect(self._tier_date_edited)
        self.start.valueChanged.connect(self._start_changed)
        self.reference.textChanged.connect(self._validate)
        for signal in (
            self.case_type.currentIndexChanged,
            self.state.currentIndexChanged,
            self.expected_end.valueChanged,
            self.next_report.valueChanged,
            self.next_review.valueChanged,
            self.t2a.toggled,
        ):
            signal.connect(self._validate)

    def _set_tier_since(self, day: date) -> None:
        self._syncing = True
        self.tier_since.set_value(day)
        self._syncing = False

    def _tier_changed(self) -> None:
        # A change of tier is dated today unless the practitioner says otherwise.
        if self._original is not None:
            if self.tier.currentData() == self._original.tier:
                self._set_tier_since(self._original.tier_date or self._original.start_date)
            else:
                self._set_tier_since(max(clock.today(), self.start.value()))
        self._validate()

    def _tier_date_edited(self) -> None:
        if not self._syncing:
            self._tier_date_touched = True
        self._validate()

    def _start_changed(self) -> None:
        if not self._tier_date_touched:
            self._set_tier_since(self.start.value())  # a new case holds its tier from the start
        self._validate()

    def case(self) -> Case:
        """The case as the form describes it now."""
        flags = tuple(key for key, box in self.flag_boxes.items() if box.isChecked())
        values = dict(
            reference=self.reference.text().strip(),
            case_type=self.case_type.currentData(),
            tier=self.tier.currentData() or UNTIERED,
            start_date=self.start.value(),
            tier_date=self.tier_since.value(),
            t2a=self.t2a.isChecked(),
            expected_end_date=self.expected_end.value(),
            flags=flags,
            mappa_level=self.mappa.currentData(),
            state=self.state.currentData(),
            next_report_due=self.next_report.value(),
            next_review_due=self.next_review.value(),
        )
        if self._original is None:
            return Case(**values)
        return replace(self._original, **values)

    def current_problems(self) -> list[str]:
        case = self.case()
        problems = case_problems(case)
        if self.tier.currentData() is None:
            problems.append(NO_TIER)
        own = self._original.reference.upper() if self._original else None
        ref = case.reference.upper()
        if ref and ref != own and ref in self._store.references():
            problems.append(f"You already have a case called {case.reference}.")
        return problems

    def _validate(self) -> bool:
        problems = self.current_problems()
        self.problems.show_problems(problems, say=False)  # said when saving is tried
        self.ok_button.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if not self._validate():
            self.problems.say_problems()
            return
        try:
            if self._original is None:
                self._saved = self._store.add_case(self.case())
            else:
                self._saved = self._store.update_case(self.case())
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return
        super().accept()

    def saved_case(self) -> Case | None:
        return self._saved
