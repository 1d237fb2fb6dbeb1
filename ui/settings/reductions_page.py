"""Settings page "Reductions & reports": reductions agreed with a manager, and court reports done."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.common.errors import ValidationError
from core.caseload.models import REPORT_KIND_LABELS, REPORT_KINDS, CourtReport, Reduction
from core.common.exact import plain
from core.workload.profile import get_profile
from core.workload.reductions import (
    add_reduction,
    add_report,
    delete_reduction,
    delete_report,
    list_reductions,
    list_reports,
    reports_alike,
)
from ui.shell.app import show_error
from ui.widgets.date_fields import DateField, format_date
from ui.widgets.deletion_undo import add_undoably, delete_undoably, nothing_deleted
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import buddy, configure_table, note_label
from ui.shell.hub import Hub
from ui.widgets.arrival_words import said_with
from ui.widgets.return_saves import return_presses
from ui.widgets.list_table_model import OBJECT_ROLE, Column, ListTableModel, RawSortProxy
from core.common.hours import hours_text
from ui.settings.reduction_dialog import ReductionDialog

TABLE_ROOM = 400  # logical pixels a table asks for at least; wider, it scrolls in itself


def _amount(r: Reduction) -> str:
    if r.hours_per_week is not None:
        return f"{hours_text(r.hours_per_week)} a week"
    return f"{plain(r.percent, 2)}% of contracted hours"


REDUCTION_COLUMNS: list[Column[Reduction]] = [
    Column("Reason", lambda r: r.reason, lambda r: r.reason.lower()),
    Column("Hours or %", _amount, lambda r: r.hours_per_week or r.percent),
    Column("From", lambda r: format_date(r.start_date), lambda r: r.start_date),
    Column("To", lambda r: format_date(r.end_date, "open"), lambda r: r.end_date),
]
REPORT_COLUMNS: list[Column[CourtReport]] = [
    Column("Kind", lambda r: REPORT_KIND_LABELS.get(r.kind, r.kind)),
    Column("Completed", lambda r: format_date(r.completed_date), lambda r: r.completed_date),
]


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _table(model: ListTableModel, name: str) -> tuple[QTableView, RawSortProxy]:
    proxy = RawSortProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    configure_table(view, name.replace(" ", ""))
    view.setAccessibleName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    # As wide as its columns where the window allows; on a narrower one (640 pixels at 200%)
    # the table scrolls sideways inside itself, never the whole page.
    view.horizontalHeader().sectionResized.connect(
        lambda *_: view.setMinimumWidth(min(view.horizontalHeader().length(), TABLE_ROOM)
                                        + 2 * view.frameWidth()))
    return view, proxy


class ReductionsPage(QWidget):
    """Emits hub.reductionsChanged after any change."""

    def __init__(self, db: Database, hub: Hub, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        self.reductions_model: ListTableModel[Reduction] = ListTableModel(REDUCTION_COLUMNS, self)
        self.reductions_view, self.reductions_proxy = _table(self.reductions_model, "Reductions")
        self.reductions_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.add_reduction_button = QPushButton("&Add reduction…")
        self.delete_reduction_button = QPushButton("&Delete reduction")
        self.reports_model: ListTableModel[CourtReport] = ListTableModel(REPORT_COLUMNS, self)
        self.reports_view, self.reports_proxy = _table(self.reports_model, "Court reports")
        self.reports_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.report_kind = QComboBox()
        self.report_kind.setAccessibleName("Report kind")
        for kind in REPORT_KINDS:
            self.report_kind.addItem(REPORT_KIND_LABELS[kind], kind)
        self.report_date = DateField(clock.today())
        self.report_date.setAccessibleName("Completed on")
        self.add_report_button = QPushButton("Add re&port")
        self.delete_report_button = QPushButton("Delete repor&t")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 16, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(_heading("Reductions"))
        note = note_label(
            "Hours off your contracted hours agreed with your manager, each with its dates. "
            "They lower the hours the estimate expects of you.")
        layout.addWidget(note)
        # Heard with the first control after it (Tab passes notes by; Orca leaves a table's
        # description unsaid).
        said_with(self.add_reduction_button, note)
        layout.addWidget(self.reductions_view, 3)
        row = FlowRow()
        row.addWidget(self.add_reduction_button)
        row.addWidget(self.delete_reduction_button)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(_heading("Court reports completed"))
        note = note_label(
            "Reports completed in the last 30 days count towards the estimate "
            "(2021 published defaults: 138 points for a standard report, 65 for a fast one).")
        layout.addWidget(note)
        said_with(self.report_kind, note)
        layout.addWidget(self.reports_view, 2)
        report_row = FlowRow()  # the date under the kind on a narrow window
        report_row.addGroup(buddy("Report", self.report_kind), self.report_kind)
        report_row.addGroup(QLabel("completed on"), self.report_date)
        layout.addLayout(report_row)
        # The buttons on a row of their own: on one row with the report's kind and date they
        # squeezed all five on a narrow window ("Standard court report" showed as "St").
        self.report_kind.setMinimumWidth(self.report_kind.sizeHint().width())
        buttons = FlowRow()
        buttons.addWidget(self.add_report_button)
        buttons.addStretch()
        buttons.addWidget(self.delete_report_button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.add_reduction_button.clicked.connect(self.add_reduction)
        self.delete_reduction_button.clicked.connect(self.delete_reduction)
        self.add_report_button.clicked.connect(self.add_report)
        return_presses(self, self.add_report_button, [self.report_kind, self.report_date])
        self.delete_report_button.clicked.connect(self.delete_report)
        self.reductions_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reports_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._hub.dataReplaced.connect(self.refresh)
        self._hub.reductionsChanged.connect(self.refresh)  # also when added from elsewhere

    def refresh(self) -> None:
        self.reductions_model.set_items(list_reductions(self._db))
        self.reports_model.set_items(list_reports(self._db))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_reduction_button.setEnabled(self._selected(self.reductions_view) is not None)
        self.delete_report_button.setEnabled(self._selected(self.reports_view) is not None)

    @staticmethod
    def _selected(view: QTableView) -> Reduction | CourtReport | None:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(OBJECT_ROLE) if rows else None

    def _changed(self) -> None:
        self._hub.reductionsChanged.emit()  # refreshes this page like any other listener

    def add_reduction(self) -> None:
        reduction = ReductionDialog.get_reduction(self, float(get_profile(self._db).hours))
        if reduction is None:
            return
        try:
            added = add_reduction(self._db, reduction, get_profile(self._db).hours)
        except ValidationError as exc:
            show_error(self, " ".join(exc.problems), "The reduction was not added")
            return
        added_id = added.id
        assert added_id is not None
        # One undo step, said: Ctrl+Z takes it back out (kept for Redo).
        add_undoably(self, self._db, f"the reduction “{added.reason}”",
                     f"Added the reduction “{added.reason}”.",
                     lambda: delete_reduction(self._db, added_id), self._changed,
                     ("reductions", added_id))

    def delete_reduction(self) -> None:
        reduction = self._selected(self.reductions_view)
        if not isinstance(reduction, Reduction) or reduction.id is None:
            return
        answer = QMessageBox.question(
            self, "Delete reduction",
            f"Delete the reduction “{reduction.reason}” ({_amount(reduction)}, from "
            f"{format_date(reduction.start_date)})? Past weeks will be worked out without it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            reduction_id = reduction.id
            delete_undoably(self, self._db, f"the reduction “{reduction.reason}”",
                            lambda: delete_reduction(self._db, reduction_id), self._changed,
                            self.reductions_view)
        else:
            nothing_deleted(self, f"the reduction “{reduction.reason}”")

    def add_report(self) -> None:
        try:
            report = add_report(self._db, self.report_kind.currentData(),
                                self.report_date.value())
        except ValidationError as exc:
            show_error(self, " ".join(exc.problems), "The report was not added")
            return
        report_id = report.id
        assert report_id is not None
        kind = _in_a_sentence(REPORT_KIND_LABELS.get(report.kind, report.kind))
        what = f"the {kind} of {format_date(report.completed_date)}"
        alike = reports_alike(self._db, report)
        # A second press of Add report added a second report in the same words: say so.
        also = (f" That makes {alike} {report.kind} reports on {format_date(report.completed_date)}."
                if alike > 1 else "")
        add_undoably(self, self._db, what, f"Added {what}.{also}",
                     lambda: delete_report(self._db, report_id), self._changed,
                     ("court_reports", report_id))

    def delete_report(self) -> None:
        report = self._selected(self.reports_view)
        if not isinstance(report, CourtReport) or report.id is None:
            return
        kind = _in_a_sentence(REPORT_KIND_LABELS.get(report.kind, report.kind))
        answer = QMessageBox.question(
            self, "Delete court report",
            f"Delete the {kind} completed on {format_date(report.completed_date)}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            report_id = report.id
            delete_undoably(self, self._db, f"the {kind} of {format_date(report.completed_date)}",
                            lambda: delete_report(self._db, report_id), self._changed,
                            self.reports_view)
        else:
            nothing_deleted(self, f"the {kind} of {format_date(report.completed_date)}")


def _in_a_sentence(label: str) -> str:
    """"Standard court report (SDR/PSR)" inside a sentence: the first letter small, the
    abbreviations kept in capitals ("sdr/psr" was said)."""
    return label[:1].lower() + label[1:]
