"""Every write operation, killed at each of its steps, loses nothing and leaves no plaintext copy.

Each operation the practitioner can start (a backup, a restore, encryption on/change/off,
delete-all with its backups, a case import, a calendar import, and the window's saves with its
automatic backup) is run once on a copy of a demo folder to learn the crash points it passes
(core.common.crash_points), then again on a fresh copy for each point, dying there with SIGKILL
as in a power cut. After every kill, the next start (core.store.all_copies.open_folder, what the
window and every command go through) finishes the run or leaves it as if never started, and:

* nothing is lost: every case is there (the import's cases all or none, the restored backup's
  or the data before it with a copy kept), and every save the window reported is kept;
* while encryption is on, no file under the data folder or the chosen backup folder holds a
  case reference in the clear, and before the next start `check` already reports one that does;
* every backup and kept copy opens the way the data file does (its passphrase, or plain);
* no temporary file, journal or half backup is left, and `check` finds nothing wrong.

The README's command kills at the first time each step is reached; `pytest -m stress` (run by
.ci/run) kills at every time each step is reached, inside every loop.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.stress.conftest import NOW
from tests.stress.crash_steps import (
    NEW,
    OLD,
    command,
    copy_of,
    first_of_each,
    killed,
    leaks,
    run_child,
    steps,
)

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"),
                       reason="needs POSIX SIGKILL and fork"),
    pytest.mark.skipif(not __import__("core.store.encryption", fromlist=["x"]).available(),
                       reason="needs sqlcipher3"),
]

ENV = {"CASELOAD_COMPANION_PASSPHRASE": OLD, "CASELOAD_COMPANION_NEW_PASSPHRASE": NEW,
       "CASELOAD_COMPANION_NOW": NOW}


def _window_saves(root: Path) -> Callable[[], int]:
    """What the window does on a start: open the folder, the automatic backup (with rotation),
    then a case from the Caseload view and a line from the Time view, twice each, writing an
    acknowledgement after each save returned."""
    data = root / "data"

    def work() -> int:
        from datetime import date, datetime

        from core.caseload.cases import CaseStore
        from core.caseload.models import Case
        from core.store.all_copies import open_folder
        from core.store.backup import backup_file
        from core.time.quick_entry import log_quick_entry

        acks = os.open(root / "acks", os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        db = open_folder(data)
        backup_file(data / "caseload.db", data / "backups")
        for n in (1, 2):
            CaseStore(db).add_case(Case(f"ACK0{n}", "licence", "B2", date(2026, 1, 5)))
            os.write(acks, f"case ACK0{n}\n".encode())
            log_quick_entry(db, f"{n}5m admin ack{n}", now=datetime(2026, 11, 27, 12, 0),
                            day=date(2026, 11, 26))
            os.write(acks, f"time ack{n}\n".encode())
        db.close()
        return 0

    return work


@dataclass(frozen=True)
class Operation:
    template: str  # "plain" or "encrypted"
    work: Callable[[Path], Callable[[], int]]


OPERATIONS = {
    "backup": Operation("plain", lambda r: command(r / "data", "backup")),
    "restore": Operation("plain", lambda r: command(
        r / "data", "restore", str(r / "outside" / "restore-source.db"))),
    "encryption-on": Operation("plain", lambda r: command(r / "data", "encryption", "on")),
    "encryption-change": Operation("encrypted",
                                   lambda r: command(r / "data", "encryption", "change")),
    "encryption-off": Operation("encrypted", lambda r: command(r / "data", "encryption", "off")),
    "delete-all": Operation("plain", lambda r: command(
        r / "data", "delete-all", "--yes", "--include-backups")),
    "case-import": Operation("plain", lambda r: command(
        r / "data", "cases", "import", str(r / "outside" / "cases.csv"))),
    "calendar-import": Operation("plain", lambda r: command(
        r / "data", "log", "import-calendar", str(r / "outside" / "calendar.ics"))),
    "window-saves": Operation("plain", _window_saves),
}


def _kind(data: Path) -> str:
    from core.store.fileops import file_kind

    return file_kind(data / "caseload.db")


def _open(data: Path):
    """The next start: with the passphrase that opens the data (the new one first)."""
    from core.store.all_copies import open_folder
    from core.store.database import WrongPassphraseError

    for key in ((None,) if _kind(data) == "sqlite" else (NEW, OLD)):
        try:
            return open_folder(data, key)
        except WrongPassphraseError:
            continue
    raise AssertionError("no passphrase opens the data after the kill")


def _counts(root: Path) -> dict[str, object]:
    """What the data holds after the next start: case references and time entries' notes."""
    db = _open(root / "data")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        refs = {r[0] for r in db.execute("SELECT reference FROM cases")}
        notes = [r[0] or "" for r in db.execute("SELECT note FROM time_entries")]
        return {"refs": refs, "entries": len(notes), "notes": set(notes)}
    finally:
        db.close()


