"""The clock-change and midnight edges a tester found after issue 13 was built, on the real
command line under TZ=Europe/London and a fixed clock (CASELOAD_COMPANION_NOW)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.cli.london_clock import cli, entries, ok


def refused(data_dir: Path, at: str, *argv: str) -> str:
    before = hashlib.sha256((data_dir / "caseload.db").read_bytes()).digest()
    result = cli(data_dir, at, *argv)
    assert result.returncode == 2, result.stdout
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert hashlib.sha256((data_dir / "caseload.db").read_bytes()).digest() == before
    return result.stderr


# The October change: 01:30 summer time to the second 01:05 is 35 real minutes ---------------

def test_a_timer_from_the_first_to_the_repeated_hour_stops_with_its_real_length(data_dir):
    ok(data_dir, "2026-10-25T01:30+01:00", "timer", "start", "recording")
    out = ok(data_dir, "2026-10-25T01:05+00:00", "timer", "stop")
    assert "35 minutes" in out
    assert entries(data_dir) == [("2026-10-25", "01:30", "01:05", 35)]
    listed = ok(data_dir, "2026-10-25T09:00+00:00", "log", "list")
    assert "01:30–01:05" in listed and "35 min" in listed


def test_keep_all_switching_timers_and_trimming_work_through_the_repeated_hour(data_dir):
    ok(data_dir, "2026-10-25T01:30+01:00", "timer", "start", "recording")
    ok(data_dir, "2026-10-25T01:05+00:00", "timer", "stop", "--keep-all")
    assert entries(data_dir) == [("2026-10-25", "01:30", "01:05", 35)]
    ok(data_dir, "2026-10-25T01:05+00:00", "log", "-5 admin", "--trim-overlaps")  # cuts its end
    ok(data_dir, "2026-10-25T01:10+00:00", "timer", "start", "visit")
    ok(data_dir, "2026-10-25T01:20+00:00", "timer", "start", "travel")  # stops the visit
    ok(data_dir, "2026-10-25T01:30+00:00", "timer", "stop")
    # 01:50 summer time to the second 01:00 is 10 minutes inside the recording: trimmed in two.
    ok(data_dir, "2026-10-25T02:00+00:00", "log", "01:50-01:00 supervision", "--trim-overlaps")
    assert sorted(entries(data_dir)) == [
        ("2026-10-25", "01:00", "01:05", 5),
        ("2026-10-25", "01:10", "01:20", 10),
        ("2026-10-25", "01:20", "01:30", 10),
        ("2026-10-25", "01:30", "01:50", 20),
        ("2026-10-25", "01:50", "01:00", 10),
    ]


def test_a_timer_started_ago_into_the_first_hour_stops_in_the_repeated_one(data_dir):
    ok(data_dir, "2026-10-25T01:10+00:00", "timer", "start", "recording", "--ago", "30")
    ok(data_dir, "2026-10-25T01:20+00:00", "timer", "stop")
    assert entries(data_dir) == [("2026-10-25", "01:40", "01:20", 40)]


def test_the_last_minutes_typed_across_the_change_are_real_minutes_with_a_note(data_dir):
    out = ok(data_dir, "2026-10-25T01:10+00:00", "log", "-20 recording")
    assert "Logged 20 minutes" in out and "01:50–01:10" in out and "clocks went back" in out
    assert entries(data_dir) == [("2026-10-25", "01:50", "01:10", 20)]


def test_the_same_half_hour_in_each_occurrence_of_the_repeated_hour_is_no_overlap(data_dir):
    ok(data_dir, "2026-10-25T01:10+01:00", "timer", "start", "recording")
    ok(data_dir, "2026-10-25T01:40+01:00", "timer", "stop")
    ok(data_dir, "2026-10-25T01:10+00:00", "timer", "start", "travel")
    ok(data_dir, "2026-10-25T01:40+00:00", "timer", "stop")
    assert sorted(entries(data_dir)) == [("2026-10-25", "01:10", "01:40", 30)] * 2
    # A third half hour at the same clock times has nowhere to go: both occurrences are taken.
    assert "overlaps" in refused(data_dir, "2026-10-25T09:00+00:00", "log", "01:10-01:40 admin")


# The March change: 01:00-02:00 never happens ------------------------------------------------

def test_times_the_clocks_skipped_are_refused_in_one_line(data_dir):
    spring = ("2026-03-29T12:00+01:00",)
    line = "01:15 did not happen on 29 March: the clocks went forward from 01:00 to 02:00."
    assert line in refused(data_dir, *spring, "log", "01:15-01:45 recording")
    assert "01:30 did not happen" in refused(data_dir, *spring, "log", "01:30 20m visit")
    assert "01:30 did not happen" in refused(data_dir, *spring, "log", "00:45-01:30 travel")
    ok(data_dir, "2026-03-29T00:20+00:00", "timer", "start", "travel")
    assert "01:30 did not happen" in refused(data_dir, *spring, "timer", "stop", "--at", "01:30")
    assert entries(data_dir) == []


# Midnight ---------------------------------------------------------------------------------

def test_a_range_across_midnight_is_two_entries_split_at_24_00(data_dir):
    out = ok(data_dir, "2026-11-29T12:00+00:00", "log", "22:00-01:00 duty", "--date", "2026-11-27")
    assert "22:00–24:00" in out and "Sat 28 Nov 00:00–01:00" in out
    # Typed the morning after without a date, the night is last night's.
    ok(data_dir, "2026-11-29T08:00+00:00", "log", "23:00-00:30 duty")
    assert entries(data_dir) == [
        ("2026-11-27", "22:00", "24:00", 120), ("2026-11-28", "00:00", "01:00", 60),
        ("2026-11-28", "23:00", "24:00", 60), ("2026-11-29", "00:00", "00:30", 30),
    ]


def test_an_end_of_00_00_is_the_end_of_that_day(data_dir):
    ok(data_dir, "2026-11-29T12:00+00:00", "log", "23:00-00:00 recording", "--date", "2026-11-27")
    assert entries(data_dir) == [("2026-11-27", "23:00", "24:00", 60)]


def test_an_end_before_the_start_that_is_no_night_points_to_24_00(data_dir):
    message = refused(data_dir, "2026-11-29T12:00+00:00", "log", "09:00-08:00 recording")
    assert "Use 24:00 for the end of the day" in message
    message = refused(data_dir, "2026-11-29T00:30+00:00", "log", "22:00-01:00 duty")
    assert "01:00 is later than now" in message and "runs from Sat into Sun" in message


def test_the_last_minutes_back_past_midnight_split_at_24_00_like_the_timer(data_dir):
    out = ok(data_dir, "2026-11-29T00:10+00:00", "log", "-20 recording")
    assert "Sat 28 Nov 23:50–24:00" in out and "Sun 29 Nov 00:00–00:10" in out
    assert entries(data_dir) == [("2026-11-28", "23:50", "24:00", 10),
                                 ("2026-11-29", "00:00", "00:10", 10)]


def test_a_time_in_the_first_of_the_repeated_hours_has_happened_during_the_second(data_dir):
    ok(data_dir, "2026-10-25T01:10+00:00", "log", "01:30-01:40 recording")
    later = refused(data_dir, "2026-10-25T01:10+00:00", "log", "02:30-02:50 admin")
    assert "later than now" in later


def test_a_range_across_midnight_whose_second_part_overlaps_saves_neither(data_dir):
    ok(data_dir, "2026-11-29T12:00+00:00", "log", "00:00-00:30 admin", "--date", "2026-11-28")
    message = refused(data_dir, "2026-11-29T12:00+00:00", "log", "22:00-01:00 duty",
                      "--date", "2026-11-27")
    assert "overlaps" in message
    assert entries(data_dir) == [("2026-11-28", "00:00", "00:30", 30)]
