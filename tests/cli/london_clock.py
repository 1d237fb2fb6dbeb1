"""Running the real command line under TZ=Europe/London and a fixed clock
(CASELOAD_COMPANION_NOW), shared by the clock-change and midnight tests. It runs in the tests'
own process (tests/cli/in_process.py), TZ read afresh for each command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.in_process import run_main


def cli(data_dir: Path, at: str, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv],
                    env={"TZ": "Europe/London", "CASELOAD_COMPANION_NOW": at})


def ok(data_dir: Path, at: str, *argv: str) -> str:
    result = cli(data_dir, at, *argv)
    assert result.returncode == 0, result.stderr
    return result.stdout


def entries(data_dir: Path) -> list[tuple[str, str, str, int]]:
    """Every entry of 2026 as (date, start, end, minutes), read through `log list --json`."""
    out = ok(data_dir, "2026-12-31T12:00+00:00", "log", "list", "--from", "2026-01-01",
             "--to", "2026-12-31", "--json")
    return [(e["date"], e["start"], e["end"], e["minutes"]) for e in json.loads(out)]
