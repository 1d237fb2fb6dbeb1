"""Every number and date is bounded at the parser: absurd input is one line on stderr, exit 2,
and nothing written (issue 11, "the catch-all"). Run as the real command line (`main.main`, in
this process: tests/cli/in_process.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.in_process import run_main

NINES = "9" * 400

ABSURD = [
    ["log", f"{NINES}h admin"],
    ["log", "-" + "9" * 5000 + " admin"],
    ["log", "30m admin", "--date", "0001-01-01"],
    ["log", "0001-01-01 30m admin"],
    ["reductions", "add", "--reason", "study", "--hours", "2", "--from", "9999-09-01"],
    ["reductions", "add", "--reason", "study", "--hours", NINES, "--from", "2026-09-01"],
    ["history", "--as-of", "0001-01-02"],
    ["history", "--weeks", NINES],
    ["timer", "start", "admin", "--ago", "99999999999999999"],
    ["profile", "--protected-ceiling", NINES],
    ["retention", "--days", NINES],
    ["official", "--week", "2026-11-27", "--percent", NINES],
]


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv],
                    env={"CASELOAD_COMPANION_NOW": "2026-11-27T15:00:00+00:00"})


@pytest.mark.parametrize("argv", ABSURD, ids=lambda a: " ".join(a)[:40])
def test_absurd_numbers_and_dates_get_one_line_and_exit_2(data_dir, argv):
    assert cli(data_dir, "log", "09:00-10:00 admin", "--date", "2026-11-26").returncode == 0
    before = cli(data_dir, "log", "list", "--from", "2000-01-01", "--to", "2100-12-31").stdout

    result = cli(data_dir, *argv)

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and len(lines[0]) < 200, lines
    assert "something went wrong" not in result.stderr
    after = cli(data_dir, "log", "list", "--from", "2000-01-01", "--to", "2100-12-31").stdout
    assert after == before
