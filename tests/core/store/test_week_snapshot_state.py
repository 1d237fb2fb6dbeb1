"""The kept week is painted only while it is still true: for this week, for the data file as it
is now, never over encrypted or damaged data; every step that replaces the data deletes it; a
number-only case reference does not stop it being kept; a huge file is never read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.all_copies import change_encryption
from core.store.backup import make_backup, restore_backup
from core.store.database import open_database
from core.store.paths import DB_FILENAME
from core.store.week_snapshot import (
    DATA_FILE,
    MAX_BYTES,
    SNAPSHOT_NAME,
    WeekSnapshot,
    data_state,
    read_snapshot,
    save_snapshot,
    snapshot_for_first_frame,
)

ROOT = Path(__file__).resolve().parents[3]
PASSPHRASE = "a long enough passphrase 42"
MONDAY = "2026-12-07"
WORDS = WeekSnapshot("2026-W50", "Week 50, as of Monday 7 December 2026", "Over capacity",
                     "Your estimated work is more than your available hours.",
                     "Steady caseload", "Your caseload is within the range.", day="2026-12-07")


def _demo(folder: Path) -> None:
    db = open_database(folder / DB_FILENAME)
    fill_demo(db)
    db.close()


def _keep(folder: Path, snapshot: WeekSnapshot = WORDS) -> None:
    assert save_snapshot(folder, snapshot._replace(data_state=data_state(folder)))


def test_the_name_of_the_data_file_is_the_stores(data_dir):
    assert DATA_FILE == DB_FILENAME


def test_kept_words_are_painted_this_week_while_the_data_is_as_it_was(data_dir):
    _demo(data_dir)
    _keep(data_dir)
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is not None
    # An app that opens and closes the data without changing it leaves the words true.
    open_database(data_dir / DB_FILENAME).close()
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is not None


def test_an_earlier_weeks_words_are_not_painted_as_this_weeks(data_dir):
    _demo(data_dir)
    _keep(data_dir)
    assert snapshot_for_first_frame(data_dir, "2026-W51", "2026-12-14") is None
    assert snapshot_for_first_frame(data_dir, "2027-W09", "2027-03-01") is None


def test_words_kept_on_monday_are_not_painted_on_friday_of_the_same_week(data_dir):
    """The Overview says its week "as of" a day; Monday's words are not Friday's."""
    _demo(data_dir)
    _keep(data_dir)
    assert snapshot_for_first_frame(data_dir, "2026-W50", "2026-12-11") is None


def test_a_change_from_outside_the_window_stops_the_words_being_painted(data_dir):
    from datetime import date

    _demo(data_dir)
    _keep(data_dir)
    db = open_database(data_dir / DB_FILENAME)
    CaseStore(db).add_case(Case("C99", "community", "B2", date(2026, 12, 1)))
    db.close()
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is None


def test_restore_deletes_the_kept_words(data_dir):
    _demo(data_dir)
    db = open_database(data_dir / DB_FILENAME)
    backup = make_backup(db, data_dir)
    db.close()
    _keep(data_dir)
    restore_backup(backup, data_dir / DB_FILENAME)
    assert not (data_dir / SNAPSHOT_NAME).exists()


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_restoring_an_encrypted_backup_leaves_no_words_in_the_clear(tmp_path):
    other, folder = tmp_path / "other", tmp_path / "data"
    for path in (other, folder):
        path.mkdir(mode=0o700)
        _demo(path)
    change_encryption(other, None, PASSPHRASE)
    db = open_database(other / DB_FILENAME, passphrase=PASSPHRASE)
    backup = make_backup(db, other)
    db.close()
    _keep(folder)
    restore_backup(backup, folder / DB_FILENAME, PASSPHRASE)
    assert not (folder / SNAPSHOT_NAME).exists()


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_words_left_beside_encrypted_data_are_deleted_not_painted(data_dir):
    _demo(data_dir)
    change_encryption(data_dir, None, PASSPHRASE)
    _keep(data_dir)  # as a copy of an older folder, or a restore by an older version, left it
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is None
    assert not (data_dir / SNAPSHOT_NAME).exists()


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_turning_encryption_off_deletes_the_kept_words(data_dir):
    _demo(data_dir)
    change_encryption(data_dir, None, PASSPHRASE)
    _keep(data_dir)
    change_encryption(data_dir, PASSPHRASE, None)
    assert not (data_dir / SNAPSHOT_NAME).exists()


def test_words_beside_a_damaged_data_file_are_deleted_not_painted(data_dir):
    _keep(data_dir)
    (data_dir / DB_FILENAME).write_bytes(os.urandom(200_000))
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is None
    assert not (data_dir / SNAPSHOT_NAME).exists()


def test_a_huge_file_is_not_read_and_is_deleted(data_dir):
    _demo(data_dir)
    _keep(data_dir, WORDS._replace(body="a" * 3_000_000))
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is None
    assert read_snapshot(data_dir) is None
    assert not (data_dir / SNAPSHOT_NAME).exists()
    _keep(data_dir, WORDS._replace(body="b" * (MAX_BYTES // 2)))  # long but plausible: read
    assert read_snapshot(data_dir) is not None


@pytest.mark.parametrize("reference", ["4", "7", "20", "21", "50", "2026", "C-07"])
def test_a_reference_that_is_only_part_of_a_figure_does_not_stop_the_keeping(data_dir,
                                                                             reference):
    """References are numbers for some practitioners ("at least one digit"): the week's own
    figures, counts and dates are not references ("Week 50 ... 7 December 2026")."""
    text = WORDS._replace(body="About 4.5 extra hours a week; 7.25 hours on 50,000 minutes; "
                               "1.2026 and C-070.",
                          sustained="Over capacity for 21 weeks in a row, since 20 July.")
    assert save_snapshot(data_dir, text, references=[reference])
    assert read_snapshot(data_dir) == text


@pytest.mark.parametrize("body", ["Mostly 4's reports.", "Case 4, then more.", "Case 4.",
                                  "(4) is over.", "about c-07 now", "4 is over"])
def test_a_reference_standing_as_a_word_is_never_kept(data_dir, body):
    assert not save_snapshot(data_dir, WORDS._replace(body=body), references=["4", "C-07"])
    assert read_snapshot(data_dir) is None


def test_a_restore_killed_after_the_words_are_deleted_leaves_the_data_as_it_was(data_dir):
    _demo(data_dir)
    db = open_database(data_dir / DB_FILENAME)
    backup = make_backup(db, data_dir)
    db.close()
    before = (data_dir / DB_FILENAME).read_bytes()
    _keep(data_dir)
    env = dict(os.environ, PYTHONPATH=str(ROOT), CASELOAD_CRASH_AT="restore.week_forgotten")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           "restore", str(backup)], env=env, capture_output=True, timeout=120)
    assert done.returncode != 0  # stopped there
    assert not (data_dir / SNAPSHOT_NAME).exists()
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_setting_a_damaged_data_file_aside_deletes_the_kept_words(data_dir):
    """Recovery's "Move damaged file aside and start fresh": the words were the old file's."""
    from core.store.fileops import set_aside

    _demo(data_dir)
    _keep(data_dir)
    set_aside(data_dir / DB_FILENAME)
    assert not (data_dir / SNAPSHOT_NAME).exists()


def _once_the_change_time_moves_on(path: Path) -> None:
    """Wait (for the event, not a length of time) until a file changed now would have a later
    status change time than `path`: the file system's clock is coarse (a few milliseconds)."""
    probe = path.with_name("clock-probe")
    kept = path.stat().st_ctime_ns
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > kept:
            probe.unlink()
            return


