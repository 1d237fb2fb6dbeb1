"""The row a screen reader reads as Tab arrives in a table is the row its actions act on: Tab into
Supervision's "On the agenda" read a row, but Return and Delete did nothing (and Edit note… and
Delete note stayed disabled) until Space chose it. Every table of rows in every view and page is
checked: arriving by keyboard chooses the row it is on, and a click still chooses its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from tests.ui.app_walk import each_place

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")
ROWS = QAbstractItemView.SelectionBehavior.SelectRows
NONE = QAbstractItemView.SelectionMode.NoSelection


def _row_tables(window) -> list[QAbstractItemView]:  # type: ignore[no-untyped-def]
    return [v for v in window.findChildren(QAbstractItemView)
            if v.isVisible() and v.selectionBehavior() == ROWS and v.selectionMode() != NONE
            and v.model() is not None and v.model().rowCount() > 0]


def test_tab_into_any_table_chooses_the_row_it_is_on(demo_window, qtbot):
    win = demo_window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    checked, problems = [], []
    for place in each_place(win):
        for view in _row_tables(win):
            name = f"{place}: {view.accessibleName() or view.objectName()}"
            win.nav.setFocus()
            view.clearSelection()
            view.selectionModel().clearCurrentIndex()
            view.setFocus(Qt.FocusReason.TabFocusReason)
            rows = [i.row() for i in view.selectionModel().selectedRows()]
            current = view.currentIndex()
            if not current.isValid() or rows != [current.row()]:
                problems.append(f"{name}: current {current.row()}, chosen {rows}")
            checked.append(name)
            win.nav.setFocus()
            view.clearSelection()  # a row the keyboard left stays current: chosen again on return
            view.setFocus(Qt.FocusReason.BacktabFocusReason)
            if [i.row() for i in view.selectionModel().selectedRows()] != [current.row()]:
                problems.append(f"{name}: coming back by Shift+Tab chose nothing")
    assert problems == []
    assert len(checked) >= 8, checked  # cases, week, agenda, sessions, settings tables…


def test_a_click_chooses_its_own_row_not_the_first(demo_window, qtbot):
    win = demo_window
    win.show_view("caseload")
    table = win.view("caseload").table
    table.clearSelection()
    table.selectionModel().clearCurrentIndex()
    win.nav.setFocus()
    third = table.visualRect(table.model().index(2, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=third)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [2]


def test_return_and_delete_on_the_agenda_row_tab_reached(demo_window, qtbot):
    from ui.supervision.agenda_note_dialog import AgendaNoteDialog

    win = demo_window
    win.show_view("supervision")
    view = win.view("supervision")
    agenda = view.agenda_view
    assert agenda.model().rowCount() > 0, "the demo data has notes on the agenda"
    agenda.clearSelection()
    agenda.selectionModel().clearCurrentIndex()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    before = agenda.model().rowCount()
    previous = agenda.previousInFocusChain()
    while not (previous.isVisible() and previous.isEnabled()
               and previous.focusPolicy() & Qt.FocusPolicy.TabFocus):
        previous = previous.previousInFocusChain()
    previous.setFocus()
    QTest.keyClick(previous, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is agenda
    assert view.edit_note_button.isEnabled() and view.delete_note_button.isEnabled()
    heard = agenda.currentIndex().siblingAtColumn(1).data()
    opened: list[object] = []

    def close_what_opened() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, close_what_opened)
            return
        opened.append((type(dialog), dialog.windowTitle()))
        if isinstance(dialog, AgendaNoteDialog):
            opened.append(dialog.text.toPlainText())
        dialog.reject()

    QTimer.singleShot(0, close_what_opened)
    QTest.keyClick(agenda, Qt.Key.Key_Return)
    assert opened and opened[0][0] is AgendaNoteDialog
    assert heard and heard.split("…")[0].strip() in " ".join(str(o) for o in opened)
    opened.clear()
    win.activateWindow()  # as the desktop does once the dialog has closed
    qtbot.waitUntil(win.isActiveWindow)
    assert QApplication.focusWidget() is agenda
    QTimer.singleShot(0, close_what_opened)
    QTest.keyClick(agenda, Qt.Key.Key_Delete)
    assert opened == [(QMessageBox, "Delete note")]
    assert agenda.model().rowCount() == before  # Escape: the note stays


def test_a_file_choosers_list_is_left_alone(qtbot, tmp_path):
    """Choosing the first file as the keyboard arrives would fill the name a Save writes to."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from ui.widgets import current_row

    current_row.install()
    (tmp_path / "summary.pdf").write_bytes(b"%PDF-1.4 the last summary")
    chooser = QFileDialog(None, "Save the summary as PDF", str(tmp_path), "PDF (*.pdf)")
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chooser.setViewMode(QFileDialog.ViewMode.Detail)  # rows, as a table would have them
    qtbot.addWidget(chooser)
    chooser.show()
    chooser.activateWindow()  # focus arrives only in the active window
    qtbot.waitUntil(chooser.isActiveWindow)
    name = next(f for f in chooser.findChildren(QLineEdit) if f.objectName() == "fileNameEdit")
    lists = [v for v in chooser.findChildren(QAbstractItemView) if v.isVisible()]
    qtbot.waitUntil(lambda: any(v.model() is not None and v.model().rowCount(v.rootIndex())
                                for v in lists))
    for view in lists:
        view.setFocus(Qt.FocusReason.TabFocusReason)
        assert not view.selectionModel().hasSelection()
    assert name.text() == ""



