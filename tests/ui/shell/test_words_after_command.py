"""A command that changes the data keeps this week's words again, when the app keeps words for
the folder: the next start paints, in its first frame, the words the Overview then shows, instead
of working the week out alone. Nothing is kept where none was, and nothing that could be painted
wrongly is ever left (a write from elsewhere meanwhile, a command killed half way)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import main
from core.store.coming_days import read_coming_days
from core.store.database import open_database
from core.store.paths import database_path
from core.store.week_snapshot import SNAPSHOT_NAME, read_snapshot, snapshot_for_first_frame
from tests.demo_copy import demo_into
from ui.overview.last_week_stand_in import LastWeekStandIn, keep_week
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 25)
NOW = "2026-11-25T10:00:00"
COMMANDS = {
    "log": ["log", "09:00-09:45 home visit @C07"],
    "reductions add": ["reductions", "add", "--reason", "Secondment", "--percent", "60",
                       "--from", "2026-11-23"],
}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", NOW)
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(database_path(data))
    demo_into(db, TODAY)
    db.close()
    return data


def settings_at(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)


def keep_as_the_app_does(qtbot, folder, tmp_path) -> str:
    db = open_database(database_path(folder))
    try:
        view = OverviewView(db, Hub(), settings_at(tmp_path), today=lambda: TODAY)
        qtbot.addWidget(view)
        keep_week(view, db, folder)
        return view.workload.headline.text()
    finally:
        db.close()


def painted_then_shown(qtbot, folder, tmp_path) -> tuple[list[str], dict[str, str]]:
    """The next start: what its first frame paints, then what the Overview shows."""
    settings = settings_at(tmp_path)
    window = main.window_frame(settings, folder)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    stand_in = window.findChild(LastWeekStandIn)
    assert stand_in is not None, "no kept words in the first frame"
    painted = stand_in.texts()
    db = open_database(database_path(folder))
    try:
        main.build_window(db, folder, settings, window)
        QApplication.processEvents()
        overview = window.view("overview")
        shown = {"week line": overview.week_line.text(),
                 "headline": overview.workload.headline.text(),
                 "body": overview.workload.words.text(),
                 "caseload headline": overview.caseload.headline.text(),
                 "caseload body": overview.caseload.words.text()}
        if not overview.sustained.isHidden():
            shown["panel"] = overview.sustained.text.text()
    finally:
        db.close()
    return painted, shown


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_after_a_command_the_next_start_paints_the_overviews_words(qtbot, folder, tmp_path,
                                                                   command):
    before = keep_as_the_app_does(qtbot, folder, tmp_path)
    assert main.main(["--data-dir", str(folder), *COMMANDS[command]]) == 0
    painted, shown = painted_then_shown(qtbot, folder, tmp_path)
    assert [text for text in shown.values() if text not in painted] == []
    if command == "reductions add":  # the week did change: the words painted are the new ones
        assert shown["headline"] != before


def test_a_command_keeps_no_words_where_the_app_kept_none(folder):
    assert main.main(["--data-dir", str(folder), *COMMANDS["log"]]) == 0
    assert not (folder / SNAPSHOT_NAME).exists()


def test_a_command_that_writes_nothing_leaves_the_kept_words_as_they_were(qtbot, folder,
                                                                           tmp_path):
    keep_as_the_app_does(qtbot, folder, tmp_path)
    kept = (folder / SNAPSHOT_NAME).read_bytes()
    assert main.main(["--data-dir", str(folder), "status"]) == 0
    assert (folder / SNAPSHOT_NAME).read_bytes() == kept
    assert snapshot_for_first_frame(folder, "2026-W48", TODAY.isoformat()) is not None


def test_a_write_from_elsewhere_while_the_words_are_worked_out_leaves_none(qtbot, folder,
                                                                         tmp_path, monkeypatch):
    """The words would be those of the data before that write: none are kept."""
    import sqlite3

    import core.workload.week_words as week_words

    keep_as_the_app_does(qtbot, folder, tmp_path)
    worked_out = week_words.words_on_days

    def with_a_write_beside(db, days):  # type: ignore[no-untyped-def]
        words = worked_out(db, days)
        other = sqlite3.connect(database_path(folder))
        other.execute("INSERT INTO settings (key, value) VALUES ('beside', '1')")
        other.commit()
        other.close()
        return words

    monkeypatch.setattr(week_words, "words_on_days", with_a_write_beside)
    assert main.main(["--data-dir", str(folder), *COMMANDS["reductions add"]]) == 0
    assert read_snapshot(folder) is None
    assert read_coming_days(folder) == []


def test_after_a_command_in_the_evening_the_next_days_first_frame_has_its_words(
        qtbot, folder, tmp_path, monkeypatch):
    """Quit, then a reduction added from the command line: the next morning's first start
    paints the words the Overview shows that morning."""
    before = keep_as_the_app_does(qtbot, folder, tmp_path)
    assert main.main(["--data-dir", str(folder), *COMMANDS["reductions add"]]) == 0
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-26T08:30:00")
    painted, shown = painted_then_shown(qtbot, folder, tmp_path)
    assert [text for text in shown.values() if text not in painted] == []
    assert shown["week line"].startswith("Week 48, as of Thursday 26 November 2026")
    assert shown["headline"] != before  # the words of the data as the command left it


def test_a_command_killed_as_it_keeps_the_words_leaves_none_painted(qtbot, folder, tmp_path):
    keep_as_the_app_does(qtbot, folder, tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT), CASELOAD_COMPANION_NOW=NOW,
               CASELOAD_CRASH_AT="words_after_command.worked_out")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *COMMANDS["reductions add"]], env=env, capture_output=True,
                          timeout=120)
    assert done.returncode != 0  # stopped there, the reduction saved
    assert snapshot_for_first_frame(folder, "2026-W48", TODAY.isoformat()) is None


def test_no_words_are_kept_for_encrypted_data(qtbot, folder, tmp_path, monkeypatch):
    """Words left beside data that is now encrypted (an older version's, a copied folder) are
    deleted by the next command, never written again."""
    from core.workload.words_after_command import keep_words_after_command

    keep_as_the_app_does(qtbot, folder, tmp_path)
    monkeypatch.setattr("core.store.encryption.is_encrypted", lambda _db: True)
    db = open_database(database_path(folder))
    try:
        db.execute("INSERT INTO settings (key, value) VALUES ('changed', '1')")
        db.conn.commit()
        keep_words_after_command(db, folder)
    finally:
        db.close()
    assert not (folder / SNAPSHOT_NAME).exists()
