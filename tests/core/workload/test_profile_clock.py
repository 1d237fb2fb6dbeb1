"""The day grade and hours were first given comes from the app's one clock (core.common.clock),
so a fixed CASELOAD_COMPANION_NOW is honoured and day-one totals count from that day."""

from datetime import date

from core.store.database import open_database
from core.workload.profile import Profile, profile_since, save_profile


def test_the_first_profile_date_follows_the_fixed_clock(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2031-12-03T11:00")
    db = open_database(tmp_path / "caseload.db")
    save_profile(db, Profile(grade="PSO", contracted_hours=37.0))
    assert profile_since(db) == date(2031, 12, 3)
    db.close()
