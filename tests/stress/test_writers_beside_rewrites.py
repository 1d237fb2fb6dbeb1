"""A writer beside every operation that replaces the data file, at least 20 times each (issue 29).

Each round starts a writer process that runs `log` through main.py's command path again and
again (each call opening and closing its own connection, as separate commands do), and, once it
has saved its first entry, runs `encryption on`, `change`, `off`, `restore` or
`delete-all --yes` from the command line as a second process. When the operation has exited
the writer saves two more entries and stops. Every entry names its sequence number; the writer
prints each one only after `log` said it was saved (exit 0).

Decided by counts, not timing:
* acknowledged writes lost: for the encryption operations, any acknowledged entry missing; for
  restore and delete-all (which rightly replace what came before them), any acknowledged entry
  missing after the earliest one that survived, or any entry begun after the operation ended;
* damaged files: `check` not ok, or the data not opening with the passphrase it should have.
Both must be 0. The counts are printed (run with -s to see them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("CASELOAD_STRESS_ROUNDS", "20"))
OLD, NEW = "first-passphrase-1", "second-passphrase-2"

pytestmark = [
    pytest.mark.stress,
    pytest.mark.skipif(not __import__("core.store.encryption", fromlist=["x"]).available(),
                       reason="needs sqlcipher3"),
    pytest.mark.timeout(3600),
]

WRITER = r"""
import io, os, sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import main
folder, stop, keys = sys.argv[2], Path(sys.argv[3]), sys.argv[4:]
seq, after = 0, 0
while after < 2:
    finished = stop.exists()
    seq += 1
    for key in keys or [""]:
        os.environ["CASELOAD_COMPANION_PASSPHRASE"] = key
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            code = main.main(["--data-dir", folder, "log", f"5m admin w{seq}",
                              "--date", "2026-11-02"])
        if code == 0 or "passphrase" not in err.getvalue():
            break
    if code == 0:
        print(f"ack {seq} {'after' if finished else 'during'}", flush=True)
    else:
        print(f"refused {seq} {err.getvalue().strip()!r}", flush=True)
    after += finished
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def _template(root: Path, encrypted: bool) -> Path:
    from core.demo.caseload_demo import fill_demo
    from core.store.all_copies import change_encryption
    from core.store.backup import make_backup
    from core.store.database import open_database

    data = root / "data"
    data.mkdir(mode=0o700, parents=True)
    db = open_database(data / "caseload.db")
    fill_demo(db)
    make_backup(db, data, root / "restore-me.db")
    db.close()
    if encrypted:
        change_encryption(data, None, OLD)
    return root


def _notes(folder: Path, passphrase: str | None) -> set[int]:
    from core.store.database import open_database

    db = open_database(folder / "caseload.db", passphrase=passphrase)
    try:
        rows = db.execute("SELECT note FROM time_entries WHERE note LIKE 'w%'").fetchall()
    finally:
        db.close()
    return {int(r[0][1:]) for r in rows if r[0][1:].isdigit()}


OPERATIONS = {  # argv, passphrases the writer tries, passphrase afterwards, keeps earlier writes
    "encryption on": (["encryption", "on"], [NEW], NEW, True),
    "encryption change": (["encryption", "change"], [OLD, NEW], NEW, True),
    "encryption off": (["encryption", "off"], [OLD], None, True),
    "restore": (["restore", "RESTORE"], [], None, False),
    "delete-all": (["delete-all", "--yes"], [], None, False),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_a_writer_beside_a_rewrite_loses_nothing_and_damages_nothing(tmp_path, name):
    from core.store.health_check import check_file

    argv, keys, after_key, keeps = OPERATIONS[name]
    template = _template(tmp_path / "template", encrypted=name in ("encryption change",
                                                                    "encryption off"))
    acknowledged = lost = damaged = refused = 0
    for round_no in range(ROUNDS):
        root = tmp_path / f"round-{round_no}"
        shutil.copytree(template, root)
        data, stop = root / "data", root / "stop"
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(ROOT), str(data), str(stop), *keys],
            stdout=subprocess.PIPE, text=True, env=_env())
        lines = [writer.stdout.readline()]  # the first entry is saved before the operation
        assert lines[0].startswith("ack 1 "), lines
        env = {**_env(), "CASELOAD_COMPANION_PASSPHRASE": OLD,
               "CASELOAD_COMPANION_NEW_PASSPHRASE": NEW}
        op = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
             *[str(root / "restore-me.db") if a == "RESTORE" else a for a in argv]],
            capture_output=True, text=True, env=env, timeout=600)
        stop.touch()
        out, _ = writer.communicate(timeout=600)
        lines += out.splitlines()
        assert op.returncode == 0, op.stderr
        acks = {int(w[1]): w[2] for w in (line.split() for line in lines) if w[0] == "ack"}
        refused += sum(line.startswith("refused") for line in lines)
        acknowledged += len(acks)
        present = _notes(data, after_key)
        if keeps:
            lost += len(set(acks) - present)
        else:
            first = min(present, default=None)
            should = {s for s, when in acks.items()
                      if when == "after" or (first is not None and s >= first)}
            lost += len(should - present)
        report = check_file(data / "caseload.db", after_key)
        damaged += not report.ok
        shutil.rmtree(root)
    print(f"\n{name}: {ROUNDS} runs, acknowledged writes {acknowledged}, refused as busy "
          f"{refused}, lost {lost}, damaged files {damaged}")
    assert (lost, damaged) == (0, 0)
    assert acknowledged >= 3 * ROUNDS
