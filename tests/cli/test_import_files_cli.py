"""`cases import` with files as a new user has them (issue 13): each imports, or is refused with
exit 2 and lines naming the line, the column and the fix; nothing is written on refusal."""

from __future__ import annotations

import re
import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.in_process import run_main


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv])


def cases(data_dir: Path) -> list[str]:
    result = cli(data_dir, "cases", "list", "--all", "--json")
    return [c["reference"] for c in json.loads(result.stdout or "[]")]


GOOD = {
    "cr.csv": b"reference,case_type,tier,start_date\rC07,community,B2,28/11/2026\r",
    "semicolon.csv": b"reference;case_type;tier;start_date\nC07;community;B2;28/11/2026\n",
    "flags.csv": b'reference,case_type,tier,start_date,flags\nC07,community,B2,28/11/2026,"MAPPA 2, domestic abuse"\n',
    "utf16.csv": "reference\tcase_type\ttier\tstart_date\r\nC07\tcommunity\tB2\t28/11/2026\r\n".encode("utf-16"),
}


@pytest.mark.parametrize("name", GOOD)
def test_files_excel_writes_import(data_dir, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(GOOD[name])
    result = cli(data_dir, "cases", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 1 case from") and "CSV" in result.stdout
    assert cases(data_dir) == ["C07"]


BAD = {
    "binary.csv": (bytes(range(256)) * 20, "binary"),
    "empty.csv": (b"", "empty"),
    "long-field.csv": (b"reference,case_type,tier,start_date\nC07,community,B2," + b"x" * 100_000 + b"\n",
                       "Line 2: column D (start_date)"),
    "longer-field.csv": (b"reference,case_type,tier,start_date\nC07,community,B2," + b"x" * 140_000 + b"\n",
                         "Line 2: a cell is longer than 131,072 characters"),
    "bad-row.csv": (b"reference,case_type,tier,start_date\nC07,community,B2,31/02/2026\n",
                    "Line 2: column D (start_date): '31/02/2026' is not a real date"),
}


@pytest.mark.parametrize("name", BAD)
def test_files_that_cannot_import_exit_2_with_where_and_how(data_dir, tmp_path, name):
    data, words = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    cli(data_dir, "status")  # the data file exists before, so "nothing written" can be checked
    result = cli(data_dir, "cases", "import", str(path))
    assert result.returncode == 2 and words in result.stderr, result.stderr
    assert "something went wrong" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and len(result.stderr) < 400
    assert cases(data_dir) == []


def test_several_bad_rows_are_each_listed_on_one_line(data_dir, tmp_path):
    path = tmp_path / "two-bad.csv"
    path.write_bytes(b"reference;case_type;tier;start_date\nC07;martian;B2;28/11/2026\n"
                     b"C08;community;B2;31/02/2026\n")
    result = cli(data_dir, "cases", "import", str(path))
    lines = result.stderr.splitlines()  # one line: the README's "one-line message"
    assert result.returncode == 2 and len(lines) == 1 and "separated by semicolons" in lines[0]
    parts = re.split(r"; |: (?=Line )", lines[0])  # the list follows its lead-in's colon
    assert any(p.startswith("Line 2: column B (case_type)") for p in parts)
    assert any(p.startswith("Line 3: column D (start_date)") for p in parts)
