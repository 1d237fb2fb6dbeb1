"""Contracted hours, bank holidays for England and Wales, week totals and gaps in the day."""

from datetime import date, datetime, time

import pytest

from core.time.activities import list_activities
from core.time.bank_holidays import bank_holidays, easter_sunday
from core.common.errors import ValidationError
from core.caseload.models import Profile
from core.workload.profile import save_profile
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import (
    LeaveDay,
    WorkingPattern,
    add_leave,
    gaps_in_day,
    get_pattern,
    save_pattern,
    week_summary,
)

EXPECTED = {
    2025: [
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
    ],
    2026: [
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
    ],
    2027: [
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
    ],
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_bank_holidays_2025_to_2027(year):
    assert [d.isoformat() for d in bank_holidays(year)] == EXPECTED[year]


def test_special_cases_and_easter():
    assert date(2022, 9, 19) in bank_holidays(2022)
    assert date(2023, 5, 8) in bank_holidays(2023)
    assert date(2020, 5, 8) in bank_holidays(2020) and date(2020, 5, 4) not in bank_holidays(2020)
    assert date(2022, 6, 2) in bank_holidays(2022) and date(2022, 5, 30) not in bank_holidays(2022)
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2038) == date(2038, 4, 25)


def log(db, day, minutes, start=None):
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    end = None
    if start:
        m = start.hour * 60 + start.minute + minutes
        end = time(m // 60, m % 60)
    TimeStore(db).log_time(
        TimeEntry(day, minutes, travel, start=start, end=end), today=date(2027, 1, 1)
    )


def test_part_time_week_with_a_bank_holiday(db):
    # Monday to Wednesday, 7.5 hours each; Easter Monday 2026 falls in the week.
    save_pattern(db, WorkingPattern(hours=(7.5, 7.5, 7.5, 0, 0, 0, 0)))
    log(db, date(2026, 4, 7), 8 * 60)
    log(db, date(2026, 4, 8), 7 * 60 + 30)
    week = week_summary(db, date(2026, 4, 8), now=datetime(2026, 4, 12, 18))
    assert week.days[0].bank_holiday == "Easter Monday"
    assert week.contracted_hours == 15.0
    assert week.logged_hours == 15.5
    assert week.hours_over_contract == 0.5


def test_bank_holiday_on_a_non_working_day_takes_nothing_off(db):
    save_profile(db, Profile(contracted_hours=22.5), today=date(2026, 1, 5))  # in use since
    save_pattern(db, WorkingPattern(hours=(0, 7.5, 7.5, 7.5, 0, 0, 0)))
    assert week_summary(db, date(2026, 4, 6)).contracted_hours == 22.5


def test_leave_whole_and_part_days(db):
    save_profile(db, Profile(contracted_hours=37.0), today=date(2026, 1, 5))
    assert get_pattern(db).hours[:5] == (7.4,) * 5  # the profile spread over Monday to Friday
    add_leave(db, LeaveDay(date(2026, 11, 23), "annual leave"))
    add_leave(db, LeaveDay(date(2026, 11, 24), "flexi", hours=3.4))
    assert week_summary(db, date(2026, 11, 23)).contracted_hours == pytest.approx(26.2)
    with pytest.raises(ValidationError):
        add_leave(db, LeaveDay(date(2026, 11, 25), "holiday in Spain"))


def test_gaps_in_the_working_day(db):
    day = date(2026, 11, 24)
    log(db, day, 100, start=time(9, 0))  # 09:00-10:40
    log(db, day, 45, start=time(12, 15))  # 12:15-13:00
    log(db, day, 20, start=time(13, 20))  # a 20-minute break is not a gap
    entries = TimeStore(db).entries_on(day)
    gaps = gaps_in_day(entries, time(9), time(17))
    assert [(f"{g.start:%H:%M}", f"{g.end:%H:%M}") for g in gaps] == [
        ("10:40", "12:15"),
        ("13:40", "17:00"),
    ]
    today_gaps = gaps_in_day(entries, time(9), time(17), until=time(14, 0))
    assert [(f"{g.start:%H:%M}", f"{g.end:%H:%M}") for g in today_gaps] == [("10:40", "12:15")]


def test_pattern_must_have_a_working_day(db):
    with pytest.raises(ValidationError):
        save_pattern(db, WorkingPattern(hours=(0,) * 7))


def test_what_the_estimate_does_not_see(db):
    from core.time.time_summary import not_counted_hours, not_counted_sentence

    log(db, date(2026, 11, 24), 90)  # travel this week
    log(db, date(2026, 11, 10), 60)  # travel three weeks before
    admin = next(a.id for a in list_activities(db) if a.name == "Recording and admin")
    TimeStore(db).log_time(TimeEntry(date(2026, 11, 24), 120, admin), today=date(2027, 1, 1))
    summary = not_counted_hours(db, date(2026, 11, 25))
    assert summary.this_week.hours == 1.5 and summary.last_four_weeks.hours == 1.0
    assert [a.name for a in summary.this_week.by_activity] == ["Travel"]
    assert not_counted_sentence(summary) == (
        "This week, 1 hour 30 minutes went on work the WMT does not count. It was travel. "
        "In the four weeks before, 1 hour did."
    )


def test_day_one_counts_contracted_hours_only_from_the_first_day_in_use(db):
    """Logging 1 hour 50 on the first day must not read as "against 360 hours contracted"."""
    from core.time.time_summary import hours_per_week
    from core.time.working_week import contracted_hours_between, counting_from

    wednesday = date(2026, 11, 25)
    save_profile(db, Profile(contracted_hours=37.0), today=wednesday)
    log(db, wednesday, 110, start=time(9, 0))
    assert counting_from(db) == wednesday
    weeks = hours_per_week(db, wednesday, 12)
    assert sum(w.contracted_hours for w in weeks) == pytest.approx(3 * 7.4)  # Wed, Thu, Fri
    assert week_summary(db, wednesday, datetime(2026, 11, 25, 12)).days[0].gaps == []
    assert contracted_hours_between(db, date(2026, 11, 2), date(2026, 11, 8)) == 0
    log(db, date(2026, 11, 2), 60, start=time(9, 0))  # time logged earlier owes nothing
    assert counting_from(db) == wednesday
    assert contracted_hours_between(db, date(2026, 11, 2), date(2026, 11, 8)) == 0


def test_new_hours_are_shared_over_the_days_already_worked():
    from core.time.working_week import WorkingPattern, spread_over_worked_days

    week = WorkingPattern(hours=(7.4, 0, 7.4, 0, 7.4, 0, 0), day_start=time(8, 0), day_end=time(16, 0))
    spread = spread_over_worked_days(week, 30.0)
    assert spread.hours == (10.0, 0.0, 10.0, 0.0, 10.0, 0.0, 0.0)
    assert (spread.day_start, spread.day_end) == (time(8, 0), time(16, 0))  # the working day stays
    with pytest.raises(ValidationError):
        spread_over_worked_days(WorkingPattern(hours=(0.0,) * 7), 30.0)
