"""Random kills, an extra to the deciding test (test_killed_at_every_step.py): `.ci/run` only.

Every copy of the data is as private as the data, even when a run is killed (issue 11).

`encryption on`, `change`, `off` and `delete-all --include-backups` each run from the command line
over a folder with a backup in a chosen folder and a pre-upgrade copy, and are killed with
SIGKILL at a random moment, at least 20 times each.
After every kill the next start (core.store.all_copies.open_folder, what the window and every
command go through) finishes the run, and then:

* every backup and kept copy opens as the data file does: with its passphrase, or plain when
  encryption is off (a killed `change` or `off` used to leave them under the old passphrase);

* no file under the data folder or the chosen backup folder holds a plaintext case reference
  unless encryption is off (and none at all after delete-all), and `check` agrees;
* before that start, `check` already reports any plaintext copy left beside encrypted data;
* nothing is lost: the data opens and holds every case (except after delete-all).

Where a kill lands depends on the machine's speed and load, so how many landed inside the run is
printed, never asserted: the steps themselves are each killed in turn by the deciding test. What
a kill that landed left behind is checked as strictly as there.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("CASELOAD_STRESS_KILLS", "20"))
OLD, NEW = "first-passphrase-1", "second-passphrase-2"
MARK = b"ZQXREF"
CASES = 57

pytestmark = [
    pytest.mark.stress,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
    pytest.mark.skipif(not __import__("core.store.encryption", fromlist=["x"]).available(),
                       reason="needs sqlcipher3"),
]


def _make_template(root: Path, encrypted: bool, chosen: Path) -> None:
    """`chosen` is a symbolic link: the data file and the registry remember the backup folder
    by an absolute path, so each round points the link at its own copy (`_copy_of`)."""
    from core.demo.caseload_demo import fill_demo
    from core.store.all_copies import change_encryption
    from core.store.backup import make_backup, set_backup_dir
    from core.store.database import open_database

    data = root / "data"
    data.mkdir(mode=0o700)
    (root / "chosen").mkdir(mode=0o700)
    _point(chosen, root / "chosen")
    db = open_database(data / "caseload.db")
    fill_demo(db)
    db.execute("UPDATE cases SET reference = 'ZQXREF' || printf('%04d', id)")
    db.conn.commit()
    # Kept to three whole files (each costs SQLCipher's key derivation several times a run);
    # backups/ and `backup --out` files are covered in tests/core/store/test_all_copies.py.
    set_backup_dir(db, chosen, data)
    make_backup(db, data)  # the chosen folder
    db.close()
    shutil.copy2(data / "caseload.db", data / "caseload.before-m005-20260101-090000.db")
    if encrypted:
        change_encryption(data, None, OLD)


def _point(link: Path, folder: Path) -> None:
    if link.is_symlink():
        link.unlink()
    link.symlink_to(folder, target_is_directory=True)


def _copy_of(template: Path, root: Path, chosen: Path) -> Path:
    """A fresh copy of the template, whose chosen backup folder is the copy's own."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(template, root, symlinks=True)
    _point(chosen, root / "chosen")
    return root


