"""Ctrl+Z after adding a case or importing cases takes them away, unless something now uses them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.time_entries import TimeEntry, TimeStore
from ui.caseload.case_dialog import CaseDialog
from ui.caseload.caseload_view import CaseloadView
from ui.caseload.import_dialog import ImportDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = date.today()
QUIET_DAY = date(2023, 3, 7)  # long before the demo's time entries: nothing to overlap
CSV = ("reference,case_type,tier,start_date,end_date,t2a,flags\n"
       "X1,community,B2,01/02/2026,,no,MAPPA 1\n"
       "X2,licence,C3,2026-02-01,01/02/2027,no,\n"
       "X3,custody,B1,02/03/2026,,yes,IOM;DA\n")


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.fixture
def adding(monkeypatch):
    """New case… saves C99 (the dialog stores the case itself, then returns it)."""
    new = Case(reference="C99", case_type="licence", tier="B2", start_date=date(2026, 1, 5),
               t2a=True, flags=("iom",), next_review_due=date(2026, 6, 1))
    monkeypatch.setattr(CaseDialog, "get_case", staticmethod(
        lambda parent, store, case=None: store.add_case(new)))


def edit_action(window, prefix: str) -> QAction:
    [action] = [a for a in window.menu("&Edit").actions()
                if a.text().replace("&", "").startswith(prefix)]
    return action


def caseload(window) -> CaseloadView:
    window.show_view("caseload")
    return window.view("caseload")


def references(db) -> set[str]:
    return CaseStore(db).references()


def test_ctrl_z_after_new_case_takes_it_away_and_redo_brings_it_back(
        qtbot, window, db, adding):
    view = caseload(window)
    overview = window.view("overview")
    overview.show_figures.setChecked(True)  # the count of cases is in the figures line
    words_before = overview.caseload.figures.text()
    assert words_before
    others = CaseStore(db).list_cases("all")

    view.new_button.click()
    added = next(c for c in CaseStore(db).list_cases("all") if c.reference == "C99")
    assert view.message.text() == "C99 added. Undo with Ctrl+Z."
    assert view.selected_case() == added
    assert overview.caseload.figures.text() != words_before
    assert edit_action(window, "Undo").text().replace("&", "") == "Undo Add C99"

    window.activateWindow()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "C99" not in references(db)
    assert CaseStore(db).list_cases("all") == others
    assert view.message.text() == "Undone: Add C99."
    assert view.model.row_of(added.id) == -1
    assert overview.caseload.figures.text() == words_before
    assert edit_action(window, "Redo").text().replace("&", "") == "Redo Add C99"

    edit_action(window, "Redo").trigger()
    back = CaseStore(db).get_case(added.id)
    assert back == added  # same reference, details and tier history
    assert view.message.text() == "Redone: Add C99."
    assert view.selected_case() == back
    assert overview.caseload.figures.text() != words_before


def test_undo_keeps_a_case_with_time_logged_against_it_and_says_why(window, db, adding):
    view = caseload(window)
    view.new_button.click()
    added = next(c for c in CaseStore(db).list_cases("all") if c.reference == "C99")
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    TimeStore(db).log_time(TimeEntry(QUIET_DAY, 40, travel, case_id=added.id))

    edit_action(window, "Undo").trigger()
    assert CaseStore(db).get_case(added.id) == added
    assert [e.case_id for e in TimeStore(db).entries_on(QUIET_DAY)] == [added.id]
    assert view.message.text() == (
        "C99 has time logged against it now, so it was kept; close it instead.")
    # The step is dropped rather than offered again; nothing else was undone either.
    assert not window.undo_stack.canRedo()
    assert not window.undo_stack.canUndo()


def import_three(view: CaseloadView, tmp_path, monkeypatch) -> None:
    path = tmp_path / "three.csv"
    path.write_text(CSV, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "CSV files (*.csv)")))

    def choose_and_import(dialog: ImportDialog) -> int:
        dialog.choose_button.click()
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", choose_and_import)
    view.import_button.click()


def test_undoing_an_import_takes_away_exactly_those_cases_and_redo_imports_them(
        window, db, tmp_path, monkeypatch):
    view = caseload(window)
    store = CaseStore(db)
    before = store.list_cases("all")
    import_three(view, tmp_path, monkeypatch)
    imported = [c for c in store.list_cases("all") if c.reference.startswith("X")]
    assert [c.reference for c in imported] == ["X1", "X2", "X3"]
    assert view.message.text() == "Imported 3 cases. Undo with Ctrl+Z."
    undo = edit_action(window, "Undo")
    assert undo.text().replace("&", "") == "Undo Import 3 cases"

    undo.trigger()
    assert store.list_cases("all") == before  # the others untouched
    assert view.message.text() == "Undone: Import 3 cases."
    assert view.model.rowCount() == len(before)

    edit_action(window, "Redo").trigger()
    assert [c for c in store.list_cases("all") if c.reference.startswith("X")] == imported
    assert view.message.text() == "Redone: Import 3 cases."


def test_an_import_with_one_case_now_in_use_is_kept_whole(window, db, tmp_path, monkeypatch):
    view = caseload(window)
    store = CaseStore(db)
    import_three(view, tmp_path, monkeypatch)
    x2 = next(c for c in store.list_cases("all") if c.reference == "X2")
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    TimeStore(db).log_time(TimeEntry(QUIET_DAY, 15, travel, case_id=x2.id))

    edit_action(window, "Undo").trigger()
    assert {"X1", "X2", "X3"} <= references(db)
    assert view.message.text() == (
        "X2 has time logged against it now, so all 3 imported cases were kept; "
        "close any you no longer need instead.")
    assert not window.undo_stack.canRedo()


def test_undo_keeps_a_case_changed_since_by_a_command(window, db, adding):
    """Undo of New case deleted C99 whatever had been changed on it since (its tier moved
    by a command): the later change went with it, unsaid."""
    from dataclasses import replace

    view = caseload(window)
    view.new_button.click()
    store = CaseStore(db)
    added = next(c for c in store.list_cases("all") if c.reference == "C99")
    changed = store.update_case(replace(added, expected_end_date=date(2027, 3, 1)))  # `cases edit`
    edit_action(window, "Undo").trigger()
    assert store.get_case(added.id) == changed
    assert view.message.text() == ("C99 has been changed since, so this was not undone: the "
                                   "later change is kept.")
    assert window.statusBar().currentMessage() == view.message.text()
    assert not window.undo_stack.canRedo()


def test_undo_after_an_edit_undone_takes_the_case_away(window, db, adding, monkeypatch):
    """An edit made in the window and taken back leaves the case as it was added."""
    from dataclasses import replace

    view = caseload(window)
    view.new_button.click()
    store = CaseStore(db)
    added = next(c for c in store.list_cases("all") if c.reference == "C99")
    monkeypatch.setattr(CaseDialog, "get_case", staticmethod(
        lambda parent, store_, old=None: store_.update_case(replace(old, tier="C3"))))
    assert view.select_case(added.id)
    view.edit_case()
    assert store.get_case(added.id).tier == "C3"
    window.undo_stack.undo()  # the edit
    window.undo_stack.undo()  # the addition
    assert "C99" not in references(db)
    assert view.message.text() == "Undone: Add C99."
