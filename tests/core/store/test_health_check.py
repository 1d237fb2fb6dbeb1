"""`check`: ok for good data; names integrity, foreign key and schema problems; exit 0 or 1."""

from __future__ import annotations

import sqlite3

import main
from core.store.database import open_database
from core.demo.caseload_demo import fill_demo
from core.store.health_check import check_file


def _demo(data_dir):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.close()
    return data_dir / "caseload.db"


def test_good_data_checks_ok(data_dir, capsys):
    _demo(data_dir)
    report = check_file(data_dir / "caseload.db")
    assert report.ok and report.schema and not report.pending
    assert main.main(["--data-dir", str(data_dir), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ok" and out[1].startswith("schema: m")


def test_broken_foreign_keys_are_reported(data_dir, capsys):
    path = _demo(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM cases WHERE reference = 'C01'")
    conn.commit()
    conn.close()
    report = check_file(path)
    assert not report.ok and "tier_history" in report.problems[0]
    assert main.main(["--data-dir", str(data_dir), "check"]) == 1
    assert "no longer exist" in capsys.readouterr().out


def test_data_from_a_newer_version_is_reported(data_dir, capsys):
    path = _demo(data_dir)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('caseload_companion', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    assert main.main(["--data-dir", str(data_dir), "check"]) == 1
    assert "newer version" in capsys.readouterr().out


def test_check_does_not_create_or_change_anything(data_dir, capsys):
    path = _demo(data_dir)
    before = path.read_bytes()
    assert main.main(["--data-dir", str(data_dir), "check"]) == 0
    assert path.read_bytes() == before
