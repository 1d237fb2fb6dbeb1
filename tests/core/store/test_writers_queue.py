"""Writers queue instead of failing, and checks and writes see the same data (issue 11, item 3).

Every read-check-write is one BEGIN IMMEDIATE transaction with a 5 s busy timeout. A write that
still cannot go through says "Your data is busy in another window; nothing was saved. Try
again." (exit 1), never "something went wrong".
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date, time as clock
from pathlib import Path

import pytest

import main
from core.store import database
from core.store.database import open_database
from core.store.transactions import BUSY_MESSAGE, DataBusyError
from core.time.time_entries import OverlapError, TimeEntry, TimeStore

ROOT = Path(__file__).resolve().parents[3]
HOLD_WRITE_LOCK = (
    "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
    "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO settings VALUES ('held', '1')\"); "
    "print('held', flush=True); "
    "time.sleep(float(sys.argv[2])) if sys.argv[2] != 'until-told' else sys.stdin.readline(); "
    "c.execute('COMMIT')"
)


def _hold_write_lock(path: Path, seconds: float | None) -> subprocess.Popen:
    """A second process holding the data file's write lock for `seconds`, or (None) until
    `_let_go` is called: a test that needs the lock held while its own write gives up must not
    bet on the machine reaching that write within a set time."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(path),
                               "until-told" if seconds is None else str(seconds)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def _let_go(holder: subprocess.Popen) -> None:
    holder.stdin.write("go\n")
    holder.stdin.close()
    holder.wait(timeout=30)


def _cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *argv], capture_output=True, text=True, timeout=60)


@pytest.fixture
def data(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    open_database(data_dir / "caseload.db").close()
    return data_dir


def test_log_waits_for_another_process_writing_and_is_saved(data):
    holder = _hold_write_lock(data / "caseload.db", 1.5)
    started = time.monotonic()
    done = _cli(data, "log", "09:00-09:30 admin queued", "--date", "2026-11-02")
    holder.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 1.0  # it waited its turn instead of failing
    db = open_database(data / "caseload.db")
    assert [r["note"] for r in db.query("SELECT note FROM time_entries")] == ["queued"]
    db.close()


def test_a_write_that_cannot_get_through_says_the_data_is_busy(data, monkeypatch, capsys):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    holder = _hold_write_lock(data / "caseload.db", None)
    try:
        code = main.main(["--data-dir", str(data), "log", "09:00-09:30 admin", "--date",
                          "2026-11-02"])
    finally:
        _let_go(holder)
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == f"error: {BUSY_MESSAGE}"
    db = open_database(data / "caseload.db")
    assert db["time_entries"].count == 0
    db.close()


def test_a_busy_transaction_rolls_back_and_raises_the_calm_error(data, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
    db = open_database(data / "caseload.db")
    holder = _hold_write_lock(data / "caseload.db", None)
    try:
        with pytest.raises(DataBusyError, match="nothing was saved"):
            with db.atomic():
                db["settings"].insert({"key": "mine", "value": "1"})
    finally:
        _let_go(holder)
    assert not db.conn.in_transaction
    assert [r["key"] for r in db.query("SELECT key FROM settings WHERE key = 'mine'")] == []
    db.close()


def _slot(note: str) -> TimeEntry:
    return TimeEntry(date(2026, 11, 2), 30, 1, clock(9, 0), clock(9, 30), note=note)


def test_two_writers_for_the_same_slot_cannot_both_be_saved(data):
    """The overlap check runs inside the write's transaction: of two started together, the
    second waits, then sees the first entry and is refused."""
    barrier = threading.Barrier(2)
    results: list[str] = []

    def writer(note: str) -> None:
        db = open_database(data / "caseload.db")
        store = TimeStore(db)
        original = store.overlaps

        def slow_overlaps(entry, ignore=()):  # widen the window between check and write
            found = original(entry, ignore)
            time.sleep(0.3)
            return found

        store.overlaps = slow_overlaps  # type: ignore[method-assign]
        barrier.wait()
        try:
            store.log_time(_slot(note), today=date(2026, 11, 30))
            results.append("saved")
        except OverlapError:
            results.append("refused")
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("first", "second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results) == ["refused", "saved"]
    db = open_database(data / "caseload.db")
    assert db["time_entries"].count == 1
    db.close()


def test_two_log_commands_for_the_same_slot_started_together_save_one(data):
    argv = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "log",
            "14:00-15:00 admin", "--date", "2026-11-02"]
    children = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(3)]
    codes = sorted(c.wait(timeout=60) for c in children)
    assert codes == [0, 2, 2]
    conn = sqlite3.connect(data / "caseload.db")
    assert conn.execute("SELECT count(*) FROM time_entries").fetchone()[0] == 1
    conn.close()


def test_processes_opening_a_new_folder_together_upgrade_it_once(tmp_path):
    """The window's first start and a command at the same moment: the second to take the
    write lock finds the schema already made, instead of reporting a damaged file."""
    path = tmp_path / "fresh" / "caseload.db"
    path.parent.mkdir()
    code = ("import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path; "
            "from core.store.database import open_database; "
            "open_database(Path(sys.argv[1])).close(); print('opened')")
    children = [subprocess.Popen([sys.executable, "-c", code, str(path), str(ROOT)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(4)]
    results = [(c.wait(timeout=60), c.stdout.read().strip(), c.stderr.read()[-300:])
               for c in children]
    assert [(code, out) for code, out, _ in results] == [(0, "opened")] * 4, results
