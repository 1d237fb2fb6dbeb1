"""The grid of the WMT setup: one row per tier, one column per case type, each cell a count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.caseload.models import CASE_TYPE_LABELS, CASE_TYPES, SUPERVISED_TIERS, TIERS, UNTIERED

Index = QModelIndex | QPersistentModelIndex


def tier_label(tier: str) -> str:
    return "Untiered" if tier == UNTIERED else tier


class WmtCountsModel(QAbstractTableModel):
    """Counts for adults or for young adults (T2A); editable integers, 0 shown as blank."""

    def __init__(self, t2a: bool = False, parent: Any = None):
        super().__init__(parent)
        self.t2a = t2a
        self._tiers: tuple[str, ...] = SUPERVISED_TIERS
        self._counts: dict[tuple[str, str], int] = {}

    def show_all_tiers(self, everything: bool) -> None:
        """The supervised tiers A3 to D0, or every tier (unsupervised A3S to D0S, untiered)."""
        self.beginResetModel()
        self._tiers = TIERS if everything else SUPERVISED_TIERS
        self.endResetModel()

    def counts(self) -> dict[tuple[str, str, bool], int]:
        """Every count above 0 in the tiers shown, keyed as core.caseload.wmt_setup wants it."""
        return {(t, tier, self.t2a): n for (t, tier), n in self._counts.items()
                if n > 0 and tier in self._tiers}  # what is shown is what is made

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._tiers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(CASE_TYPES)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return CASE_TYPE_LABELS[CASE_TYPES[section]]
        return tier_label(self._tiers[section])

    def flags(self, index: Index) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def _key(self, index: Index) -> tuple[str, str]:
        return CASE_TYPES[index.column()], self._tiers[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        count = self._counts.get(self._key(index), 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.EditRole:
            return count
        if role == Qt.ItemDataRole.AccessibleTextRole:
            case_type, tier = self._key(index)
            return f"{CASE_TYPE_LABELS[case_type]} {tier_label(tier)}: {count}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            count = int(str(value).strip() or 0)
        except ValueError:
            return False
        if not 0 <= count <= 300:
            return False
        self._counts[self._key(index)] = count
        self.dataChanged.emit(index, index)
        return True
