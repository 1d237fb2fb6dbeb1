"""Supervision tables sized from their widest text fit every row, exactly as Qt's own sizing does."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from core.supervision.sessions import Action
from ui.widgets.list_table_model import ListTableModel
from ui.supervision.supervision_models import ACTION_COLUMNS, COL_ACTION, COL_DUE, COL_OWNER, make_table

LONG_OWNER = "Practitioner with the senior probation officer"


def _actions(count: int) -> list[Action]:
    # The longest owner is on row 121, far below what the table shows at once.
    return [
        Action(text=f"Action {i}", owner=LONG_OWNER if i == 120 else ("SPO" if i % 2 else None),
               due_date=date(2026, 1 + i % 12, 1 + i % 28) if i % 3 else None, status="open",
               id=i + 1)
        for i in range(count)
    ]


def _qt_sized_table(proxy) -> QTableView:
    """The same table with Qt measuring every row itself (the way it was before)."""
    table = QTableView()
    table.setModel(proxy)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
    return table


def _widths(table: QTableView) -> list[int]:
    return [table.columnWidth(c) for c in range(table.model().columnCount())]


def test_columns_fit_the_widest_text_in_any_row(qtbot):
    model = ListTableModel(ACTION_COLUMNS)
    table, proxy = make_table(model, COL_ACTION, "Open actions")
    reference = _qt_sized_table(proxy)
    for widget in (table, reference):
        qtbot.addWidget(widget)
        widget.resize(900, 240)
        widget.show()
    model.set_items(_actions(3))
    qtbot.waitUntil(lambda: _widths(table) == _widths(reference))
    narrow_owner = table.columnWidth(COL_OWNER)

    model.set_items(_actions(150))
    qtbot.waitUntil(lambda: _widths(table) == _widths(reference))
    assert table.columnWidth(COL_OWNER) > narrow_owner
    assert table.columnWidth(COL_OWNER) >= table.fontMetrics().horizontalAdvance(LONG_OWNER)

    for widget in (table, reference):  # rows move: still fitted
        widget.sortByColumn(COL_DUE, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _widths(table) == _widths(reference))
    assert table.columnWidth(COL_OWNER) >= table.fontMetrics().horizontalAdvance(LONG_OWNER)
