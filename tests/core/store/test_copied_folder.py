"""A copied data folder never acts on the original's copies (issue 29, item 4), with real
processes: the record of copies (`known-copies.json`) names the data folder it belongs to, so
a copy of the folder made with `cp -r` or a sync tool that runs `delete-all --include-backups`
or `encryption on` leaves the original's chosen backup folder and `backup --out` files alone,
and `check` says why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store import encryption
from core.store.backup import make_backup, set_backup_dir
from core.store.database import open_database
from core.store.fileops import file_kind

ROOT = Path(__file__).resolve().parents[3]


def _cli(folder: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=environ, timeout=300)


@pytest.fixture
def original(tmp_path):
    data = tmp_path / "original"
    data.mkdir(mode=0o700)
    db = open_database(data / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    set_backup_dir(db, tmp_path / "chosen", data)
    chosen_backup = make_backup(db, data)
    out = make_backup(db, data, tmp_path / "kept-by-hand.db")
    db.close()
    return data, [chosen_backup, out]


@pytest.mark.parametrize("argv", [
    ["delete-all", "--yes", "--include-backups"],
    pytest.param(["encryption", "on"], marks=pytest.mark.skipif(
        not encryption.available(), reason="needs sqlcipher3")),
])
def test_a_copied_folder_leaves_the_originals_copies_alone(tmp_path, original, argv):
    data, theirs = original
    before = {p: p.read_bytes() for p in theirs}
    copy = tmp_path / "copy"
    shutil.copytree(data, copy, symlinks=True)
    done = _cli(copy, *argv, CASELOAD_COMPANION_NEW_PASSPHRASE="a long enough passphrase")
    assert done.returncode == 0, done.stderr
    for path, content in before.items():
        assert path.exists() and path.read_bytes() == content, path
        assert file_kind(path) == "sqlite"
    listed = _cli(data, "cases", "list")
    assert listed.returncode == 0 and "C01" in listed.stdout  # the original is untouched
    check = _cli(copy, "check", CASELOAD_COMPANION_PASSPHRASE="a long enough passphrase")
    assert f"is a copy of {data}" in check.stdout
    assert _cli(data, "check").stdout.splitlines()[0] == "ok"
