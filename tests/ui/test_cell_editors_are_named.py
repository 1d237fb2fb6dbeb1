"""A table cell's editor is named after its cell: F2 on a Weightings cell gave a screen reader
a nameless "text" while the user typed over a scoring number (the tester: focus "text ''")."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from core.caseload.cases import CaseStore
from ui.settings.weightings_page import WeightingsPage
from ui.shell.hub import Hub
from ui.widgets.line_field import LineField

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _edit(qtbot, table, index):
    table.window().show()
    table.window().activateWindow()
    qtbot.waitUntil(table.window().isActiveWindow)
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    return editor


def test_the_weightings_cell_editor_says_which_weighting(qtbot, db):
    page = WeightingsPage(db, Hub(), today=lambda: date(2026, 11, 25))
    qtbot.addWidget(page)
    index = page.table.model().index(0, 0)
    said = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    editor = _edit(qtbot, page.table, index)
    assert isinstance(editor, LineField | QSpinBox)  # a text cell's: read whole
    assert editor.accessibleName() == said and said  # "Community, A3", as the cell was
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_the_wmt_set_up_counts_editor_says_which_count(qtbot, db):
    from ui.caseload.wmt_setup_dialog import WmtSetupDialog

    dialog = WmtSetupDialog(CaseStore(db), date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.tables[0]
    model = table.model()
    index = model.index(1, 0)
    editor = _edit(qtbot, table, index)
    tier = model.headerData(1, Qt.Orientation.Vertical)
    kind = model.headerData(0, Qt.Orientation.Horizontal)
    assert editor.accessibleName() == f"{tier}, {kind}"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_text_cells_editor_holds_its_text_selected_keeps_it_on_return_and_not_on_escape(
        qtbot, db):
    page = WeightingsPage(db, Hub(), today=lambda: date(2026, 11, 25))
    qtbot.addWidget(page)
    model = page.table.model()
    index = model.index(0, 0)
    was = index.data()
    editor = _edit(qtbot, page.table, index)
    assert isinstance(editor, LineField) and editor.text() == was
    assert editor.selectedText() == was  # typed over, as Qt's own editor was
    qtbot.keyClicks(editor, "140")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert index.data() == was
    editor = _edit(qtbot, page.table, index)
    qtbot.keyClicks(editor, "140")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert index.data() == "140" and QApplication.focusWidget() is page.table
