"""This week in words read straight from the data file, for the window to paint before the data
is opened into it: the same words the Overview works out, and none from a file this version would
not open as it is."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.migrations.registry import known_names
from core.store.paths import database_path
from core.store.week_snapshot import data_state
from core.workload.week_words import (KNOWN_MIGRATIONS, LATEST_MIGRATION, week_in_words,
                                      week_in_words_from_file)
from tests.demo_copy import demo_into

TODAY = date(2026, 11, 25)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-25T10:00:00")
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(database_path(data))
    demo_into(db, TODAY)
    db.close()
    return data


def test_the_words_read_from_the_file_are_the_ones_worked_out_from_the_open_data(folder):
    db = open_database(database_path(folder))
    try:
        opened = week_in_words(db, TODAY)
    finally:
        db.close()
    read = week_in_words_from_file(folder, TODAY)
    assert read is not None and read == opened
    assert read.week == "2026-W48" and read.day == "2026-11-25"
    assert read.headline and read.body and read.caseload_headline
    assert read.sustained  # the demo's weeks over capacity: the calm panel is due
    assert "%" not in " ".join(read)


def test_reading_the_words_leaves_the_data_file_as_it_was(folder):
    """Kept words stay true after the look (the state they were kept for is unchanged)."""
    before = data_state(folder)
    assert week_in_words_from_file(folder, TODAY) is not None
    assert data_state(folder) == before


def test_no_words_before_the_first_case(tmp_path):
    data = tmp_path / "empty"
    data.mkdir()
    open_database(database_path(data)).close()
    assert week_in_words_from_file(data, TODAY) is None


def test_no_words_from_a_newer_versions_data(folder):
    db = open_database(database_path(folder))
    db["_sqlite_migrations"].insert({"migration_set": "caseload_companion",
                                     "name": "m999_from_the_future", "applied_at": "x"})
    db.close()
    assert week_in_words_from_file(folder, TODAY) is None


def test_no_words_from_a_newer_versions_data_whose_migration_sorts_lower(folder):
    """A newer version's fix-up migration named m010_b_… sorts below the newest this build
    has; opening the data refuses the file all the same, so nothing is painted before it."""
    db = open_database(database_path(folder))
    db["_sqlite_migrations"].insert({"migration_set": "caseload_companion",
                                     "name": "m010_b_future", "applied_at": "x"})
    db.close()
    assert week_in_words_from_file(folder, TODAY) is None


def test_no_words_when_no_case_is_left(folder):
    """Profile and time kept, every case gone (a practitioner between caseloads, or retention
    having deleted them all): the Overview shows "Nothing to estimate yet", so no week first."""
    assert week_in_words_from_file(folder, TODAY) is not None
    db = open_database(database_path(folder))
    db.execute("UPDATE time_entries SET case_id = NULL")
    db.execute("DELETE FROM tier_history")
    db.execute("DELETE FROM cases")
    db.conn.commit()
    db.close()
    assert week_in_words_from_file(folder, TODAY) is None


def test_no_words_from_data_that_still_needs_a_migration(folder):
    db = open_database(database_path(folder))
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [LATEST_MIGRATION])
    db.conn.commit()
    db.close()
    assert week_in_words_from_file(folder, TODAY) is None


@pytest.mark.parametrize("content", [bytes(range(256)) * 800, b"",
                                     b"SQLite format 3\x00" + b"x" * 5000])
def test_no_words_from_a_file_that_is_not_a_data_file(folder, content):
    database_path(folder).write_bytes(content)
    assert week_in_words_from_file(folder, TODAY) is None


def test_no_words_without_a_data_file(tmp_path):
    assert week_in_words_from_file(tmp_path / "nowhere", TODAY) is None


def test_the_newest_migration_named_is_the_newest_this_build_has():
    assert LATEST_MIGRATION == max(known_names())
    assert KNOWN_MIGRATIONS == known_names()


def test_a_case_added_is_in_the_next_words(folder):
    before = week_in_words_from_file(folder, TODAY)
    db = open_database(database_path(folder))
    store = CaseStore(db)
    store.add_cases(Case(reference=f"Z{n:02d}", case_type="community", tier="B2",
                         start_date=date(2026, 11, 2)) for n in range(40))
    db.close()
    after = week_in_words_from_file(folder, TODAY)
    assert before is not None and after is not None
    assert after.caseload_headline != before.caseload_headline


def test_the_words_are_read_without_sqlite_utils(folder):
    """Importing sqlite-utils costs a start-up 35 to 60 ms; the first words do not wait for it."""
    code = ("import sys; from datetime import date; from pathlib import Path; "
            "from core.workload.week_words import week_in_words_from_file; "
            f"assert week_in_words_from_file(Path({str(folder)!r}), date(2026, 11, 25)); "
            "print('sqlite_utils' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "False"


def test_no_words_from_a_data_file_damaged_inside(folder):
    """The header and the pages the words are read from intact, another page not: the recovery
    screen comes next, and no words are painted beside it."""
    from core.store.database import DamagedDatabaseError, check_readable

    path = database_path(folder)
    data = bytearray(path.read_bytes())
    page = 4096
    data[-page:] = bytes(range(256)) * (page // 256)  # the last page: not one the words need
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError):
        check_readable(sqlite3.connect(path), path)
    assert week_in_words_from_file(folder, TODAY) is None
