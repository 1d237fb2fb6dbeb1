"""Files and folders the app creates are owner-only (0600 / 0700) on Linux and macOS."""

from __future__ import annotations

import os
import stat

import pytest

import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes exist on POSIX only")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_wal_backups_and_logs_are_owner_only(tmp_path, monkeypatch):
    import logging

    from core.store.applog import LOG_NAME

    # Logging is set up once per process; start it afresh so this data folder gets its log.
    monkeypatch.setattr(logging.getLogger(LOG_NAME), "handlers", [])
    data = tmp_path / "fresh"
    assert main.main(["--data-dir", str(data), "demo"]) == 0
    assert main.main(["--data-dir", str(data), "backup"]) == 0
    out = tmp_path / "out" / "copy.db"
    out.parent.mkdir(mode=0o700)
    assert main.main(["--data-dir", str(data), "backup", "--out", str(out)]) == 0
    from core.store.database import open_database

    db = open_database(data / "caseload.db")  # keeps the WAL and SHM beside it while open
    db.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    files = [data / "caseload.db", out, *(data / "backups").iterdir(), *(data / "logs").iterdir()]
    files += [p for p in (data / "caseload.db-wal", data / "caseload.db-shm") if p.exists()]
    assert (data / "caseload.db-wal").exists()
    for path in files:
        assert _mode(path) == 0o600, path
    for folder in (data, data / "backups", data / "logs"):
        assert _mode(folder) == 0o700, folder
    db.close()
