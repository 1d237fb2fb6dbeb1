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
    # Every backup of each of the last 7 days (same-day backups never replace each other)...
    for offset in range(7):
        assert latest.date() - timedelta(days=offset) in days
    daily = [m for m in keep if m.date() > latest.date() - timedelta(days=7)]
    assert len(daily) == 14
    older = [m for m in keep if m not in daily]
    assert all(m.hour == 14 for m in older)  # ... and only the newest of each earlier week
    # ... plus the newest of each of the last 4 weeks (some are already among the dailies).
    weeks = {m.isocalendar()[:2] for m in keep}
    assert len(weeks) >= 4
    assert 14 <= len(keep) <= 18
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


def test_back_up_now_never_removes_the_days_automatic_backup(data_dir):
    """Issue 11, item 5: "Back up now" or `backup` deleted that day's automatic backup."""
    from core.store.backup import backup_due, backup_file

    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    auto = backup_file(data_dir / "caseload.db", data_dir / "backups")
    manual = [make_backup(db, data_dir) for _ in range(3)]  # same second: distinct names
    db.close()
    left = {b.path for b in list_backups(data_dir / "backups")}
    assert auto in left and set(manual) <= left and len(left) == 4
    assert all("manual" in p.name for p in manual)
    assert not backup_due(data_dir / "backups")  # the automatic one counts for today


def test_a_manual_backup_does_not_stand_in_for_the_automatic_one(data_dir):
    from core.store.backup import backup_due

    db = open_database(data_dir / "caseload.db")
    make_backup(db, data_dir)
    db.close()
    assert backup_due(data_dir / "backups")


def test_rotation_removes_only_old_automatic_backups(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 3, 1, 8, 0, 0)
    for d in range(40):
        moment = (start + timedelta(days=d)).strftime('%Y%m%d-%H%M%S')
        (folder / f"caseload-{moment}.db").write_bytes(SQLITE_HEADER)
        (folder / f"caseload-{moment}-manual.db").write_bytes(SQLITE_HEADER)
    rotate(folder)
    names = [p.name for p in folder.iterdir()]
    assert sum("manual" in n for n in names) == 40
    assert sum("manual" not in n for n in names) == 9


def test_a_new_backup_never_overwrites_an_older_file(data_dir, monkeypatch):
    """Even when the name it chose is taken between choosing and placing it."""
    import pytest

    from core.store import backup as backups
    from core.store.database import StorageError

    db = open_database(data_dir / "caseload.db")
    folder = data_dir / "backups"
    folder.mkdir()
    older = folder / "caseload-20260101-090000-manual.db"
    older.write_bytes(b"an older backup")
    monkeypatch.setattr(backups, "unique_path", lambda *_a: older)
    real_exists = type(older).exists
    monkeypatch.setattr(type(older), "exists",
                        lambda self: False if self == older else real_exists(self))
    with pytest.raises(StorageError):
        backups.make_backup(db, data_dir)
    db.close()
    monkeypatch.undo()
    assert older.read_bytes() == b"an older backup"
    assert not list(folder.glob("*.partial"))
