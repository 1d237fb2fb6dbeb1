"""Ctrl+Z (and Ctrl+Y) never overwrite a change made since by a command or another window: the
step says so, is shown, keeps the later change and leaves the stack. The Settings saves already
did; time logged, a case edited and closed cases deleted did not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from core.caseload.cases import CaseStore
from core.caseload.retention import delete_closed_cases, get_retention_days
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _rows(db):
    return list(db.query("SELECT * FROM time_entries ORDER BY id"))


def _typed_in_time(window, qtbot, line_text: str):
    window.show_view("time")
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.view("time")
    view.quick.setFocus()
    QTest.keyClicks(view.quick, line_text)
    QTest.keyClick(view.quick, Qt.Key.Key_Return)
    return view


def _travel(db) -> int:
    return next(a.id for a in list_activities(db) if a.name == "Travel")


def _clear_yesterday(db) -> None:
    db.execute("DELETE FROM time_entries WHERE date = ?", [YESTERDAY.isoformat()])


def test_undoing_a_log_a_command_trimmed_since_keeps_it(demo_window, db, qtbot, heard):
    _clear_yesterday(db)
    view = _typed_in_time(demo_window, qtbot, "yesterday 09:00-10:00 recording")
    assert heard[-1][0].startswith("Logged 1 hour of Recording and admin")
    # `log "09:30-11:00 travel" --date yesterday --trim-overlaps` from a second process
    TimeStore(db).log_time(TimeEntry(YESTERDAY, 90, _travel(db), time(9, 30), time(11)),
                           trim=True)
    after_command = _rows(db)
    QTest.keyClick(view.quick, Qt.Key.Key_Z, CTRL)
    assert _rows(db) == after_command  # 09:00-09:30 as the command left it, kept
    text, assertive = heard[-1]
    assert assertive and "changed since, so this was not undone" in text
    assert demo_window.statusBar().currentMessage() == text  # shown as well as heard
    assert view.message.text() == text
    assert not demo_window.undo_stack.canRedo()  # nothing to redo: the step has gone


def test_redo_never_puts_time_back_over_time_logged_since(demo_window, db, qtbot, heard):
    _clear_yesterday(db)
    view = _typed_in_time(demo_window, qtbot, "yesterday 09:00-10:00 recording")
    QTest.keyClick(view.quick, Qt.Key.Key_Z, CTRL)
    assert heard[-1][0].startswith("Undone: Log time (Recording and admin")
    TimeStore(db).log_time(TimeEntry(YESTERDAY, 90, _travel(db), time(9, 30), time(11)))
    since = _rows(db)
    QTest.keyClick(view.quick, Qt.Key.Key_Y, CTRL)
    assert _rows(db) == since  # not 2 h 30 min in 2 hours of clock time
    text, assertive = heard[-1]
    assert assertive and "overlap time logged since" in text and "not redone" in text
    assert demo_window.statusBar().currentMessage() == text


def test_undoing_a_case_edit_keeps_a_change_made_since(demo_window, db, qtbot, heard,
                                                       monkeypatch):
    from ui.caseload.case_dialog import CaseDialog

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: QMessageBox.StandardButton.Ok)
    store = CaseStore(db)
    case = store.list_cases("active")[0]
    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    monkeypatch.setattr(CaseDialog, "get_case", staticmethod(
        lambda parent, store_, old=None: store_.update_case(replace(old, reference="C98"))))
    assert view.select_case(case.id)
    view.edit_case()
    assert store.get_case(case.id).reference == "C98"
    db.execute("UPDATE cases SET reference = 'C97' WHERE id = ?", [case.id])  # a command
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    QTest.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert store.get_case(case.id).reference == "C97"
    assert "changed since, so this was not undone" in demo_window.statusBar().currentMessage()


def test_redo_of_closed_cases_a_command_deleted_since_says_so(demo_window, db, qtbot, heard,
                                                              monkeypatch):
    from ui.caseload.retention_review_dialog import RetentionReviewDialog
    from ui.settings.data_actions import delete_closed_after_confirming

    store = CaseStore(db)
    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(lambda *a, **k: True))
    demo_window.show_view("settings")
    deleted = delete_closed_after_confirming(demo_window, db, demo_window.hub, TODAY)
    assert deleted
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    QTest.keyClick(demo_window, Qt.Key.Key_Z, CTRL)
    assert heard[-1][0].startswith(f"Brought back {len(deleted)} closed cases: ")
    assert delete_closed_cases(db, get_retention_days(db), TODAY) == len(deleted)  # a command
    left = store.references()
    QTest.keyClick(demo_window, Qt.Key.Key_Y, CTRL)
    text, assertive = heard[-1]
    assert assertive and not text.startswith("Deleted 0")
    assert "deleted since, so this was not redone" in text
    assert demo_window.statusBar().currentMessage() == text
    assert store.references() == left
    assert not demo_window.undo_stack.canUndo() or \
        not demo_window.undo_stack.undoText().startswith("Delete")  # the step has gone


def test_undoing_a_note_change_keeps_words_changed_since_elsewhere(demo_window, db, qtbot,
                                                                   heard, monkeypatch):
    from core.supervision.agenda import open_agenda, update_agenda_item
    from ui.supervision.agenda_note_dialog import AgendaNoteDialog, NoteDraft

    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    view.agenda_view.setFocus()
    view.agenda_view.selectRow(0)
    item = view.selected_note()
    monkeypatch.setattr(AgendaNoteDialog, "get_note", staticmethod(
        lambda _p, kind, _r, draft=None: NoteDraft(kind, draft.text + " EXTRA",
                                                   draft.case_reference, draft.reason)))
    qtbot.keyClick(view.agenda_view, Qt.Key.Key_Return)
    update_agenda_item(db, item.id, "Words from another window")  # changed since
    demo_window.undo_stack.undo()
    assert next(i.text for i in open_agenda(db) if i.id == item.id) == \
        "Words from another window"
    text, assertive = heard[-1]
    assert assertive and text == ("The note has been changed since, so this was not undone: "
                                  "the later change is kept.")
    assert demo_window.statusBar().currentMessage() == text


def test_undoing_a_rename_keeps_a_rename_made_since_by_a_command(demo_window, db, qtbot, heard,
                                                                 monkeypatch):
    from core.time.activities import get_activity, update_activity
    from ui.settings.activities_page import ActivitiesPage

    demo_window.show_view("settings")
    demo_window.view("settings").show_page("Activities")
    QApplication.processEvents()
    page = demo_window.findChild(ActivitiesPage)
    activity = next(a for a in list_activities(db) if a.name == "Other")
    page._change(activity, "Rename an activity", "Renamed.", "Named Other again.",
                 name="Other work")
    update_activity(db, activity.id, name="Sundry")  # `activities rename` from a command
    demo_window.undo_stack.undo()
    assert get_activity(db, activity.id).name == "Sundry"
    assert "changed since, so this was not undone" in heard[-1][0]


def test_a_case_step_undone_from_another_view_is_heard_with_that_view(demo_window, db, qtbot,
                                                                       heard, monkeypatch):
    from ui.caseload.close_case_dialog import CloseCaseDialog

    store = CaseStore(db)
    case = next(c for c in store.list_cases("active") if c.start_date < TODAY)
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda parent, ref, start: (TODAY, "completed")))
    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    view.filter_bar.set_status("all")
    assert view.select_case(case.id)
    view.close_button.click()
    demo_window.show_view("time")
    QApplication.processEvents()
    demo_window.undo_stack.undo()
    assert store.get_case(case.id).closed_date is None
    said = f"Undone in the Caseload view: Close {case.reference}."
    assert heard[-1][0].startswith(said)
    assert demo_window.statusBar().currentMessage().startswith(said)


def test_undoing_an_addition_keeps_it_once_changed_since(demo_window, db, qtbot, heard,
                                                         monkeypatch):
    from core.caseload.models import Reduction
    from ui.settings.reduction_dialog import ReductionDialog
    from ui.settings.reductions_page import ReductionsPage

    demo_window.show_view("settings")
    demo_window.view("settings").show_page("Reductions & reports")
    QApplication.processEvents()
    page = demo_window.findChild(ReductionsPage)
    monkeypatch.setattr(ReductionDialog, "get_reduction", lambda *a, **k: Reduction(
        "Practice teacher", TODAY - timedelta(days=7), hours_per_week=2.0))
    page.add_reduction()
    [row] = db.query("SELECT id FROM reductions WHERE reason = 'Practice teacher'")
    db.execute("UPDATE reductions SET reason = 'Practice teacher (two students)' WHERE id = ?",
               [row["id"]])  # changed since, in another window
    demo_window.undo_stack.undo()
    assert [r["reason"] for r in db.query("SELECT reason FROM reductions WHERE id = ?",
                                          [row["id"]])] == ["Practice teacher (two students)"]
    text, assertive = heard[-1]
    assert assertive and text == ("The reduction “Practice teacher” has been changed since, "
                                  "so this was not undone: the later change is kept.")


def test_undoing_a_recorded_session_keeps_an_action_marked_done_since(demo_window, db, heard):
    from core.supervision.meeting import MeetingOutcome
    from core.supervision.sessions import Action, list_actions, list_sessions, set_action_status
    from ui.supervision.session_command import record_undoably

    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    sessions = len(list_sessions(db))
    record = record_undoably(view, db, demo_window.hub, MeetingOutcome(
        TODAY, new_actions=[Action("Book the C07 three-way meeting", "PO")]))
    [action_id] = record.action_ids
    set_action_status(db, action_id, "done")  # marked done in another window since
    demo_window.undo_stack.undo()
    assert len(list_sessions(db)) == sessions + 1  # the session and its done action are kept
    assert next(a for a in list_actions(db) if a.id == action_id).status == "done"
    text, assertive = heard[-1]
    assert assertive and "has been changed since, so this was not undone" in text


def test_a_note_added_from_the_caseload_and_undone_leaves_no_line_saying_it_was_added(
        demo_window, db, heard, monkeypatch):
    from core.supervision.agenda import CASE_REASONS
    from ui.caseload.case_note_dialog import CaseNoteDialog

    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    case = CaseStore(db).list_cases("active")[0]
    assert view.select_case(case.id)
    monkeypatch.setattr(CaseNoteDialog, "get_note", staticmethod(
        lambda *a, **k: (CASE_REASONS[0], "Ask about the hostel move")))
    view.add_to_notes()
    assert view.message.text() == f"{case.reference} added to your supervision notes."
    demo_window.undo_stack.undo()
    assert view.message.text() == heard[-1][0] == "Took back the note."


def test_a_step_whose_page_has_gone_is_still_shown_and_said(demo_window, db, heard):
    """The widget a step was made from may be gone by the Ctrl+Z (a dialog closed since)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QWidget

    from ui.widgets.step_said import say_step

    gone = QWidget(demo_window.view("overview"))
    gone.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    demo_window.activateWindow()
    assert say_step(gone, "Undone: Add the note.") == "Undone: Add the note."
    assert heard[-1] == ("Undone: Add the note.", False)


def test_undoing_an_addition_of_a_case_deleted_since_says_so(qtbot, db):
    from core.caseload.models import Case
    from ui.caseload.case_operations import record_cases_added
    from ui.caseload.caseload_view import CaseloadView
    from ui.shell.hub import Hub

    view = CaseloadView(db, Hub())  # on its own: a stack of its own
    qtbot.addWidget(view)
    store = CaseStore(db)
    case = store.add_case(Case("C05", "community", "C2", date(2025, 1, 6)))
    record_cases_added(view.undo_stack, db, view._hub, [case], "Add C05", view._show_change,
                       view)
    store.delete_case(case.id)  # `cases delete` from a command
    view.undo_stack.undo()
    assert view.message.text() == "Add C05 was not undone: the case has been deleted since."
