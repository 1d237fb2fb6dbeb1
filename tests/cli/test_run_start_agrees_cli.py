"""`status` and the supervision summary give a run over 110% the same first day."""

import re

import main

CSV = ("reference,case_type,tier,start_date\n"
       + "".join(f"C{n:02},community,A3,2026-01-05\n" for n in range(1, 10))
       + "C10,community,B1,2026-01-05\n")  # 1956 points: 89.9%


def run(capsys, data_dir, *argv):
    code = main.main(["--data-dir", str(data_dir), *argv])
    out, _ = capsys.readouterr()
    assert code == 0
    return out


def held(capsys, tmp_path, monkeypatch, now, report_day):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", now)
    data, cases = tmp_path / "data", tmp_path / "c2.csv"
    cases.write_text(CSV, encoding="utf-8")
    run(capsys, data, "cases", "import", str(cases))
    run(capsys, data, "profile", "--grade", "PO", "--hours", "37")
    for _ in range(4):
        run(capsys, data, "reports", "add", "--kind", "standard", "--date", report_day)
    return data


def summary_text(capsys, tmp_path, data, end):
    out = tmp_path / "s.md"
    run(capsys, data, "export", "--from", "2026-10-01", "--to", end, "--format", "md",
        "--out", str(out), "--force")
    return out.read_text(encoding="utf-8")


def test_a_run_starting_on_a_thursday_with_leave_inside(capsys, tmp_path, monkeypatch):
    data = held(capsys, tmp_path, monkeypatch, "2026-11-27T10:00", "2026-10-29")
    run(capsys, data, "reductions", "add", "--reason", "Leave", "--percent", "100",
        "--from", "2026-11-09", "--to", "2026-11-13")
    assert "(since 29 October)" in run(capsys, data, "status")
    text = summary_text(capsys, tmp_path, data, "2026-11-27")
    assert re.search(r"over 110% for 4 working weeks \(1 week away\), 29 Oct to 27 Nov", text)


def test_a_run_still_going_mid_week(capsys, tmp_path, monkeypatch):
    data = held(capsys, tmp_path, monkeypatch, "2026-11-25T10:00", "2026-11-02")
    assert "(since 2 November)" in run(capsys, data, "status")
    assert "over 110% for 4 weeks in a row, 2 Nov to 25 Nov so far" in summary_text(
        capsys, tmp_path, data, "2026-11-25")
