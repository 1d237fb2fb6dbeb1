"""Backups: a round trip through the backup API loses nothing; rotation keeps 7 daily + 4 weekly."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.store.backup import backups_to_keep, list_backups, make_backup, rotate
from core.caseload.cases import CaseStore
from core.store.database import open_database
from core.demo.caseload_demo import fill_demo
from core.store.fileops import SQLITE_HEADER


def _dump(db) -> dict[str, list]:
    return {
        t: [tuple(r.values()) for r in db.query(f'SELECT * FROM "{t}" ORDER BY rowid')]
        for t in db.table_names()
    }


def test_backup_round_trip_loses_nothing(data_dir):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    before = _dump(db)
    dest = make_backup(db, data_dir)
    db.close()
    assert dest.parent == data_dir / "backups"
    assert dest.read_bytes().startswith(SQLITE_HEADER)
    copy = open_database(dest)
    assert _dump(copy) == before
    assert len(CaseStore(copy).list_cases("all")) == 57
    copy.close()


def test_backup_to_a_chosen_file_refuses_to_overwrite(data_dir, tmp_path):
    import pytest

    from core.store.database import StorageError

    db = open_database(data_dir / "caseload.db")
    out = tmp_path / "mine.db"
    out.write_text("keep me")
    with pytest.raises(StorageError):
        make_backup(db, data_dir, out)
    assert out.read_text() == "keep me"
    db.close()


def test_rotation_keeps_seven_daily_and_four_weekly():
    start = datetime(2026, 1, 1, 9, 0)
    moments = [start + timedelta(days=d, hours=h) for d in range(60) for h in (0, 5)]
    keep = backups_to_keep(moments)
    latest = max(moments)
    days = sorted({m.date() for m in keep}, reverse=True)
    # The newest backup of each of the last 7 days...
    for offset in range(7):
        assert latest.date() - timedelta(days=offset) in days
    assert all(m.hour == 14 for m in keep)  # ... and only the newest of each day
    # ... plus the newest of each of the last 4 weeks (some are already among the dailies).
    weeks = {m.isocalendar()[:2] for m in keep}
    assert len(weeks) >= 4
    assert 7 <= len(keep) <= 11
    assert min(keep) >= latest - timedelta(weeks=4)


def test_rotate_deletes_only_what_rotation_drops(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 3, 1, 8, 0, 0)
    for d in range(40):
        name = f"caseload-{(start + timedelta(days=d)).strftime('%Y%m%d-%H%M%S')}.db"
        (folder / name).write_bytes(SQLITE_HEADER + b"\0" * 100)
    (folder / "caseload-20260301-070000-before-restore.db").write_bytes(SQLITE_HEADER)
    (folder / "notes.txt").write_text("not ours")
    removed = rotate(folder)
    left = list_backups(folder)
    kept_days = sorted(b.created.strftime("%m-%d") for b in left if "before" not in b.path.name)
    # Last 7 days (3-9 April), plus the newest of the two weeks before the daily ones.
    assert kept_days == ["03-22", "03-29", "04-03", "04-04", "04-05", "04-06", "04-07", "04-08",
                         "04-09"]
    assert len(removed) == 40 - 9
    assert (folder / "notes.txt").exists()
    assert (folder / "caseload-20260301-070000-before-restore.db").exists()
    assert left[0].created == start + timedelta(days=39)