def _copies_not_like_data(data: Path) -> list[Path]:
    from core.store.data_files import whole_copies
    from core.store.encryption import opens_with

    key = None if _kind(data) == "sqlite" else next(
        k for k in (NEW, OLD) if opens_with(data / "caseload.db", k))
    return [p for p in whole_copies(data) if not opens_with(p, key)]


def _private_files(root: Path) -> list[Path]:
    return leaks(root / "data") + leaks(root / "chosen")


def _check_after_kill(name: str, root: Path, step: str, before: dict, after: dict) -> None:
    """Everything the module's docstring promises, for one copy killed at `step`."""
    from core.store.data_files import copy_problems, temporary_files
    from core.store.operation_journal import pending

    data = root / "data"
    where = f"{name} killed at {step}"
    if _kind(data) == "encrypted" and _private_files(root):
        found = copy_problems(data, True, None)[0]
        assert found, f"{where}: check missed {_private_files(root)}"

    now = _counts(root)

    if name == "delete-all":
        assert not now["refs"] and not now["entries"], f"{where}: data left after delete-all"
        assert not _private_files(root), f"{where}: {_private_files(root)}"
    elif name == "restore":
        if now["refs"] == after["refs"]:  # restored: the data before it is kept beside it
            kept = [p for p in data.parent.rglob("*before-restore*") if p.is_file()]
            assert kept, f"{where}: restored without keeping the data it replaced"
        else:
            assert now["refs"] == before["refs"], f"{where}: {now['refs'] ^ before['refs']}"
    elif name in ("case-import", "calendar-import"):
        assert now in (before, after), f"{where}: part of an import was saved"
    elif name == "window-saves":
        acked = (root / "acks").read_text().split("\n") if (root / "acks").exists() else []
        for line in filter(None, acked):
            kind, label = line.split(" ", 1)
            assert label in (now["refs"] if kind == "case" else now["notes"]), \
                f"{where}: the reported save {label} was lost"
        assert before["refs"] <= now["refs"], f"{where}: cases lost"
    else:
        assert now["refs"] == before["refs"], f"{where}: cases lost"
        assert now["entries"] == before["entries"], f"{where}: time lost"

    if _kind(data) == "encrypted":
        assert not _private_files(root), f"{where}: plaintext in {_private_files(root)}"
    assert not _copies_not_like_data(data), \
        f"{where}: {_copies_not_like_data(data)} do not open as the data file does"
    assert pending(data) is None, f"{where}: the run was not finished"
    assert not temporary_files(data), f"{where}: {temporary_files(data)} left"
    assert not copy_problems(data, _kind(data) == "encrypted", None)[0], f"{where}: check"
    if not name.startswith("encryption"):  # re-keying swaps whole checked files; these write
        _backups_whole(root, where)


def _backups_whole(root: Path, where: str) -> None:
    """Every file with a backup's name opens and checks out: no half backup under one."""
    from core.store.backup import list_backups, verify_backup
    from core.store.encryption import opens_with

    for folder in (root / "chosen", root / "data" / "backups"):
        for found in list_backups(folder):
            keys = [k for k in (NEW, OLD) if opens_with(found.path, k)] if found.encrypted \
                else [None]
            assert keys, f"{where}: no passphrase opens {found.path.name}"
            assert not verify_backup(found.path, keys[0]), \
                f"{where}: {found.path.name} is not a whole backup"


def _run_every_kill(name: str, templates: dict[str, Path], tmp_path: Path, every: bool) -> None:
    operation = OPERATIONS[name]
    template, work = templates[operation.template], templates["work"]

    before = _counts(copy_of(template, work))
    copy_of(template, work)
    found = steps(operation.work(work), tmp_path / "trace", ENV)
    after = _counts(work)
    assert after != before or name in ("backup",) or name.startswith("encryption"), \
        f"{name} changed nothing when run whole"
    chosen_steps = found if every else first_of_each(found)
    assert chosen_steps, f"{name} passes no crash point"

    for step in chosen_steps:
        root = copy_of(template, work)
        code = run_child(operation.work(root), crash_at=step, env=ENV)
        assert killed(code), f"{name}: not killed at {step} (exit {code})"
        _check_after_kill(name, root, step, before, after)
    print(f"{name}: {len(chosen_steps)} kills, one at each of {chosen_steps}")


# Re-keying derives SQLCipher's key many times a run (about a minute of CPU for `change`), so the
# README's command kills every other operation at each step and leaves the three encryption runs
# to the stress group's every-pass test below, which `.ci/run` runs.
EACH_STEP = [name for name in OPERATIONS if not name.startswith("encryption")]


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", EACH_STEP)
def test_killed_at_each_step_loses_nothing_and_leaks_nothing(templates, tmp_path, name):
    _run_every_kill(name, templates, tmp_path, every=False)


@pytest.mark.stress
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("name", list(OPERATIONS))
def test_killed_at_every_pass_of_every_step(templates, tmp_path, name):
    _run_every_kill(name, templates, tmp_path, every=True)
