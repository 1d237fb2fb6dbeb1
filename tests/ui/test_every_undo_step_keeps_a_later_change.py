"""Every step on the window's Undo that deletes or overwrites stored rows, walked through the
app on a data file: Ctrl+Z brings the rows back exactly, and Ctrl+Y, after another process (a
second SQLite connection, as a command would be) has changed those rows, refuses, says and
shows that it was not redone, keeps the later change and leaves the stack.

The steps are found from the code: every QUndoCommand the window's views define, and every
view that deletes, saves or changes through the undo helpers, must be walked here or named
below as neither deleting nor overwriting, so a new one cannot be missed."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

import ui
from tests.ui import undo_walk, undo_walk_changes
from tests.ui.undo_walk import DELETIONS, rows
from tests.ui.undo_walk_changes import CHANGES
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
ROOT = Path(ui.__file__).parent

# The step each walk pushes (checked as it runs), and the view file it is made in.
WALKED = {
    "note": ("DeletionCommand", "supervision/supervision_view.py"),
    "session": ("DeletionCommand", "supervision/past_sessions_panel.py"),
    "reduction": ("DeletionCommand", "settings/reductions_page.py"),
    "report": ("DeletionCommand", "settings/reductions_page.py"),
    "leave": ("DeletionCommand", "settings/working_pattern_page.py"),
    "keyword": ("DeletionCommand", "settings/calendar_rules_panel.py"),
    "activity": ("DeletionCommand", "settings/activities_page.py"),
    "weighting_change": ("DeletionCommand", "settings/weightings_page.py"),
    "profile": ("SaveCommand", "settings/profile_page.py"),
    "spread_hours": ("SaveCommand", "settings/profile_page.py"),
    "working_week": ("SaveCommand", "settings/working_pattern_page.py"),
    "add_leave_day": ("SaveCommand", "settings/working_pattern_page.py"),
    "weightings_saved": ("SaveCommand", "settings/weightings_page.py"),
    "weightings_restored": ("SaveCommand", "settings/weightings_page.py"),
    "retention": ("SaveCommand", "settings/data_page.py"),
    "idle_lock": ("SaveCommand", "settings/data_page.py"),
    "backup_folder": ("SaveCommand", "settings/data_page.py"),
    "note_words": ("ChangeCommand", "supervision/supervision_view.py"),
    "action_done": ("ChangeCommand", "supervision/supervision_view.py"),
    "session_corrected": ("ChangeCommand", "supervision/past_sessions_panel.py"),
    "activity_renamed": ("ChangeCommand", "settings/activities_page.py"),
    "keyword_changed": ("ChangeCommand", "settings/calendar_rules_panel.py"),
    "case_closed": ("CaseChangeCommand", "caseload/caseload_view.py"),
    "case_edited": ("CaseChangeCommand", "caseload/caseload_view.py"),
    "closed_cases_deleted": ("CasesDeletedCommand", "settings/data_actions.py"),
    "time_deleted": ("TimeChangeCommand", "time/time_view.py"),
    "time_edited": ("TimeChangeCommand", "time/time_view.py"),
    "session_recorded": ("SessionCommand", "supervision/session_command.py"),
    "calendar_imported": ("CalendarImportCommand", "time/calendar_import_action.py"),
}
# Steps that neither delete nor overwrite a stored row, and where their guard is tested.
NOT_DELETING = {
    "AdditionCommand": "adds; its Undo keeps what was changed since "
                       "(test_undo_keeps_a_change_made_since.py)",
    "CasesAddedCommand": "adds cases; its Undo keeps one referred to, changed or deleted "
                         "since (tests/ui/caseload/test_case_add_undo.py)",
    "TimerStopCommand": "logs the timer's time, guarded as every time step "
                        "(tests/ui/time/test_timer_undo.py)",
    "ActionRemovedCommand": "the meeting's draft, not stored until it ends "
                            "(tests/ui/supervision/test_meeting_remove_by_keyboard.py)",
    "_AlreadyDone": "the base of the case steps walked above",
}
# Files that push a step walked above from elsewhere, or one named in NOT_DELETING.
PUSHED_FROM = {
    "overview/overview_actions.py": "AdditionCommand",
    "caseload/case_operations.py": "CaseChangeCommand and CasesAddedCommand",
    "time/time_operations.py": "TimeChangeCommand and TimerStopCommand",
    "supervision/meeting_removal.py": "ActionRemovedCommand",
}
HELPERS = re.compile(r"\b(delete_undoably|save_undoably|change_undoably)\(|\.push\(")


def _later(table: str, row: dict) -> tuple[str, object]:
    """A change another process could make to `row` (column, new value)."""
    def since(column: str) -> tuple[str, object]:
        return column, f"{row.get(column)} (since)"

    def day_before(column: str) -> tuple[str, object]:
        return column, (date.fromisoformat(row[column]) - timedelta(days=1)).isoformat()

    def setting() -> tuple[str, object]:
        values = {"retention_days": "61", "lock_minutes": "25"}
        return "value", values.get(row["key"], f"{row.get('value')}-since")

    by_table = {
        "agenda_items": lambda: since("text"),
        "supervision_sessions": lambda: since("with_whom"),
        "supervision_actions": lambda: since("owner"),
        "reductions": lambda: since("reason"),
        "court_reports": lambda: day_before("completed_date"),
        "leave_days": lambda: ("hours", 3.5),
        "calendar_rules": lambda: ("keyword", f"{row.get('keyword')} since"),
        "activities": lambda: since("name"),
        "weighting_changes": lambda: ("value", (row.get("value") or 0) + 5),
        "cases": lambda: ("expected_end_date",
                          (date.today() + timedelta(days=400)).isoformat()),
        "time_entries": lambda: since("note"),
        "working_pattern": lambda: ("hours", 4.0),
        "profile_changes": lambda: ("contracted_hours", "35"),
        "settings": setting,
    }
    return by_table[table]()


def _key(other: sqlite3.Connection, table: str) -> str:
    return next(r[1] for r in other.execute(f'PRAGMA table_info("{table}")') if r[5])


@pytest.fixture
def db(tmp_path):
    """The data on a file, so that a second connection can change it as a command would."""
    from core.store.database import open_database

    database = open_database(tmp_path / "caseload.db")
    yield database
    database.close()


@pytest.fixture
def other(tmp_path, db):
    connection = sqlite3.connect(tmp_path / "caseload.db", isolation_level=None, timeout=10)
    yield connection
    connection.close()


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _change_since(other, db, tables, before, after) -> None:
    """Another process changes a row the step wrote: one it changed or deleted (brought back
    by Ctrl+Z), else one like those it added."""
    for table, was, made in zip(tables, before, after):
        went = [r for r in was if r not in made]
        came = [r for r in made if r not in was]
        if not (went or came):
            continue
        row = dict(went[0] if went else came[0])
        column, value = _later(table, row)
        if went:
            key = _key(other, table)
            other.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE "{key}" = ?',
                          [value, row[key]])
        else:
            row[column] = value
            names = ", ".join(f'"{c}"' for c in row)
            other.execute(f'INSERT INTO "{table}" ({names}) VALUES '
                          f'({", ".join("?" * len(row))})', list(row.values()))
        return
    raise AssertionError("the step wrote nothing")


def _keys(window, qtbot, key) -> None:
    """Ctrl+<key> to the window, with the keyboard on the view list (no field's own undo)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    QTest.keyClick(window.nav, key, CTRL)


@pytest.mark.parametrize("walk", DELETIONS + CHANGES, ids=lambda f: f.__name__)
def test_ctrl_z_brings_it_back_and_ctrl_y_keeps_a_later_change(
        demo_window, db, other, qtbot, heard, monkeypatch, walk):
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    stack = demo_window.undo_stack
    if walk in DELETIONS:
        step, tables = walk(demo_window, db)
    else:
        step, tables = walk(demo_window, db, monkeypatch)
    before = rows(db, *tables)
    step()
    after = rows(db, *tables)
    assert after != before, "the step changed nothing"
    assert type(stack.command(stack.index() - 1)).__name__ == WALKED[walk.__name__][0]
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert rows(db, *tables) == before, heard[-1:]  # back exactly

    _change_since(other, db, tables, before, after)
    since = rows(db, *tables)
    heard.clear()
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert rows(db, *tables) == since  # the later change kept, nothing deleted or written
    said = [text for text, _assertive in heard if "not redone" in text]
    assert said, heard
    assert "not redone" in demo_window.statusBar().currentMessage()  # shown as well
    assert not stack.canRedo()  # the step has gone


def _ui_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages([str(ROOT)], "ui.")]


