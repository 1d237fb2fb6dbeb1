"""Days before the app was set up say so in the Time view, instead of "not a working day"."""

from datetime import date, datetime

from core.caseload.models import Profile
from core.time.working_week import week_summary
from core.workload.profile import save_profile
from ui.time.time_table_model import day_heading
from ui.time.time_wording import week_sentence

SET_UP = date(2026, 11, 25)  # a Wednesday


def test_days_before_set_up_say_so_in_the_time_view(db):
    save_profile(db, Profile("PO", 37), today=SET_UP)
    week = week_summary(db, SET_UP, now=datetime(2026, 11, 25, 12, 0))
    monday, tuesday, wednesday = week.days[:3]
    assert monday.before_start and tuesday.before_start and not wednesday.before_start
    assert monday.contracted_hours == 0 and wednesday.contracted_hours > 0
    assert day_heading(monday).endswith("nothing logged (before you set up the app)")
    assert "not a working day" not in day_heading(monday)
    assert week_sentence(week).endswith(
        "Contracted hours count from Wednesday 25 November, when you set up the app.")
