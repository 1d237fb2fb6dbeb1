"""Restore: a bad file is refused with nothing changed; the current data is kept first."""

from __future__ import annotations

import pytest

import main
from core.store.backup import list_backups, make_backup, restore_backup
from core.caseload.cases import CaseStore
from core.store.database import StorageError, open_database
from core.store.operation_journal import LOCK
from core.store.writers_lock import LOCK as WRITERS_LOCK
from core.demo.caseload_demo import fill_demo
from core.caseload.models import Case


def _demo(data_dir):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    return db


def test_restore_brings_back_what_was_backed_up_and_keeps_current(data_dir):
    from datetime import date

    db = _demo(data_dir)
    backup = make_backup(db, data_dir)
    CaseStore(db).add_case(Case("NEW1", "community", "B2", date(2026, 1, 5)))
    db.close()
    result = restore_backup(backup, data_dir / "caseload.db")
    restored = open_database(data_dir / "caseload.db")
    refs = CaseStore(restored).references()
    assert "NEW1" not in refs and len(refs) == 57
    restored.close()
    # The data that was replaced (with NEW1) was kept as a backup first.
    kept = open_database(result.previous_data)
    assert "NEW1" in CaseStore(kept).references()
    kept.close()


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"x" * 600]
)
def test_bad_backup_is_refused_and_nothing_changes(data_dir, tmp_path, content):
    db = _demo(data_dir)
    db.close()
    before = (data_dir / "caseload.db").read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(StorageError):
        restore_backup(bad, data_dir / "caseload.db")
    assert (data_dir / "caseload.db").read_bytes() == before
    assert not list_backups(data_dir / "backups")  # no copy needed when nothing changed
    left = sorted(p.name for p in data_dir.iterdir() if p.is_file()
                  and p.name not in (LOCK, WRITERS_LOCK))
    assert left == ["caseload.db"]  # and the locks, which hold no data


def test_a_database_from_another_app_is_refused(data_dir, tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not one made by Caseload Companion"):
        restore_backup(other, data_dir / "caseload.db")


def test_restore_over_a_damaged_file_sets_it_aside_unchanged(data_dir):
    db = _demo(data_dir)
    backup = make_backup(db, data_dir)
    db.close()
    damaged = b"this used to be my data" * 10
    (data_dir / "caseload.db").write_bytes(damaged)
    result = restore_backup(backup, data_dir / "caseload.db")
    assert result.previous_data.read_bytes() == damaged
    assert "before-restore" in result.previous_data.name


def test_cli_restore_and_exit_codes(data_dir, capsys, tmp_path):
    assert main.main(["--data-dir", str(data_dir), "demo"]) == 0
    out = tmp_path / "copy.db"
    assert main.main(["--data-dir", str(data_dir), "backup", "--out", str(out)]) == 0
    assert main.main(["--data-dir", str(data_dir), "restore", str(out)]) == 0
    assert "Your previous data was kept at" in capsys.readouterr().out
    junk = tmp_path / "junk.db"
    junk.write_text("junk")
    assert main.main(["--data-dir", str(data_dir), "restore", str(junk)]) == 2  # bad input
    assert "not restored" in capsys.readouterr().err
