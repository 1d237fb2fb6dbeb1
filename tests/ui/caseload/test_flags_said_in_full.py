"""A flag is said in its own words where the Caseload table abbreviates it: Orca read the Flags
cell of a case with Domestic abuse ticked as "DA", an abbreviation never explained."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTableView

from ui.caseload.case_table_model import CASE_ROLE, COL_FLAGS

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_flags_cell_is_said_in_full(demo_window, qtbot):
    window = demo_window
    window.show_view("caseload")
    table = window.view("caseload").findChild(QTableView)
    model = table.model()
    rows = [r for r in range(model.rowCount())
            if "domestic_abuse" in model.index(r, 0).data(CASE_ROLE).flags]
    assert rows, "the demo caseload has a case with Domestic abuse ticked"
    row = rows[0]
    shown = model.index(row, COL_FLAGS).data()
    assert "DA" in shown.split(", ")  # the table still shows it short
    iface = QAccessible.queryAccessibleInterface(table)
    names = [iface.child(i).text(QAccessible.Text.Name) for i in range(iface.childCount())
             if iface.child(i) is not None]
    assert model.index(row, 0).data() in names  # cells say their own text
    flags = [n for n in names if "abuse" in n or n == shown]
    assert flags and all("Domestic abuse" in n for n in flags), flags
