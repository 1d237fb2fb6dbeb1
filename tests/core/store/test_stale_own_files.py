"""Temporary files of the app's own that a kill left behind are cleaned up by the next start
(issue 29, tester's item 6): after a kill -9 during `encryption on`,
`operation-in-progress.json.new` (a journal killed half-written) stayed in the folder for good."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.operation_journal import JOURNAL

ROOT = Path(__file__).resolve().parents[3]


def _cli(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CASELOAD_COMPANION_NOW": "2026-12-02T15:00:00+00:00"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=env, timeout=120)


def test_a_half_written_journal_is_removed_by_the_next_command(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = open_database(folder / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    db.close()
    half = folder / (JOURNAL + ".new")
    half.write_text('{"operation": "encryption-on", "sta', encoding="utf-8")
    done = _cli(folder, "log", "--date", "2026-12-01", "5m recording note")
    assert done.returncode == 0, done.stderr
    assert not half.exists()
    assert not (folder / JOURNAL).exists()
    assert "C01" in _cli(folder, "cases", "list").stdout
