"""One demo folder per kind (plain, encrypted), made once per session; each kill runs on a copy.

A template holds `data/` (the demo caseload, every reference changed to start `ZQXREF` so a
plaintext copy can be found by its bytes, a backup in a chosen folder and a pre-upgrade copy),
`chosen/` (that folder) and `outside/` (the files a run reads: a backup to restore, a case
spreadsheet, a calendar). Each is made at the session's `work` folder and kept beside it: the
data remembers its folders by absolute path, so every run copies a template back to `work`.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.stress.crash_steps import OLD

TODAY = date(2026, 11, 27)
NOW = "2026-11-27T12:00"


def _make_plain(root: Path) -> None:
    from core.caseload.cases import CaseStore
    from core.caseload.models import Case
    from core.demo.caseload_demo import fill_demo
    from core.store.backup import backup_connection, make_backup, set_backup_dir
    from core.store.database import open_database
    from tests.core.time.calendar import ics

    data, outside = root / "data", root / "outside"
    data.mkdir(mode=0o700)
    outside.mkdir(mode=0o700)
    chosen = root / "chosen"
    chosen.mkdir(mode=0o700)
    db = open_database(data / "caseload.db")
    fill_demo(db, TODAY)
    db.execute("UPDATE cases SET reference = 'ZQXREF' || printf('%04d', id)")
    db.conn.commit()
    # Kept to three whole files (each costs SQLCipher's key derivation several times a run).
    set_backup_dir(db, chosen, data)
    make_backup(db, data)  # the chosen folder
    # What `restore` puts back: the data before its newest case (a file the app never made,
    # so not one of the copies it keeps track of).
    backup_connection(db.conn, outside / "restore-source.db")
    CaseStore(db).add_case(Case("ZQXREF9999", "licence", "B2", date(2026, 1, 5)))
    db.close()
    shutil.copy2(data / "caseload.db", data / "caseload.before-m005-20260101-090000.db")
    (outside / "cases.csv").write_text(
        "reference,case_type,tier,start_date\n"
        "NEW01,community,B2,2026-11-02\nNEW02,licence,C1,2026-11-03\nNEW03,community,A1,2026-11-04\n",
        encoding="utf-8")
    # A week in June: the demo's twelve weeks of time do not reach it, so nothing clashes.
    (outside / "calendar.ics").write_bytes(ics.realistic_week(date(2026, 6, 1)))


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> dict[str, Path]:
    """{"plain": folder, "encrypted": folder, "work": where each run happens}, made once."""
    from core.store.all_copies import change_encryption

    base = tmp_path_factory.mktemp("crash-templates")
    work = base / "work"
    work.mkdir()
    _make_plain(work)
    plain = base / "plain"
    shutil.copytree(work, plain, symlinks=True)
    change_encryption(work / "data", None, OLD)
    encrypted = base / "encrypted"
    shutil.copytree(work, encrypted, symlinks=True)
    return {"plain": plain, "encrypted": encrypted, "work": work}