def _damage_keeping_size_and_times(path: Path) -> None:
    """What the tester did: bytes changed in place, the file's times then set back."""
    before = path.stat()
    with open(path, "r+b") as data:
        data.seek(32)
        data.write(b"\x00\x00\xff\xff")  # the first freelist page, now far past the end
        data.seek(before.st_size - 3000)
        data.write(os.urandom(3000))  # and the last page's body
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_words_are_not_painted_over_a_file_damaged_in_place_with_its_times_set_back(data_dir):
    """Size and modification time alike, as `touch -r` or a tool restoring times leaves them:
    the recovery screen comes next, and no kept week is painted beside it."""
    import sqlite3

    from core.store.database import check_readable
    from core.store.errors import DamagedDatabaseError

    _demo(data_dir)
    _keep(data_dir)
    _once_the_change_time_moves_on(data_dir / DB_FILENAME)
    _damage_keeping_size_and_times(data_dir / DB_FILENAME)
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    with pytest.raises(DamagedDatabaseError):  # damaged indeed: what the start finds next
        check_readable(conn, data_dir / DB_FILENAME)
    conn.close()
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is None


def test_words_are_not_painted_over_a_copy_put_in_the_files_place_with_its_times(data_dir):
    """A damaged copy brought back by a backup tool (`cp -p`, `rsync -t`): same size, same
    times, renamed over the data file; another file, so the words kept for it are not its."""
    import shutil

    _demo(data_dir)
    _keep(data_dir)
    copy = data_dir / "restored.tmp"
    shutil.copy2(data_dir / DB_FILENAME, copy)
    _damage_keeping_size_and_times(copy)
    os.utime(copy, ns=((data_dir / DB_FILENAME).stat().st_atime_ns,
                       (data_dir / DB_FILENAME).stat().st_mtime_ns))
    os.replace(copy, data_dir / DB_FILENAME)
    assert snapshot_for_first_frame(data_dir, "2026-W50", MONDAY) is None
