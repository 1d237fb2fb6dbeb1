"""`status` explains a gap of more than 5 points between the official figure and the estimate."""

import json
import re

import main

CSV = ("reference,case_type,tier,start_date,end_date,flags\n"
       "C01,community,B2,2026-01-05,,\n"
       "C02,community,B2,2026-01-05,2026-06-30,\n"  # overdue since 1 July
       "C03,licence,untiered,2026-01-05,,\n"
       "C04,licence,A3,2026-01-05,,\n"
       "C05,community,C1,2026-01-05,,\n")  # only unpaid work left (set below)


def run(capsys, data_dir, *argv):
    code = main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def held(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T10:00")
    data = tmp_path / "data"
    cases = tmp_path / "cases.csv"
    cases.write_text(CSV, encoding="utf-8")
    run(capsys, data, "profile", "--grade", "PO", "--hours", "37")
    assert run(capsys, data, "cases", "import", str(cases))[0] == 0
    from core.caseload.cases import CaseStore
    from core.store.database import open_database
    from core.store.paths import database_path

    db = open_database(database_path(data))
    store = CaseStore(db)
    case = next(c for c in store.list_cases("all") if c.reference == "C05")
    case.state = "unpaid_work_only"
    store.update_case(case)
    db.close()
    assert run(capsys, data, "official", "--week", "2026-11-23", "--percent", "25")[0] == 0
    return data


def test_status_names_the_overdue_and_untiered_cases_in_words(capsys, tmp_path, monkeypatch):
    data = held(capsys, tmp_path, monkeypatch)
    code, out, _ = run(capsys, data, "status")
    assert code == 0
    assert "shows more work than this app's estimate" in out
    assert "(C02) is past its expected end date" in out and "about 2 hours a week." in out
    assert "untiered case (C03)" in out
    assert "(C05) waiting on a warrant or with only unpaid work left" in out
    assert not re.search(r"\d\s*(%|percent)", out)  # figures off: no percentage anywhere


def test_status_with_figures_gives_the_points(capsys, tmp_path, monkeypatch):
    data = held(capsys, tmp_path, monkeypatch)
    _, out, _ = run(capsys, data, "status", "--figures")
    assert "9.7 percentage points higher than this app's estimate of 15.3 percent" in out
    assert "about 2 hours a week (115 points)" in out


def test_status_json_carries_the_explanation(capsys, tmp_path, monkeypatch):
    data = held(capsys, tmp_path, monkeypatch)
    _, out, _ = run(capsys, data, "status", "--json")
    status = json.loads(out)
    gap = status["official_gap"]
    assert gap["direction"] == "higher"
    assert [r["kind"] for r in gap["reasons"]] == ["overdue", "inactive", "untiered",
                                                   "reductions", "unseen"]
    assert gap["reasons"][0]["references"] == ["C02"]
    assert gap["reasons"][0]["hours_per_week"] == 2.0
    assert "115 points" not in json.dumps(status["without_figures"]["official_gap"])
    assert status["workload_points"] == 334  # the estimate is not adjusted: 115 + 219


def test_a_huge_official_figure_is_refused_with_the_same_range(capsys, tmp_path, monkeypatch):
    data = held(capsys, tmp_path, monkeypatch)
    for value in ("700", "100000"):
        try:
            code, _, err = run(capsys, data, "official", "--week", "2026-11-23", "--percent", value)
        except SystemExit as exc:  # argparse refuses before the command runs
            code, err = exc.code, capsys.readouterr().err
        assert code != 0
        assert "between 0 and 500" in err and "1000" not in err
