"""A table whose rows change beside the one the keyboard is on keeps that row current, without
choosing it again: after Ctrl+Z brought back a reduction (or took one back) the table was
reset, the row under the keyboard chosen anew, and Orca read it again ("Court duty. 3 hours a
week. 20/07/2026. open.") though it had not moved."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from ui.widgets.list_table_model import OBJECT_ROLE, Column, ListTableModel, RawSortProxy

pytestmark = pytest.mark.qt_log_ignore("does not support")


@dataclass(frozen=True)
class Row:
    id: int
    reason: str


COLUMNS = [Column("Reason", lambda r: r.reason)]
COURT, SPOC, MENTOR = Row(1, "Court duty"), Row(2, "Single point of contact lead"), \
    Row(3, "Mentoring")


@pytest.fixture
def table(qtbot):
    model = ListTableModel(COLUMNS)
    proxy = RawSortProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    qtbot.addWidget(view)
    model.set_items([COURT, SPOC])
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.selectionModel().setCurrentIndex(
        proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.moved = []  # type: ignore[attr-defined]
    view.selectionModel().currentChanged.connect(
        lambda now, _was: view.moved.append(now.data(OBJECT_ROLE)))  # type: ignore[attr-defined]
    return model, view


def _on(view) -> Row:
    return view.currentIndex().data(OBJECT_ROLE)


def test_a_row_going_or_coming_beside_the_keyboard_leaves_it_where_it_is(table):
    model, view = table
    for rows in ([COURT], [COURT, SPOC], [MENTOR, COURT, SPOC], [COURT, SPOC],
                 [COURT, Row(2, "SPOC lead")]):  # gone, back, one before it, gone, renamed
        model.set_items(rows)
        assert _on(view) == COURT, rows
        assert view.selectionModel().isRowSelected(view.currentIndex().row())
    assert view.moved == [], "the row under the keyboard was chosen again"


def test_the_row_under_the_keyboard_going_still_lands_on_its_neighbour(table):
    model, view = table
    model.set_items([SPOC])  # the row the keyboard was on has gone: a reset, as before
    assert _on(view) != COURT
