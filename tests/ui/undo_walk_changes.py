"""The steps on the window's Undo that overwrite stored rows (or delete them without being a
deletion of their own: closed cases, a time entry), each as the walk in
tests/ui/test_every_undo_step_keeps_a_later_change.py needs it: a function (window, db,
monkeypatch) that prepares what it needs and returns the step to run through the app and the
tables it writes. Dialogs are answered by replacing their `get_…`; the step itself is the app's."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from core.caseload.cases import CaseStore
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import LeaveDay, add_leave
from core.workload.weightings import set_weighting
from tests.ui.undo_walk import TODAY, selecting, settings_page


def profile(window, db, monkeypatch):
    from ui.settings.profile_page import ProfilePage

    page = settings_page(window, "Profile", ProfilePage)
    page.load()
    page.hours.setText("30")
    return page.save, ("profile_changes", "settings")


def spread_hours(window, db, monkeypatch):
    from ui.settings.profile_page import ProfilePage

    page = settings_page(window, "Profile", ProfilePage)
    page.load()

    def spread() -> None:
        page._offer_spread(30.0)
        page.spread_hours()
    return spread, ("working_pattern",)


def working_week(window, db, monkeypatch):
    from ui.settings.working_pattern_page import WorkingPatternPage

    page = settings_page(window, "Working week", WorkingPatternPage)
    page.refresh()
    page.day_hours[0].setValue(5.0)
    return page.save, ("working_pattern",)


def add_leave_day(window, db, monkeypatch):
    """Leave added on a day that had leave changes it: an overwrite."""
    from ui.settings.working_pattern_page import WorkingPatternPage

    day = TODAY + timedelta(days=9)
    add_leave(db, LeaveDay(day, "annual leave"))
    page = settings_page(window, "Working week", WorkingPatternPage)
    page.refresh()
    page.leave_date.set_value(day)
    page.leave_kind.setCurrentText("sickness")
    return page.add_leave, ("leave_days",)


def weightings_saved(window, db, monkeypatch):
    from ui.settings.weightings_page import WeightingsPage

    page = settings_page(window, "Weightings", WeightingsPage)
    page.load()
    monkeypatch.setattr(page, "pending_values", lambda: {"report.standard": "150"})
    return page.save, ("weighting_changes",)


def weightings_restored(window, db, monkeypatch):
    from ui.settings.weightings_page import WeightingsPage

    set_weighting(db, "report.standard", 150, TODAY - timedelta(days=3))
    page = settings_page(window, "Weightings", WeightingsPage)
    page.load()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return page.restore, ("weighting_changes",)


def _data_page(window):
    from ui.settings.data_page import DataPage

    return settings_page(window, "Data & privacy", DataPage)


def retention(window, db, monkeypatch):
    page = _data_page(window)
    return (lambda: page._retention_changed(45)), ("settings",)


def idle_lock(window, db, monkeypatch):
    page = _data_page(window)
    return (lambda: page._lock_minutes_changed(20)), ("settings",)


def backup_folder(window, db, monkeypatch):
    page = _data_page(window)
    folder = page.data_dir.parent / "other backups"
    folder.mkdir(exist_ok=True)
    return (lambda: page._set_folder(folder)), ("settings",)


def note_words(window, db, monkeypatch):
    from core.supervision.agenda import add_agenda_item
    from ui.supervision.agenda_note_dialog import AgendaNoteDialog, NoteDraft

    add_agenda_item(db, "learning", "ARMS training")
    view = window.view("supervision")
    view.refresh()
    monkeypatch.setattr(AgendaNoteDialog, "get_note", staticmethod(
        lambda _p, kind, _r, draft=None: NoteDraft(kind, draft.text + " in March",
                                                   draft.case_reference, draft.reason)))
    row = next(r for r in range(view.agenda_view.model().rowCount())
               if "ARMS" in str(view.agenda_view.model().index(r, 1).data()))
    return selecting(view.agenda_view, row, view.edit_note), ("agenda_items",)


def action_done(window, db, monkeypatch):
    from core.supervision.meeting import record_session
    from core.supervision.sessions import Action, Session

    record_session(db, Session(TODAY - timedelta(days=20), "SPO",
                               actions=[Action("Book protected time", "me")]))
    view = window.view("supervision")
    view.refresh()
    return (selecting(view.action_view, 0, lambda: view._set_status("done")),
            ("supervision_actions",))


def session_corrected(window, db, monkeypatch):
    from core.supervision.meeting import record_session
    from core.supervision.sessions import Session
    from ui.supervision.session_dialog import SessionDialog

    record_session(db, Session(TODAY - timedelta(days=2), "SPO"))
    view = window.view("supervision")
    view.refresh()
    panel = view.past_sessions
    monkeypatch.setattr(SessionDialog, "edit_session", staticmethod(
        lambda _p, s, *a, **k: replace(s, with_whom="ACO")))
    return selecting(panel.table, 0, panel.edit_selected), ("supervision_sessions",)


def activity_renamed(window, db, monkeypatch):
    from ui.settings.activities_page import ActivitiesPage

    page = settings_page(window, "Activities", ActivitiesPage)
    other = next(a for a in list_activities(db) if a.name == "Other")
    return (lambda: page._change(other, "Rename an activity", "Renamed.", "Named Other again.",
                                 name="Other work")), ("activities",)


def keyword_changed(window, db, monkeypatch):
    from ui.settings.calendar_rules_panel import CalendarRulesPanel, KeywordRuleDialog

    panel = settings_page(window, "Activities", CalendarRulesPanel)
    panel.refresh()

    def answered(dialog) -> int:
        dialog.keyword.setText(dialog.keyword.text() + " visit")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(KeywordRuleDialog, "exec", answered)
    return selecting(panel.table, 0, lambda: panel.edit(panel.selected())), ("calendar_rules",)


def _caseload(window):
    window.show_view("caseload")
    view = window.view("caseload")
    view.filter_bar.set_status("all")
    return view


def case_closed(window, db, monkeypatch):
    from ui.caseload.close_case_dialog import CloseCaseDialog

    case = next(c for c in CaseStore(db).list_cases("active") if c.start_date < TODAY)
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda parent, ref, start: (TODAY, "completed")))
    view = _caseload(window)

    def close() -> None:
        assert view.select_case(case.id)
        view.close_button.click()
    return close, ("cases",)


def case_edited(window, db, monkeypatch):
    from ui.caseload.case_dialog import CaseDialog

    case = CaseStore(db).list_cases("active")[0]
    monkeypatch.setattr(CaseDialog, "get_case", staticmethod(
        lambda parent, store, old=None: store.update_case(replace(old, reference="C98"))))
    view = _caseload(window)

    def edit() -> None:
        assert view.select_case(case.id)
        view.edit_case()
    return edit, ("cases",)


def closed_cases_deleted(window, db, monkeypatch):
    from ui.caseload.retention_review_dialog import RetentionReviewDialog
    from ui.settings.data_actions import delete_closed_after_confirming

    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(lambda *a, **k: True))
    window.show_view("settings")
    return (lambda: delete_closed_after_confirming(window, db, window.hub, TODAY),
            ("cases", "tier_history", "time_entries"))


def _time_entry(window, db):
    """An entry yesterday, chosen in the Time view's week."""
    yesterday = TODAY - timedelta(days=1)
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    db.execute("DELETE FROM time_entries WHERE date = ?", [yesterday.isoformat()])
    entry = TimeStore(db).log_time(TimeEntry(yesterday, 60, travel, time(9), time(10))).added[0]
    window.show_view("time")
    view = window.view("time")
    view.show_week(yesterday)
    QApplication.processEvents()
    row = next(r for r, week_row in enumerate(view.model.rows())
               if week_row.kind == "entry" and week_row.item.id == entry.id)
    return view, row


