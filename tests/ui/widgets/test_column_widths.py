"""Columns as wide as what they hold: a cut Flags cell beside a half-empty Status column was the
fault ("MAPPA 2, I…" while "Active" sat in a column three times its width)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from ui.widgets.column_widths import PADDING, keep_columns_fitted

ROWS = [("C01", "MAPPA 2, IOM, domestic abuse, safeguarding", "Active"),
        ("C02", "", "Active (warrant)"), ("C03", "DA", "Active")]


def _table(qtbot, width: int) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Reference", "Flags", "Status"])
    for row in ROWS:
        model.appendRow([QStandardItem(text) for text in row])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(width, 300)
    table.show()
    return table, model


def test_each_column_is_as_wide_as_its_widest_text_and_flags_takes_the_rest(qtbot):
    table, model = _table(qtbot, 700)
    keep_columns_fitted(table, stretch=1)
    metrics = table.fontMetrics()
    status = max(metrics.horizontalAdvance(t) for t in ("Active (warrant)", "Status"))
    assert status + PADDING <= table.columnWidth(2) <= status + PADDING + 12
    flags_text = metrics.horizontalAdvance(ROWS[0][1]) + PADDING
    assert table.columnWidth(1) >= flags_text  # room for the whole flags at this width


def test_a_new_longer_value_widens_its_column(qtbot):
    table, model = _table(qtbot, 700)
    keep_columns_fitted(table, stretch=1)
    before = table.columnWidth(2)
    model.appendRow([QStandardItem(t) for t in ("C04", "", "Closed, and kept for review")])
    assert table.columnWidth(2) > before


def test_no_column_takes_more_than_its_share_of_a_narrow_table(qtbot):
    table, model = _table(qtbot, 300)
    model.item(0, 2).setText("Active " * 20)
    keep_columns_fitted(table, stretch=1, widest=0.34)
    assert table.columnWidth(2) <= table.viewport().width() * 0.34 + 1
