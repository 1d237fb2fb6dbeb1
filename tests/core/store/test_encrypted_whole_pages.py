"""An encrypted data file that is not a whole number of pages is damaged, and nothing is
written into it (issue 29, tester's item 5): with 1,000 bytes added at its end, `check` said ok
and the next `log` wrote into it, where the same to a plain file is called damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.store import encryption

ROOT = Path(__file__).resolve().parents[3]
PASSPHRASE = "a long enough passphrase"

pytestmark = pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")


def _cli(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CASELOAD_COMPANION_PASSPHRASE": PASSPHRASE,
           "CASELOAD_COMPANION_NEW_PASSPHRASE": PASSPHRASE,
           "CASELOAD_COMPANION_NOW": "2026-12-02T15:00:00+00:00"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("change", ["1000 bytes added", "cut to half a page short"])
def test_an_encrypted_file_of_part_pages_is_damaged_and_never_written_into(tmp_path, change):
    folder = tmp_path / "data"
    assert _cli(folder, "demo").returncode == 0
    assert _cli(folder, "encryption", "on").returncode == 0
    data = folder / "caseload.db"
    if change == "1000 bytes added":
        with open(data, "ab") as handle:
            handle.write(os.urandom(1000))
    else:
        os.truncate(data, data.stat().st_size - 2048)
    spoiled = data.read_bytes()
    checked = _cli(folder, "check")
    assert checked.returncode == 1
    assert "damaged: it ends part-way through a page" in checked.stdout + checked.stderr
    logged = _cli(folder, "log", "--date", "2026-12-01", "5m recording note")
    assert logged.returncode == 1 and "damaged" in logged.stderr
    assert data.read_bytes() == spoiled
