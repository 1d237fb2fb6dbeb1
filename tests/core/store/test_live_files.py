"""Nothing in a process that holds a connection reads or copies the data file outside SQLite
(issue 11, item 1): doing so drops the connection's POSIX locks, and another process then
deletes the WAL under it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.store import fileops, live_files
from core.store.backup import backup_file
from core.store.database import open_database
from core.store.fileops import sidecar
from tests import live_file_guard

CLOSE_ANOTHER_CONNECTION = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('SELECT count(*) FROM sqlite_master').fetchone(); c.close()"
)


def test_the_header_of_an_open_file_is_read_from_its_connection(tmp_path):
    path = tmp_path / "caseload.db"
    db = open_database(path)
    assert live_files.is_live(path) and live_files.is_live(sidecar(path, "-wal"))
    assert fileops.file_kind(path) == "sqlite"
    assert live_file_guard.violations == []
    db.close()
    assert not live_files.is_live(path)
    assert fileops.file_kind(path) == "sqlite"  # read from the file once nothing holds it


def test_the_guard_sees_app_code_copying_an_open_file(tmp_path):
    path = tmp_path / "caseload.db"
    db = open_database(path)
    fileops.copy_private(path, tmp_path / "copy.db")  # what the app must never do
    seen = list(live_file_guard.violations)
    live_file_guard.violations.clear()
    db.close()
    assert seen and "caseload.db" in seen[0]


def test_a_backup_beside_the_open_file_keeps_its_journal_when_another_process_closes(tmp_path):
    path = tmp_path / "caseload.db"
    db = open_database(path)
    db["settings"].insert({"key": "before", "value": "1"})
    backup_file(path, tmp_path / "backups")  # the window's automatic backup, its own connection
    subprocess.run([sys.executable, "-c", CLOSE_ANOTHER_CONNECTION, str(path)], check=True)
    assert sidecar(path, "-wal").exists() and sidecar(path, "-shm").exists()
    db["settings"].insert({"key": "after", "value": "1"})
    db.close()
    again = open_database(path)
    assert {r["key"] for r in again.query("SELECT key FROM settings")} >= {"before", "after"}
    again.close()


def test_the_copy_before_an_upgrade_is_taken_through_sqlite(tmp_path):
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "schema-m001.db"
    path = tmp_path / "caseload.db"
    path.write_bytes(fixture.read_bytes())
    db = open_database(path)  # upgrades; the guard fails the test if the file is copied raw
    db.close()
    (copy,) = tmp_path.glob("caseload.before-*.db")
    assert copy.read_bytes()[:16] == fileops.SQLITE_HEADER
    assert not list(tmp_path.glob("*.partial"))
    old = open_database(copy)  # a whole database (it is upgraded in turn when opened)
    old.close()


def test_export_and_import_refuse_the_open_data_file(tmp_path, capsys):
    import main

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    open_database(data_dir / "caseload.db").close()
    before = (data_dir / "caseload.db").read_bytes()
    for argv in (["export", "--from", "2026-11-02", "--to", "2026-11-06", "--format", "md",
                  "--out", str(data_dir / "caseload.db")],
                 ["export", "--from", "2026-11-02", "--to", "2026-11-06", "--format", "csv",
                  "--out", str(data_dir / "caseload.db-wal")],
                 ["cases", "import", str(data_dir / "caseload.db")]):
        assert main.main(["--data-dir", str(data_dir), *argv]) == 2
        assert "your data file" in capsys.readouterr().err
    assert (data_dir / "caseload.db").read_bytes() == before
