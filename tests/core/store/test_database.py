"""Opening the data file: owner-only, WAL and foreign keys, migrated with a copy, newer refused."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from core.store.database import DamagedDatabaseError, NewerDatabaseError, open_database
from core.store.migrations import MIGRATIONS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_new_file_is_owner_only_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "caseload.db"
    db = open_database(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    if os.name == "posix":
        assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_reopening_applies_nothing_and_keeps_data(tmp_path):
    path = tmp_path / "caseload.db"
    db = open_database(path)
    db["settings"].insert({"key": "k", "value": "1"})
    db.close()
    again = open_database(path)
    assert again["settings"].count == 1
    assert not MIGRATIONS.pending(again)
    assert list(tmp_path.glob("*.before-*")) == []


def test_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "caseload.db"
    db = open_database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "caseload_companion", "name": "m999_from_the_future", "applied_at": "x"}
    )
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_not_a_database_is_refused_and_left_exactly_as_it_was(tmp_path):
    path = tmp_path / "caseload.db"
    path.write_bytes(b"this is a shopping list, not a database\n" * 50)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError, match="left exactly as it is"):
        open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schema-*.db")))
def test_each_released_schema_upgrades_with_a_copy_first(tmp_path, fixture):
    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURES / fixture, path)
    with sqlite3.connect(path) as conn:
        refs_before = [r[0] for r in conn.execute("SELECT reference FROM cases ORDER BY reference")]
    db = open_database(path)
    assert not MIGRATIONS.pending(db)
    assert [r["reference"] for r in db.query("SELECT reference FROM cases ORDER BY reference")] == refs_before
    copies = list(tmp_path.glob("caseload.before-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert [r[0] for r in conn.execute("SELECT reference FROM cases ORDER BY reference")] == refs_before


def test_a_folder_holding_only_logged_time_is_not_empty(db):
    from core.store.database import is_empty
    from core.time.quick_entry import log_quick_entry
    from datetime import datetime

    assert is_empty(db)
    log_quick_entry(db, "09:00-10:00 recording", now=datetime(2026, 11, 27, 12, 0))
    assert not is_empty(db)
