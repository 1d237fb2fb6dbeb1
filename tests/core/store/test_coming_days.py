"""The words kept at quit for the coming days: read back as written, each only on its own day and
over the data file exactly as it was kept for, never holding a case reference, never an error,
and gone with the kept week (delete-all, restore, encryption)."""

from __future__ import annotations

import pytest

from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.all_copies import change_encryption
from core.store.coming_days import (HEADER, MAX_BYTES, coming_day_for_first_frame,
                                    coming_days_path, read_coming_days, save_coming_days)
from core.store.database import open_database
from core.store.week_snapshot import WeekSnapshot, data_state, forget_snapshot
from main import main

TUESDAY = WeekSnapshot("2026-W49", "Week 49, as of Tuesday 1 December 2026, so far this week",
                       "Over capacity", "Your estimated work is more than your hours.",
                       "Steady caseload", "Within the range.", "Over for weeks, calmly.", "",
                       "2026-12-01")
MONDAY = TUESDAY._replace(week="2026-W50", day="2026-12-07", sustained="",
                          week_line="Week 50, as of Monday 7 December 2026, so far this week")


@pytest.fixture
def folder(data_dir):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.close()
    return data_dir


def kept_for_now(folder, *days: WeekSnapshot) -> list[WeekSnapshot]:
    state = data_state(folder)
    return [day._replace(data_state=state) for day in days]


def test_the_days_kept_are_read_back_and_only_the_owner_can_read_them(folder):
    days = kept_for_now(folder, TUESDAY, MONDAY._replace(body="Two lines\nand a back\\slash"))
    assert save_coming_days(folder, days)
    assert read_coming_days(folder) == days
    assert coming_days_path(folder).stat().st_mode & 0o077 == 0
    assert not coming_days_path(folder).with_name(coming_days_path(folder).name + ".new").exists()


def test_each_day_is_painted_only_on_its_own_day(folder):
    tuesday, monday = kept_for_now(folder, TUESDAY, MONDAY)
    assert save_coming_days(folder, [tuesday, monday])
    assert coming_day_for_first_frame(folder, "2026-W49", "2026-12-01") == tuesday
    assert coming_day_for_first_frame(folder, "2026-W50", "2026-12-07") == monday
    assert coming_day_for_first_frame(folder, "2026-W49", "2026-12-02") is None
    assert coming_day_for_first_frame(folder, "2026-W50", "2026-12-01") is None


def test_nothing_is_painted_once_the_data_file_has_changed(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    db = open_database(folder / "caseload.db")
    db.execute("INSERT INTO settings (key, value) VALUES ('changed', '1')")
    db.conn.commit()
    db.close()
    assert coming_day_for_first_frame(folder, "2026-W49", "2026-12-01") is None


def test_nothing_is_painted_over_a_file_that_is_not_a_data_file(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    (folder / "caseload.db").write_bytes(bytes(range(256)) * 64)
    assert coming_day_for_first_frame(folder, "2026-W49", "2026-12-01") is None


def test_words_holding_a_case_reference_are_never_kept(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    leaking = MONDAY._replace(body="Mostly C07's reports this week.")
    assert not save_coming_days(folder, kept_for_now(folder, TUESDAY, leaking),
                                references={"C01", "C07"})
    assert read_coming_days(folder) == []  # and those kept before are gone too


@pytest.mark.parametrize("text", ["", "not kept days", HEADER, HEADER + "\n\nweek: 2026-W49\n",
                                  "Caseload Companion: the last week in words, version 2\n\n"
                                  "week: 2026-W49", "x" * (MAX_BYTES + 10)])
def test_a_file_that_is_not_one_is_ignored(folder, text):
    coming_days_path(folder).write_text(text, encoding="latin-1")
    assert read_coming_days(folder) == []
    assert coming_day_for_first_frame(folder, "2026-W49", "2026-12-01") is None


def test_the_coming_days_go_with_the_kept_week(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    forget_snapshot(folder)
    assert not coming_days_path(folder).exists()


def test_delete_all_deletes_the_coming_days(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    assert main(["--data-dir", str(folder), "delete-all", "--yes"]) == 0
    assert not coming_days_path(folder).exists()


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_turning_encryption_on_deletes_the_coming_days(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    change_encryption(folder, None, "a long enough passphrase 42")
    assert not coming_days_path(folder).exists()


@pytest.mark.parametrize("edit", [
    lambda text: text.replace("Steady caseload", "C07 is 120% of your caseload", 1),
    lambda text: text.replace("\nbody: Your", "\nbody: 95 percent of your", 1),
    lambda text: text.replace("\nday: 2026-12-01", "\nday: 2026-12-01\nnote: more", 1),
])
def test_a_day_edited_by_hand_is_not_painted(folder, edit):
    """Each block is read with the kept week's checks: a percentage, or anything but its fields
    in order, and that day is not painted (the other days are theirs, and still are)."""
    tuesday, monday = kept_for_now(folder, TUESDAY, MONDAY)
    assert save_coming_days(folder, [tuesday, monday])
    path = coming_days_path(folder)
    text = path.read_text(encoding="utf-8")
    path.write_text(edit(text), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    assert coming_day_for_first_frame(folder, "2026-W49", "2026-12-01") is None
    assert coming_day_for_first_frame(folder, "2026-W50", "2026-12-07") == monday


def test_words_holding_a_percentage_are_never_kept_for_the_coming_days(folder):
    assert save_coming_days(folder, kept_for_now(folder, TUESDAY))
    assert not save_coming_days(folder, kept_for_now(folder, MONDAY._replace(body="At 120%.")))
    assert read_coming_days(folder) == []
