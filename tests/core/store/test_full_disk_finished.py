"""A full disk, finished (issue 29, item 7), on a real tiny tmpfs (where the machine allows
mounting one) with the real command line: `export` says the promised sentence (exit 1), as
`encryption on` does with no space left at all, and neither leaves a temporary file, a journal
or a half-written copy behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.database import open_database
from core.store.disk_space import DISK_FULL_MESSAGE

ROOT = Path(__file__).resolve().parents[3]
LEFTOVERS = (".partial", ".new", ".rekey-tmp", ".part", ".tmp", "operation-in-progress.json")


@pytest.fixture
def full_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(disk)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    data = disk / "data"
    data.mkdir()
    db = open_database(data / "caseload.db")
    fill_demo(db)
    db.close()
    fd = os.open(disk / "filler", os.O_CREAT | os.O_WRONLY, 0o600)  # every byte left taken
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _cli(data: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CASELOAD_COMPANION_NOW": "2026-11-30T10:00",
           "CASELOAD_COMPANION_NEW_PASSPHRASE": "a long enough passphrase"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                           *argv], capture_output=True, text=True, env=env, timeout=300)


def _leftovers(disk: Path) -> list[Path]:
    return [p for p in disk.rglob("*") if p.name.endswith(LEFTOVERS) or ".supervision-" in p.name]


def test_export_on_a_full_disk_says_the_disk_is_full(full_disk):
    done = _cli(full_disk / "data", "export", "--from", "2026-11-01", "--to", "2026-11-30",
                "--format", "md", "--out", str(full_disk / "summary.md"))
    assert (done.returncode, done.stderr.strip()) == (1, f"error: {DISK_FULL_MESSAGE}")
    assert not (full_disk / "summary.md").exists()
    assert _leftovers(full_disk) == []


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_encryption_on_with_no_space_says_the_disk_is_full_and_leaves_nothing(full_disk):
    before = (full_disk / "data" / "caseload.db").read_bytes()
    done = _cli(full_disk / "data", "encryption", "on")
    assert (done.returncode, done.stderr.strip()) == (1, f"error: {DISK_FULL_MESSAGE}")
    assert (full_disk / "data" / "caseload.db").read_bytes() == before
    assert _leftovers(full_disk) == []
    assert _cli(full_disk / "data", "encryption", "status").stdout.startswith("Encryption is off")
