"""Inputs that once broke the app, and a wrong system clock (issue 29, items 5 and 8), through
the real command line: every number has the range a person can mean,
checked where it is parsed; bytes that are not text and control characters are never echoed
raw; a clock outside 2000-2100 writes nothing and says the clock looks wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.store.database import open_database

from tests.cli.in_process import run_main

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-30T10:00"


def _cli(folder: Path, *argv: str | bytes, now: str = NOW) -> subprocess.CompletedProcess:
    """The command in this process (tests/cli/in_process.py); one with bytes that are not text
    in its arguments in a process of its own, as only the operating system hands them over."""
    if not any(isinstance(a, bytes) for a in argv):
        return run_main(["--data-dir", str(folder), *map(str, argv)],
                        env={"CASELOAD_COMPANION_NOW": now})
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CASELOAD_COMPANION_NOW": now}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, env=env, timeout=120)
    done.stdout, done.stderr = done.stdout.decode(), done.stderr.decode()
    return done


def _rows(folder: Path, table: str) -> int:
    db = open_database(folder / "caseload.db")
    try:
        return db[table].count if db[table].exists() else 0
    finally:
        db.close()


def _one_clean_line(done: subprocess.CompletedProcess) -> str:
    err = done.stderr
    assert err.count("\n") == 1 and "Traceback" not in err and "\x1b" not in err, err
    return err.strip()


@pytest.mark.parametrize("hours", ["1e-30", "1e-22", "0.001", "22.255", "0.5", "61", "-3"])
def test_hours_no_person_means_are_refused_and_the_figures_still_work(data_dir, hours):
    done = _cli(data_dir, "profile", "--hours", hours, "--from", "2026-11-30")
    assert done.returncode == 2
    _one_clean_line(done)
    assert _rows(data_dir, "profile_changes") == 0
    figures = _cli(data_dir, "status", "--figures")
    assert figures.returncode == 0, figures.stderr
    assert "cases" not in figures.stdout or "0000000" not in figures.stdout


@pytest.mark.parametrize("argv", [
    ["reductions", "add", "--reason", "Court duty", "--hours", "1e-30", "--from", "2026-11-02"],
    ["reductions", "add", "--reason", "Mentoring", "--percent", "0.0001", "--from", "2026-11-02"],
    ["official", "--week", "2026-11-23", "--percent", "1e-30"],
])
def test_other_hours_and_percentages_have_a_sensible_precision(data_dir, argv):
    done = _cli(data_dir, *argv)
    assert done.returncode == 2
    _one_clean_line(done)
    assert _cli(data_dir, "status", "--figures").returncode == 0
    assert _cli(data_dir, "check").returncode == 0


def test_hours_a_person_types_are_kept_exactly(data_dir):
    assert _cli(data_dir, "profile", "--hours", "22.25", "--from", "2026-11-30").returncode == 0
    assert _cli(data_dir, "status", "--figures").returncode == 0


def test_an_argument_that_is_not_utf8_is_refused_in_words(data_dir):
    done = _cli(data_dir, "log", b"45m recording caf\xe9")
    assert done.returncode == 2
    assert "not readable text" in _one_clean_line(done)
    assert _rows(data_dir, "time_entries") == 0


def test_control_characters_from_the_input_are_shown_not_obeyed(data_dir):
    for argv in (["log", "\x1b[31mZZ banana"], ["profile", "--hours", "\x1b[31m"],
                 ["official", "--week", "2026-13-\x07", "--percent", "110"],
                 ["stauts\x1b[2J"]):
        done = _cli(data_dir, *argv)
        assert done.returncode == 2
        line = _one_clean_line(done)
        assert "\x07" not in line


@pytest.mark.parametrize("now", ["1970-01-01T10:00", "1999-12-31T23:00", "2101-01-01T09:00"])
def test_a_clock_outside_2000_to_2100_writes_nothing_and_says_it_looks_wrong(data_dir, now):
    done = _cli(data_dir, "log", "30m admin", now=now)
    assert done.returncode == 1
    assert "clock" in _one_clean_line(done) and "looks wrong" in done.stderr
    assert _rows(data_dir, "time_entries") == 0
    assert _cli(data_dir, "log", "30m admin").returncode == 0  # with a right clock it works
    assert _rows(data_dir, "time_entries") == 1


def test_a_fixed_clock_that_has_no_local_time_is_said_in_words(data_dir):
    done = _cli(data_dir, "status", now="0001-01-01T00:00+14:00")
    assert done.returncode == 1
    assert "CASELOAD_COMPANION_NOW" in _one_clean_line(done)


def test_a_workbook_whose_xml_is_broken_is_refused_in_one_line(data_dir, tmp_path):
    import io
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["reference", "type"])
    good = io.BytesIO()
    book.save(good)
    broken = tmp_path / "cases.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():  # xl/workbook.xml left empty, as a failed sync leaves it
            out.writestr(item, b"" if item.filename == "xl/workbook.xml" else src.read(item))
    done = _cli(data_dir, "cases", "import", str(broken))
    assert done.returncode == 2
    assert "could not be read" in _one_clean_line(done)
    assert _rows(data_dir, "cases") == 0