def test_every_step_that_deletes_or_overwrites_is_walked():
    for name in _ui_modules():
        importlib.import_module(name)
    found, todo = set(), [QUndoCommand]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("ui."):
                found.add(sub.__name__)
    walked = {command for command, _file in WALKED.values()}
    assert found - walked - set(NOT_DELETING) == set(), "a step nobody walks"
    assert {f.__name__ for f in DELETIONS + CHANGES} == set(WALKED)
    assert undo_walk and undo_walk_changes  # the walks' own modules, named above

    places = {file for _command, file in WALKED.values()}
    calling = set()
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("widgets/"):
            continue  # the helpers themselves
        source = path.read_text(encoding="utf-8")
        if HELPERS.search(source):
            calling.add(relative)
    assert calling - places - set(PUSHED_FROM) == set(), "a view nobody walks"


def test_redo_keeps_closed_cases_that_have_time_logged_against_them_since(
        demo_window, db, other, qtbot, heard, monkeypatch):
    """The cases' own rows unchanged, but a command has logged time against one since it was
    brought back: deleting it again would take the case off that entry."""
    step, tables = undo_walk_changes.closed_cases_deleted(demo_window, db, monkeypatch)
    ids = lambda: {r["id"] for r in db.query("SELECT id FROM cases")}  # noqa: E731
    kept = ids()
    step()
    case_id = min(kept - ids())  # one of those deleted
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    activity = next(db.query("SELECT id FROM activities LIMIT 1"))["id"]
    other.execute("INSERT INTO time_entries (date, minutes, activity_id, case_id, note) "
                  "VALUES (?, 30, ?, ?, 'file review')", [date.today().isoformat(), activity,
                                                          case_id])
    since = rows(db, *tables)
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert rows(db, *tables) == since
    assert "not redone" in heard[-1][0] and heard[-1][1]


def test_redo_keeps_an_activity_whose_keyword_was_changed_since(
        demo_window, db, other, qtbot, heard, monkeypatch):
    """Deleting an activity takes its calendar keywords with it: one changed since it came
    back is a later change too."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    step, tables = undo_walk.activity(demo_window, db)
    step()
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    other.execute("UPDATE calendar_rules SET keyword = 'psr interviews' "
                  "WHERE keyword = 'psr interview'")
    since = rows(db, *tables)
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert rows(db, *tables) == since
    assert heard[-1] == ("The activity Pre-sentence interviews has been changed since, so this "
                         "was not redone: the later change is kept.", True)
