"""Without a working week of their own, the Time view's contracted hours are the profile's
spread over Monday to Friday, and they add up to the profile's hours to the minute: 37.41 hours
a week was shown as "37 hours 24 minutes contracted" beside Settings' 37 hours 25 minutes."""

from datetime import date

import pytest

from core.caseload.models import Profile
from core.common.hours import hours_text, parse_hours
from core.time.working_week import week_summary
from core.workload.profile import save_profile


@pytest.mark.parametrize("typed", ["37.41", "37", "22.5", "29.6", "36.25", "18.45", "59.99"])
def test_the_week_adds_up_to_the_profile(db, typed):
    hours = parse_hours(typed)
    save_profile(db, Profile(grade="PO", contracted_hours=hours), today=date(2026, 11, 2))
    week = week_summary(db, date(2026, 11, 23))  # no bank holiday, no leave
    assert hours_text(week.contracted_hours) == hours_text(hours)