def _leaks(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and MARK in path.read_bytes():
            found.append(path)
    return found


def pending(data: Path) -> dict | None:
    from core.store.operation_journal import pending as journal

    return journal(data)


def _state(data: Path) -> str:
    from core.store.fileops import file_kind

    return file_kind(data / "caseload.db")


def _open_next_start(data: Path) -> int:
    """What the next start does; returns how many cases the data holds."""
    from core.caseload.cases import CaseStore
    from core.store.all_copies import open_folder
    from core.store.database import WrongPassphraseError

    for key in ((None,) if _state(data) == "sqlite" else (NEW, OLD)):
        try:
            db = open_folder(data, key)
        except WrongPassphraseError:
            continue
        try:
            return len(CaseStore(db).list_cases("all"))
        finally:
            db.close()
    raise AssertionError("no passphrase opens the data after the kill")


def _check(data: Path) -> list[str]:
    """What `check` finds about the copies (the data file is checked by _open_next_start)."""
    from core.store.data_files import copy_problems

    encrypted = _state(data) == "encrypted"
    return copy_problems(data, encrypted, None)[0]


def _copies_not_like_data(data: Path) -> list[Path]:
    """Whole copies (backups, kept copies) that do not open the way the data file does: with
    the passphrase that opens the data, or without one when the data is plain."""
    from core.store.data_files import whole_copies
    from core.store.encryption import opens_with

    if _state(data) == "sqlite":
        key = None
    else:
        key = next(k for k in (NEW, OLD) if opens_with(data / "caseload.db", k))
    return [p for p in whole_copies(data) if not opens_with(p, key)]


def _command(root: Path, operation: list[str]) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--data-dir", str(root / "data"), *operation]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["CASELOAD_COMPANION_PASSPHRASE"] = OLD
    env["CASELOAD_COMPANION_NEW_PASSPHRASE"] = NEW
    return env


OPERATIONS = {
    "on": (["encryption", "on"], False),
    "change": (["encryption", "change"], True),
    "off": (["encryption", "off"], True),
    "delete-all": (["delete-all", "--yes", "--include-backups"], False),
}


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", list(OPERATIONS))
def test_no_plaintext_copy_survives_a_kill(tmp_path, name):
    operation, encrypted = OPERATIONS[name]
    # Every run happens at `work`, where the template was made: the data remembers the folder
    # it belongs to, and a copy found anywhere else leaves the original's backups alone.
    work, template, chosen = tmp_path / "work", tmp_path / "template", tmp_path / "chosen-folder"
    work.mkdir()
    _make_template(work, encrypted, chosen)
    shutil.copytree(work, template, symlinks=True)
    rng = random.Random(f"issue-11-{name}")

    # How long the whole run takes, and how long the interpreter takes to reach it.
    started = time.monotonic()
    subprocess.run(_command(template, ["--version"]), env=_env(), capture_output=True)
    reach = time.monotonic() - started
    trial = _copy_of(template, work, chosen)
    started = time.monotonic()
    done = subprocess.run(_command(trial, operation), env=_env(), capture_output=True, text=True)
    whole = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    # The command line's own `check` agrees on the finished run.
    check = subprocess.run(_command(trial, ["check"]), env=_env() | {
        "CASELOAD_COMPANION_PASSPHRASE": NEW}, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    untouched = {p: p.read_bytes() for p in template.rglob("*") if p.is_file()}
    killed, rounds = 0, 0
    while killed < KILLS and rounds < 3 * KILLS:
        root = work
        rounds += 1
        _copy_of(template, root, chosen)
        data = root / "data"
        child = subprocess.Popen(_command(root, operation), env=_env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(reach * 0.9, whole * 0.95))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        killed += child.returncode == -signal.SIGKILL
        began = pending(data) is not None  # killed after the run wrote its journal
        # Before the next start, `check` already reports a plaintext copy beside encrypted data.
        if _state(data) == "encrypted" and _leaks(root):
            assert _check(data), f"round {rounds}: check missed {_leaks(root)}"

        cases = _open_next_start(data)

        leaks = _leaks(root)
        if name == "delete-all":
            # Killed before it began (no journal yet): nothing may have been deleted.
            finished = cases == 0 and not leaks
            untouched_run = not began and cases == CASES and len(leaks) == 3
            assert finished or untouched_run, f"round {rounds}: {cases} cases, {leaks}"
            assert finished or not began
        else:
            assert cases == CASES, f"round {rounds}: cases lost"
            if _state(data) == "encrypted":
                assert not leaks, f"round {rounds}: plaintext in {leaks}"
            # Every copy is in the data's state: under its passphrase, or plain when off.
            assert not _copies_not_like_data(data), f"round {rounds}: " \
                f"{_copies_not_like_data(data)} not like the data file ({_state(data)})"
            assert pending(data) is None, f"round {rounds}: the run was not finished"
        assert not _check(data), f"round {rounds}: {_check(data)}"
        shutil.rmtree(root)
    assert {p: p.read_bytes() for p in template.rglob("*") if p.is_file()} == untouched
    print(f"{name}: {killed} kills landed in {rounds} runs; a whole run takes {whole:.2f} s")
