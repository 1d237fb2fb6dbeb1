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


def test_words_holding_a_percentage_are_never_kept(data_dir):
    """The Overview's words with Show figures off hold no percentage; a text that does is not
    them, whichever way the figure is written."""
    for body in ("Your caseload is at 120%.", "About 95 percent of your hours.", "95 per cent"):
        assert save_snapshot(data_dir, WEEK)
        assert not save_snapshot(data_dir, WEEK._replace(body=body))
        assert read_snapshot(data_dir) is None


@pytest.mark.parametrize("edit", [
    lambda text: text.replace("Steady caseload", "C07 is 120% of your caseload"),
    lambda text: text.replace("more than your", "95 Per Cent of your"),
    lambda text: text + "note: something more\n",  # a line that is not one of its fields
    lambda text: text.replace("headline: Over", "headline: Over\nheadline: Over"),
    lambda text: text.replace("\nbody: ", "\nwords: "),
])
def test_a_kept_week_edited_by_hand_is_not_read(data_dir, edit):
    """Checked as cheaply as it is read: a percentage, or anything but its fields in order. (A
    case reference written into it cannot be known without the data, which the first frame does
    not open: the words are checked for those as they are kept.)"""
    assert save_snapshot(data_dir, WEEK)
    path = data_dir / SNAPSHOT_NAME
    text = path.read_text(encoding="utf-8")
    path.write_text(edit(text), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    assert read_snapshot(data_dir) is None
