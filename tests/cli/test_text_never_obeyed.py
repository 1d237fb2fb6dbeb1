"""Text typed into the app is stored and shown as text, never obeyed by a terminal (issue 29,
tester's item 3): an ESC sequence or a right-to-left override in a note, a reduction's reason
or a supervision action is refused with a clear message, writing nothing, and text stored
before that refusal existed is printed escaped."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from core.common.errors import ValidationError
from core.store.database import open_database
from core.store.paths import database_path
from core.supervision.sessions import Action, add_action

from tests.cli.in_process import run_main

ESC_TITLE = "Court\x1b]0;pwned\x07 duty"
RED = "45m recording \x1b[31mred\x1b[0m"
RTL = "45m recording \u202eabc"


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv],
                    env={"CASELOAD_COMPANION_NOW": "2026-12-02T15:00:00+00:00"})


def _count(data_dir: Path, table: str) -> int:
    db = open_database(database_path(data_dir))
    try:
        return db[table].count if db[table].exists() else 0
    finally:
        db.close()


@pytest.mark.parametrize("argv, table, shown", [
    (["log", RED, "--date", "2026-12-01"], "time_entries", "\\x1b[31mred"),
    (["log", RTL, "--date", "2026-12-01"], "time_entries", "\\u202e"),
    (["reductions", "add", "--reason", ESC_TITLE, "--hours", "1", "--from", "2026-11-30"],
     "reductions", "\\x1b]0;pwned\\x07"),
], ids=["ESC colour in a note", "right-to-left override", "title-setting ESC in a reason"])
def test_control_characters_are_refused_in_one_clear_line_and_nothing_is_stored(
        data_dir, argv, table, shown):
    before = _count(data_dir, table)
    done = cli(data_dir, *argv)
    assert done.returncode == 2
    assert "control or text-direction character" in done.stderr and shown in done.stderr
    assert "\x1b" not in done.stderr + done.stdout and "\u202e" not in done.stderr + done.stdout
    assert done.stderr.count("\n") == 1
    assert _count(data_dir, table) == before


def test_a_supervision_action_with_an_escape_is_refused_by_the_core_the_window_uses(data_dir):
    db = open_database(database_path(data_dir))
    try:
        with pytest.raises(ValidationError, match="control or text-direction"):
            add_action(db, Action(text="Book \x1b[2Jcourt slot", due_date=date(2026, 12, 9)),
                       today=date(2026, 12, 2))
        assert not db["supervision_actions"].exists() or db["supervision_actions"].count == 0
    finally:
        db.close()


def test_text_stored_before_the_refusal_is_listed_escaped(data_dir):
    assert cli(data_dir, "log", "45m recording plain", "--date", "2026-12-01").returncode == 0
    with sqlite3.connect(database_path(data_dir)) as raw:  # as an older version stored it
        raw.execute("UPDATE time_entries SET note = ?", ["old \x1b]0;pwned\x07 \u202eabc"])
    listed = cli(data_dir, "log", "list", "--from", "2026-11-30")
    assert listed.returncode == 0
    assert "old \\x1b]0;pwned\\x07 \\u202eabc" in listed.stdout
    assert "\x1b" not in listed.stdout and "\u202e" not in listed.stdout


def test_tabs_line_breaks_and_ordinary_accents_are_still_text(data_dir):
    assert cli(data_dir, "log", "45m recording café – Zoë", "--date", "2026-12-01").returncode == 0
    assert "café – Zoë" in cli(data_dir, "log", "list", "--from", "2026-11-30").stdout
