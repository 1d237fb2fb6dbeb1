"""Tab moves between controls everywhere; arrows move within a table (issue: Tab was trapped in
the Caseload, Time and Supervision tables, the buttons after them ~360 presses away)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.ui.app_walk import open_everything
from ui.shell.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def themed(qapp):
    """The app's own style, as main.py installs it; the shared application's look put back."""
    style = qapp.style().name()
    palette, sheet = qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def test_no_item_view_in_the_app_keeps_tab_for_itself(themed, demo_window, store_for_import):
    from ui.caseload.import_dialog import ImportDialog

    open_everything(demo_window)
    dialog = ImportDialog(store_for_import, demo_window)  # a table inside a dialog, too
    views = demo_window.findChildren(QAbstractItemView) + dialog.findChildren(QAbstractItemView)
    assert len(views) >= 10  # cases, week, agenda, actions, charts, settings tables...
    trapping = [v.objectName() or v.accessibleName() or type(v).__name__
                for v in views if v.tabKeyNavigation()]
    assert trapping == []
    dialog.deleteLater()


@pytest.fixture
def store_for_import(db):
    from core.caseload.cases import CaseStore

    return CaseStore(db)


def test_tab_from_the_cases_table_reaches_new_case(themed, demo_window, qtbot):
    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.table.setCurrentIndex(view.table.model().index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.new_button
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # arrows still move within the table
    assert view.table.currentIndex().row() == 1
