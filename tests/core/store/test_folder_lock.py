"""One owner of a data folder (issue 11, item 2), as the command line sees it: while the window
holds the folder, `restore`, `encryption on|change|off` and `delete-all` refuse with one line
(exit 2) and change nothing; ordinary writes such as `log` still go through."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import main
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.backup import make_backup
from core.store.database import open_database
from core.store.folder_lock import IN_USE_MESSAGE, FolderLock, folder_in_use, lock_path

HOLD = ("import sys, time; sys.path.insert(0, sys.argv[2]); "
        "from core.store.folder_lock import FolderLock; "
        "lock = FolderLock(sys.argv[1]); assert lock.acquire(); print('held', flush=True); "
        "time.sleep(60)")
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def data(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    db = open_database(data_dir / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    db.close()
    return data_dir


def _refs(data_dir: Path) -> set[str]:
    db = open_database(data_dir / "caseload.db")
    try:
        return {c.reference for c in CaseStore(db).list_cases("all")}
    finally:
        db.close()


def test_one_owner_at_a_time_and_the_lock_is_beside_the_data(data):
    first, second = FolderLock(data), FolderLock(data)
    assert not folder_in_use(data)
    assert first.acquire()
    assert lock_path(data) == data  # the folder itself: no file that can be deleted from under it
    assert folder_in_use(data) and not second.acquire()
    first.release()
    assert not folder_in_use(data) and second.acquire()
    second.release()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_a_killed_owner_leaves_the_folder_free(data):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(data), str(ROOT)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    assert folder_in_use(data)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert not folder_in_use(data)


@pytest.mark.parametrize("argv", [
    ["restore", "BACKUP"],
    ["encryption", "on"],
    ["delete-all", "--yes", "--include-backups"],
])
def test_replacing_commands_refuse_while_the_window_has_the_folder(data, argv, capsys,
                                                                   monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NEW_PASSPHRASE", "a long enough passphrase")
    db = open_database(data / "caseload.db")
    backup = make_backup(db, data)
    CaseStore(db).add_case(Case("C02", "licence", "B2", date(2026, 1, 5)))
    db.close()
    argv = [str(backup) if a == "BACKUP" else a for a in argv]
    window = FolderLock(data)
    assert window.acquire()
    try:
        code = main.main(["--data-dir", str(data), *argv])
    finally:
        window.release()
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == f"error: {IN_USE_MESSAGE}" and "\n" not in err
    assert _refs(data) == {"C01", "C02"}
    assert (data / "caseload.db").read_bytes()[:6] == b"SQLite"  # not encrypted either


def test_encryption_status_and_ordinary_writes_go_through_beside_the_window(data, capsys):
    window = FolderLock(data)
    assert window.acquire()
    try:
        assert main.main(["--data-dir", str(data), "encryption", "status"]) == 0
        assert main.main(["--data-dir", str(data), "log", "09:00-09:30 admin", "--date",
                          "2026-11-02"]) == 0
    finally:
        window.release()
    db = open_database(data / "caseload.db")
    assert db["time_entries"].count == 1
    db.close()


def test_a_replacing_command_holds_the_folder_while_it_runs(data, monkeypatch):
    seen = []
    from core.store import backup as backups

    real = backups.restore_backup

    def watching(*args, **kwargs):
        seen.append(folder_in_use(data))  # a window starting now would find the folder held
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "restore_backup", watching)
    earlier_window = FolderLock(data)  # a window has had this folder open before
    assert earlier_window.acquire()
    earlier_window.release()
    db = open_database(data / "caseload.db")
    backup = make_backup(db, data)
    db.close()
    assert main.main(["--data-dir", str(data), "restore", str(backup)]) == 0
    assert seen == [True]
    assert not folder_in_use(data)


def test_a_folder_no_window_ever_opened_gets_no_lock_file_from_a_command(data):
    db = open_database(data / "caseload.db")
    backup = make_backup(db, data)
    db.close()
    assert main.main(["--data-dir", str(data), "restore", str(backup)]) == 0
    assert not (data / "caseload.lock").exists()
