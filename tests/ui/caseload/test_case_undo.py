"""Undo and redo of case changes through the window's one Edit > Undo, across every view."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.time_entries import TimeEntry, TimeStore
from ui.caseload.case_dialog import CaseDialog
from ui.caseload.caseload_view import CaseloadView
from ui.caseload.close_case_dialog import CloseCaseDialog
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = date.today()
CLOSED_ON = TODAY - timedelta(days=3)
QUIET_DAY = date(2023, 3, 7)  # long before the demo's time entries: nothing to overlap


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.fixture
def closing(monkeypatch):
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda parent, ref, start: (CLOSED_ON, "completed")))


def edit_action(window, prefix: str) -> QAction:
    [action] = [a for a in window.menu("&Edit").actions()
                if a.text().replace("&", "").startswith(prefix)]
    return action


def caseload(window) -> CaseloadView:
    window.show_view("caseload")
    return window.view("caseload")


def first_active(store: CaseStore) -> Case:
    return next(c for c in store.list_cases("active") if c.start_date <= CLOSED_ON)


def close_selected(view: CaseloadView, case: Case) -> None:
    view.filter_bar.set_status("all")
    assert view.select_case(case.id)
    view.close_button.click()


def test_ctrl_z_after_closing_a_case_makes_it_active_again_everywhere(qtbot, window, db, closing):
    store = CaseStore(db)
    case = first_active(store)
    view = caseload(window)
    overview = window.view("overview")
    overview.show_figures.setChecked(True)  # the count of cases is in the figures line
    words_before = overview.caseload.figures.text()
    assert words_before

    close_selected(view, case)
    assert store.get_case(case.id).status == "closed"
    assert view.message.text() == f"{case.reference} closed. Undo with Ctrl+Z."
    assert overview.caseload.figures.text() != words_before  # one case fewer counts
    undo = edit_action(window, "Undo")
    assert undo.text().replace("&", "") == f"Undo Close {case.reference}"
    assert undo.shortcut().toString() == "Ctrl+Z"

    window.activateWindow()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = store.get_case(case.id)
    assert back == case and back.status == "active" and back.tier_history == case.tier_history
    assert overview.caseload.figures.text() == words_before
    assert view.message.text() == f"Undone: Close {case.reference}."
    assert view.selected_case() == back
    assert edit_action(window, "Redo").text().replace("&", "") == f"Redo Close {case.reference}"

    edit_action(window, "Redo").trigger()
    again = store.get_case(case.id)
    assert (again.closed_date, again.close_reason) == (CLOSED_ON, "completed")
    assert overview.caseload.figures.text() != words_before


def test_undo_goes_back_in_order_across_time_and_cases(window, db, closing, monkeypatch):
    from ui.time.quick_entry_dialog import QuickEntryDialog

    store, times = CaseStore(db), TimeStore(db)
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    monkeypatch.setattr(QuickEntryDialog, "get_change", staticmethod(
        lambda parent, db_, clock=None: times.log_time(TimeEntry(QUIET_DAY, 25, travel))))
    [log_time] = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    log_time.trigger()
    case = first_active(store)
    close_selected(caseload(window), case)
    window.show_view("time")  # Undo works from whichever view is shown

    undo = edit_action(window, "Undo")
    undo.trigger()  # the close, the last thing done
    assert store.get_case(case.id).status == "active"
    assert [e.minutes for e in times.entries_on(QUIET_DAY)] == [25]
    assert undo.text().replace("&", "") == "Undo Log time"
    undo.trigger()
    assert times.entries_on(QUIET_DAY) == []
    assert not window.undo_stack.canUndo() and window.undo_stack is window.time_undo_stack


def test_reopen_and_edit_are_undone_too(window, db, closing, monkeypatch):
    store = CaseStore(db)
    case = first_active(store)
    view = caseload(window)
    close_selected(view, case)
    closed = store.get_case(case.id)
    view.reopen_button.click()
    assert store.get_case(case.id).status == "active"
    edit_action(window, "Undo").trigger()
    assert store.get_case(case.id) == closed  # the close date and reason come back exactly

    edit_action(window, "Undo").trigger()
    new_tier = "A3" if case.tier != "A3" else "B1"
    monkeypatch.setattr(CaseDialog, "get_case", staticmethod(
        lambda parent, store_, old=None: store_.update_case(
            Case(**{**vars(old), "reference": "C98", "tier": new_tier, "tier_date": TODAY}))))
    assert view.select_case(case.id)
    view.edit_button.click()
    assert store.get_case(case.id).reference == "C98"
    undo = edit_action(window, "Undo")
    assert undo.text().replace("&", "") == f"Undo Edit {case.reference}"
    undo.trigger()
    assert store.get_case(case.id) == case  # reference, tier and tier history as they were


def test_a_restore_forgets_what_could_be_undone(window, db, closing):
    close_selected(caseload(window), first_active(CaseStore(db)))
    assert window.undo_stack.canUndo()
    window.hub.dataReplaced.emit()
    assert not window.undo_stack.canUndo()
    assert not edit_action(window, "Undo").isEnabled()


def test_a_case_deleted_since_is_skipped_and_a_taken_reference_says_why(
    qtbot, db, closing, monkeypatch
):
    store = CaseStore(db)
    first = store.add_case(Case("C01", "community", "C2", date(2025, 1, 6)))
    second = store.add_case(Case("C02", "licence", "B2", date(2025, 1, 6)))
    view = CaseloadView(db, Hub())  # on its own: a stack of its own
    qtbot.addWidget(view)
    close_selected(view, first)
    store.delete_case(first.id)  # e.g. Delete closed cases now
    view.undo_stack.undo()
    assert not view.undo_stack.canUndo()  # nothing to put back, nothing offered again
    assert view.message.text() == "C01 has been deleted since, so this was not undone."

    monkeypatch.setattr(CaseDialog, "get_case", staticmethod(
        lambda parent, store_, old=None: store_.update_case(
            Case(**{**vars(old), "reference": "C03"}))))
    assert view.select_case(second.id)
    view.edit_button.click()
    store.add_case(Case("C02", "community", "D1", date(2025, 2, 3)))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    view.undo_stack.undo()
    assert warnings == ["You already have a case called C02."]
    assert store.get_case(second.id).reference == "C03"


def test_closing_under_active_says_where_the_case_went(window, db, closing):
    case = first_active(CaseStore(db))
    view = caseload(window)
    assert view.proxy.status == "active" and view.select_case(case.id)
    view.close_button.click()
    assert view.message.text() == f"{case.reference} closed. Undo with Ctrl+Z. It is under Closed."
    edit_action(window, "Undo").trigger()
    assert view.selected_case().id == case.id  # back in the Active list, selected
