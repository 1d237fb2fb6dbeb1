"""A week logged exactly to a working day that is not a whole number of hundredths of an hour
(7 h 10 min) is not "0 minutes over contract": over-contract time is counted in the whole
minutes the Time view, the chart and the summary show, not in binary-float hours."""

from datetime import date, datetime, time, timedelta

from core.caseload.models import Profile
from core.common.hours import hours_text
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from core.time.time_summary import hours_per_week, period_totals
from core.time.working_week import WorkingPattern, save_pattern, week_summary
from core.workload.profile import save_profile

MONDAY = date(2026, 11, 23)
FRIDAY = MONDAY + timedelta(days=4)
# "7 h 10 min" as the Settings hours box keeps it (six decimal places of an hour).
SEVEN_TEN = 7.166667


def _week_logged(db, friday_minutes: int) -> None:
    save_profile(db, Profile(contracted_hours="35.83"), today=date(2026, 11, 2))
    save_pattern(db, WorkingPattern(hours=(SEVEN_TEN,) * 5 + (0.0, 0.0)))
    travel = list_activities(db)[0]
    for n in range(5):
        minutes = friday_minutes if n == 4 else 7 * 60 + 10
        end = 9 * 60 + minutes
        TimeStore(db).log_time(
            TimeEntry(MONDAY + timedelta(days=n), minutes, travel.id, start=time(9, 0),
                      end=time(end // 60, end % 60)),
            today=date(2026, 11, 30),
        )


def test_a_week_logged_exactly_to_contract_is_not_over_it(db):
    _week_logged(db, friday_minutes=7 * 60 + 10)
    week = week_summary(db, MONDAY, now=datetime(2026, 11, 29, 18))
    assert hours_text(week.logged_hours) == hours_text(week.contracted_hours) == (
        "35 hours 50 minutes")
    assert week.hours_over_contract == 0  # the Time view adds ", 0 minutes over contract" if not
    assert hours_per_week(db, FRIDAY, weeks=1)[0].over_contract_hours == 0  # the chart's column
    assert period_totals(db, MONDAY, FRIDAY).over_contract_hours == 0  # the summary's


def test_one_minute_over_is_one_minute(db):
    _week_logged(db, friday_minutes=7 * 60 + 11)
    week = week_summary(db, MONDAY, now=datetime(2026, 11, 29, 18))
    assert hours_text(week.hours_over_contract) == "1 minute"
    assert hours_text(hours_per_week(db, FRIDAY, weeks=1)[0].over_contract_hours) == "1 minute"
    assert hours_text(period_totals(db, MONDAY, FRIDAY).over_contract_hours) == "1 minute"
