"""A command does what was typed: the file's extension is its format, a mistyped command is
named back with the nearest real one, and `log list` lines up under a header row."""

import pytest

import main
from tests.cli.demo_folder import demo_folder


def run(capsys, folder, *argv):
    capsys.readouterr()
    try:
        code = main.main(["--data-dir", str(folder), *argv])
    except SystemExit as ended:  # argparse's own refusals
        code = ended.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-12-02T12:00")
    return demo_folder(tmp_path / "demo")


@pytest.mark.parametrize("name, start", [
    ("guess.md", "# Supervision summary"), ("page.html", "<html"),
    ("notes.markdown", "# Supervision summary"), ("time.csv", "date,start,end"),
])
def test_without_format_the_extension_says_which_format(capsys, demo, tmp_path, name, start):
    out = tmp_path / name
    code, said, err = run(capsys, demo, "export", "--out", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8-sig")
    assert any(line.startswith(start) for line in text.splitlines()[:3]), text[:80]
    assert not out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("name, words", [
    ("x.docx", "x.docx ends in .docx, which is not a format"),
    ("noext", "noext has no ending to name a format"),
])
def test_an_extension_that_is_not_a_format_is_refused_and_nothing_written(
        capsys, demo, tmp_path, name, words):
    code, _, err = run(capsys, demo, "export", "--out", str(tmp_path / name))
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / name).exists()


def test_a_format_that_contradicts_the_extension_is_refused(capsys, demo, tmp_path):
    code, _, err = run(capsys, demo, "export", "--format", "pdf", "--out", str(tmp_path / "y.md"))
    assert code == 2 and "--format pdf does not match y.md; use --format md" in err
    assert not (tmp_path / "y.md").exists()


def test_a_format_with_an_ending_of_ones_own_is_taken_as_typed(capsys, demo, tmp_path):
    code, _, err = run(capsys, demo, "export", "--format", "md", "--out", str(tmp_path / "y.txt"))
    assert code == 0, err
    assert "# Supervision summary" in (tmp_path / "y.txt").read_text()


@pytest.mark.parametrize("argv, name", [
    ([], "supervision-2026-12-02.pdf"), (["--format", "csv"], "supervision-2026-12-02.csv"),
])
def test_without_out_the_window_name_in_the_current_folder(
        capsys, demo, tmp_path, monkeypatch, argv, name):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, said, err = run(capsys, demo, "export", *argv)
    assert code == 0, err
    assert [p.name for p in here.iterdir()] == [name]
    assert str(here / name) in said


@pytest.mark.parametrize("argv, words", [
    (["stauts"], "'stauts' is not a command; did you mean status? See `caseload-companion --help`."),
    (["cases", "lsit"], "'lsit' is not a cases command; did you mean list?"),
    (["timer", "stat"], "did you mean status?"),
    (["xyzzy"], "choose from demo, cases,"),
])
def test_a_mistyped_command_is_named_with_the_nearest(capsys, demo, argv, words):
    code, _, err = run(capsys, demo, *argv)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def test_log_list_has_a_header_and_columns_that_line_up(capsys, demo):
    code, _, err = run(capsys, demo, "log", "45m One-to-one work in place of an intervention @C07",
                       "--date", "2026-11-24")
    assert code == 0, err
    code, out, _ = run(capsys, demo, "log", "list", "--from", "2026-11-23", "--to", "2026-11-27")
    lines = out.splitlines()
    header, rows = lines[0], lines[1:-1]
    assert header.split() == ["Date", "Time", "Length", "Activity", "Case", "Note"]
    case_at = header.index("Case")
    with_case = [r for r in rows if len(r) > case_at and r[case_at:].strip()]
    assert any("One-to-one work in place of an intervention" in r for r in with_case)
    for row in with_case:  # every case reference starts under its heading
        assert row[case_at] == "C" and row[case_at - 2:case_at] == "  ", row


def test_the_html_export_names_its_page(capsys, demo, tmp_path):
    out = tmp_path / "s.html"
    assert run(capsys, demo, "export", "--from", "2026-11-01", "--to", "2026-11-30",
               "--out", str(out))[0] == 0
    assert "<title>Supervision summary, 1 November 2026 to 30 November 2026</title>" in out.read_text()