def time_deleted(window, db, monkeypatch):
    view, row = _time_entry(window, db)
    return selecting(view.table, row, view.delete_selected), ("time_entries",)


def time_edited(window, db, monkeypatch):
    from ui.time import time_view as time_view_module

    view, row = _time_entry(window, db)
    monkeypatch.setattr(time_view_module, "_get_entry", lambda _parent, _db, entry, save:
                        save(replace(entry, end=time(10, 30), minutes=90)))
    return selecting(view.table, row, view.edit_selected), ("time_entries",)


def session_recorded(window, db, monkeypatch):
    """Recording a session marks an action carried forward done and notes discussed."""
    from core.supervision.meeting import MeetingOutcome, record_session
    from core.supervision.sessions import Action, Session, open_actions
    from ui.supervision.session_command import record_undoably

    record_session(db, Session(TODAY - timedelta(days=28), "SPO",
                               actions=[Action("Book protected time", "me")]))
    carried = open_actions(db)[0]
    view = window.view("supervision")
    return (lambda: record_undoably(view, db, window.hub, MeetingOutcome(
        TODAY, status_updates={carried.id: "done"}))), (
        "supervision_actions", "supervision_sessions", "agenda_items")


def calendar_imported(window, db, monkeypatch):
    """A calendar imported again: the moved appointment replaces its entry."""
    from core.time.calendar.importer import import_rows
    from core.time.calendar.preview import propose, with_tick
    from core.time.calendar.reader import read_calendar
    from tests.core.time.calendar import ics
    from ui.time.calendar_import_dialog import CalendarImportDialog

    day = TODAY - timedelta(days=1)
    db.execute("DELETE FROM time_entries WHERE date = ?", [day.isoformat()])

    def imported(hour: int, extra: str = ""):
        stamp = f"{day:%Y%m%d}T{hour:02d}0000"
        end = f"{day:%Y%m%d}T{hour + 1:02d}0000"
        read = read_calendar(ics.calendar(ics.event("a", "Court duty", stamp, end, extra=extra)),
                             day, day)
        rows = propose(db, read.events, read.first, read.last, TODAY)
        return import_rows(db, [with_tick(r, True) for r in rows], TODAY)

    imported(10)
    monkeypatch.setattr(CalendarImportDialog, "get_import",
                        staticmethod(lambda *a, **k: imported(11, "SEQUENCE:1")))
    return window.calendar_import_action.trigger, ("time_entries",)


CHANGES = [profile, spread_hours, working_week, add_leave_day, weightings_saved,
           weightings_restored, retention, idle_lock, backup_folder, note_words, action_done,
           session_corrected, activity_renamed, keyword_changed, case_closed, case_edited,
           closed_cases_deleted, time_deleted, time_edited, session_recorded, calendar_imported]
