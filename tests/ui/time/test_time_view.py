"""The Time view: quick entry, undo and redo, filling gaps, overlaps, charts and the stale timer."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.time_entries import TimeEntry, TimeStore
from core.time.time_summary import activity_mix, hours_per_week
from core.time.timer import get_timer, start_timer
from ui.shell.hub import Hub
from ui.time.stale_timer_dialog import StaleChoice, StaleTimerDialog
from ui.time.time_entry_dialog import TimeEntryDialog
from ui.time.time_table_model import COL_WMT
from ui.time.time_view import TimeView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 11, 25, 16, 30)  # Wednesday afternoon
TUESDAY = date(2026, 11, 24)


@pytest.fixture
def view(qtbot, db):
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    widget = TimeView(db, Hub(), QUndoStack(), clock=lambda: NOW)
    qtbot.addWidget(widget)
    return widget


def act(db, name):
    return next(a.id for a in list_activities(db) if a.name == name)


def entry_rows(view):
    return [r.item for r in view.model.rows() if r.kind == "entry"]


def log(db, day, start, end, name="Recording and admin"):
    minutes = (end[0] * 60 + end[1]) - (start[0] * 60 + start[1])
    return (
        TimeStore(db)
        .log_time(
            TimeEntry(day, minutes, act(db, name), start=time(*start), end=time(*end)),
            today=NOW.date(),
        )
        .added[0]
    )


def select_entry(view, entry_id):
    for row, week_row in enumerate(view.model.rows()):
        if week_row.kind == "entry" and week_row.item.id == entry_id:
            view.table.selectRow(row)
            return
    raise AssertionError("entry not shown")


def test_quick_entry_adds_a_row(qtbot, view):
    view.quick.setText("09:30-10:15 home visit @C07 joint visit")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    [entry] = entry_rows(view)
    assert (entry.activity_name, entry.case_reference, entry.note) == (
        "Home visit",
        "C07",
        "joint visit",
    )
    assert view.quick.text() == ""
    assert "Logged 45 minutes of Home visit" in view.message.text()
    assert "45 minutes logged" in view.week_label.text()


def test_bad_line_explains_and_saves_nothing(qtbot, view):
    view.quick.setText("45m travel @C99")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    assert "no case C99" in view.problems.text() and not view.problems.isHidden()
    assert entry_rows(view) == []
    assert view.quick.text() == "45m travel @C99"  # kept, so it can be corrected


def test_undo_after_delete_restores_exactly_and_redo_deletes_again(view, db):
    original = log(db, TUESDAY, (9, 0), (10, 0))
    view.refresh()
    select_entry(view, original.id)
    view.delete_selected()
    assert entry_rows(view) == []
    view.undo_stack.undo()
    assert TimeStore(db).get_entry(original.id) == original
    assert [e.id for e in entry_rows(view)] == [original.id]
    view.undo_stack.redo()
    assert entry_rows(view) == []


def test_undo_of_an_edit(view, db, monkeypatch):
    original = log(db, TUESDAY, (9, 0), (10, 0))
    view.refresh()
    select_entry(view, original.id)
    edited = TimeEntry(
        TUESDAY, 30, act(db, "Travel"), start=time(9), end=time(9, 30), id=original.id
    )
    # The dialog saves through the view while it is open (so a refusal keeps it open).
    monkeypatch.setattr(TimeEntryDialog, "get_entry",
                        staticmethod(lambda *a, **k: k["save"](edited) or edited))
    view.edit_selected()
    assert TimeStore(db).get_entry(original.id).activity_name == "Travel"
    view.undo_stack.undo()
    assert TimeStore(db).get_entry(original.id) == original


def test_gap_is_filled_in_place(qtbot, view, db, monkeypatch):
    log(db, TUESDAY, (9, 0), (10, 40))
    log(db, TUESDAY, (12, 15), (17, 0))
    view.refresh()
    gap_rows = [i for i, r in enumerate(view.model.rows()) if r.kind == "gap"]
    assert len(gap_rows) == 1
    asked = {}

    def answer(parent, db_, entry=None, **kwargs):
        asked.update(kwargs)
        entry = TimeEntry(
            kwargs["day"], 95, act(db, "Home visit"), start=kwargs["start"], end=kwargs["end"]
        )
        assert kwargs["save"](entry) is None
        return entry

    monkeypatch.setattr(TimeEntryDialog, "get_entry", staticmethod(answer))
    view.show()
    cell = view.table.visualRect(view.proxy.index(gap_rows[0], COL_WMT))
    assert view.proxy.index(gap_rows[0], COL_WMT).data() == "Fill…"
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert "What were you doing 10:40–12:15" in asked["prompt"]
    assert [r.kind for r in view.model.rows()].count("gap") == 0
    assert "Home visit" in [e.activity_name for e in entry_rows(view)]


def test_overlap_asks_and_trims_only_when_agreed(qtbot, view, db, monkeypatch):
    log(db, TUESDAY, (9, 0), (12, 0))
    view.refresh()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    view.quick.setText("yesterday 10:00-11:00 travel")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    assert len(entry_rows(view)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    spans = [(f"{e.start:%H:%M}", f"{e.end:%H:%M}") for e in entry_rows(view)]
    assert spans == [("09:00", "10:00"), ("10:00", "11:00"), ("11:00", "12:00")]
    view.undo_stack.undo()
    assert [(f"{e.start:%H:%M}", f"{e.end:%H:%M}") for e in entry_rows(view)] == [
        ("09:00", "12:00")
    ]


def test_charts_draw_the_core_series(view, db):
    log(db, TUESDAY, (9, 0), (12, 0))
    log(db, TUESDAY, (13, 0), (14, 0), "Travel")
    view.refresh()
    series = hours_per_week(db, NOW.date(), 12)
    weekly = view.charts.weekly
    assert list(weekly.within_bars.opts["height"])[-1] == pytest.approx(4.0)
    assert list(weekly.contracted_curve.getData()[1][::2]) == [w.contracted_hours for w in series]
    mix = view.charts.mix
    assert [a.name for a in mix.mix] == [
        a.name for a in activity_mix(db, date(2026, 10, 26), date(2026, 11, 29))
    ]
    assert list(mix.uncounted_bars.opts["width"]) == [1.0]  # travel, not counted by the WMT
    assert "Travel" not in mix.summary.text() or "does not count" in mix.summary.text()
    mix.as_table.setChecked(True)
    assert mix.stack.currentWidget() is mix.table
    assert mix.model.rowCount() == 2


def test_weekend_timer_is_asked_about_once(view, db, monkeypatch):
    start_timer(db, act(db, "Recording and admin"), now=datetime(2026, 11, 20, 16, 45))
    calls = []

    def choose(parent, timer, now):
        calls.append(timer)
        return StaleChoice("until", datetime(2026, 11, 20, 17, 30))

    monkeypatch.setattr(StaleTimerDialog, "get_choice", staticmethod(choose))
    view.check_stale_timer()
    view.check_stale_timer()
    assert len(calls) == 1
    assert get_timer(db) is None
    [entry] = TimeStore(db).entries_on(date(2026, 11, 20))
    assert (entry.start, entry.end) == (time(16, 45), time(17, 30))
    view.undo_stack.undo()
    assert TimeStore(db).entries_on(date(2026, 11, 20)) == []


def test_timer_controls_switch_in_one_step(view, db):
    view.timer.activity.setCurrentText("Home visit")
    view.timer.ago.setValue(30)
    view.timer.start_button.click()
    assert "Timing Home visit since 16:00" in view.timer.status.text()
    assert view.timer.start_button.text().replace("&", "") == "Switch"
    view.timer.activity.setCurrentText("Travel")
    view.timer.start_button.click()
    assert [e.activity_name for e in entry_rows(view)] == ["Home visit"]
    assert get_timer(db).activity_name == "Travel"


def test_window_has_time_view_shortcut_and_undo(qtbot, db, tmp_path):
    import main

    window = main.build_window(
        db, tmp_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    keys = window._keys
    assert keys.index("time") < keys.index("settings")
    if "caseload" in keys:
        assert keys.index("caseload") < keys.index("time")
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert {"Ctrl+L", "Ctrl+Z"} <= shortcuts
    edit_texts = [a.text().replace("&", "") for a in window.menu("&Edit").actions()]
    assert any(t.startswith("Undo") for t in edit_texts)


def test_ctrl_l_logs_from_anywhere_and_can_be_undone(qtbot, db, tmp_path, monkeypatch):
    import main
    from ui.time.quick_entry_dialog import QuickEntryDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = main.build_window(db, tmp_path, settings)
    qtbot.addWidget(window)
    store = TimeStore(db)

    def typed(parent, db_, clock=None):
        return store.log_time(TimeEntry(TUESDAY, 20, act(db, "Travel")))

    monkeypatch.setattr(QuickEntryDialog, "get_change", staticmethod(typed))
    [action] = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    action.trigger()
    assert [e.minutes for e in store.entries_on(TUESDAY)] == [20]
    window.time_undo_stack.undo()
    assert store.entries_on(TUESDAY) == []


def test_tray_menu_reflects_the_timer(qtbot, db):
    from PySide6.QtWidgets import QWidget

    from ui.time.tray import TimeTray

    parent = QWidget()
    qtbot.addWidget(parent)
    started = []
    tray = TimeTray(
        db,
        parent,
        start=lambda: started.append(1),
        stop=lambda: None,
        quick_entry=lambda: None,
        clock=lambda: NOW,
    )
    assert tray.status_action.text() == "No timer running."
    assert not tray.stop_action.isEnabled()
    start_timer(db, act(db, "Travel"), now=NOW)
    tray.refresh()
    assert tray.status_action.text().startswith("Timing Travel since 16:30")
    assert tray.start_action.text() == "Switch timer" and tray.stop_action.isEnabled()
    tray.start_action.trigger()
    assert started == [1]
