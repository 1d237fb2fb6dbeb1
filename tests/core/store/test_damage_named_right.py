"""Damaged files named right (issue 29, item 6), through the real command line: an encrypted
file cut short with the right passphrase is damage, not a wrong passphrase; an encrypted file
whose first page was wiped is still encrypted (and damaged); a plain file one byte short fails
`check` and is never written into; and a wrong passphrase is still called wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.all_copies import change_encryption
from core.store.database import open_database

ROOT = Path(__file__).resolve().parents[3]
KEY = "a long enough passphrase"
needs_cipher = pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")


def _cli(folder: Path, *argv: str, key: str = KEY) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CASELOAD_COMPANION_PASSPHRASE": key}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=env, timeout=120)


def _folder(tmp_path: Path, encrypted: bool) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = open_database(folder / "caseload.db")
    fill_demo(db)
    db.close()
    if encrypted:
        change_encryption(folder, None, KEY)
    return folder


def _damage(path: Path, how: str) -> bytes:
    data = bytearray(path.read_bytes())
    if how == "half":
        data = data[: len(data) // 2]
    elif how == "one page":
        data = data[:4096]
    elif how == "one byte short":
        data = data[:-1]
    elif how == "page 1 zeroed":
        data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))
    return bytes(data)


@needs_cipher
@pytest.mark.parametrize("how", ["half", "one page", "page 1 zeroed"])
def test_a_damaged_encrypted_file_is_called_damaged_not_a_wrong_passphrase(tmp_path, how):
    folder = _folder(tmp_path, encrypted=True)
    left = _damage(folder / "caseload.db", how)
    done = _cli(folder, "status")
    assert done.returncode == 1
    assert "damaged" in done.stderr or "wiped" in done.stderr
    assert "does not open" not in done.stderr
    assert _cli(folder, "encryption", "status").stdout.startswith("Encryption is on.")
    assert (folder / "caseload.db").read_bytes() == left


@needs_cipher
def test_a_wrong_passphrase_is_still_called_wrong(tmp_path):
    folder = _folder(tmp_path, encrypted=True)
    done = _cli(folder, "status", key="not the passphrase at all")
    assert done.returncode == 1 and "does not open your data" in done.stderr


def test_a_plain_file_one_byte_short_fails_check_and_is_never_written_into(tmp_path):
    folder = _folder(tmp_path, encrypted=False)
    left = _damage(folder / "caseload.db", "one byte short")
    check = _cli(folder, "check")
    assert check.returncode == 1 and "cut short" in check.stdout
    logged = _cli(folder, "log", "30m admin")
    assert logged.returncode == 1 and "cut short" in logged.stderr
    assert (folder / "caseload.db").read_bytes() == left
