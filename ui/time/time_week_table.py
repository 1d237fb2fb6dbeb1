"""The Time view's week table: its look, and the day, note and gap rows laid across it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView, QWidget

from core.time.working_week import Gap
from ui.time.time_table_model import COL_NOTE, COL_TIME, COL_WMT, TimeTableModel
from ui.widgets.column_widths import keep_columns_fitted


def week_table(proxy: QSortFilterProxyModel) -> QTableView:
    """One row per entry, selectable whole, read-only: entries are changed through dialogs."""
    table = QTableView()
    table.setObjectName("timeTable")
    table.setAccessibleName("Time logged this week")
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Each column as wide as what it holds (fitted again after the rows are laid out, so a
    # day's heading across the row is not measured); Note takes the rest, and an activity
    # longer than a quarter of the table is read whole in its tooltip.
    table.fit_columns = keep_columns_fitted(  # type: ignore[attr-defined]
        table, COL_NOTE, widest=0.25, on_model_changes=False)
    return table


def lay_out_rows(
    table: QTableView,
    model: TimeTableModel,
    proxy: QSortFilterProxyModel,
    fill_gap: Callable[[Gap], None],
) -> None:
    """Day headings and notes span the row; a gap gets a Fill… button where the WMT column is.

    Each button is named with its day (two days can have the same hours free, and a screen
    reader would hear one button twice), and Tab reaches the buttons straight after the table,
    top to bottom, before the buttons under it."""
    table.clearSpans()
    previous: QWidget = table
    fit_after = getattr(table, "fit_columns", None)
    columns = model.columnCount()
    for row, week_row in enumerate(model.rows()):
        if week_row.kind in ("day", "note"):
            table.setSpan(row, COL_TIME, 1, columns)
        elif week_row.kind == "gap":
            table.setSpan(row, COL_TIME, 1, COL_WMT)
            button = QPushButton("Fill…")
            gap = week_row.item
            button.setAccessibleName(
                f"Fill {gap.date:%A %d %B} {model.index(row, COL_TIME).data()}")
            button.clicked.connect(lambda _=False, g=gap: fill_gap(g))
            table.setIndexWidget(proxy.index(row, COL_WMT), button)
            QWidget.setTabOrder(previous, button)
            previous = button
    if fit_after is not None:
        fit_after()
