"""Set up from my WMT caseload: type the counts the WMT caseload page shows (case type by tier,
adults and young adults), and that many cases are made in one step, to be named, dated or
flagged afterwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QFrame,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.caseload.wmt_setup import add_from_counts, cases_from_counts
from core.common import clock
from core.common.errors import ValidationError
from core.common.words import plural
from ui.caseload.wmt_counts_model import WmtCountsModel
from ui.widgets.named_editor import NamedEditorDelegate
from ui.widgets.form_helpers import ProblemsLabel, name_tabs
from ui.widgets.settled_words import SaidWhenSettled

INTRO = ("Your WMT caseload page counts your cases by case type and tier. Type those counts here "
         "and the app makes that many cases, with the next free references (C01, C02 …) and "
         "today as their start date. You can then give any of them its own start date, flags "
         "and key dates. Young adults (18 to 24) go on the T2A tab, as the WMT counts them.")


class WmtSetupDialog(QDialog):
    """The grid, the running total, and Create (nothing is saved until then)."""

    def __init__(self, store: CaseStore, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._today = today or clock.today()
        self.created: list[Case] = []
        self.setWindowTitle("Set up from my WMT caseload")
        self.models = (WmtCountsModel(False, self), WmtCountsModel(True, self))
        self.tables: list[QTableView] = []
        self.total_said = SaidWhenSettled(self, lambda: self.total.text())
        self.tabs = QTabWidget()
        name_tabs(self.tabs, "Adults and young adults")  # what it is, not the page it is on
        for model, title in zip(self.models, ("&Adults", "Young adults (&T2A)")):
            table = QTableView()
            table.setModel(model)
            table.setAccessibleName(f"{title.replace('&', '')}: cases by tier and case type")
            table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
            table.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move in it
            table.setItemDelegate(NamedEditorDelegate(table))  # its editor says which count
            model.dataChanged.connect(self._update_total)
            # Said once the counts stop changing: "3 cases: C01 to C03, starting …" was
            # only shown, so what Create cases would make was never heard.
            model.dataChanged.connect(lambda *_: self.total_said.changed())
            model.modelReset.connect(self._update_total)
            self.tables.append(table)
            self.tabs.addTab(table, title)
        self.all_tiers = QCheckBox("Show &unsupervised tiers (A3S to D0S) and untiered")
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.problems = ProblemsLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton("&Create cases", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.all_tiers.toggled.connect(lambda on: [m.show_all_tiers(on) for m in self.models])
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        # The body scrolls and the buttons stay put: at 200% on a small screen the dialog is
        # taller than the screen, and Create must never be the part cut off.
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(intro)
        inner.addWidget(self.tabs, 1)
        inner.addWidget(self.all_tiers)
        inner.addWidget(self.total)
        inner.addWidget(self.problems)
        line = self.fontMetrics().height()
        self.tabs.setMinimumHeight(line * 12)  # the grid stays usable; the body scrolls instead
        self.body = QScrollArea()
        self.body.setWidget(body)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self._fit(max(560, width * 78), min(660, max(560, line * 38)))
        self.tables[0].setCurrentIndex(self.models[0].index(0, 0))
        self.tables[0].setFocus()
        self._update_total()

    def _fit(self, width: int, height: int) -> None:
        """The wanted size, kept inside the screen's free area (frame included)."""
        screen = self.parentWidget().screen() if self.parentWidget() else self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 16), min(height, room.height() - 48)
        self.resize(width, height)

    def counts(self) -> dict:
        return {**self.models[0].counts(), **self.models[1].counts()}

    def _update_total(self) -> None:
        counts = self.counts()
        total = sum(counts.values())
        self.create_button.setEnabled(total > 0)
        if not total:
            self.total.setText("No cases yet: type a count in any cell (arrows move, Enter "
                               "keeps it).")
            return
        try:
            cases = cases_from_counts(counts, self._store.references(), self._today)
        except ValidationError as exc:
            self.total.setText(" ".join(exc.problems))
            return
        young = sum(1 for c in cases if c.t2a)
        extra = f", {young} of them young adults" if young else ""
        self.total.setText(f"{plural(len(cases), 'case')}{extra}: {cases[0].reference} to "
                           f"{cases[-1].reference}, starting {self._today:%a %d %b %Y}.")

    def accept(self) -> None:
        for table in self.tables:  # a count still being typed counts: leaving it keeps it
            if table.state() == QAbstractItemView.State.EditingState:
                table.setFocus()
        try:
            self.created = add_from_counts(self._store, self.counts(), self._today)
        except ValidationError as exc:
            self.problems.show_problems(list(exc.problems))
            return
        super().accept()

    @staticmethod
    def set_up(parent: QWidget | None, store: CaseStore) -> list[Case]:
        """Show the grid; the cases made (an empty list when cancelled)."""
        dialog = WmtSetupDialog(store, parent=parent)
        dialog.exec()
        made = dialog.created
        dialog.deleteLater()
        return made
