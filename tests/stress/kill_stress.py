"""Stress: kill -9 the window's writer hundreds of times while another process reads and writes.

Run by CI (.ci/run) after the test suite:  python tests/stress/kill_stress.py [--kills 220]

Each round forks a writer that opens the data the way the window does (ui.shell.storage_setup
.open_data); in half the rounds it makes the window's automatic backup (the step
ui.shell.auto_backup's job runs, here not only once a day); then it saves cases (the Caseload
view's CaseStore.add_case) and time (the Time view's entry line, log_quick_entry), reporting
each save only after it returned. It is killed with SIGKILL at a random moment, from its first
instant to 0.3 s in. Beside it, for the whole run, a second process runs `status` and `log`
through main.py's command path, each command opening and closing its own connection (what once
made the window lose its journal: on the code before issue 11 this stress loses about one
acknowledged write in 60).

Prints the kills, the writes reported saved, and the two numbers that must be 0: acknowledged
writes lost and integrity failures. Exit 0 only when both are 0.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import signal
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_DAY = date(2023, 1, 2)
MAX_WRITES = 2000  # per writer round: the acknowledgements must fit in the pipe


def writer(data_dir: Path, round_no: int, ack_fd: int, backup: bool) -> None:
    """The forked child: the window's open, backup and write paths; never returns."""
    from core.caseload.cases import CaseStore
    from core.caseload.models import Case
    from core.time.quick_entry import log_quick_entry
    from ui.shell import auto_backup
    from ui.shell.storage_setup import open_data

    db = open_data(data_dir)
    if backup:  # what the automatic backup job runs once a day (here: not only the first time)
        auto_backup.backup_file(data_dir / "caseload.db", data_dir / "backups", None)
    store = CaseStore(db)
    now = datetime(2026, 11, 30, 12, 0)
    for i in range(MAX_WRITES):
        try:
            if i % 2 == 0:
                ref = f"K{round_no}-{i}"
                store.add_case(Case(ref, "licence", "B2", date(2026, 1, 5)))
                os.write(ack_fd, f"case {ref}\n".encode())
            else:
                note = f"w r{round_no} i{i}"
                day = FIRST_DAY + timedelta(days=(round_no * 7 + i) % 1000)
                log_quick_entry(db, f"5m admin {note}", now=now, day=day)
                os.write(ack_fd, f"time {note}\n".encode())
        except Exception as exc:  # noqa: BLE001 - a busy write is not acknowledged, and not lost
            os.write(ack_fd, f"busy {type(exc).__name__}\n".encode())
    os._exit(0)


def beside(data_dir: Path, ack_path: Path, stop_path: Path) -> None:
    """The second process: `status` and `log` through main.py until told to stop."""
    import main

    n = 0
    with open(ack_path, "a", encoding="utf-8") as acks:
        while not stop_path.exists():
            n += 1
            sink = io.StringIO()
            with redirect_stdout(sink), redirect_stderr(sink):
                if n % 2:
                    main.main(["--data-dir", str(data_dir), "status"])
                    continue
                note = f"b n{n}"
                day = FIRST_DAY + timedelta(days=n % 1000)
                code = main.main(["--data-dir", str(data_dir), "log", f"5m admin {note}",
                                  "--date", day.isoformat()])
            if code == 0:
                acks.write(f"time {note}\n")
                acks.flush()


def run_round(data_dir: Path, round_no: int, rng: random.Random) -> list[str]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        os.close(read_fd)
        try:
            writer(data_dir, round_no, write_fd, backup=rng.random() < 0.5)
        finally:
            os._exit(3)
    os.close(write_fd)
    time.sleep(rng.uniform(0.0, 0.3))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    chunks = []
    while True:
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_fd)
    text = b"".join(chunks).decode()
    lines = text.split("\n")[:-1]  # a line cut short by the kill was never reported
    if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
        lines.append("finished-before-kill")
    return lines


def check(data_dir: Path) -> bool:
    from core.store.health_check import check_file

    try:
        return check_file(data_dir / "caseload.db").ok
    except Exception:  # noqa: BLE001 - a file that cannot be opened is an integrity failure
        return False


def saved(data_dir: Path) -> tuple[set[str], set[str]]:
    from core.store.database import open_database

    db = open_database(data_dir / "caseload.db")
    try:
        cases = {r["reference"] for r in db.query("SELECT reference FROM cases")}
        notes = {r["note"] for r in db.query("SELECT note FROM time_entries")}
        if list(db.query("PRAGMA foreign_key_check")):
            raise RuntimeError("foreign keys point at missing rows")
    finally:
        db.close()
    return cases, notes


def main_stress(kills: int, seed: int, data_dir: Path) -> int:
    # What the forked writers need, imported once here so each fork starts at once.
    import main  # noqa: F401
    from core.store.database import open_database
    from ui.shell import auto_backup, storage_setup  # noqa: F401

    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    open_database(data_dir / "caseload.db").close()
    ack_beside, stop = data_dir.parent / "beside-acks.txt", data_dir.parent / "stop"
    second = subprocess.Popen([sys.executable, __file__, "--beside", str(data_dir),
                               str(ack_beside), str(stop)])
    rng = random.Random(seed)
    acked: list[str] = []
    integrity_failures = 0
    started = time.monotonic()
    try:
        for round_no in range(kills):
            acked += [a for a in run_round(data_dir, round_no, rng) if not a.startswith("busy")]
            if round_no % 20 == 19 and not check(data_dir):
                integrity_failures += 1
    finally:
        stop.touch()
        second.wait(timeout=120)
    if ack_beside.exists():
        acked += ack_beside.read_text(encoding="utf-8").splitlines()
    finished_early = acked.count("finished-before-kill")
    acked = [a for a in acked if a != "finished-before-kill"]
    if not check(data_dir):
        integrity_failures += 1
    cases, notes = saved(data_dir)
    lost = [a for a in acked
            if (a.startswith("case ") and a[5:] not in cases)
            or (a.startswith("time ") and a[5:] not in notes)]
    print(f"kills: {kills - finished_early} (writers that finished first: {finished_early}) "
          f"in {time.monotonic() - started:.0f} s")
    print(f"writes reported saved: {len(acked)} "
          f"(beside the window: {sum(1 for a in acked if a.startswith('time b'))})")
    print(f"acknowledged writes lost: {len(lost)}" + (f" e.g. {lost[:5]}" if lost else ""))
    print(f"integrity failures: {integrity_failures}")
    return 0 if not lost and not integrity_failures else 1


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=220)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--data-dir", type=Path, help="an empty folder (default: a new temp one)")
    parser.add_argument("--beside", nargs=3, metavar=("DATA_DIR", "ACKS", "STOP"),
                        help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse()
    if args.beside:
        beside(Path(args.beside[0]), Path(args.beside[1]), Path(args.beside[2]))
        sys.exit(0)
    if not hasattr(os, "fork"):
        print("the kill stress needs POSIX fork and SIGKILL; skipped")
        sys.exit(0)
    if args.data_dir is None:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="kill-stress-") as tmp:
            sys.exit(main_stress(args.kills, args.seed, Path(tmp) / "data"))
    sys.exit(main_stress(args.kills, args.seed, args.data_dir))
