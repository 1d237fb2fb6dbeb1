"""Sorting the caseload by a column heading: the order each column promises, blanks last, equal
values in a steady order, and the selected case still selected (and where the keyboard is)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from ui.caseload.case_table_model import COL_NEXT_DUE, COL_REFERENCE, COL_TIER, COL_TYPE
from ui.caseload.caseload_view import CaseloadView
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def store(db):
    return CaseStore(db)


@pytest.fixture
def view(qtbot, db, hub):
    widget = CaseloadView(db, hub)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def add(store: CaseStore, ref: str, **kw) -> Case:
    values = dict(case_type="community", tier="C2", start_date=date(2026, 1, 5))
    values.update(kw)
    return store.add_case(Case(reference=ref, **values))


def shown_refs(view: CaseloadView) -> list[str]:
    return [view.proxy.index(r, COL_REFERENCE).data() for r in range(view.proxy.rowCount())]


def test_the_selected_case_stays_selected_and_current_through_a_sort(view, store, hub, qtbot):
    for ref, tier in (("C01", "A3"), ("C02", "D0"), ("C03", "B1"), ("C04", "C2")):
        add(store, ref, tier=tier)
    hub.casesChanged.emit()
    view.table.sortByColumn(COL_REFERENCE, ASCENDING)
    chosen = next(c for c in view.model.items() if c.reference == "C03")
    assert view.select_case(chosen.id)
    view.table.sortByColumn(COL_TIER, DESCENDING)
    assert shown_refs(view) == ["C01", "C03", "C04", "C02"]
    selected = view.selected_case()
    assert selected is not None and selected.reference == "C03"
    assert view.table.currentIndex().row() == 1
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # on from where the case now is
    after = view.selected_case()
    assert after is not None and after.reference == "C04"


def test_blank_values_go_last_whichever_way_a_column_is_sorted(view, store, hub):
    add(store, "C01", next_review_due=date(2026, 3, 1))
    add(store, "C02")  # nothing due: blank
    add(store, "C03", next_review_due=date(2026, 2, 1))
    hub.casesChanged.emit()
    view.filter_bar.set_status("all")
    view.table.sortByColumn(COL_NEXT_DUE, ASCENDING)
    assert shown_refs(view) == ["C03", "C01", "C02"]
    view.table.sortByColumn(COL_NEXT_DUE, DESCENDING)
    assert shown_refs(view) == ["C01", "C03", "C02"]


def test_equal_values_keep_one_order_whichever_column_was_sorted_before(view, store, hub):
    for ref, case_type in (("C03", "custody"), ("C01", "community"), ("C04", "custody"),
                           ("C02", "community")):
        add(store, ref, case_type=case_type)
    hub.casesChanged.emit()
    orders = []
    for before in (COL_REFERENCE, COL_TIER):
        view.table.sortByColumn(before, DESCENDING)
        view.table.sortByColumn(COL_TYPE, ASCENDING)
        orders.append(shown_refs(view))
    assert orders[0] == orders[1]
    community, custody = orders[0][:2], orders[0][2:]
    assert sorted(community) == ["C01", "C02"] and sorted(custody) == ["C03", "C04"]


def test_a_case_added_later_takes_its_place_in_the_chosen_order(view, store, hub):
    for ref in ("C05", "C01", "C09"):
        add(store, ref)
    hub.casesChanged.emit()
    view.table.sortByColumn(COL_REFERENCE, DESCENDING)
    add(store, "C07")
    hub.casesChanged.emit()
    assert shown_refs(view) == ["C09", "C07", "C05", "C01"]
    view.filter_bar.search.setText("C0")
    assert shown_refs(view) == ["C09", "C07", "C05", "C01"]
    view.filter_bar.search.setText("C05")
    assert shown_refs(view) == ["C05"]
