"""`log` and `timer stop --at` as people type them: 12-hour times, the closest activities for
one that is not yours, and a case reference without its @."""

import json
from datetime import date

import pytest

import main
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.paths import database_path


@pytest.fixture
def folder(data_dir, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-25T16:30:00")
    db = open_database(database_path(data_dir))
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    db.close()
    return data_dir


def run(folder, *argv):
    return main.main(["--data-dir", str(folder), *argv])


def entries(folder, capsys):
    capsys.readouterr()
    assert run(folder, "log", "list", "--from", "2026-11-23", "--to", "2026-11-29", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_yesterday_2pm_to_3pm_is_logged(folder, capsys):
    assert run(folder, "log", "yesterday 2pm-3pm home visit @C07") == 0
    assert capsys.readouterr().out.startswith(
        "Logged 1 hour of Home visit for C07 on Tue 24 Nov 14:00")
    [entry] = entries(folder, capsys)
    assert (entry["date"], entry["minutes"], entry["case"]) == ("2026-11-24", 60, "C07")


@pytest.mark.parametrize("line, said", [
    ("20m emails", "'emails' is not one of your activities. Did you mean Recording and admin?"),
    ("20m phone call", "'phone call' is not one of your activities. Did you mean Appointment / "
                       "direct contact or Recording and admin?"),
])
def test_an_unknown_activity_names_the_closest_and_saves_nothing(folder, capsys, line, said):
    assert run(folder, "log", line) == 2
    assert said in capsys.readouterr().err
    assert entries(folder, capsys) == []


def test_a_bare_reference_links_the_case_and_says_so(folder, capsys):
    assert run(folder, "log", "45m home visit C07") == 0
    assert "Logged 45 minutes of Home visit for C07" in capsys.readouterr().out
    [entry] = entries(folder, capsys)
    assert (entry["case"], entry["note"]) == ("C07", "")


def test_the_timer_stops_at_a_12_hour_time(folder, capsys, monkeypatch):
    assert run(folder, "timer", "start", "home visit", "--case", "C07") == 0
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-25T17:30:00")
    assert run(folder, "timer", "stop", "--at", "5pm") == 0
    [entry] = entries(folder, capsys)
    assert (entry["start"], entry["end"], entry["minutes"]) == ("16:30", "17:00", 30)