def _tab_into(qtbot, window, table, start) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus()  # a control outside the table: Tab inside it would move from cell to cell
    for _press in range(40):  # as a keyboard user gets there
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is table:
            return
    raise AssertionError("Tab never reached the table")


def test_tab_into_a_table_of_cells_chooses_the_cell_it_is_on(qtbot, db):
    """Settings, Weightings: Tab into "Tier points" said the table and no row (its cells are
    typed over one by one, and arriving chose none for a screen reader to follow)."""
    from ui.settings.weightings_page import WeightingsPage
    from ui.shell.hub import Hub
    from ui.widgets import current_row

    current_row.install()
    page = WeightingsPage(db, Hub())
    qtbot.addWidget(page)
    _tab_into(qtbot, page, page.table, page.effective)
    current = page.table.currentIndex()
    assert current.isValid()
    assert page.table.selectionModel().selectedIndexes() == [current]


def test_a_table_that_chooses_nothing_tells_its_current_cell(qtbot, db, monkeypatch):
    """"Delete closed cases?" lists the cases to read, not to choose: arriving said the table
    ("table with 10 rows 3 columns") and no row. The current cell is told as the focus."""
    from datetime import date

    from PySide6.QtGui import QAccessible

    from core.caseload.cases import CaseStore
    from core.caseload.models import Case
    from ui.caseload.retention_review_dialog import RetentionReviewDialog
    from ui.widgets import current_row

    current_row.install()
    store = CaseStore(db)
    for ref in ("C02", "C03"):
        case = store.add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
        store.close_case(case.id, date(2025, 6, 1), "completed")
    told: list[tuple[object, int]] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(
        lambda event: told.append((event.object(), event.child()))
        if event.type() == QAccessible.Event.Focus else None))
    dialog = RetentionReviewDialog(store.list_cases("closed"), 30)
    qtbot.addWidget(dialog)
    _tab_into(qtbot, dialog, dialog.table, dialog.keep_button)
    qtbot.waitUntil(lambda: any(o is dialog.table for o, _ in told))
    current = dialog.table.currentIndex()
    assert current.isValid()
    table = QAccessible.queryAccessibleInterface(dialog.table)
    child = [c for o, c in told if o is dialog.table][-1]  # the last said is what is heard
    cell = table.child(child)
    assert cell.role() == QAccessible.Role.Cell
    assert cell.text(QAccessible.Text.Name) == current.data() == "C02"


def test_tab_into_a_list_chooses_its_row_without_an_error(qtbot):
    """A plain list (a list model has no columns to ask about): Tab into it chose its first row
    by asking the model for its columns, which a list model does not answer, and the error
    stopped the row being chosen (seen in the theme's window test as an error in the event loop)."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

    from ui.widgets import current_row

    current_row.install()  # as the window does
    host = QWidget()
    layout = QVBoxLayout(host)
    before = QLineEdit()
    view = QListView()
    view.setModel(QStringListModel(["C01", "C02", "C03"]))
    layout.addWidget(before)
    layout.addWidget(view)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    before.setFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
