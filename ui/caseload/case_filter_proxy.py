"""Filters for the caseload table: status, reference search, case type, tier letter and flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from core.caseload.models import UNTIERED, Case, tier_letter
from ui.caseload.case_table_model import CASE_ROLE, CaseTableModel
from ui.widgets.list_table_model import RawSortProxy

MAPPA_FILTER = "mappa"  # any MAPPA level, offered beside the ordinary flags


class CaseFilterProxy(RawSortProxy):
    """Each filter is None for "any"; `set_filters` applies several at once."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.status = "active"  # active / closed / all
        self.search = ""
        self.case_type: str | None = None
        self.tier_letter: str | None = None  # "A"…"D", or "untiered"
        self.flag: str | None = None  # a FLAGS key, or MAPPA_FILTER

    def set_filters(self, **values: Any) -> None:
        self.beginFilterChange()
        for name, value in values.items():
            if not hasattr(self, name):
                raise AttributeError(name)
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, case: Case) -> bool:
        if self.status == "active" and case.closed_date is not None:
            return False
        if self.status == "closed" and case.closed_date is None:
            return False
        if self.search and self.search.strip().lower() not in case.reference.lower():
            return False
        if self.case_type and case.case_type != self.case_type:
            return False
        if self.tier_letter:
            wanted = "" if self.tier_letter == UNTIERED else self.tier_letter
            if tier_letter(case.tier) != wanted:
                return False
        if self.flag == MAPPA_FILTER:
            return case.mappa_level is not None
        return not self.flag or self.flag in case.flags

    def filterAcceptsRow(  # noqa: N802 - Qt override
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if isinstance(model, CaseTableModel):  # straight to the Case: no index, no data() call
            return 0 <= source_row < model.rowCount() and self.accepts(model.item(source_row))
        case = model.index(source_row, 0, source_parent).data(CASE_ROLE)
        return isinstance(case, Case) and self.accepts(case)
