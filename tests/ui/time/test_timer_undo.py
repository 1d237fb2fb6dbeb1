"""Undoing a timer stop with the window's Undo restarts the timer; redo stops it again."""

from __future__ import annotations

import functools
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings

import ui.time.time_setup
from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.time_entries import TimeStore
from core.time.timer import get_timer, start_timer

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TUESDAY = date(2026, 11, 24)


def act(db, name):
    return next(a.id for a in list_activities(db) if a.name == name)


@pytest.fixture
def clock():
    """The time the window sees; a test moves it on by setting clock[0]."""
    return [datetime(2026, 11, 24, 10, 30)]


@pytest.fixture
def window(qtbot, db, tmp_path, monkeypatch, clock):
    import main

    monkeypatch.setattr(
        ui.time.time_setup,
        "install_time",
        functools.partial(ui.time.time_setup.install_time, clock=lambda: clock[0]),
    )
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    made = main.build_window(db, tmp_path, settings)
    qtbot.addWidget(made)
    made.show_view("time")
    return made


def shortcut(window, keys):
    [action] = [a for a in window.actions() if keys in [s.toString() for s in a.shortcuts()]]
    return action


def start_home_visit(db):
    case_id = CaseStore(db).list_cases("active")[0].id
    start_timer(
        db,
        act(db, "Home visit"),
        now=datetime(2026, 11, 24, 9, 5),
        case_id=case_id,
        note="first visit since move",
    )


def test_undo_of_a_stop_restarts_the_timer_and_redo_stops_it_again(window, db):
    start_home_visit(db)
    before = get_timer(db)
    view = window.view("time")
    view.refresh()
    view.timer.stop_button.click()
    [logged] = TimeStore(db).entries_on(TUESDAY)
    assert (f"{logged.start:%H:%M}", f"{logged.end:%H:%M}") == ("09:05", "10:30")
    assert get_timer(db) is None

    shortcut(window, "Ctrl+Z").trigger()
    assert get_timer(db) == before  # same activity, case, note and start
    assert TimeStore(db).entries_on(TUESDAY) == []
    assert view.timer.status.text().startswith("Timing Home visit · C07 since 09:05")
    assert view.timer.stop_button.isEnabled()
    assert window.time_tray.stop_action.isEnabled()
    assert "Timing Home visit again since 09:05" in view.message.text()

    shortcut(window, "Ctrl+Y").trigger()
    assert get_timer(db) is None
    assert TimeStore(db).entries_on(TUESDAY) == [logged]
    assert view.timer.status.text() == "No timer running."
    assert not window.time_tray.stop_action.isEnabled()


def test_undo_leaves_a_newer_timer_alone_and_says_so(window, db, clock):
    start_home_visit(db)
    view = window.view("time")
    view.refresh()
    view.timer.stop_button.click()
    clock[0] = datetime(2026, 11, 24, 10, 45)
    view.timer.activity.setCurrentText("Travel")
    view.timer.start_button.click()
    travel = get_timer(db)
    assert travel.activity_name == "Travel"

    shortcut(window, "Ctrl+Z").trigger()
    assert TimeStore(db).entries_on(TUESDAY) == []
    assert get_timer(db) == travel
    assert view.timer.status.text().startswith("Timing Travel since 10:45")
    message = view.message.text()
    assert "Home visit time from 09:05 is no longer logged" in message
    assert "not restarted, so the Travel timer running now is left as it is" in message

    shortcut(window, "Ctrl+Y").trigger()  # the time comes back; Travel keeps running
    assert [e.activity_name for e in TimeStore(db).entries_on(TUESDAY)] == ["Home visit"]
    assert get_timer(db) == travel


def test_undo_of_a_switch_keeps_the_new_timer(window, db, clock):
    start_home_visit(db)
    view = window.view("time")
    view.refresh()
    view.timer.activity.setCurrentText("Travel")
    view.timer.start_button.click()  # switch: Home visit is logged, Travel runs
    travel = get_timer(db)
    assert window.undo_stack.undoText() == "Switch timer"
    shortcut(window, "Ctrl+Z").trigger()
    assert TimeStore(db).entries_on(TUESDAY) == []
    assert get_timer(db) == travel
    assert "the Travel timer running now is left as it is" in view.message.text()


def test_a_stop_within_the_first_minute_is_undone_by_starting_the_timer_again(window, db, clock):
    """The tester's run: start, switch, stop under a minute, Ctrl+Z took back an older step in
    Settings; the stop is the step Ctrl+Z takes back, and the timer runs again as it was."""
    from PySide6.QtGui import QUndoCommand

    from ui.widgets.deletion_undo import undo_stack_of

    view = window.view("time")
    stack = undo_stack_of(view)
    older = QUndoCommand("Add reduction")  # a step made earlier somewhere else
    stack.push(older)
    start_timer(db, act(db, "Home visit"), now=clock[0])
    before = get_timer(db)
    view.refresh()
    view.timer.stop_button.click()
    assert get_timer(db) is None and TimeStore(db).entries_on(TUESDAY) == []
    assert "no time was logged" in window.statusBar().currentMessage()

    shortcut(window, "Ctrl+Z").trigger()
    assert get_timer(db) == before
    assert stack.index() == 1 and stack.command(0) is older  # the older step is still there to undo
    assert "Timing Home visit again since 10:30" in window.statusBar().currentMessage()

    shortcut(window, "Ctrl+Y").trigger()
    assert get_timer(db) is None
    assert TimeStore(db).entries_on(TUESDAY) == []


def test_return_on_switch_with_the_same_activity_says_why_nothing_changed(window, db, clock, qtbot):
    from PySide6.QtCore import Qt

    view = window.view("time")
    view.timer.activity.setCurrentIndex(view.timer.activity.findText("Travel"))
    view.timer.start_button.click()
    before = get_timer(db)
    window.statusBar().showMessage("Undone: Log time (Travel, Tuesday 24 November, 30 minutes).")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.timer.start_button.setFocus()
    qtbot.keyClick(view.timer.start_button, Qt.Key.Key_Return)
    # A button Return presses goes down at once and is clicked as it comes up (as Space does).
    qtbot.waitUntil(lambda: not view.timer.start_button.isDown())
    assert get_timer(db) == before
    assert window.statusBar().currentMessage() == (
        "Already timing Travel since 10:30: choose another activity or case to switch to, "
        "or Stop.")
