"""Writers beside operations that replace the data file (issue 29, items 1 and 3), with real
processes: a rewrite excludes every writer in every process from its first read to its swap;
a writer waits and then says the data is busy, a rewrite beside a writer refuses in one line,
and nothing is written into a file that is being replaced. The window's hold on its folder
cannot be undone by deleting a file."""

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
from core.store.backup import make_backup
from core.store.database import open_database
from core.store.folder_lock import IN_USE_MESSAGE, FolderLock
from core.store.operation_journal import pending
from core.store.transactions import BUSY_MESSAGE
from core.store.writers_lock import REWRITE_BUSY

ROOT = Path(__file__).resolve().parents[3]
HOLD = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "from core.store import writers_lock; from core.store.folder_lock import FolderLock; "
        "what = sys.argv[3]; folder = Path(sys.argv[2]); "
        "window = FolderLock(folder) if what == 'window' else None; "
        "assert window is None or window.acquire(); "
        "what == 'window' or writers_lock.acquire(folder, exclusive=what == 'rewrite'); "
        "print('held', flush=True); sys.stdin.read()")
needs_cipher = pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = open_database(folder / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    db.close()
    return folder


def _hold(folder: Path, what: str) -> subprocess.Popen:
    """Another process holding the folder as `what`: 'rewrite' (an operation between its first
    read and its swap), 'writer' (a command with the data open) or 'window'."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(ROOT), str(folder), what],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def _let_go(holder: subprocess.Popen) -> None:
    holder.stdin.close()
    holder.wait(timeout=60)


def _cli(folder: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=environ, timeout=120)


def _entries(folder: Path, passphrase: str | None = None) -> int:
    db = open_database(folder / "caseload.db", passphrase=passphrase)
    try:
        return db["time_entries"].count
    finally:
        db.close()


def test_a_write_beside_a_rewrite_waits_then_says_busy_and_writes_nothing(data):
    holder = _hold(data, "rewrite")
    try:
        done = _cli(data, "log", "30m admin", "--date", "2026-11-02")
    finally:
        _let_go(holder)
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {BUSY_MESSAGE}"
    assert _entries(data) == 0
    assert _cli(data, "log", "30m admin", "--date", "2026-11-02").returncode == 0
    assert _entries(data) == 1


@needs_cipher
def test_encryption_on_beside_an_open_writer_refuses_and_changes_nothing(data):
    before = (data / "caseload.db").read_bytes()
    holder = _hold(data, "writer")
    try:
        done = _cli(data, "encryption", "on",
                    CASELOAD_COMPANION_NEW_PASSPHRASE="a long enough passphrase")
    finally:
        _let_go(holder)
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {REWRITE_BUSY}"
    assert (data / "caseload.db").read_bytes()[:6] == b"SQLite"
    assert (data / "caseload.db").read_bytes() == before
    assert pending(data) is None
    assert _cli(data, "encryption", "status").stdout.startswith("Encryption is off.")


@pytest.mark.parametrize("argv", [["delete-all", "--yes"], ["restore", "BACKUP"]])
def test_delete_all_and_restore_beside_an_open_writer_refuse(data, argv):
    db = open_database(data / "caseload.db")
    backup = make_backup(db, data)
    CaseStore(db).add_case(Case("C02", "licence", "B2", date(2026, 1, 5)))
    db.close()
    holder = _hold(data, "writer")
    try:
        done = _cli(data, *[str(backup) if a == "BACKUP" else a for a in argv])
    finally:
        _let_go(holder)
    assert (done.returncode, done.stderr.strip()) == (1, f"error: {REWRITE_BUSY}")
    db = open_database(data / "caseload.db")
    assert {c.reference for c in CaseStore(db).list_cases("all")} == {"C01", "C02"}
    db.close()


def test_deleting_files_in_the_folder_does_not_free_the_windows_hold(data):
    db = open_database(data / "caseload.db")
    backup = make_backup(db, data)
    db.close()
    window = _hold(data, "window")
    try:
        for path in data.iterdir():  # `rm caseload.lock` and the like: nothing there is the lock
            if path.is_file() and path.name.endswith(".lock"):
                path.unlink()
        restore = _cli(data, "restore", str(backup))
        second = FolderLock(data)
        assert not second.acquire()  # a second window finds the first
    finally:
        _let_go(window)
    assert (restore.returncode, restore.stderr.strip()) == (2, f"error: {IN_USE_MESSAGE}")


def test_the_window_notices_when_its_folder_is_gone(tmp_path, data):
    window = FolderLock(data)
    assert window.acquire() and window.held_still()
    data.rename(tmp_path / "moved")
    assert not window.held_still()
    window.release()
