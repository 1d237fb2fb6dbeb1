"""Editable table of tier points: one row per tier, one column per case type and one for young
adult (T2A) cases, which the WMT weights in a row of their own.

Edits are kept as typed text until Save, so core.workload.weightings can check them all at once and
say what needs changing; a changed cell is shown in bold until it is saved or discarded.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from core.caseload.models import TIERS, UNTIERED
from core.workload.weightings import COLUMN_LABELS, WEIGHTING_COLUMNS
from ui.widgets.list_table_model import OBJECT_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
COL_COMMUNITY, COL_LICENCE, COL_CUSTODY, COL_T2A = (
    WEIGHTING_COLUMNS.index(c) for c in ("community", "licence", "custody", "t2a"))


def tier_key(case_type: str, tier: str) -> str:
    return f"tier.{case_type}.{tier}"


def tier_label(tier: str) -> str:
    if tier == UNTIERED:
        return "Untiered"
    return f"{tier} (unsupervised)" if tier.endswith("S") else tier


def _text(value: float) -> str:
    return f"{value:g}"


class TierPointsModel(QAbstractTableModel):
    """Rows are TIERS in the published order; OBJECT_ROLE gives the row's tier."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._base: dict[str, float] = {}
        self._edits: dict[str, str] = {}

    def set_base(self, values: Mapping[str, float]) -> None:
        """The values in force on the chosen date; unsaved edits are kept."""
        self.beginResetModel()
        self._base = {k: v for k, v in values.items() if k.startswith("tier.")}
        self.endResetModel()

    def discard_edits(self) -> None:
        self.beginResetModel()
        self._edits.clear()
        self.endResetModel()

    def changed_values(self) -> dict[str, str]:
        """Edited cells whose text differs from the value in force (as typed, for core to check)."""
        changed = {}
        for key, text in self._edits.items():
            try:
                same = float(text) == self._base.get(key)
            except ValueError:
                same = False
            if not same:
                changed[key] = text
        return changed

    def key_at(self, index: Index) -> str:
        return tier_key(WEIGHTING_COLUMNS[index.column()], TIERS[index.row()])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(TIERS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(WEIGHTING_COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.key_at(index)
        base = self._base.get(key)
        edited = key in self.changed_values()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key in self._edits:
                return self._edits[key]
            return "" if base is None else _text(base)
        if role == SORT_ROLE:
            return base
        if role == OBJECT_ROLE:
            return TIERS[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and edited:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and edited and base is not None:
            return f"Changed from {_text(base)}; not saved yet"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            column = COLUMN_LABELS[WEIGHTING_COLUMNS[index.column()]]
            return f"{column}, {tier_label(TIERS[index.row()])}" + (", changed" if edited else "")
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802 - Qt override
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._edits[self.key_at(index)] = str(value).strip().replace(",", ".")
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = (orientation == Qt.Orientation.Horizontal
                      and 0 <= section < len(WEIGHTING_COLUMNS))
        if horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return COLUMN_LABELS[WEIGHTING_COLUMNS[section]]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:  # "T2A" on the header, so four columns fit; its tooltip says it in full
            column = WEIGHTING_COLUMNS[section]
            return "T2A" if column == "t2a" else COLUMN_LABELS[column]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(TIERS):
            return tier_label(TIERS[section])
        return None
