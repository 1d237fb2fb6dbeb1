""""Nothing was changed" means rolled back (issue 29, item 2), with real processes: a delete-all
that fails says so and the next ordinary command finds every case still there; a passphrase
change whose data file cannot be re-written puts its copies back, so the old passphrase still
opens everything and no later command finishes the change."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store import encryption
from core.store.all_copies import change_encryption
from core.store.backup import make_backup
from core.store.database import open_database
from core.store.disk_space import DISK_FULL_MESSAGE
from core.store.operation_journal import JOURNAL, SECRET

ROOT = Path(__file__).resolve().parents[3]
OLD, NEW = "first-passphrase-1", "second-passphrase-2"


def _cli(folder: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=environ, timeout=300)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = open_database(folder / "caseload.db")
    for ref in ("C01", "C02", "C03"):
        CaseStore(db).add_case(Case(ref, "licence", "B2", date(2026, 1, 5)))
    db.close()
    return folder


def test_a_delete_all_that_fails_on_a_full_disk_deletes_nothing_now_or_later(data):
    db = open_database(data / "caseload.db")
    # The disk fills while the rows are being deleted: SQLite reports "database or disk is full".
    db.execute("CREATE TRIGGER fills_the_disk BEFORE DELETE ON cases "
               "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    db.close()
    done = _cli(data, "delete-all", "--yes")
    assert (done.returncode, done.stderr.strip()) == (1, f"error: {DISK_FULL_MESSAGE}")
    assert not (data / JOURNAL).exists()
    listed = _cli(data, "cases", "list")  # the next ordinary command
    assert listed.returncode == 0
    assert all(ref in listed.stdout for ref in ("C01", "C02", "C03"))
    check = _cli(data, "check")
    assert check.returncode == 0, check.stdout


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_a_passphrase_change_that_fails_leaves_everything_under_the_old_passphrase(data):
    change_encryption(data, None, OLD)
    db = open_database(data / "caseload.db", passphrase=OLD)
    backup = make_backup(db, data)
    db.close()
    # The data file's re-written copy cannot be made (after the backups were re-keyed).
    (data / "caseload.db.rekey-tmp").mkdir()
    done = _cli(data, "encryption", "change", CASELOAD_COMPANION_PASSPHRASE=OLD,
                CASELOAD_COMPANION_NEW_PASSPHRASE=NEW)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    (data / "caseload.db.rekey-tmp").rmdir()
    assert not (data / JOURNAL).exists() and not (data / SECRET).exists()
    listed = _cli(data, "cases", "list", CASELOAD_COMPANION_PASSPHRASE=OLD)
    assert listed.returncode == 0 and "C02" in listed.stdout
    assert encryption.opens_with(data / "caseload.db", OLD)
    assert encryption.opens_with(backup, OLD)  # put back, not left under the new passphrase
    assert not encryption.opens_with(data / "caseload.db", NEW)
    assert _cli(data, "check", CASELOAD_COMPANION_PASSPHRASE=OLD).returncode == 0
