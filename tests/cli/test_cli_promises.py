"""What a new user trips on at the command line: a mistyped folder, a wrong file, a bad argument.

Each answer is one line on stderr with exit 2, and nothing is written.
"""

import pytest

import main
from tests.cli.demo_folder import demo_folder


def run(capsys, folder, *argv):
    capsys.readouterr()
    code = main.main(["--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path):
    return demo_folder(tmp_path / "demo")


NO_DATA_COMMANDS = [
    ["status"], ["status", "--json"], ["history"], ["check"], ["backup"], ["cases", "list"],
    ["log", "list"], ["log", "45m travel"], ["timer", "status"], ["retention"],
    ["reductions", "list"], ["reports", "add", "--kind", "fast", "--date", "2026-11-02"],
    ["official", "--week", "2026-11-02", "--percent", "110"], ["encryption", "status"],
    ["delete-all", "--yes"],
    ["export", "--from", "2026-11-01", "--to", "2026-11-28", "--format", "md", "--out", "x.md"],
]


@pytest.mark.parametrize("argv", NO_DATA_COMMANDS, ids=" ".join)
def test_a_mistyped_data_folder_is_refused_and_never_created(capsys, tmp_path, argv):
    folder = tmp_path / "mistyped"
    code, out, err = run(capsys, folder, *argv)
    assert code == 2 and out == ""
    assert err == (f"error: No data in {folder}. Open the app, or run `main.py demo` to try "
                   "it.\n")
    assert not folder.exists()


def test_an_empty_existing_folder_is_refused_too_and_left_empty(capsys, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert run(capsys, folder, "status")[0] == 2
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("argv", [["profile", "--hours", "30"], ["demo"]], ids=" ".join)
def test_the_commands_that_make_data_may_create_the_folder(capsys, tmp_path, argv):
    folder = tmp_path / "new"
    assert run(capsys, folder, *argv)[0] == 0
    assert (folder / "caseload.db").exists()
    assert run(capsys, folder, "status")[0] == 0


def test_method_reads_without_any_data_and_creates_nothing(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path / "none", "method")
    assert code == 0 and "Workload Measurement Tool" in out
    assert not (tmp_path / "none").exists()


def test_restore_of_a_missing_file_is_bad_input(capsys, demo, tmp_path):
    code, _, err = run(capsys, demo, "restore", str(tmp_path / "missing.db"))
    assert code == 2 and err.count("\n") == 1 and "missing.db" in err


def test_restore_names_the_file_given_not_a_working_copy(capsys, demo, tmp_path):
    pdf = tmp_path / "some.pdf"
    pdf.write_bytes(b"%PDF-1.4 not a backup")
    code, _, err = run(capsys, demo, "restore", str(pdf))
    assert code == 2
    assert err == ("error: That file was not restored: some.pdf is not a Caseload Companion "
                   "backup.\n")
    assert ".tmp" not in err and not list(demo.glob(".*.tmp"))


@pytest.mark.parametrize("argv, words", [
    (["status", "--bogus"], "unrecognized arguments: --bogus. See `caseload-companion status"),
    (["timer"], "required: ACTION"),
    (["export", "--format", "doc"], "'doc' is not a format"),
    (["history", "--weeks", "many"], "'many' is not a whole number"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_bad_arguments_get_one_line_not_a_usage_block(capsys, demo, argv, words):
    with pytest.raises(SystemExit) as ended:
        main.main(["--data-dir", str(demo), *argv])
    err = capsys.readouterr().err
    assert ended.value.code == 2
    assert err.count("\n") == 1 and words in err and "--help" in err and "usage:" not in err


def test_a_month_first_date_says_which_formats_work(capsys, demo):
    with pytest.raises(SystemExit):
        main.main(["--data-dir", str(demo), "log", "list", "--from", "11/27/2026"])
    err = capsys.readouterr().err
    assert "2026-11-28" in err and "28/11/2026" in err and err.count("\n") == 1


def test_a_400_character_case_reference_is_not_repeated_back(capsys, demo):
    """`log ... @<400 nines>` quoted all 400 characters in its one line."""
    code, _, err = run(capsys, demo, "log", "yesterday 23:00-23:30 admin @" + "9" * 400)
    assert code == 2 and err.count("\n") == 1 and len(err) < 160, err
    assert "at most 12 characters" in err
    code, _, err = run(capsys, demo, "log", "yesterday 22:00-22:30 admin @C99")
    assert code == 2 and "There is no case C99" in err


def test_a_mistyped_activity_suggests_the_nearest_not_the_window(capsys, demo):
    code, _, err = run(capsys, demo, "log", "10m hme visit")
    assert code == 2 and "Did you mean Home visit?" in err
    assert "as you type" not in err


def test_backup_out_refuses_a_missing_folder_like_export(capsys, demo, tmp_path):
    target = tmp_path / "no-such-folder" / "copy.db"
    code, _, err = run(capsys, demo, "backup", "--out", str(target))
    assert code == 2 and "does not exist" in err
    assert not target.parent.exists()


def test_retention_days_says_what_it_changed(capsys, demo):
    code, out, _ = run(capsys, demo, "retention", "--days", "60")
    assert code == 0 and out.startswith("Retention period changed from 30 to 60 days.\n")
    code, out, _ = run(capsys, demo, "retention", "--days", "60")
    assert "changed" not in out


def test_status_text_hides_figures_unless_asked_as_the_window_does(capsys, demo):
    _, plain, _ = run(capsys, demo, "status")
    _, shown, _ = run(capsys, demo, "status", "--figures")
    assert "percent" not in plain and "points" not in plain and "Figures:" not in plain
    assert "Figures: " in shown and "workload points" in shown and "reference of" in shown


def test_status_json_has_every_sentence_the_text_shows(capsys, demo):
    import json

    _, text, _ = run(capsys, demo, "status", "--figures")
    _, raw, _ = run(capsys, demo, "status", "--json")
    values = {v for v in json.loads(raw).values() if isinstance(v, str)}
    lines = [line.removeprefix("Figures: ") for line in text.splitlines() if line]
    assert any("raise it at your next supervision" in line for line in lines)  # demo overload
    for line in lines:
        if line.startswith("Add to supervision notes: run"):  # how to do it from here
            assert json.loads(raw)["action"] == "Add to supervision notes"
            continue
        assert line in values, line
    # And the text without figures, the window's default, line for line in `without_figures`.
    _, plain, _ = run(capsys, demo, "status")
    data = json.loads(raw)
    plain_values = {v for v in data["without_figures"].values() if isinstance(v, str)}
    for line in filter(None, plain.splitlines()):
        if not line.startswith("Add to supervision notes: run"):
            assert line in plain_values | {data["heading"]}, line


@pytest.mark.parametrize("argv", [
    ["profile", "--hours", "0"], ["cases", "import", "no-such.csv"], ["restore", "missing.db"],
], ids=" ".join)
def test_a_command_that_may_make_data_leaves_nothing_when_refused(capsys, tmp_path, argv):
    new = tmp_path / "new"
    assert run(capsys, new, *argv)[0] == 2
    assert not new.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(capsys, empty, *argv)[0] == 2
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["demo"], ["profile", "--hours", "30"], ["cases", "import", "cases.csv"],
    ["restore", "backup.db"], ["status"], ["check"],
], ids=" ".join)
@pytest.mark.parametrize("below", [False, True], ids=["the file", "a folder below it"])
def test_a_data_folder_that_is_a_file_is_one_line_and_exit_2(capsys, tmp_path, argv, below):
    data_file = tmp_path / "caseload.db"
    data_file.write_bytes(b"mine")
    (tmp_path / "cases.csv").write_text("reference,case_type,tier,start_date\n")
    argv = [str(tmp_path / a) if a.endswith((".csv", ".db")) else a for a in argv]
    code, out, err = run(capsys, data_file / "sub" if below else data_file, *argv)
    assert code == 2 and out == ""
    assert err == (f"error: {data_file} is a file, not a folder; choose a folder for your data "
                   "with --data-dir.\n")
    assert data_file.read_bytes() == b"mine"


@pytest.mark.parametrize("argv, option", [
    (["delete-all", "--yes", "--include-backup"], "--include-backup"),
    (["status", "--figure"], "--figure"),
    (["cases", "list", "--al"], "--al"),
], ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_an_abbreviated_option_is_refused_not_taken_as_the_full_one(capsys, demo, argv, option):
    backups_before = sorted((demo / "backups").glob("*")) if (demo / "backups").exists() else []
    capsys.readouterr()
    with pytest.raises(SystemExit) as ended:
        main.main(["--data-dir", str(demo), *argv])
    err = capsys.readouterr().err
    assert ended.value.code == 2
    assert f"unrecognized arguments: {option}" in err and err.count("\n") == 1
    assert run(capsys, demo, "cases", "list")[1]  # nothing was deleted
    now = sorted((demo / "backups").glob("*")) if (demo / "backups").exists() else []
    assert now == backups_before


def test_every_subcommand_parser_refuses_abbreviations():
    import argparse

    def parsers(parser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    yield from parsers(child)

    assert all(not p.allow_abbrev for p in parsers(main.build_parser()))


def test_several_problems_are_one_line_joined_with_semicolons(capsys, demo):
    code, out, err = run(capsys, demo, "reductions", "add", "--reason", "", "--hours", "0",
                         "--from", "2026-11-02", "--to", "2026-11-01")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("error: Give a reason") and err.count("; ") == 2


def test_add_to_notes_twice_adds_the_note_once_and_stops_suggesting_it(capsys, demo):
    from core.store.database import open_database
    from core.supervision.agenda import open_agenda

    def workload_notes():
        db = open_database(demo / "caseload.db")
        try:
            return [i.text for i in open_agenda(db, "workload")]
        finally:
            db.close()

    before = workload_notes()
    code, first, _ = run(capsys, demo, "status", "--add-to-notes")
    assert code == 0 and "Added to the notes" in first
    code, second, _ = run(capsys, demo, "status", "--add-to-notes")
    assert code == 0 and "already in the notes" in second and "Added to the notes" not in second
    assert len(workload_notes()) == len(before) + 1
    assert "run `status --add-to-notes`" not in run(capsys, demo, "status")[1]
