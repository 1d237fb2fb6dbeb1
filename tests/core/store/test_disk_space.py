"""A full disk is not damage, and a read-only folder still opens (issue 11, item 6).

Measured on a real tiny tmpfs where the machine allows mounting one (root); the same paths are
also driven by injected ENOSPC / SQLITE_FULL errors so they are tested everywhere."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.demo.caseload_demo import fill_demo
from core.store.database import DiskFullError, open_database
from core.store.disk_space import (
    DISK_FULL_MESSAGE,
    READ_ONLY_NOTICE,
    READ_ONLY_WRITE_MESSAGE,
    is_disk_full,
)

ROOT = Path(__file__).resolve().parents[3]


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")


@pytest.fixture
def tiny_disk(tmp_path):
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "2m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _demo(data_dir: Path) -> Path:
    data_dir.mkdir(exist_ok=True)
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.close()
    return data_dir / "caseload.db"


def _fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass


def _cli(data_dir: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *command], capture_output=True, text=True, timeout=60)


def test_a_full_disk_is_named_and_never_called_damage(tiny_disk):
    data = tiny_disk / "data"
    path = _demo(data)
    before = path.read_bytes()
    _fill(tiny_disk)
    for command in (["status"], ["check"], ["log", "30m admin"], ["backup"]):
        done = _cli(data, *command)
        assert done.returncode == 1, command
        said = done.stdout + done.stderr
        assert DISK_FULL_MESSAGE in said, (command, said)
        assert "damaged" not in said and "Logging error" not in said
        assert "Traceback" not in said
    assert path.read_bytes() == before


@pytest.mark.parametrize("folder_existed", [False, True])
def test_demo_on_a_full_disk_says_one_line_and_leaves_nothing(tmp_path, folder_existed):
    """`demo` on a full disk printed a traceback from the log handler's close (ENOSPC) and left
    a partial caseload.db, -wal and -shm behind."""
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "300k")
    try:
        data = disk / "d"
        if folder_existed:
            data.mkdir(mode=0o700)
        done = _cli(data, "demo")
        said = done.stdout + done.stderr
        assert done.returncode == 1, said
        assert said.strip().splitlines() == [f"error: {DISK_FULL_MESSAGE}"]
        assert sorted(p.name for p in data.iterdir()) == [] if folder_existed \
            else not data.exists()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_the_window_says_disk_full_and_offers_no_move_aside(tiny_disk, monkeypatch):
    from ui.shell import storage_setup
    from ui.shell.recovery_screen import RecoveryScreen

    data = tiny_disk / "data"
    _demo(data)
    _fill(tiny_disk)
    offered = []
    monkeypatch.setattr(RecoveryScreen, "run", lambda *a: offered.append(a))
    with pytest.raises(DiskFullError) as raised:
        storage_setup.open_data(data)
    assert str(raised.value) == DISK_FULL_MESSAGE and not offered


def test_full_disk_errors_are_recognised_without_a_real_disk(tmp_path, monkeypatch):
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    full = sqlite3.OperationalError("database or disk is full")
    assert is_disk_full(full)
    shm = sqlite3.OperationalError("disk I/O error")  # SQLITE_IOERR_SHMSIZE on a full disk
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10, 10, 0))
    assert is_disk_full(shm, tmp_path)
    monkeypatch.undo()
    assert not is_disk_full(sqlite3.OperationalError("disk I/O error"), tmp_path)
    assert not is_disk_full(sqlite3.DatabaseError("file is not a database"), tmp_path)


def test_an_injected_full_disk_reaches_the_command_line_as_such(data_dir, monkeypatch, capsys):
    """SQLITE_FULL in the middle of a write: the one-line message, exit 1."""
    import main

    _demo(data_dir)

    def no_room(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("cli.time_commands.log_quick_entry", no_room)
    code = main.main(["--data-dir", str(data_dir), "log", "30m admin"])
    err = capsys.readouterr().err
    assert code == 1 and DISK_FULL_MESSAGE in err, err


def test_the_log_never_prints_its_own_errors_to_the_terminal(tmp_path, capsys):
    from core.store.applog import setup_logging

    logger = logging.getLogger("caseload_companion")
    saved = logger.handlers[:]
    logger.handlers.clear()
    try:
        setup_logging(tmp_path)
        handler = logger.handlers[0]

        def full(*_a):
            raise OSError(errno.ENOSPC, "No space left on device")

        handler.stream.write = full  # type: ignore[method-assign]
        logger.error("a line that cannot be written")
    finally:
        for h in logger.handlers:
            h.close()
        logger.handlers[:] = saved
    assert "Logging error" not in capsys.readouterr().err


def test_a_read_only_mount_opens_to_read_for_status_check_and_the_window(tmp_path, qtbot):
    import main
    from PySide6.QtCore import QSettings

    from ui.shell import storage_setup

    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "4m")
    try:
        data = disk / "data"
        _demo(data)
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
        assert _cli(data, "status").returncode == 0
        check = _cli(data, "check")
        assert check.returncode == 0 and check.stdout.startswith("ok"), check.stdout
        write = _cli(data, "log", "30m admin")
        assert write.returncode == 1 and "read-only" in write.stderr
        db = storage_setup.open_data(data)
        assert db is not None and db.read_only and db["cases"].count > 0
        window = main.build_window(db, data, QSettings(str(tmp_path / "w.ini"),
                                                       QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        assert window.read_only_notice.text() == READ_ONLY_NOTICE
        db.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_backup_leaves_a_read_only_mount_and_refusals_say_read_only(tmp_path):
    """On a read-only mount, `backup --out /writable/place` failed on remembering the copy
    ("Read-only file system: …/known-copies.json.new"), and `backup` and `delete-all` showed
    raw OS errors instead of the read-only sentence."""
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "4m")
    try:
        data = disk / "data"
        _demo(data)
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
        out = tmp_path / "rescued.db"
        done = _cli(data, "backup", "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert out.is_file() and "not on record" in done.stdout
        for command in (["backup"], ["delete-all", "--yes"],
                        ["delete-all", "--yes", "--include-backups"]):
            done = _cli(data, *command)
            assert done.returncode == 1, command
            assert done.stderr.strip().splitlines() == [f"error: {READ_ONLY_WRITE_MESSAGE}"], \
                (command, done.stderr)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_folder_made_read_only_is_not_chmod_ed(data_dir):
    _demo(data_dir)
    os.chmod(data_dir, 0o500)
    try:
        done = _cli(data_dir, "status")
        assert done.returncode == 0, done.stderr
        assert data_dir.stat().st_mode & 0o777 == 0o500
    finally:
        os.chmod(data_dir, 0o700)


@pytest.mark.skipif(not __import__("core.store.encryption", fromlist=["x"]).available(),
                    reason="needs sqlcipher3")
def test_encrypted_data_on_a_read_only_mount_opens_with_its_passphrase(tmp_path):
    """A WAL-mode encrypted file cannot make its -shm there; it must not read as a wrong
    passphrase."""
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "4m")
    try:
        data = disk / "data"
        _demo(data)
        env = dict(os.environ, CASELOAD_COMPANION_NEW_PASSPHRASE="right-passphrase",
                   CASELOAD_COMPANION_PASSPHRASE="right-passphrase")
        for command in (["encryption", "on"], ["log", "20m admin"]):  # the log leaves it in WAL
            done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                                   str(data), *command], env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
        for command in (["status"], ["check"]):
            done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                                   str(data), *command], env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stdout + done.stderr
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
