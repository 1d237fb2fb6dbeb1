"""Before closed cases are deleted for retention: the list of them, each with its closing date,
then the question. Shared by the Caseload view's notice and Settings, Data & privacy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from core.caseload.models import CASE_TYPE_LABELS, Case
from ui.widgets.date_fields import format_date
from ui.widgets.form_helpers import dialog_layout
from ui.widgets.list_table_model import Column, ListTableModel

COLUMNS = [
    Column("Case", lambda c: c.reference),
    Column("Type", lambda c: CASE_TYPE_LABELS.get(c.case_type, c.case_type)),
    Column("Closed on", lambda c: format_date(c.closed_date), lambda c: c.closed_date),
]


def review_text(count: int, days: int, undoable: bool = True) -> str:
    many = count != 1
    them = "them" if many else "it"
    after = (f"Ctrl+Z brings {them} back until you close the window." if undoable
             else "This cannot be undone.")
    return (f"{count} case{'s' if many else ''} closed more than {days} days ago "
            f"{'are' if many else 'is'} listed below. Deleting removes "
            f"{'them and their' if many else 'it and its'} tier history; time logged against "
            f"{them} is kept without the case. {after}")


class _ListedCases(ListTableModel[Case]):
    """Rows to read, not to choose: a screen reader said "not selected" on each, as if the
    cases to delete were picked here (every one listed is)."""

    def flags(self, index) -> Qt.ItemFlag:  # type: ignore[no-untyped-def]  # noqa: N802
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags


class RetentionReviewDialog(QDialog):
    """The cases due for deletion, oldest closing first; "Keep them" is the default, so Enter
    alone never deletes."""

    def __init__(self, cases: list[Case], days: int, parent: QWidget | None = None,
                 undoable: bool = True):
        super().__init__(parent)
        self._cases = sorted(cases, key=lambda c: (c.closed_date, c.reference))
        self._days = days
        self._undoable = undoable
        self._build_ui()

    def _build_ui(self) -> None:
        many = len(self._cases) != 1
        self.setWindowTitle("Delete closed cases?")
        self.intro = QLabel(review_text(len(self._cases), self._days, self._undoable))
        self.intro.setWordWrap(True)
        self.model: ListTableModel[Case] = _ListedCases(COLUMNS, self)
        self.model.set_items(self._cases)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Cases that would be deleted")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = min(len(self._cases), 10)
        line = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + line * rows + 4)
        buttons = QDialogButtonBox()
        self.delete_button = QPushButton(f"&Delete {len(self._cases)} case{'s' if many else ''}")
        self.keep_button = QPushButton("&Keep them" if many else "&Keep it")
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setDefault(True)
        self.keep_button.setFocus()
        self.delete_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.reject)
        layout = dialog_layout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    def listed(self) -> list[tuple[str, str]]:
        """(reference, closing date) as shown, row by row."""
        return [(c.reference, format_date(c.closed_date)) for c in self.model.items()]

    @staticmethod
    def confirm(parent: QWidget | None, cases: list[Case], days: int,
                undoable: bool = True) -> bool:
        """Show the list modally; True only when "Delete" was chosen."""
        dialog = RetentionReviewDialog(cases, days, parent, undoable)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
