"""The deletions the user can start in the window, each as the test that walks it needs it:
a function (window, db) that prepares the row and returns the deletion to run and the tables
it deletes from (tests/ui/test_every_deletion_undoes.py, and the walk of every step that
deletes or overwrites in tests/ui/test_every_undo_step_keeps_a_later_change.py)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from core.caseload.models import Reduction
from core.supervision.agenda import add_agenda_item
from core.supervision.meeting import record_session
from core.supervision.sessions import Action, Session
from core.time.activities import add_activity
from core.time.calendar.rules import save_rule
from core.time.working_week import LeaveDay, add_leave
from core.workload.reductions import add_reduction, add_report

TODAY = date.today()


def rows(db, *tables: str) -> list[list[dict]]:
    """Each table's rows, in the order of their values (a leave day put back is a new rowid)."""
    return [sorted(db.query(f'SELECT * FROM "{t}"'), key=lambda r: repr(sorted(r.items())))
            for t in tables]


def selecting(table, row: int, act):
    """Select `row` just before `act`: a page that fills in as it is first shown resets its
    table (and the selection) once the events waiting are handled."""
    def select_and_act() -> None:
        QApplication.processEvents()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        table.selectionModel().select(table.model().index(row, 0), flags)
        assert table.selectionModel().selectedRows(), "nothing selected"
        act()
    return select_and_act


def settings_page(window, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    return window.findChild(cls)


def note(window, db):
    add_agenda_item(db, "learning", "ARMS training")
    view = window.view("supervision")
    view.refresh()
    return selecting(view.agenda_view, 0, view.delete_note), ("agenda_items",)


def session(window, db):
    record_session(db, Session(TODAY - timedelta(days=2), "SPO",
                               actions=[Action("Book protected time", "me")]))
    view = window.view("supervision")
    view.refresh()  # hands the panel its sessions
    panel = view.past_sessions
    return (selecting(panel.table, 0, panel.delete_selected),
            ("supervision_sessions", "supervision_actions"))


def reduction(window, db):
    from ui.settings.reductions_page import ReductionsPage

    add_reduction(db, Reduction("Court duty", TODAY - timedelta(days=30), hours_per_week=3.0),
                  37.0)
    page = settings_page(window, "Reductions & reports", ReductionsPage)
    page.refresh()
    return selecting(page.reductions_view, 0, page.delete_reduction), ("reductions",)


def report(window, db):
    from ui.settings.reductions_page import ReductionsPage

    add_report(db, "fast", TODAY - timedelta(days=2))
    page = settings_page(window, "Reductions & reports", ReductionsPage)
    page.refresh()
    return selecting(page.reports_view, 0, page.delete_report), ("court_reports",)


def leave(window, db):
    from ui.settings.working_pattern_page import WorkingPatternPage

    add_leave(db, LeaveDay(TODAY + timedelta(days=7), "annual leave"))
    page = settings_page(window, "Working week", WorkingPatternPage)
    page.refresh()
    return selecting(page.leave_table, 0, page.remove_selected_leave), ("leave_days",)


def keyword(window, db):
    from ui.settings.calendar_rules_panel import CalendarRulesPanel

    settings_page(window, "Activities", CalendarRulesPanel)
    panel = window.findChild(CalendarRulesPanel)
    panel.refresh()
    return selecting(panel.table, 0, panel.remove), ("calendar_rules",)


def activity(window, db):
    from ui.settings.activities_page import ActivitiesPage
    from ui.widgets.list_table_model import OBJECT_ROLE

    unused = add_activity(db, "Pre-sentence interviews")
    save_rule(db, "psr interview", unused.id)
    page = settings_page(window, "Activities", ActivitiesPage)
    page.refresh()

    def delete() -> None:
        model = page.table.model()
        row = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data(OBJECT_ROLE).id == unused.id)
        selecting(page.table, row, page.delete)()

    return delete, ("activities", "calendar_rules")


def weighting_change(window, db):
    """Settings > Weightings, a change in the list, Take back: it went for good before."""
    from core.workload.weightings import set_weighting
    from ui.settings.weightings_page import WeightingsPage

    set_weighting(db, "report.standard", 150, TODAY - timedelta(days=3))
    page = settings_page(window, "Weightings", WeightingsPage)
    page.load()
    return selecting(page.changes, 0, page.take_back_selected), ("weighting_changes",)


DELETIONS = [note, session, reduction, report, leave, keyword, activity, weighting_change]
