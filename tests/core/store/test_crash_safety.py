"""Crash safety: the process is killed (SIGKILL) while it writes, many times, each time once it has
reported a chosen number of saves (a seeded random count, the same every run) and is writing the
next; the file stays whole and every write the app reported as saved is there. When the kill
lands is counted in saves, not waited for in seconds, so a slow or busy machine changes nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.store.database import open_database
from core.store.health_check import check_file

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 25

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _run_and_kill(db_path: Path, round_no: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), str(round_no)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.strip() == "ready", child.stderr.read() if child.stderr else first
    # Wait for this many saves to be reported; the writer goes straight on to the next.
    before = [child.stdout.readline() for _ in range(rng.randint(2, 12))]
    os.kill(child.pid, signal.SIGKILL)
    out = child.stdout.read()  # through the same buffer the lines above were read from
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()
    child.stderr.close()
    # The last line may be cut short by the kill: only whole lines were reported as saved.
    lines = ("".join(before) + out).split("\n")
    return [line for line in lines[:-1] if line]


@pytest.mark.timeout(120)
def test_sigkill_during_writes_loses_nothing_reported_saved(tmp_path):
    rng = random.Random(20261128)
    db_path = tmp_path / "caseload.db"
    open_database(db_path).close()
    reported: list[str] = []
    for round_no in range(ROUNDS):
        reported += _run_and_kill(db_path, round_no, rng)
        # Every few rounds, open as the app does after a crash and check integrity in between.
        if round_no % 5 == 4:
            assert check_file(db_path).ok
    assert len(reported) >= 2 * ROUNDS  # every round was killed after its saves began

    report = check_file(db_path)
    assert report.ok, report.problems
    db = open_database(db_path)
    store = CaseStore(db)
    cases = {c.reference: c for c in store.list_cases("all")}
    for line in reported:
        kind, payload = line.split(" ", 1)
        for ref in payload.split(","):
            assert ref in cases, f"{ref} was reported saved but is missing"
        if kind == "tier":
            assert cases[payload].tier == "A3"
    # A batch is one transaction: each one is either all there or not there at all.
    batches: dict[str, int] = {}
    for ref in cases:
        if "." in ref:
            batches[ref.rsplit(".", 1)[0]] = batches.get(ref.rsplit(".", 1)[0], 0) + 1
    assert set(batches.values()) <= {3}
    fk = list(db.query("PRAGMA foreign_key_check"))
    assert fk == []
    db.close()
