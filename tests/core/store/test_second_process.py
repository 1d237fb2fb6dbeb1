"""The window open all day with a command run beside it (issue 11, item 1): nothing saved is lost.

A window process starts as the app does, with its automatic daily backup; a second process runs
`status` on the same folder; then the window saves a case and the command line logs time. After
a kill -9 of the window, or after it quits normally, both are still in the file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.health_check import check_file

ROOT = Path(__file__).resolve().parents[3]
WINDOW = Path(__file__).with_name("window_process.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *argv], capture_output=True, text=True, timeout=60)


def _start_window(data_dir: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, str(WINDOW), str(data_dir)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    if line != "ready":
        child.kill()
        raise AssertionError(f"window did not start: {line} {child.stderr.read()}")
    return child


def _ask(child: subprocess.Popen, command: str) -> str:
    child.stdin.write(command + "\n")
    child.stdin.flush()
    return child.stdout.readline().strip()


def _deleted_journals(pid: int) -> list[str]:
    """Files the process still writes to that no longer exist on disk (Linux only)."""
    fd_dir = Path(f"/proc/{pid}/fd")
    if not fd_dir.is_dir():
        return []
    found = []
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if "caseload.db" in target and target.endswith("(deleted)"):
            found.append(target)
    return found


def _prepared(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    db = open_database(data_dir / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    db.close()
    return data_dir


def _time_notes(data_dir: Path) -> list[str]:
    db = open_database(data_dir / "caseload.db")
    try:
        return [r["note"] for r in db.query("SELECT note FROM time_entries")]
    finally:
        db.close()


@pytest.mark.timeout(120)
def test_window_write_survives_kill_after_a_command_ran_beside_it(tmp_path):
    data_dir = _prepared(tmp_path)
    window = _start_window(data_dir)
    try:
        assert _cli(data_dir, "status").returncode == 0
        assert _ask(window, "case C50") == "saved C50"
        logged = _cli(data_dir, "log", "09:00-09:30 admin beside the window", "--date",
                      "2026-11-02")
        assert logged.returncode == 0, logged.stderr
        assert _ask(window, "time 2026-11-02 10:00-10:30 admin in the window") != ""
        deleted = _deleted_journals(window.pid)
        # The window's start, its automatic backup and its saves, under the audit hook:
        assert _ask(window, "violations") == "violations 0"
    finally:
        window.send_signal(signal.SIGKILL)
        window.communicate(timeout=30)
    assert check_file(data_dir / "caseload.db").ok
    db = open_database(data_dir / "caseload.db")
    refs = {c.reference for c in CaseStore(db).list_cases("all")}
    db.close()
    assert {"C01", "C50"} <= refs
    assert {"beside the window", "in the window"} <= set(_time_notes(data_dir))
    assert deleted == []  # the window never wrote to a journal that had been deleted


@pytest.mark.timeout(120)
def test_time_logged_beside_the_window_is_kept_when_the_window_quits(tmp_path):
    data_dir = _prepared(tmp_path)
    window = _start_window(data_dir)
    try:
        assert _cli(data_dir, "status").returncode == 0
        logged = _cli(data_dir, "log", "10:00-10:45 recording from the shell", "--date",
                      "2026-11-03")
        assert logged.returncode == 0, logged.stderr
        assert _ask(window, "case C51") == "saved C51"
        # The same table (so the same page of the file) as the entry logged beside it:
        assert _ask(window, "time 2026-11-03 11:00-11:30 admin in the window") != ""
        assert _ask(window, "quit") == "closed"
        window.stdin.close()
        window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate(timeout=30)
    assert {"from the shell", "in the window"} <= set(_time_notes(data_dir))
    db = open_database(data_dir / "caseload.db")
    refs = {c.reference for c in CaseStore(db).list_cases("all")}
    db.close()
    assert "C51" in refs
    assert check_file(data_dir / "caseload.db").ok


@pytest.mark.timeout(120)
def test_a_second_start_brings_the_first_window_forward_and_exits(tmp_path):
    data_dir = _prepared(tmp_path)
    window = _start_window(data_dir)
    try:
        second = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                                 str(data_dir)], capture_output=True, text=True, timeout=60,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert second.returncode == 0, second.stderr
        assert _ask(window, "activated") == "activated yes"
        refused = _cli(data_dir, "delete-all", "--yes")
        assert refused.returncode == 2 and "close the window" in refused.stderr
        assert _ask(window, "case C52") == "saved C52"  # the first window carries on
    finally:
        window.send_signal(signal.SIGKILL)
        window.communicate(timeout=30)
    db = open_database(data_dir / "caseload.db")
    assert {"C01", "C52"} <= {c.reference for c in CaseStore(db).list_cases("all")}
    db.close()
