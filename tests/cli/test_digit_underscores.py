"""Digit underscores are not numbers a person means (issue 29, tester's item 7): Python reads
'3_7' as 37, so `profile --hours 3_7` saved 37 hours. Each number option refuses them in one
line and saves nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from core.common.exact import to_decimal
from core.store.database import open_database
from core.store.paths import database_path
from core.workload.weightings import value_problem

from tests.cli.in_process import run_main


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv],
                    env={"CASELOAD_COMPANION_NOW": "2026-12-02T15:00:00+00:00"})


def _rows(data_dir: Path) -> dict[str, int]:
    db = open_database(database_path(data_dir))
    try:
        return {t: db[t].count for t in ("profile", "reductions", "official_figures")
                if db[t].exists()}
    finally:
        db.close()


@pytest.mark.parametrize("argv, typed", [
    (["profile", "--hours", "3_7"], "3_7"),
    (["reductions", "add", "--reason", "study", "--percent", "1_0", "--from", "2026-11-30"],
     "1_0"),
    (["official", "--week", "2026-11-27", "--percent", "1_1_8"], "1_1_8"),
])
def test_a_number_with_underscores_is_refused_and_nothing_is_saved(data_dir, argv, typed):
    before = _rows(data_dir)
    done = cli(data_dir, *argv)
    assert done.returncode == 2
    assert f"'{typed}' is not a number" in done.stderr and done.stderr.count("\n") == 1
    assert _rows(data_dir) == before


def test_the_core_readers_refuse_underscores_too():
    with pytest.raises(ValueError):
        to_decimal("3_7")
    assert to_decimal("37") == 37
    assert value_problem("default_hours", "1_5") is not None
