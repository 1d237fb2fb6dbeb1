"""A writers' lock that cannot be taken is never a free lock (issue 29, tester's item 1).

Replacing `.writers.lock` with a folder, a link or a read-only file made every command find
"no lock" and carry on beside `encryption change`, which lost acknowledged writes and left the
data unreadable. With real processes: a writer and a rewrite both refuse in one line and change
nothing, and a link is never followed to make a file elsewhere."""

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
from core.store.database import open_database
from core.store.writers_lock import LOCK, UNUSABLE

ROOT = Path(__file__).resolve().parents[3]
MESSAGE = f"error: {UNUSABLE.format(name=LOCK)}"


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = open_database(folder / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    db.close()
    (folder / LOCK).unlink(missing_ok=True)
    return folder


def _cli(folder: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=environ, timeout=120)


def _entries(folder: Path) -> int:
    db = open_database(folder / "caseload.db")
    try:
        return db["time_entries"].count
    finally:
        db.close()


def _spoil(folder: Path, how: str, tmp_path: Path) -> Path | None:
    lock = folder / LOCK
    if how == "folder":
        lock.mkdir()
    elif how == "dangling link":
        target = tmp_path / "made-through-the-link"
        lock.symlink_to(target)
        return target
    elif how == "link to a file":
        target = tmp_path / "elsewhere.lock"
        target.write_bytes(b"")
        lock.symlink_to(target)
    elif how == "read-only file":
        if os.geteuid() == 0:
            pytest.skip("root opens a read-only file to write")
        lock.write_bytes(b"")
        lock.chmod(0o444)
    return None


HOW = ["folder", "dangling link", "link to a file", "read-only file"]


@pytest.mark.parametrize("how", HOW)
def test_a_writer_refuses_in_one_line_when_the_lock_cannot_be_opened(data, tmp_path, how):
    target = _spoil(data, how, tmp_path)
    done = _cli(data, "log", "5m recording note", "--date", "2026-12-01")
    assert (done.returncode, done.stderr.strip()) == (1, MESSAGE)
    assert _entries(data) == 0
    assert target is None or not target.exists()  # nothing made through the link


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
@pytest.mark.parametrize("how", HOW)
def test_a_rewrite_refuses_and_changes_nothing_when_the_lock_cannot_be_opened(data, tmp_path,
                                                                             how):
    before = (data / "caseload.db").read_bytes()
    _spoil(data, how, tmp_path)
    done = _cli(data, "encryption", "on",
                CASELOAD_COMPANION_NEW_PASSPHRASE="a long enough passphrase")
    assert (done.returncode, done.stderr.strip()) == (1, MESSAGE)
    assert (data / "caseload.db").read_bytes() == before
    assert _cli(data, "encryption", "status").stdout.startswith("Encryption is off.")


def test_a_lock_file_put_back_as_a_plain_file_works_again(data, tmp_path):
    _spoil(data, "folder", tmp_path)
    assert _cli(data, "log", "5m recording note", "--date", "2026-12-01").returncode == 1
    (data / LOCK).rmdir()
    assert _cli(data, "log", "5m recording note", "--date", "2026-12-01").returncode == 0
    assert _entries(data) == 1
