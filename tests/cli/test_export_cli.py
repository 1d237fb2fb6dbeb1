"""`export` on the command line: every format, a refused range or folder exits 2 and leaves no file."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.common.errors import ValidationError
from core.supervision.export import write_atomically
from main import main
from tests.cli.demo_folder import demo_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_dir(tmp_path):
    return demo_folder(tmp_path / "demo-data")


def _export(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "export", *args])


@pytest.mark.parametrize("fmt, marker", [("html", "<html"), ("md", "# Supervision summary"),
                                         ("csv", "date,start,end,minutes")])
def test_each_text_format_is_written(demo_dir, tmp_path, fmt, marker):
    out = tmp_path / f"supervision.{fmt}"
    assert _export(demo_dir, "--format", fmt, "--out", str(out)) == 0
    assert marker in out.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".supervision-")] == []


def test_a_range_that_ends_before_it_starts_exits_2(demo_dir, tmp_path, capsys):
    out = tmp_path / "x.md"
    code = _export(demo_dir, "--from", "2026-11-20", "--to", "2026-11-01", "--format", "md",
                   "--out", str(out))
    assert code == 2
    assert "starts" in capsys.readouterr().err and not out.exists()


def test_an_unwritable_path_exits_2_and_leaves_nothing(demo_dir, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _export(demo_dir, "--format", "html", "--out", str(blocker / "s.html")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert _export(demo_dir, "--format", "md", "--out", str(tmp_path / "nope" / "s.md")) == 2
    assert not (tmp_path / "nope").exists()
    assert _export(demo_dir, "--format", "pdf", "--out", str(tmp_path)) == 2
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="folder permissions do not apply to the superuser")
def test_a_read_only_folder_exits_2(demo_dir, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert _export(demo_dir, "--format", "html", "--out", str(locked / "s.html")) == 2
        assert "cannot be written" in capsys.readouterr().err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_a_write_that_fails_part_way_leaves_no_file(tmp_path):
    target = tmp_path / "supervision.html"

    def half_then_fail(temp):
        temp.write_text("<html>half")
        raise OSError(28, "No space left on device")

    from core.store.errors import DiskFullError

    with pytest.raises(DiskFullError, match="Your disk is full; nothing was changed"):
        write_atomically(target, half_then_fail)  # the promised sentence (issue 29, item 7)
    assert list(tmp_path.iterdir()) == []

    def fails_otherwise(temp):
        temp.write_text("<html>half")
        raise OSError(5, "Input/output error")

    with pytest.raises(ValidationError) as info:
        write_atomically(target, fails_otherwise)
    assert "Nothing was written" in info.value.problems[0]
    assert list(tmp_path.iterdir()) == []


def test_the_pdf_is_one_page_with_empty_metadata_and_no_case_reference(demo_dir, tmp_path):
    out = tmp_path / "supervision-2026-11-28.pdf"
    # Its own process: the PDF path starts Qt, which must not leak into the other tests.
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(demo_dir), "export",
         "--format", "pdf", "--out", str(out)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    for key in (b"/Title", b"/Author", b"/Creator"):
        for match in re.finditer(re.escape(key) + rb"\s*\(([^)]*)\)", data):
            assert match.group(1) == b"", key
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M)
    else:
        assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "Agreed actions" in text
        assert re.findall(r"(?<!\w)C\d{2}(?!\w)", text) == []


def test_time_entries_csv_has_a_bom_and_formulas_are_written_as_text(data_dir, tmp_path, capsys):
    import csv
    import io

    folder = data_dir
    notes = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "=1+@SUM(A1)", "plain – é 😀"]
    for hour, note in enumerate(notes, start=9):
        assert main(["--data-dir", str(folder), "log", f"{hour}:00-{hour}:30 admin {note}",
                     "--date", "2026-11-02"]) == 0
    out = tmp_path / "time.csv"
    assert _export(folder, "--from", "2026-11-02", "--to", "2026-11-02", "--format", "csv",
                   "--include-cases", "--out", str(out)) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines(keepends=True)
    assert lines[0].strip() == "OFFICIAL"  # the classification line heads the file
    rows = list(csv.DictReader(io.StringIO("".join(lines[1:]))))
    assert [r["note"] for r in rows] == ["'" + n for n in notes[:4]] + ["plain – é 😀"]
    assert all(not r[key].startswith(("=", "+", "-", "@")) for r in rows for key in r)


def test_every_formula_start_owasp_names_is_neutralised():
    from core.supervision.export import safe_cell

    for text in ("=1", "+1", "-1", "@A1", "\t=1", "\r=1"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("home visit") == "home visit" and safe_cell("") == ""


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_a_long_classification_line_is_refused_in_every_format(data_dir, tmp_path, capsys, fmt):
    # breaker4 report, finding 6: csv took a 1,600-character first row; pdf, html, md refused.
    out = tmp_path / f"export.{fmt}"
    assert _export(data_dir, "--format", fmt, "--out", str(out),
                   "--classification", "OFFICIAL-SENSITIVE PERSONAL " * 60) == 2
    err = capsys.readouterr().err
    assert "Keep the classification line to one line of 60 characters" in err
    assert len(err.strip().splitlines()) == 1 and not out.exists()
