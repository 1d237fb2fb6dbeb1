"""The Time view's week table: its look, and the day, note and gap rows laid across it.

A gap's Fill… is drawn in its row, not a button widget put in the table: a widget inside a
table is a child the table's accessible cannot number ("QAccessibleTable::indexOfChild Fix my
children"), and Orca 43, reading the week again after a deletion rebuilt those buttons, stopped
answering keys. The gap row is a cell like any other: Return (or a click on Fill…) fills it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTableView,
)

from core.time.working_week import Gap
from ui.time.time_table_model import (COL_DURATION, COL_NOTE, COL_TIME, COL_WMT, ROW_ROLE,
                                      TimeTableModel)
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
    # longer than a quarter of the table is read whole in its tooltip. A duration is never cut
    # ("1 hour 30 mi…" at 200%): the others give way.
    table.fit_columns = keep_columns_fitted(  # type: ignore[attr-defined]
        table, COL_NOTE, widest=0.25, on_model_changes=False, whole=(COL_DURATION,))
    return table


class _FillDelegate(QStyledItemDelegate):
    """A gap row's last cell drawn as a Fill… button; a click on it fills the gap."""

    def __init__(self, table: QTableView, fill_gap: Callable[[Gap], None]):
        super().__init__(table)
        self.fill_gap = fill_gap

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(index.data(ROW_ROLE), Gap):
            super().paint(painter, option, index)
            return
        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(2, 2, -2, -2)
        button.text = str(index.data() or "")
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        if option.state & QStyle.StateFlag.State_MouseOver:
            button.state |= QStyle.StateFlag.State_MouseOver
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)

    def editorEvent(self, event, model, option, index) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        gap = index.data(ROW_ROLE)
        if (isinstance(gap, Gap) and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and option.rect.contains(event.position().toPoint())):
            self.fill_gap(gap)
            return True
        return super().editorEvent(event, model, option, index)


def lay_out_rows(
    table: QTableView,
    model: TimeTableModel,
    proxy: QSortFilterProxyModel,
    fill_gap: Callable[[Gap], None],
) -> None:
    """Day headings and notes span the row; a gap spans all but its last cell, its Fill…"""
    table.clearSpans()
    if not isinstance(table.itemDelegateForColumn(COL_WMT), _FillDelegate):
        table.setItemDelegateForColumn(COL_WMT, _FillDelegate(table, fill_gap))
    fit_after = getattr(table, "fit_columns", None)
    columns = model.columnCount()
    for row, week_row in enumerate(model.rows()):
        if week_row.kind in ("day", "note"):
            table.setSpan(row, COL_TIME, 1, columns)
        elif week_row.kind == "gap":
            table.setSpan(row, COL_TIME, 1, COL_WMT)
    if fit_after is not None:
        fit_after()
