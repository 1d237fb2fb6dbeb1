"""`cases list` shows each case's state, and `cases import` reads a `state` column."""

import json

import main

CSV = ("reference,case_type,tier,start_date,end_date,t2a,state\n"
       "C01,community,B2,2026-01-05,2026-06-30,no,\n"  # overdue since 1 July
       "C02,community,B2,2026-01-05,,no,warrant\n"
       "C03,community,A3,2026-01-05,,no,unpaid work only\n"
       "C04,licence,A3,2026-01-05,,no,\n")


def run(capsys, data_dir, *argv):
    code = main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys, tmp_path, monkeypatch, text=CSV):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T10:00")
    data, cases = tmp_path / "data", tmp_path / "cases.csv"
    cases.write_text(text, encoding="utf-8")
    return data, run(capsys, data, "cases", "import", str(cases))


def test_the_list_shows_overdue_warrant_and_unpaid_work_cases(capsys, tmp_path, monkeypatch):
    data, (code, _, _) = imported(capsys, tmp_path, monkeypatch)
    assert code == 0
    _, out, _ = run(capsys, data, "cases", "list")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "to 2026-06-30" in lines["C01"] and "past its expected end date" in lines["C01"]
    assert lines["C02"].endswith("active, waiting on a warrant")
    assert lines["C03"].endswith("active, only unpaid work left")
    assert lines["C04"].endswith("active")
    _, out, _ = run(capsys, data, "cases", "list", "--json")
    states = {c["reference"]: (c["status"], c["state"]) for c in json.loads(out)}
    assert states == {"C01": ("active", "overdue_termination"), "C02": ("active", "warrant"),
                      "C03": ("active", "unpaid_work_only"), "C04": ("active", "supervised")}
    _, out, _ = run(capsys, data, "status", "--json")
    assert json.loads(out)["workload_points"] == 219  # only C04 counts, as the WMT would


def test_an_unknown_state_is_refused_and_nothing_is_imported(capsys, tmp_path, monkeypatch):
    data, (code, _, err) = imported(
        capsys, tmp_path, monkeypatch,
        "reference,case_type,tier,start_date,state\nC09,community,B2,2026-01-05,overdue\n")
    assert code != 0
    assert "column E (state): 'overdue' is not a state the app knows" in err
    assert "follows from end_date" in err and "Traceback" not in err
    assert not (data / "caseload.db").exists() or "C09" not in run(
        capsys, data, "cases", "list")[1]


def test_an_unknown_column_is_refused_truthfully(capsys, tmp_path, monkeypatch):
    _, (code, _, err) = imported(
        capsys, tmp_path, monkeypatch,
        "reference,case_type,tier,start_date,notes\nC09,community,B2,2026-01-05,x\n")
    assert code != 0
    assert "the app holds workload only and reads only reference, case_type, tier, start_date, end_date, t2a, flags, " \
           "state" in err
