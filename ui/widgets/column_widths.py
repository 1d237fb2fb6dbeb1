"""Columns as wide as what they hold, so one column is not cut ("MAPPA 2, I…", "joint wit…")
while its neighbours stand half empty; the column that holds free text takes what is left."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.widgets.list_table_model import ListTableModel
from ui.widgets.qt_guard import qt_override

PADDING = 20  # pixels either side of a cell's text and the header's sort arrow, near enough
ROWS_MEASURED = 400  # a caseload or a week never has more; a longer list keeps its first widths
# A table narrower than this (640 logical pixels at 200% on a 1280x800 screen) scrolls sideways
# inside itself rather than cut every column to fit: "08/0…" for a date, "Cust…" for Custody.
NARROW_TABLE = 600


def fit_columns(table: QTableView, stretch: int, widest: float = 0.34,
                plain: bool = False, whole: tuple[int, ...] = ()) -> None:
    """Each column but `stretch` as wide as its widest cell or its heading (none wider than
    `widest` of the table, so one long activity cannot take the row); `stretch` gets the rest.
    Cells that span the row (a day's heading) or hold a widget are not measured; `plain` says
    the table has none, and saves asking for each cell (a caseload of 600 is 4,200 cells).
    The `whole` columns (a case's reference) are never cut to make room: the others give way."""
    model, header = table.model(), table.horizontalHeader()
    if model is None:
        return
    metrics = table.fontMetrics()
    header_metrics = table.horizontalHeader().fontMetrics()
    room = table.viewport().width()
    limit = max(int(room * widest), 80)
    rows = min(model.rowCount(), ROWS_MEASURED)
    text = _cell_text(model, rows)
    advances: dict[str, int] = {}  # each distinct text measured once (types, tiers, dates)
    widths: dict[int, int] = {}
    for column in range(model.columnCount()):
        if column == stretch or table.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_metrics.horizontalAdvance(title) + PADDING + 12  # the sort arrow
        for row in range(rows):
            if not plain and (table.columnSpan(row, column) > 1
                              or table.indexWidget(model.index(row, column))):
                continue
            shown = text(row, column)
            if isinstance(shown, str) and shown:
                advance = advances.get(shown)
                if advance is None:
                    advance = advances[shown] = metrics.horizontalAdvance(shown)
                width = max(width, advance + PADDING)
        widths[column] = width if column in whole else min(width, limit)
    # Together they leave the free-text column room for its heading at least; when they would
    # not, the widest give way first, so no column ends past the table's edge.
    title = str(model.headerData(stretch, Qt.Orientation.Horizontal) or "")
    heading = header_metrics.horizontalAdvance(title) + PADDING + 12
    spare = room - heading
    scrolls = room < NARROW_TABLE and sum(widths.values()) > spare
    kept = sum(width for column, width in widths.items() if column in whole)
    whole = whole if kept < spare / 2 else ()  # and never so wide that the others vanish
    others = [width for column, width in widths.items() if column not in whole]
    cap = max(widths.values(), default=0) if scrolls else \
        _cap_to_fit(others, spare - (kept if whole else 0))
    for column, width in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width if column in whole else min(width, cap))
    if scrolls:  # the free-text column keeps its heading's width; the table scrolls to it
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(stretch, max(heading, limit))
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _cell_text(model: QAbstractItemModel, rows: int) -> Callable[[int, int], object]:
    """The text shown in (row, column) of the first `rows` rows. For a ListTableModel, or a
    proxy over one, read from the model's columns straight (each row mapped once), not through
    a model index and data() per cell: those were most of filtering 600 cases. (A proxy
    that leaves out columns is read through its indexes.)"""
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    if not isinstance(source, ListTableModel) or model.columnCount() != source.columnCount():
        return lambda row, column: model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
    if source is model:
        return source.text
    source_rows = [model.mapToSource(model.index(row, 0)).row() for row in range(rows)]
    return lambda row, column: source.text(source_rows[row], column)


def _cap_to_fit(widths: list[int], total: int) -> int:
    """The largest width c such that the widths, none wider than c, add up to `total` at most
    (no cap when they fit already)."""
    if sum(widths) <= total or not widths:
        return max(widths, default=0)
    ordered = sorted(widths)
    used = 0
    for index, width in enumerate(ordered):
        left = len(ordered) - index
        if used + width * left > total:
            return max((total - used) // left, 1)
        used += width
    return ordered[-1]


class _Refit(QObject):
    """Fits the columns again when the table is resized (the cap is a share of its width)."""

    def __init__(self, table: QTableView, stretch: int, widest: float, plain: bool = False,
                 whole: tuple[int, ...] = ()):
        super().__init__(table)
        self._table, self._stretch, self._widest, self._plain = table, stretch, widest, plain
        self._whole = whole
        self._held: list[bool] | None = None
        table.viewport().installEventFilter(self)

    def __call__(self) -> None:
        if self._held is not None:
            self._held.append(True)
            return
        fit_columns(self._table, self._stretch, self._widest, self._plain, self._whole)

    @contextmanager
    def once(self) -> Iterator[None]:
        """Fit once at the end however often the model changes inside (a filter takes rows
        out and puts rows in: two fits of the whole table where one does)."""
        outer, self._held = self._held is None, self._held if self._held is not None else []
        try:
            yield
        finally:
            if outer:
                held, self._held = self._held, None
                if held:
                    self()

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self()
        return False


def keep_columns_fitted(table: QTableView, stretch: int, widest: float = 0.34,
                        on_model_changes: bool = True, plain: bool = False,
                        whole: tuple[int, ...] = ()) -> _Refit:
    """Fit now, on each resize and (unless the owner calls the returned function itself, after
    laying out spans) each time the model's rows change. `plain`, `whole`: as for fit_columns."""
    refit = _Refit(table, stretch, widest, plain, whole)
    model = table.model()
    if on_model_changes and model is not None:
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged):
            signal.connect(lambda *_args: refit())
        # A sort puts the same rows in another order: the same texts, the same widths.
        model.layoutChanged.connect(lambda *_args: None if getattr(model, "sorting", False)
                                    else refit())
    refit()
    return refit
