"""`log import-calendar` on what Teams, Exchange and Google write: seconds in times import as the
preview shows them, and a broken event is one unticked row while the rest import."""

import json

import pytest

import main
from tests.core.time.calendar import ics


@pytest.fixture(autouse=True)
def _late_november(monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T12:00")


def run(data_dir, *argv):
    return main.main(["--data-dir", str(data_dir), *argv])


def test_a_teams_meeting_with_seconds_imports_as_the_preview_shows_it(data_dir, tmp_path, capsys):
    path = tmp_path / "teams.ics"
    path.write_bytes(ics.calendar(ics.event("t", "Court duty", "20261104T130047Z",
                                            "20261104T134512Z"), zones=""))
    assert run(data_dir, "log", "import-calendar", str(path), "--dry-run", "--json") == 0
    preview = json.loads(capsys.readouterr().out)["rows"]
    assert run(data_dir, "log", "import-calendar", str(path), "--json") == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    assert run(data_dir, "log", "list", "--from", "2026-11-04", "--to", "2026-11-04", "--json") == 0
    logged = [(e["start"], e["end"], e["minutes"]) for e in json.loads(capsys.readouterr().out)]
    assert logged == [(r["start"], r["end"], r["minutes"]) for r in preview] == [
        ("13:00", "13:45", 45)
    ]


def test_a_broken_event_is_one_unticked_row_and_the_others_import(data_dir, tmp_path, capsys):
    path = tmp_path / "google.ics"
    path.write_bytes(ics.calendar(
        ics.event("a", "Court duty", "20261104T100000Z", "20261104T110000Z",
                  extra="CREATED:00001231T000000Z"),
        ics.event("b", "Court duty", "2026110", "20261105T110000Z"),
        zones="",
    ))
    assert run(data_dir, "log", "import-calendar", str(path), "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 1
    broken = [r for r in out["rows"] if not r["can_import"]]
    assert len(broken) == 1 and broken[0]["reason"].startswith("Line ")
    assert "start time cannot be read" in broken[0]["reason"]


def test_a_failure_in_a_new_folder_points_to_no_log_it_takes_back(tmp_path, capsys, monkeypatch):
    import core.caseload.csv_import as csv_import

    def broken(*_args, **_kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(csv_import, "read_spreadsheet", broken)
    path = tmp_path / "cases.csv"
    path.write_text("reference,case_type,tier,start_date\nC07,community,B2,28/11/2026\n")
    folder = tmp_path / "new"
    assert run(folder, "cases", "import", str(path)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "IndexError" in err and "log file" not in err
    assert not folder.exists()
