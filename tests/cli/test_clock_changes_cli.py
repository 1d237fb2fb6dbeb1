"""The real command line under a fixed clock (CASELOAD_COMPANION_NOW) and TZ=Europe/London,
across both clock changes and midnight (issue 13)."""

from __future__ import annotations


from tests.cli.london_clock import cli, entries, ok


def test_a_timer_through_the_october_change_stops_and_logs_real_time(data_dir):
    ok(data_dir, "2026-10-25T00:53+01:00", "timer", "start", "admin")
    assert "00:53 (1 hour 12 minutes)" in ok(data_dir, "2026-10-25T01:05+00:00", "timer", "status")
    ok(data_dir, "2026-10-25T01:10+00:00", "timer", "stop")  # the second 01:10
    assert entries(data_dir) == [("2026-10-25", "00:53", "01:10", 77)]


def test_a_timer_through_the_march_change_logs_twenty_minutes_as_twenty(data_dir):
    ok(data_dir, "2026-03-29T00:50+00:00", "timer", "start", "admin")
    assert "20 minutes" in ok(data_dir, "2026-03-29T02:10+01:00", "timer", "stop")
    assert entries(data_dir) == [("2026-03-29", "00:50", "02:10", 20)]


def test_entries_typed_across_a_change_get_their_real_length_and_a_note(data_dir):
    spring = ok(data_dir, "2026-03-30T09:00+01:00", "log", "00:30-02:30 admin", "--date", "2026-03-29")
    autumn = ok(data_dir, "2026-10-26T09:00+00:00", "log", "00:30-02:30 admin", "--date", "2026-10-25")
    assert "Logged 1 hour" in spring and "clocks went forward" in spring.splitlines()[1]
    assert "Logged 3 hours" in autumn and "clocks went back" in autumn.splitlines()[1]
    assert entries(data_dir) == [("2026-03-29", "00:30", "02:30", 60),
                                 ("2026-10-25", "00:30", "02:30", 180)]


def test_a_timer_across_midnight_loses_no_minute_and_asks_nothing(data_dir):
    ok(data_dir, "2026-11-23T23:57+00:00", "timer", "start", "admin")
    status = ok(data_dir, "2026-11-24T00:08+00:00", "timer", "status")
    assert "run a long time" not in status
    ok(data_dir, "2026-11-24T00:27+00:00", "timer", "stop")
    assert entries(data_dir) == [("2026-11-23", "23:57", "24:00", 3),
                                 ("2026-11-24", "00:00", "00:27", 27)]


def test_the_left_running_question_comes_only_past_the_working_day(data_dir):
    ok(data_dir, "2026-11-23T16:00+00:00", "timer", "start", "admin")
    assert "run a long time" not in ok(data_dir, "2026-11-24T01:00+00:00", "timer", "status")
    assert "run a long time" in ok(data_dir, "2026-11-24T03:30+00:00", "timer", "status")
    refused = cli(data_dir, "2026-11-24T03:30+00:00", "timer", "stop")
    assert refused.returncode == 2 and "Say what to keep" in refused.stderr
    ok(data_dir, "2026-11-24T03:30+00:00", "timer", "stop", "--at", "24:00", "--date", "2026-11-23")
    assert entries(data_dir) == [("2026-11-23", "16:00", "24:00", 480)]


def test_24_00_is_the_end_of_the_day_everywhere_an_end_is_typed(data_dir):
    ok(data_dir, "2026-11-21T09:00+00:00", "log", "23:00-24:00 recording", "--date", "2026-11-20")
    ok(data_dir, "2026-11-21T09:00+00:00", "log", "22:00 60m recording", "--date", "2026-11-20")
    late = cli(data_dir, "2026-11-21T09:00+00:00", "log", "23:30 60m recording", "--date", "2026-11-19")
    assert late.returncode == 2 and "past midnight" in late.stderr
    assert entries(data_dir) == [("2026-11-20", "22:00", "23:00", 60),
                                 ("2026-11-20", "23:00", "24:00", 60)]


def test_a_timer_started_minutes_ago_across_the_march_change_counts_real_minutes(data_dir):
    started = ok(data_dir, "2026-03-29T02:05+01:00", "timer", "start", "admin", "--ago", "10")
    assert "since 00:55" in started  # 10 real minutes before 02:05 BST is 00:55 GMT
    ok(data_dir, "2026-03-29T02:15+01:00", "timer", "stop")
    assert entries(data_dir) == [("2026-03-29", "00:55", "02:15", 20)]
