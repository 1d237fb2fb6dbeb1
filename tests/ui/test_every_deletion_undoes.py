"""Every deletion the user starts in the window comes back with Ctrl+Z, as it was (closed
cases: tests/ui/test_return_never_destroys.py): a supervision note, a past session (its
actions linked to it again), a reduction, a court report, a leave day, a calendar keyword,
an unused activity (with its keywords) and a weightings change taken back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from core.caseload.models import Reduction
from core.supervision.agenda import add_agenda_item
from core.supervision.meeting import record_session
from core.supervision.sessions import Action, Session
from core.time.activities import add_activity
from core.time.calendar.rules import save_rule
from core.time.working_week import LeaveDay, add_leave
from core.workload.reductions import add_reduction, add_report

pytestmark = pytest.mark.qt_log_ignore("does not support")
TODAY = date.today()


def _rows(db, *tables: str) -> list[list[dict]]:
    """Each table's rows, in the order of their values (a leave day put back is a new rowid)."""
    return [sorted(db.query(f'SELECT * FROM "{t}"'), key=lambda r: repr(sorted(r.items())))
            for t in tables]


def _selecting(table, row: int, delete):
    """Select `row` just before pressing delete: a page that fills in as it is first shown
    resets its table (and the selection) once the events waiting are handled."""
    def select_and_delete() -> None:
        QApplication.processEvents()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        table.selectionModel().select(table.model().index(row, 0), flags)
        assert table.selectionModel().selectedRows(), "nothing selected to delete"
        delete()
    return select_and_delete


def _settings_page(window, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    return window.findChild(cls)


def _note(window, db):
    add_agenda_item(db, "learning", "ARMS training")
    view = window.view("supervision")
    view.refresh()
    return _selecting(view.agenda_view, 0, view.delete_note), ("agenda_items",)


def _session(window, db):
    record_session(db, Session(TODAY - timedelta(days=2), "SPO",
                               actions=[Action("Book protected time", "me")]))
    view = window.view("supervision")
    view.refresh()  # hands the panel its sessions
    panel = view.past_sessions
    return (_selecting(panel.table, 0, panel.delete_selected),
            ("supervision_sessions", "supervision_actions"))


def _reduction(window, db):
    from ui.settings.reductions_page import ReductionsPage

    add_reduction(db, Reduction("Court duty", TODAY - timedelta(days=30), hours_per_week=3.0),
                  37.0)
    page = _settings_page(window, "Reductions & reports", ReductionsPage)
    page.refresh()
    return _selecting(page.reductions_view, 0, page.delete_reduction), ("reductions",)


def _report(window, db):
    from ui.settings.reductions_page import ReductionsPage

    add_report(db, "fast", TODAY - timedelta(days=2))
    page = _settings_page(window, "Reductions & reports", ReductionsPage)
    page.refresh()
    return _selecting(page.reports_view, 0, page.delete_report), ("court_reports",)


def _leave(window, db):
    from ui.settings.working_pattern_page import WorkingPatternPage

    add_leave(db, LeaveDay(TODAY + timedelta(days=7), "annual leave"))
    page = _settings_page(window, "Working week", WorkingPatternPage)
    page.refresh()
    return _selecting(page.leave_table, 0, page.remove_selected_leave), ("leave_days",)


def _keyword(window, db):
    from ui.settings.calendar_rules_panel import CalendarRulesPanel

    _settings_page(window, "Activities", CalendarRulesPanel)
    panel = window.findChild(CalendarRulesPanel)
    panel.refresh()
    return _selecting(panel.table, 0, panel.remove), ("calendar_rules",)


def _activity(window, db):
    from ui.settings.activities_page import ActivitiesPage
    from ui.widgets.list_table_model import OBJECT_ROLE

    unused = add_activity(db, "Pre-sentence interviews")
    save_rule(db, "psr interview", unused.id)
    page = _settings_page(window, "Activities", ActivitiesPage)
    page.refresh()

    def delete() -> None:
        model = page.table.model()
        row = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data(OBJECT_ROLE).id == unused.id)
        _selecting(page.table, row, page.delete)()

    return delete, ("activities", "calendar_rules")


def _weighting_change(window, db):
    """Settings > Weightings, a change in the list, Take back: it went for good before."""
    from core.workload.weightings import set_weighting
    from ui.settings.weightings_page import WeightingsPage

    set_weighting(db, "report.standard", 150, TODAY - timedelta(days=3))
    page = _settings_page(window, "Weightings", WeightingsPage)
    page.load()
    return _selecting(page.changes, 0, page.take_back_selected), ("weighting_changes",)


@pytest.mark.parametrize("deletion", [_note, _session, _reduction, _report, _leave, _keyword,
                                      _activity, _weighting_change],
                         ids=lambda f: f.__name__.strip("_"))
def test_ctrl_z_brings_back_what_was_deleted(demo_window, db, qtbot, monkeypatch, deletion):
    delete, tables = deletion(demo_window, db)
    before = _rows(db, *tables)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    delete()
    assert _rows(db, *tables) != before, "nothing was deleted"
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    QTest.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(db, *tables) == before
    QTest.keyClick(demo_window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _rows(db, *tables) != before, "Redo deletes it again"
