"""No entry lands outside 2000-2100, whatever way it is written (issue 29, tester's item 2):
just after midnight on 1 January 2000, `log -- "-30 recording"` and `log "yesterday 1h
recording"` stored time on 31 December 1999, which `log list` can never show. Every way of
writing time goes through the time store's checks, which now refuse such a date."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.in_process import run_main

JUST_AFTER_2000 = "2000-01-01T00:10:00+00:00"


def cli(data_dir: Path, now: str, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv], env={"CASELOAD_COMPANION_NOW": now})


@pytest.mark.parametrize("argv", [
    ["log", "--", "-30 recording"],
    ["log", "yesterday 1h recording"],
    ["timer", "start", "recording", "--ago", "30"],
], ids=["30 minutes back", "yesterday", "timer started 30 minutes ago"])
def test_time_that_would_land_in_1999_is_refused_and_nothing_is_stored(data_dir, argv):
    done = cli(data_dir, JUST_AFTER_2000, *argv)
    assert done.returncode == 2
    assert "1999-12-31" in done.stderr and "2000 to 2100" in done.stderr
    listed = cli(data_dir, "2000-01-02T09:00:00+00:00", "log", "list", "--json",
                 "--from", "2000-01-01")
    assert json.loads(listed.stdout) == []
    status = cli(data_dir, JUST_AFTER_2000, "timer", "status")
    assert "since" not in status.stdout


def test_time_inside_the_range_at_its_edge_is_still_logged(data_dir):
    done = cli(data_dir, JUST_AFTER_2000, "log", "5m recording")
    assert done.returncode == 0, done.stderr
    listed = cli(data_dir, "2000-01-02T09:00:00+00:00", "log", "list", "--json",
                 "--from", "2000-01-01")
    assert [e["date"] for e in json.loads(listed.stdout)] == ["2000-01-01"]


@pytest.mark.parametrize("setting", ["garbage", "2026-12-06T25:00"])
def test_a_fixed_clock_that_is_not_a_time_is_refused_in_one_line(data_dir, setting):
    """Set but unreadable, it was ignored and `log` wrote at the real date (tester's item 4)."""
    done = cli(data_dir, setting, "log", "30m admin")
    assert done.returncode == 1
    assert done.stderr == (f"error: CASELOAD_COMPANION_NOW is not a date and time: {setting!r}; "
                           "nothing was read or saved. Give one like 2026-12-06T09:30, or unset "
                           "it.\n")
    listed = cli(data_dir, "2026-12-06T09:00:00+00:00", "log", "list", "--json",
                 "--from", "2000-01-01")
    assert json.loads(listed.stdout) == []
