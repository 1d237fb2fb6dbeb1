"""A small read-only table model over a list of dataclasses, described by column definitions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, Sequence, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # raw value to sort by (dates as dates, numbers)
OBJECT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the dataclass behind the row


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the text shown, and the raw value it sorts by."""

    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str | None] | None = None
    align_right: bool = False
    # What a screen reader says for the cell where the text shown abbreviates ("DA" is said
    # "Domestic abuse"); None: the text shown.
    spoken: Callable[[T], str] | None = None


class ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows are items; columns come from `Column` definitions. Replace the rows with `set_items`."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._items: list[T] = []
        self._given: list[T] = []  # as set_items had them: ties keep this order in any sort
        self._order: list[int] = []  # each row's place in _given
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self.sorting = False  # True while a sort moves the rows (the same rows, the same texts)

    def set_items(self, items: Sequence[T]) -> None:
        """Replace the rows. Where the new rows are the old ones with a run of rows added, or
        taken away from beside the rows in use, or rows changed in place (the same record,
        found by its id), only that is told to the views, and the row the keyboard is on stays
        current: a reset made the view choose its row again, and a screen reader read that row
        again after an undo that left it where it was ("Brought back the reduction …", then
        "Court duty. 3 hours a week. …")."""
        old = self._items
        self._given = list(items)  # the views see `_items`, the old rows, until told
        if not self._told_in_place(old, self._placed()):
            self.beginResetModel()
            self._place()
            self.endResetModel()

    def _placed(self) -> list[T]:
        """The rows `_place` would make of `_given`, without making them yet."""
        items, order = self._items, self._order
        self._place()
        placed = self._items
        self._items, self._order = items, order
        return placed

    def _told_in_place(self, old: list[T], new: list[T]) -> bool:
        """Tell the views of a change short of a reset, if it is one (True); else nothing."""
        start = 0
        while start < len(old) and start < len(new) and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old, end_new = end_old - 1, end_new - 1
        gone, came = old[start:end_old], new[start:end_new]
        if gone and came:
            if len(gone) != len(came) or any(
                    getattr(a, "id", None) is None or getattr(a, "id", None)
                    != getattr(b, "id", None) for a, b in zip(gone, came)):
                return False
            self._place()  # the same records, changed where they are
            self.dataChanged.emit(self.index(start, 0),
                                  self.index(end_old - 1, len(self._columns) - 1))
            return True
        if gone:
            # The row under the keyboard going is left to a reset, after which the row the
            # keyboard lands on is chosen and read once (ui.widgets.vanished_row).
            row = self._keyboard_row()
            if row is None or start <= row < end_old:
                return False
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self._place()
            self.endRemoveRows()
        elif came:
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self._place()
            self.endInsertRows()
        else:
            self._place()  # nothing changed
        return True

    def _keyboard_row(self) -> int | None:
        """The row of this model the keyboard is on, in the focused table (through its
        proxies), or None when the keyboard is not in a table showing this model."""
        from PySide6.QtCore import QAbstractProxyModel
        from PySide6.QtWidgets import QAbstractItemView, QApplication

        view = QApplication.focusWidget()
        if not isinstance(view, QAbstractItemView):
            return None
        index, model = view.currentIndex(), view.model()
        while model is not self and isinstance(model, QAbstractProxyModel):
            index, model = model.mapToSource(index), model.sourceModel()
        return index.row() if model is self and index.isValid() else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Put the rows in the order of `column`'s sort values (Column.sort, else its text), each
        worked out once per row rather than once per comparison; blank values (None) last either
        way, rows with equal values in the order they were given. Persistent indexes (the
        selection, the current row) follow their rows; items set later keep the same order."""
        if not 0 <= column < len(self._columns):
            return
        self.sorting = True
        try:
            self.layoutAboutToBeChanged.emit()
            was = self._order  # row -> position in _given
            self._sorted = (column, order)
            self._place()
            row_of = {given: row for row, given in enumerate(self._order)}
            old = self.persistentIndexList()
            self.changePersistentIndexList(old, [
                self.index(row_of[was[index.row()]], index.column())
                if 0 <= index.row() < len(was) else QModelIndex() for index in old])
            self.layoutChanged.emit()
        finally:
            self.sorting = False

    def _place(self) -> None:
        """`_order` (and `_items` in it): the given items in the sort chosen, if any."""
        self._order = list(range(len(self._given)))
        if self._sorted is not None:
            column, order = self._sorted
            key = self._columns[column].sort or self._columns[column].text
            values = [key(item) for item in self._given]
            blank = [row for row in self._order if values[row] is None]
            valued = [row for row in self._order if values[row] is not None]
            descending = order == Qt.SortOrder.DescendingOrder
            try:
                valued.sort(key=values.__getitem__, reverse=descending)
            except TypeError:  # values of more than one kind: compared as text, as before
                valued.sort(key=lambda row: str(values[row]), reverse=descending)
            self._order = valued + blank
        self._items = [self._given[row] for row in self._order]

    def items(self) -> list[T]:
        return list(self._items)

    def item(self, row: int) -> T:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._columns)

    def text(self, row: int, column: int) -> str:
        """What `data` shows in a cell, without a model index (fitting columns to 600 rows)."""
        return self._columns[column].text(self._items[row])

    def sort_value(self, row: int, column: int) -> Any:
        """What `data` gives for SORT_ROLE, without a model index (sorting calls it n log n
        times)."""
        column_ = self._columns[column]
        item = self._items[row]
        return column_.sort(item) if column_.sort else column_.text(item)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            return column.sort(item) if column.sort else column.text(item)
        if role == OBJECT_ROLE:
            return item
        if role == Qt.ItemDataRole.AccessibleTextRole and column.spoken is not None:
            return column.spoken(item) or None
        if role == Qt.ItemDataRole.ToolTipRole:
            # The cell's text, then the column's own tooltip: a cell too narrow for its text
            # (a 12-character reference, four flags) is read whole on hovering.
            text, tip = column.text(item), column.tooltip(item) if column.tooltip else None
            if not tip or text in tip:
                return tip or text or None
            return f"{text}\n{tip}" if text else tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None


class RawSortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE with Python comparison; rows without a value go last."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.sorting = False  # as ListTableModel.sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort a ListTableModel itself (each value worked out once, ListTableModel.sort), the
        proxy keeping its rows in that order: a Python `lessThan` per comparison was most of
        sorting 600 cases. A proxy that leaves out columns, or another model, sorts here."""
        model = self.sourceModel()
        if (isinstance(model, ListTableModel) and self.sortRole() == SORT_ROLE
                and self.columnCount() == model.columnCount() and column >= 0):
            if self.sortColumn() != -1:
                super().sort(-1)  # the source's order, not one of the proxy's own
            self.sorting = True
            try:
                model.sort(column, order)
            finally:
                self.sorting = False
            return
        super().sort(column, order)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        if isinstance(model, ListTableModel) and self.sortRole() == SORT_ROLE:
            # Straight to the values: two data() calls through Qt for each comparison were
            # most of sorting 600 cases.
            a = model.sort_value(left.row(), left.column())
            b = model.sort_value(right.row(), right.column())
        else:
            a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            # Blank values stay at the bottom whichever way the column is sorted.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (a is not None and b is None) == ascending
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
