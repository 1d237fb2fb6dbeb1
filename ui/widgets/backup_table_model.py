"""The list of backups as a table model: date, size, encrypted or not (Settings and recovery)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from core.common.paths import shown_path
from core.store.backup import BackupInfo

Index = QModelIndex | QPersistentModelIndex
COL_DATE, COL_SIZE, COL_KIND = range(3)
HEADERS = ("Made", "Size", "Kind")
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
BACKUP_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kilobytes"
    return f"{size / (1024 * 1024):.1f} megabytes"


def made_text(backup: BackupInfo) -> str:
    return backup.created.strftime("%a %d %b %Y, %H:%M").replace(" 0", " ")


def kind_text(backup: BackupInfo) -> str:
    label = "Encrypted" if backup.encrypted else "Not encrypted"
    if "before-restore" in backup.path.name:
        label += ", kept before a restore"
    return label


class BackupTableModel(QAbstractTableModel):
    """Rows are BackupInfo, newest first; BACKUP_ROLE returns the BackupInfo itself."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        backup = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (made_text(backup), size_text(backup.size), kind_text(backup))[column]
        if role == SORT_ROLE:
            # Plain values: the proxy cannot compare Python datetimes.
            return (backup.created.isoformat(), backup.size, kind_text(backup))[column]
        if role == BACKUP_ROLE:
            return backup
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown_path(backup.path)
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


def backup_table(parent: QObject) -> tuple[BackupTableModel, QSortFilterProxyModel, QTableView]:
    """The backups list as Settings and the recovery screen show it: newest first, one row
    selected at a time."""
    model = BackupTableModel(parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setModel(proxy)
    table.setAccessibleName("Backups")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSortingEnabled(True)
    table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return model, proxy, table
