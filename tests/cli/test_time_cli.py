"""The `log` and `timer` commands: one line logs, JSON lists, bad input exits 2, saves nothing."""

import json

import pytest

import main
from core.caseload.cases import CaseStore
from core.store.database import open_database
from core.caseload.models import Case
from core.store.paths import database_path


@pytest.fixture
def with_case(data_dir):
    db = open_database(database_path(data_dir))
    CaseStore(db).add_case(Case("C07", "community", "B2", __import__("datetime").date(2025, 1, 6)))
    db.close()
    return data_dir


def run(data_dir, *argv):
    return main.main(["--data-dir", str(data_dir), *argv])


def listed(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "log", "list", "--from", "2026-01-01", "--to", "2026-12-31", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_one_line_logs_an_hour_after_the_fact(with_case, capsys):
    assert (
        run(with_case, "log", "09:30-10:15 home visit @C07 joint visit", "--date", "2026-11-24")
        == 0
    )
    assert "Logged 45 minutes of Home visit for C07" in capsys.readouterr().out
    rows = listed(with_case, capsys)
    assert rows == [
        {
            "id": rows[0]["id"],
            "date": "2026-11-24",
            "start": "09:30",
            "end": "10:15",
            "minutes": 45,
            "activity": "Home visit",
            "counted_by_wmt": True,
            "case": "C07",
            "note": "joint visit",
        }
    ]


@pytest.mark.parametrize(
    "line",
    [
        "45m gardening",
        "45m travel @C99",
        "25:00-26:00 travel",
        "10:15-09:30 travel",
        "",
        "09:45-10:00 travel",
    ],
)
def test_bad_input_exits_2_with_one_line_and_saves_nothing(with_case, capsys, line):
    run(with_case, "log", "09:30-10:15 home visit", "--date", "2026-11-24")
    before = listed(with_case, capsys)
    assert run(with_case, "log", line, "--date", "2026-11-24") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert listed(with_case, capsys) == before


def test_overlap_can_be_trimmed_on_request(with_case, capsys):
    run(with_case, "log", "09:00-11:00 admin", "--date", "2026-11-24")
    assert (
        run(with_case, "log", "10:00-11:00 travel", "--date", "2026-11-24", "--trim-overlaps") == 0
    )
    assert [(r["start"], r["end"]) for r in listed(with_case, capsys)] == [
        ("09:00", "10:00"),
        ("10:00", "11:00"),
    ]


def test_timer_start_status_stop(with_case, capsys):
    assert run(with_case, "timer", "status") == 0
    assert "No timer" in capsys.readouterr().out
    assert run(with_case, "timer", "start", "home visit", "--case", "C07", "--ago", "5") == 0
    assert run(with_case, "timer", "status") == 0
    assert "Timing Home visit for C07" in capsys.readouterr().out
    assert run(with_case, "timer", "stop") == 0
    assert "logged 5 minutes" in capsys.readouterr().out
    assert run(with_case, "timer", "stop") == 0  # stopping twice is harmless, logs nothing
    assert "No timer is running; nothing to stop." in capsys.readouterr().out
    assert run(with_case, "timer", "start", "court") == 2  # court duty or court report?


def test_the_text_list_keeps_its_columns_in_line(with_case, capsys):
    """Each column starts where its heading does, whatever the lengths before it; lengths are
    right-aligned under theirs; the total closes the list."""
    for line in ("09:00-09:05 travel", "09:30-12:15 home visit @C07 a longer note here",
                 "14:00-16:00 court duty"):
        assert run(with_case, "log", line, "--date", "2026-11-24") == 0
    capsys.readouterr()
    assert run(with_case, "log", "list", "--from", "2026-11-24", "--to", "2026-11-24") == 0
    lines = capsys.readouterr().out.splitlines()
    header, rows, total = lines[0], lines[1:-1], lines[-1]
    assert len(rows) == 3 and total.startswith("3 entries, ")
    for heading in ("Activity", "Case", "Note"):
        column = header.index(heading)
        assert all(row[column - 2:column] == "  " and row[column] != " " for row in rows
                   if len(row) > column), heading
    length_end = header.index("Length") + len("Length")
    assert [row[:length_end].split()[-2:] for row in rows] == \
        [["5", "min"], ["165", "min"], ["120", "min"]]
    assert all(row == row.rstrip() for row in lines)
