"""The caseload command line: same core functions, exit 2 with one line and nothing written on bad input."""

import json
import sqlite3

import pytest

import main
from core.store.paths import DB_FILENAME
from tests.cli.demo_folder import demo_folder


def run(capsys, data_dir, *argv):
    code = main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def case_count(data_dir):
    with sqlite3.connect(data_dir / DB_FILENAME) as conn:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]


def test_demo_fills_an_empty_folder_and_refuses_a_second_time(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "demo")
    assert code == 0 and "Demo data" in out
    code, out, _ = run(capsys, tmp_path, "cases", "list", "--json")
    cases = json.loads(out)
    active = [c for c in cases if c["status"] == "active"]
    assert 40 <= len(active) <= 50
    assert {c["case_type"] for c in active} == {"community", "licence", "custody"}
    before = case_count(tmp_path)
    code, _, err = run(capsys, tmp_path, "demo")
    assert code == 2 and "already holds data" in err
    assert case_count(tmp_path) == before


def test_list_all_includes_closed_cases_with_status(capsys, tmp_path):
    folder = demo_folder(tmp_path / "demo")
    _, out, _ = run(capsys, folder, "cases", "list", "--all", "--json")
    statuses = {c["status"] for c in json.loads(out)}
    assert statuses == {"active", "closed"}
    for key in ("reference", "case_type", "tier", "start_date", "end_date", "t2a", "flags", "status"):
        assert key in json.loads(out)[0]


def test_import_good_file_then_bad_file_writes_nothing(capsys, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("reference,case_type,tier,start_date\nC01,community,B2,2026-01-05\nC02,licence,A1,05/01/2026\n")
    code, out, _ = run(capsys, tmp_path, "cases", "import", str(good))
    assert code == 0 and "Imported 2 cases" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("reference,case_type,tier,start_date\nC03,community,B2,2026-01-05\nC04,community,B9,2026-01-05\n")
    code, _, err = run(capsys, tmp_path, "cases", "import", str(bad))
    assert code == 2 and "Line 3" in err and "Nothing was imported" in err
    assert case_count(tmp_path) == 2


def test_profile_shows_and_sets_hours(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "profile")
    assert code == 0 and "contracted hours: 37" in out
    run(capsys, tmp_path, "profile", "--grade", "PSO", "--hours", "22.5", "--protected-ceiling", "30")
    _, out, _ = run(capsys, tmp_path, "profile", "--json")
    assert json.loads(out) | {} == {"grade": "PSO", "contracted_hours": 22.5, "protected_ceiling": 30, "hours": 22.5}
    code, _, err = run(capsys, tmp_path, "profile", "--hours", "0")
    assert code == 2 and "Contracted hours" in err


def test_reduction_with_automatic_end_and_capped_reason(capsys, tmp_path):
    run(capsys, tmp_path, "profile", "--hours", "37")  # makes the data file
    code, out, _ = run(capsys, tmp_path, "reductions", "add", "--reason", "Newly qualified officer",
                       "--percent", "20", "--from", "2026-01-10")
    # 9 months from 10 January: in force to 9 October, so a band that follows starts on 10 October.
    assert code == 0 and "until 2026-10-09" in out
    code, _, err = run(capsys, tmp_path, "reductions", "add", "--reason", "Trade union facility time",
                       "--hours", "20", "--from", "2026-01-10")
    assert code == 2 and "capped at 50%" in err
    _, out, _ = run(capsys, tmp_path, "reductions", "list", "--json")
    assert json.loads(out) == [
        {"reason": "Newly qualified officer", "hours": None, "percent": 20.0, "from": "2026-01-10", "to": "2026-10-09"}
    ]


@pytest.mark.parametrize("date", ["31/02/2026", "tomorrow", "2026-13-01"])
def test_report_with_a_bad_date_exits_2(capsys, tmp_path, date):
    with pytest.raises(SystemExit) as info:
        main.main(["--data-dir", str(tmp_path), "reports", "add", "--kind", "fast", "--date", date])
    assert info.value.code == 2
    assert "date" in capsys.readouterr().err


def test_newer_database_is_refused_with_exit_1(capsys, tmp_path):
    run(capsys, tmp_path, "profile")
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('caseload_companion', 'm999_future', 'x')")
    code, _, err = run(capsys, tmp_path, "cases", "list")
    assert code == 1 and "newer version" in err
