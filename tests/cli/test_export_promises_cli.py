"""The command line keeps the summary's promises (issue 15): it says what was left out, never
replaces a file without --force, and refuses names as references or in free text (exit 2)."""

from pathlib import Path

import pytest

from core.store.database import open_database
from core.supervision.agenda import add_agenda_item
from main import main
from tests.cli.demo_folder import demo_folder


@pytest.fixture
def demo_dir(tmp_path):
    return demo_folder(tmp_path / "demo-data")


def _run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def test_an_existing_file_is_refused_without_force(demo_dir, tmp_path, capsys):
    for fmt in ("md", "csv", "pdf"):
        out = tmp_path / f"supervision.{fmt}"
        out.write_text("mine")
        assert _run(demo_dir, "export", "--format", fmt, "--out", str(out)) == 2
        err = capsys.readouterr().err
        assert "already exists; add --force" in err and len(err.strip().splitlines()) == 1
        assert out.read_text() == "mine"
        assert _run(demo_dir, "export", "--format", fmt, "--out", str(out), "--force") == 0
        assert out.read_bytes() != b"mine"


def test_the_data_file_and_a_users_spreadsheet_are_never_replaced_silently(
        demo_dir, tmp_path, capsys):
    data_file = demo_dir / "caseload.db"
    before = data_file.read_bytes()[:100]
    for fmt in ("pdf", "csv", "md"):
        for force in ((), ("--force",)):  # the live data file: not even with --force
            assert _run(demo_dir, "export", "--format", fmt, "--out", str(data_file), *force) == 2
            err = capsys.readouterr().err
            assert "is your data file" in err and len(err.strip().splitlines()) == 1
    assert data_file.read_bytes()[:100] == before
    assert _run(demo_dir, "cases", "list") == 0
    cases = tmp_path / "cases.csv"
    cases.write_text("reference,case_type\nC01,community\n")
    assert _run(demo_dir, "export", "--format", "csv", "--out", str(cases)) == 2
    assert "already exists; add --force" in capsys.readouterr().err
    assert cases.read_text() == "reference,case_type\nC01,community\n"


def test_what_was_left_out_is_printed(demo_dir, tmp_path, capsys):
    db = open_database(demo_dir / "caseload.db")
    for n in range(6):
        add_agenda_item(db, "learning", f"learning note {n}")
    db.close()
    out = tmp_path / "s.pdf"
    assert _run(demo_dir, "export", "--format", "pdf", "--out", str(out)) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("To fit one page:") and "older learning notes not shown" in printed[0]
    assert printed[1].startswith("Saved the PDF")


@pytest.mark.parametrize(("fmt", "name"), [("md", "Markdown"), ("html", "HTML")])
def test_html_and_markdown_have_no_pages_so_nothing_is_left_out(demo_dir, tmp_path, capsys, fmt, name):
    """They left out Reflection "to keep this summary to one page", though they have none."""
    db = open_database(demo_dir / "caseload.db")
    for n in range(6):
        add_agenda_item(db, "learning", f"learning note {n}")
    db.close()
    out = tmp_path / f"s.{fmt}"
    assert _run(demo_dir, "export", "--format", fmt, "--out", str(out)) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 1 and printed[0].startswith(f"Saved the {name} for")  # not "the MD"
    text = out.read_text()
    assert "one page" not in text and "Left out" not in text and "more in the app" not in text
    assert all(f"learning note {n}" in text for n in range(6)) and "Reflection" in text


def test_a_name_in_a_time_note_is_refused_with_exit_2(demo_dir, capsys):
    assert _run(demo_dir, "log", "--date", "2026-11-02", "09:30-10:15 home visit @C07 "
                "Visit to Mr Jones about his tenancy") == 2
    err = capsys.readouterr().err
    assert "The note looks like a name. Keep workload only" in err
    assert len(err.strip().splitlines()) == 1
    assert _run(demo_dir, "log", "list", "--from", "2026-11-02", "--to", "2026-11-02",
                "--json") == 0
    assert "Jones" not in capsys.readouterr().out


@pytest.mark.parametrize("note", ["John Smith called", "Update: John Smith missed appointment"])
def test_a_name_at_the_start_or_after_a_colon_is_refused_too(demo_dir, capsys, note):
    assert _run(demo_dir, "log", "--date", "2026-11-02", f"30m recording {note}") == 2
    assert "The note looks like a name" in capsys.readouterr().err
    assert _run(demo_dir, "log", "list", "--from", "2026-11-02", "--to", "2026-11-02",
                "--json") == 0
    assert "Smith" not in capsys.readouterr().out


def test_a_name_as_a_reduction_reason_is_refused_with_exit_2(demo_dir, capsys):
    assert _run(demo_dir, "reductions", "add", "--reason", "Cover for Jane Smith on leave",
                "--hours", "2", "--from", "2026-11-02") == 2
    assert "looks like a name" in capsys.readouterr().err
    assert _run(demo_dir, "reductions", "list", "--json") == 0
    assert "Smith" not in capsys.readouterr().out


def test_a_name_as_a_case_reference_in_a_csv_is_refused(tmp_path, capsys):
    folder = tmp_path / "data"
    csv = tmp_path / "cases.csv"
    csv.write_text("reference,case_type,tier,start_date\nJane Doe,community,C1,2026-01-05\n"
                   "C12,community,C1,2026-01-05\n")
    assert _run(folder, "cases", "import", str(csv)) == 2
    assert "no spaces" in capsys.readouterr().err
    assert not (folder / "caseload.db").exists()  # refused: nothing imported, no data made
