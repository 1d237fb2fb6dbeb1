"""When the row the keyboard is on goes (an undo takes back the case just added, Delete takes
out a time entry, closing a case under Active hides it), the keyboard stays in the table, on the
row that took its place (the next, else the one before), which a screen reader reads as the
keyboard lands on it (once: "Now on …" as well said it twice); Return and Delete then act on it.
A screen-reader user heard "Undone: Add C99." and nothing more, and Return then did nothing,
silently."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.time.time_table_model import ROW_ROLE
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")


@pytest.fixture
def heard():
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _active(win, qtbot):  # type: ignore[no-untyped-def]
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)


def _chosen(table) -> list[int]:  # type: ignore[no-untyped-def]
    return [i.row() for i in table.selectionModel().selectedRows()]


def _answer_next_dialog(seen: list[str]) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, close)
            return
        seen.append(dialog.windowTitle())
        dialog.reject()
    QTimer.singleShot(0, close)


def test_undoing_an_added_case_lands_on_its_neighbour_and_says_it(demo_window, qtbot, heard):
    win = demo_window
    win.show_view("caseload")
    view = win.view("caseload")
    store = CaseStore(view._db)
    case = store.add_case(Case(reference="C99", case_type="community", tier="A2",
                               start_date=date.today()))
    view._added([case], "Add C99", case)  # as New case… does once its dialog is saved
    _active(win, qtbot)
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    assert view.selected_case().reference == "C99"
    row = _chosen(view.table)[0]
    heard.clear()
    QTest.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.selected_case() is not None
                    and view.selected_case().reference != "C99")
    assert QApplication.focusWidget() is view.table
    landed = view.selected_case()
    assert _chosen(view.table) == [min(row, view.proxy.rowCount() - 1)]
    assert view.table.currentIndex().row() == _chosen(view.table)[0]  # what a reader follows
    assert heard == ["Undone: Add C99."]  # the row itself is read as the keyboard lands
    seen: list[str] = []
    _answer_next_dialog(seen)
    QTest.keyClick(view.table, Qt.Key.Key_Return)  # opens the row just heard
    assert seen == [f"Edit case {landed.reference}"]


def test_delete_in_time_lands_on_the_next_entry_and_a_second_delete_acts(demo_window, qtbot,
                                                                         heard):
    win = demo_window
    win.show_view("time")
    view = win.view("time")
    table = view.table
    store = TimeStore(view._db)
    travel = next(a.id for a in list_activities(view._db) if a.name == "Travel")
    for hour in (6, 7, 8):  # three entries today, before the demo's own
        store.log_time(TimeEntry(date.today(), 30, travel, start=time(hour), end=time(hour, 30)))
    view.refresh()
    rows = [r for r in range(table.model().rowCount())
            if type(table.model().index(r, 0).data(ROW_ROLE)).__name__ == "TimeEntry"]
    assert len(rows) >= 3, "the demo week has entries"
    _active(win, qtbot)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    table.selectRow(rows[0])
    first = view.selected_entry()
    count = len(TimeStore(view._db).entries_between(first.date, first.date))
    heard.clear()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: any(t.startswith("Deleted ") for t in heard))
    qtbot.waitUntil(lambda: view.selected_entry() is not None)  # landed on the next entry
    # The row landed on is read as the keyboard lands there: "Now on …" as well said it
    # twice, and before the deletion.
    assert not any(t.startswith("Now on") for t in heard), heard
    assert QApplication.focusWidget() is table
    second = view.selected_entry()
    assert second is not None and second.id != first.id
    QTest.keyClick(table, Qt.Key.Key_Delete)  # acts on the row heard, not silence
    assert len(TimeStore(view._db).entries_between(first.date, first.date)) <= count - 1
    assert all(e.id != second.id for e in TimeStore(view._db).entries_between(
        second.date, second.date))


def test_closing_a_case_keeps_the_keyboard_in_the_table(demo_window, qtbot, heard, monkeypatch):
    """Focus went to "Import spreadsheet…": the Close case button is disabled once its case has
    gone from the Active list."""
    from ui.caseload.close_case_dialog import CloseCaseDialog

    win = demo_window
    win.show_view("caseload")
    view = win.view("caseload")
    _active(win, qtbot)
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    view.table.selectRow(0)
    closing = view.selected_case()
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda *_a, **_k: (date.today(), "completed")))
    view.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(view.close_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.selected_case() is not None
                    and view.selected_case().reference != closing.reference)
    assert heard[0].startswith(f"{closing.reference} closed.")
    assert not any(t.startswith("Now on") for t in heard), heard
    assert QApplication.focusWidget() is view.table
    landed = view.selected_case()
    assert landed is not None and landed.reference != closing.reference
    assert _chosen(view.table) == [0]


def test_a_dialog_in_front_hears_nothing_of_the_table(demo_window, qtbot, heard):
    """Rows that change while a dialog is open are chosen quietly; the row is read when the
    keyboard comes back."""
    win = demo_window
    win.show_view("caseload")
    view = win.view("caseload")
    _active(win, qtbot)
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    view.table.selectRow(0)
    gone = view.selected_case()
    dialog = QDialog(win)
    dialog.setModal(True)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    CaseStore(view._db).close_case(gone.id, date.today(), "completed")
    view._hub.casesChanged.emit()
    qtbot.waitUntil(lambda: view.selected_case() is not None)
    assert view.selected_case().reference != gone.reference
    assert not any(t.startswith("Now on") for t in heard)
    dialog.reject()


def test_the_last_row_gone_says_the_table_is_empty(qtbot, db, heard, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from core.supervision.agenda import add_agenda_item
    from ui.shell.hub import Hub
    from ui.supervision.supervision_view import SupervisionView
    from ui.widgets import vanished_row

    vanished_row.install()
    add_agenda_item(db, "learning", "ARMS training")
    view = SupervisionView(db, Hub())
    qtbot.addWidget(view)
    _active(view, qtbot)
    view.agenda_view.setFocus(Qt.FocusReason.OtherFocusReason)
    view.agenda_view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.keyClick(view.agenda_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: any("nothing left" in t for t in heard))
    assert heard[-1] == "On the agenda: nothing left in it."


def test_the_last_case_undone_is_said_as_the_table_gives_way(qtbot, db, heard):
    """With no cases left the Caseload shows its empty state in the table's place."""
    from ui.caseload.caseload_view import CaseloadView
    from ui.shell.hub import Hub
    from ui.widgets import vanished_row

    vanished_row.install()
    view = CaseloadView(db, Hub())
    qtbot.addWidget(view)
    case = CaseStore(db).add_case(Case(reference="C99", case_type="community", tier="A2",
                                       start_date=date.today()))
    view._added([case], "Add C99", case)
    _active(view, qtbot)
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    assert view.selected_case().reference == "C99"
    QTest.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any("nothing left" in t for t in heard))
    assert not view.table.isVisible()  # the empty state instead
    assert heard[-1] == "Cases: nothing left in it."
