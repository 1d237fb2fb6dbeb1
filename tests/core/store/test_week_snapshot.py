"""The last week in words kept for the next start's first frame: read back as written, never a
source of errors, never holding a case reference, and gone with delete-all and encryption."""

from __future__ import annotations

import pytest

from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.all_copies import change_encryption
from core.store.database import open_database
from core.store.week_snapshot import (
    HEADER,
    SNAPSHOT_NAME,
    WeekSnapshot,
    read_snapshot,
    save_snapshot,
)
from main import main

WEEK = WeekSnapshot("2026-W48", "Week 48, as of Friday 27 November 2026", "Over capacity",
                    "Your estimated work is more than your available hours.", "Steady caseload",
                    "Your caseload is within the range inspectors found can be managed well.")


def test_what_is_kept_is_read_back_and_only_the_owner_can_read_it(data_dir):
    assert read_snapshot(data_dir) is None
    assert save_snapshot(data_dir, WEEK)
    assert read_snapshot(data_dir) == WEEK
    assert (data_dir / SNAPSHOT_NAME).stat().st_mode & 0o077 == 0
    assert [p.name for p in data_dir.iterdir()] == [SNAPSHOT_NAME]  # no half-written file left


def test_any_text_comes_back_exactly(data_dir):
    odd = WEEK._replace(body="Two lines\nand a back\\slash\\n, a \r return: and ünïcode",
                        sustained="headline: not a field\n")
    assert save_snapshot(data_dir, odd)
    assert read_snapshot(data_dir) == odd


@pytest.mark.parametrize("text", ["", "not a kept week", '{"version": 1}',
                                  HEADER, HEADER + "\nweek: 2026-W48\nheadline: Over capacity\n",
                                  "\xff\xfe garbage"])
def test_a_file_that_is_not_a_kept_week_is_ignored(data_dir, text):
    (data_dir / SNAPSHOT_NAME).write_text(text, encoding="latin-1")
    assert read_snapshot(data_dir) is None


def test_words_holding_a_case_reference_are_never_kept(data_dir):
    assert save_snapshot(data_dir, WEEK)
    leaking = WEEK._replace(body="Mostly C07's reports this week.")
    assert not save_snapshot(data_dir, leaking, references=["C01", "c07"])
    assert read_snapshot(data_dir) is None  # and the earlier one is gone too


def test_delete_all_deletes_the_kept_week(data_dir, capsys):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.close()
    save_snapshot(data_dir, WEEK)
    assert main(["--data-dir", str(data_dir), "delete-all", "--yes"]) == 0
    assert not (data_dir / SNAPSHOT_NAME).exists()


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_turning_encryption_on_deletes_the_kept_week(data_dir):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.close()
    save_snapshot(data_dir, WEEK)
    change_encryption(data_dir, None, "a long enough passphrase 42")
    assert not (data_dir / SNAPSHOT_NAME).exists()
