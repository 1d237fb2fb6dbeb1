"""The calendar import preview as a table: a tick per row, the activity editable, greyed skips.

Rows are core's `ProposedRow`s, replaced (they are frozen) as the practitioner ticks a row or
chooses an activity; the dialog reads them back with `rows()`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from core.time.calendar.checks import settle
from core.time.calendar.preview import (
    LEAVE,
    ProposedRow,
    with_activity,
    with_case,
    with_note,
    with_tick,
)
from core.time.time_summary import hours_text
from ui.shell.contrast import quiet_text
from ui.widgets.list_table_model import OBJECT_ROLE

Index = QModelIndex | QPersistentModelIndex
COL_TICK, COL_DATE, COL_TIME, COL_LENGTH, COL_SUBJECT, COL_ACTIVITY, COL_CASE, COL_NOTE, COL_WHY = (
    range(9)
)
HEADERS = (
    "Import",
    "Date",
    "Time",
    "Length",
    "Subject (not saved)",
    "Activity",
    "Case",
    "Your note",
    "Why not proposed",
)


def _length(row: ProposedRow) -> str:
    if row.kind == LEAVE:
        return "day"
    if row.start is None:  # an event the file does not let be read
        return ""
    return (
        hours_text(row.minutes / 60)
        .replace(" hours", " h")
        .replace(" hour", " h")
        .replace(" minutes", " min")
        .replace(" minute", " min")
    )


class CalendarRowsModel(QAbstractTableModel):
    """Signals:
    changed: a row was ticked or unticked, or its activity chosen."""

    changed = Signal()

    def __init__(self, db: Database, parent: Any = None):
        super().__init__(parent)
        self._db = db
        self._rows: list[ProposedRow] = []

    def set_rows(self, rows: list[ProposedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.changed.emit()

    def rows(self) -> list[ProposedRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def _text(self, row: ProposedRow, column: int) -> str:
        if column == COL_DATE:
            return f"{row.date:%a %d %b}"
        if column == COL_TIME:
            return row.span_text
        if column == COL_LENGTH:
            return _length(row)
        if column == COL_SUBJECT:
            return row.subject
        if column == COL_ACTIVITY:
            if row.kind == LEAVE:
                return row.leave_kind.capitalize()
            return row.activity_name or ("Choose…" if row.can_import else "")
        if column == COL_CASE:
            return row.case_reference or ""
        if column == COL_NOTE:
            return row.note
        if column == COL_WHY:
            return row.reason or row.change
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_TICK:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column == COL_ACTIVITY:
            return row.leave_kind if row.kind == LEAVE else row.activity_id
        if role == Qt.ItemDataRole.EditRole and column == COL_NOTE:
            return row.note
        if role == Qt.ItemDataRole.EditRole and column == COL_CASE:
            return row.case_id
        if role == Qt.ItemDataRole.ForegroundRole and row.greyed:
            # Quieter, yet read at 4.5:1: the row can still be ticked, and its reason says why
            # it is not proposed (the disabled grey was 1.9:1).
            return QBrush(quiet_text(QApplication.palette()))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_ACTIVITY and row.activity_source:
                return (f"{self._text(row, column)}: proposed from {row.activity_source}. "
                        "Double-click to change.")
            if column == COL_SUBJECT:
                return f"{row.subject}\n\nShown to help you choose; the subject is never saved."
            if column == COL_WHY and (row.reason or row.change):
                return row.reason or row.change
            if column == COL_NOTE:
                return "Saved with the entry only if you type one. Double-click to type."
            if column == COL_CASE and row.kind != LEAVE:
                return "Double-click to choose another case, or none."
            if column in (COL_TIME, COL_ACTIVITY):  # whole, when a narrow screen cuts the column
                return self._text(row, column) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_TICK:
            return "Import" if row.ticked else "Not imported"
        if role == OBJECT_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        row = self._rows[index.row()]
        if not row.can_import:
            return base & ~Qt.ItemFlag.ItemIsEnabled if index.column() == COL_TICK else base
        if index.column() == COL_TICK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_ACTIVITY or (
            index.column() in (COL_NOTE, COL_CASE) and row.kind != LEAVE
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_TICK:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            new = with_tick(row, checked)
        elif role == Qt.ItemDataRole.EditRole and index.column() == COL_ACTIVITY:
            if row.kind == LEAVE:
                new = replace(row, leave_kind=str(value))
            else:
                new = with_activity(self._db, row, int(value) if value is not None else None)
        elif role == Qt.ItemDataRole.EditRole and index.column() == COL_NOTE and row.kind != LEAVE:
            new = with_note(row, str(value or ""))
        elif role == Qt.ItemDataRole.EditRole and index.column() == COL_CASE and row.kind != LEAVE:
            new = with_case(self._db, row, int(value) if value else None)
        else:
            return False
        if new == row:
            return False
        self._rows[index.row()] = new
        self._settle()
        return True

    def _settle(self) -> None:
        """Run the import's own checks over every row (a clash shows before Import, not at it)."""
        self._rows = settle(self._rows)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.changed.emit()

    def tick_all_ready(self) -> None:
        """Tick every row with an activity that nothing speaks against (not greyed, no clash);
        leave days and rows already ticked or unticked for a reason stay as they are."""
        for number, row in enumerate(self._rows):
            clash = row.reason.startswith("Overlaps")
            if row.kind != LEAVE and row.activity_id is not None and not row.greyed and not clash:
                self._rows[number] = with_tick(row, True)
        self._settle()
