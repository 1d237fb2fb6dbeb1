"""Every "today" on the command line is the app's clock, so CASELOAD_COMPANION_NOW fixes it
for status, history, export, status --add-to-notes and profile, as it does for the window
(issue 14; breaker4 report, finding 4)."""

from datetime import date

import pytest

from core.store.database import open_database
from core.supervision.agenda import open_agenda
from core.workload.profile import list_profile_changes
from main import main

FIXED = "2026-06-12T15:00"  # a Friday months away from any real run of the suite


@pytest.fixture
def fixed_demo(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", FIXED)
    folder = tmp_path / "demo-data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    capsys.readouterr()
    return folder


def _out(capsys, folder, *args) -> str:
    assert main(["--data-dir", str(folder), *args]) == 0
    return capsys.readouterr().out


def test_status_and_history_use_the_fixed_clock(fixed_demo, capsys):
    assert _out(capsys, fixed_demo, "status").startswith(
        "Week 2026-W24, as of Friday 12 June 2026")
    assert _out(capsys, fixed_demo, "history", "--weeks", "2").splitlines()[-1].startswith(
        "2026-W24")


def test_notes_export_and_profile_are_dated_by_the_fixed_clock(fixed_demo, capsys, tmp_path):
    _out(capsys, fixed_demo, "status", "--add-to-notes")
    _out(capsys, fixed_demo, "profile", "--hours", "30")
    target = tmp_path / "summary.md"
    _out(capsys, fixed_demo, "export", "--format", "md", "--out", str(target))
    assert "Prepared by the practitioner on 12 June 2026" in target.read_text(encoding="utf-8")
    db = open_database(fixed_demo / "caseload.db")
    try:
        assert open_agenda(db, "workload")[-1].created_on == date(2026, 6, 12)
        assert list_profile_changes(db)[-1].effective_from == date(2026, 6, 12)
    finally:
        db.close()
