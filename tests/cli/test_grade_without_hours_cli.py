"""A grade without WMT default hours shows no hours anywhere until the user gives theirs."""

import main

CSV = ("reference,case_type,tier,start_date\n"
       + "".join(f"C{n:02},community,A3,2026-01-05\n" for n in range(1, 10))
       + "C10,community,B1,2026-01-05\n")


def run(capsys, data_dir, *argv):
    code = main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def other_grade(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T10:00")
    data, cases = tmp_path / "data", tmp_path / "c2.csv"
    cases.write_text(CSV, encoding="utf-8")
    assert run(capsys, data, "cases", "import", str(cases))[0] == 0
    assert run(capsys, data, "profile", "--grade", "other")[0] == 0
    return data


def test_profile_status_and_summary_assume_no_hours(capsys, tmp_path, monkeypatch):
    data = other_grade(capsys, tmp_path, monkeypatch)
    _, out, _ = run(capsys, data, "profile")
    assert "contracted hours: not given" in out and "37" not in out
    _, out, _ = run(capsys, data, "status", "--figures")
    assert "1956 workload points; no available points (no contracted hours given)." in out
    assert "37" not in out
    assert "no contracted hours are given yet, so this assumes full time" in out
    summary = tmp_path / "s.md"
    assert run(capsys, data, "export", "--from", "2026-10-01", "--to", "2026-11-27",
               "--format", "md", "--out", str(summary))[0] == 0
    text = summary.read_text(encoding="utf-8")
    assert "Other caseworker, contracted hours not given yet" in text and "37 hours" not in text
    assert "No weekly estimates recorded yet" not in text  # 8 weeks of case numbers are there
    assert "no weighted trend; over 8 weeks with cases, the caseload was 10 cases" in text


def test_once_hours_are_given_they_are_shown(capsys, tmp_path, monkeypatch):
    data = other_grade(capsys, tmp_path, monkeypatch)
    run(capsys, data, "profile", "--hours", "30")
    _, out, _ = run(capsys, data, "profile")
    assert "contracted hours: 30" in out
    _, out, _ = run(capsys, data, "status", "--figures")
    assert "no contracted hours given" not in out
