"""The Time view's week table: its look, and the day, note and gap rows laid across it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

from core.time.working_week import Gap
from ui.time.time_table_model import COL_NOTE, COL_TIME, COL_WMT, TimeTableModel


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
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Fits a 1024-pixel screen with Note (which stretches) still readable; a longer activity
    # is read whole in its tooltip.
    for column, width in enumerate((110, 140, 230, 80, 200, 150)):
        table.setColumnWidth(column, width)
    return table


def lay_out_rows(
    table: QTableView,
    model: TimeTableModel,
    proxy: QSortFilterProxyModel,
    fill_gap: Callable[[Gap], None],
) -> None:
    """Day headings and notes span the row; a gap gets a Fill… button where the WMT column is."""
    table.clearSpans()
    columns = model.columnCount()
    for row, week_row in enumerate(model.rows()):
        if week_row.kind in ("day", "note"):
            table.setSpan(row, COL_TIME, 1, columns)
        elif week_row.kind == "gap":
            table.setSpan(row, COL_TIME, 1, COL_WMT)
            button = QPushButton("Fill…")
            button.setAccessibleName(f"Fill {model.index(row, COL_TIME).data()}")
            button.clicked.connect(lambda _=False, g=week_row.item: fill_gap(g))
            table.setIndexWidget(proxy.index(row, COL_WMT), button)
