"""Import cases from a CSV or .xlsx file: preview every case, or every bad row; all rows or none.

The same core function as `cases import` reads and checks the file, so both show the same outcome.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.caseload.cases import CaseStore
from core.caseload.csv_import import ImportPreview, RowProblem, import_preview, preview_file
from core.common.errors import ValidationError
from ui.caseload.case_table_model import COL_NEXT_DUE, COL_STATUS, CaseTableModel
from ui.widgets import reading_accessible
from ui.widgets.announce import announce
from ui.widgets.form_helpers import ProblemsLabel, configure_table, note_label
from ui.widgets.list_table_model import Column, ListTableModel

HELP = (
    "A CSV file or an Excel workbook (.xlsx). The first row names the columns: reference, "
    "case_type, tier and start_date, and optionally end_date, t2a and flags (separated by ; or ,). "
    "Every row is checked first, and nothing is imported unless every row is fine."
)
PROBLEM_COLUMNS: list[Column[RowProblem]] = [
    Column("Line", lambda p: str(p.line), lambda p: p.line, align_right=True),
    Column("What needs changing", lambda p: p.message.replace("; column ", "\ncolumn ")),
]


def _table(model: ListTableModel, name: str) -> QTableView:
    view = QTableView()
    configure_table(view, name)
    view.setModel(model)
    view.setWordWrap(True)
    return view


class ImportDialog(QDialog):
    """Use `ImportDialog.import_cases(parent, store)`; returns how many cases were imported."""

    def __init__(self, store: CaseStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._path: Path | None = None
        self._preview: ImportPreview | None = None
        self.imported = 0
        self._build_ui()
        self._connect_signals()
        self._show_preview()

    @staticmethod
    def import_cases(parent: QWidget | None, store: CaseStore) -> int | None:
        dialog = ImportDialog(store, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.imported

    def _build_ui(self) -> None:
        self.setWindowTitle("Import cases from a spreadsheet")
        self.resize(820, 520)
        self.choose_button = QPushButton("&Choose file…")
        self.recheck_button = QPushButton("Check &again")
        self.recheck_button.setToolTip("Read the file again after changing it")
        self.path_label = QLabel("No file chosen")
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.recheck_button)
        file_row.addWidget(self.path_label, 1)
        self.summary = QLabel()
        reading_accessible.mark(self.summary, reading_accessible.STATUS_PROPERTY)  # said once
        self.summary.setWordWrap(True)
        self.file_problem = ProblemsLabel()
        self.cases_model = CaseTableModel(self)
        self.cases_view = _table(self.cases_model, "importCases")
        self.cases_view.setAccessibleName("Cases to import")
        self.cases_view.setColumnHidden(COL_NEXT_DUE, True)
        self.cases_view.setColumnHidden(COL_STATUS, True)
        self.cases_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.cases_view.horizontalHeader().setStretchLastSection(True)
        self.problems_model: ListTableModel[RowProblem] = ListTableModel(PROBLEM_COLUMNS, self)
        self.problems_view = _table(self.problems_model, "importProblems")
        self.problems_view.setAccessibleName("Rows that need changing")
        self.problems_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.cases_view)
        self.stack.addWidget(self.problems_view)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Importing is what the dialog is for: the default, enabled once a file reads cleanly.
        self.import_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(note_label(HELP))
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_problem)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.choose_button.setFocus()

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.recheck_button.clicked.connect(self._recheck)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a spreadsheet", start,
            "Spreadsheets (*.csv *.xlsx *.txt *.tsv);;All files (*)",
        )
        if name:
            self.load_file(Path(name))
            if self.import_button.isEnabled():
                self.import_button.setFocus()  # "Import 3 cases" is next; Return imports

    def _recheck(self) -> None:
        if self._path:
            self.load_file(self._path)

    def load_file(self, path: Path) -> None:
        """Check every row of the file and show what would be imported, or what to fix."""
        self._path = path
        self.path_label.setText(str(path))
        self.path_label.setToolTip(str(path))
        self._preview = None
        self.file_problem.show_problems([])
        try:
            self._preview = preview_file(path, self._store)
        except ValidationError as exc:
            self.file_problem.show_problems(exc.problems)
        except OSError as exc:
            self.file_problem.show_problems([f"The file could not be read: {exc.strerror or exc}."])
        self._show_preview()

    def preview(self) -> ImportPreview | None:
        return self._preview

    def _show_preview(self) -> None:
        preview = self._preview
        self.recheck_button.setEnabled(self._path is not None)
        self.cases_model.set_cases(preview.cases if preview and preview.ok else [])
        self.problems_model.set_items(preview.problems if preview else [])
        ok = bool(preview and preview.ok)
        self.import_button.setEnabled(ok)
        if preview is None:
            self.summary.setText(
                "" if self._path else "Choose a CSV or .xlsx file to see what it holds."
            )
            self.stack.setCurrentWidget(self.cases_view)
        elif ok:
            n = len(preview.cases)
            self.summary.setText(
                f"{n} case{'s' if n != 1 else ''} ready to import. Read as {preview.detected}."
            )
            self.import_button.setText(f"&Import {n} case{'s' if n != 1 else ''}")
            self.stack.setCurrentWidget(self.cases_view)
        else:
            n = len(preview.problems)
            rows = "1 row needs" if n == 1 else f"{n} rows need"
            self.summary.setText(
                f"{rows} changing in the file before anything can be imported. "
                "Nothing has been imported. Fix the file, then choose Check again. "
                f"Read as {preview.detected}."
            )
            self.import_button.setText("&Import")
            self.stack.setCurrentWidget(self.problems_view)
            self.problems_view.resizeRowsToContents()
        if preview is not None:
            announce(self, self.summary.text(), assertive=not ok)

    def accept(self) -> None:
        if not (self._preview and self._preview.ok):
            return
        try:
            self.imported = import_preview(self._preview, self._store)
        except ValidationError as exc:
            self.file_problem.show_problems(exc.problems)
            return
        super().accept()
