"""The weeks before set-up read one way, and a trend across a change of hours compares like with
like and says that the hours changed."""

from datetime import date, datetime
from decimal import Decimal

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile
from core.time.working_week import week_summary
from core.workload.history import workload_status
from core.workload.profile import get_profile, save_profile
from core.workload.status_words import status_words
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore

SET_UP = date(2026, 11, 25)  # a Wednesday
LAST_FRIDAY = date(2026, 11, 20)


def _cases(db, count=5):
    store = CaseStore(db)
    for n in range(1, count + 1):
        store.add_case(Case(f"C{n:02d}", "community", "B2", date(2026, 1, 5)))


def test_hours_changed_on_the_set_up_day_apply_to_the_weeks_before(db):
    """The welcome saved 37 hours; changed to 22.2 the same morning, last week was still read
    with 37 hours and a reference of 50 by the Overview and `status --as-of`."""
    save_profile(db, Profile("PO", 37), today=SET_UP)
    save_profile(db, Profile("PO", Decimal("22.2")), today=SET_UP)
    assert get_profile(db, LAST_FRIDAY).hours == Decimal("22.2")
    _cases(db)
    last_week = workload_status(db, LAST_FRIDAY).estimate
    this_week = workload_status(db, SET_UP).estimate
    assert last_week.contracted_hours == this_week.contracted_hours == Decimal("22.2")
    assert last_week.caseload_reference == this_week.caseload_reference == 30


def test_a_later_change_of_hours_keeps_earlier_weeks(db):
    save_profile(db, Profile("PO", 37), today=SET_UP)
    save_profile(db, Profile("PO", Decimal("22.2")), today=date(2026, 12, 7))
    assert get_profile(db, date(2026, 12, 4)).hours == 37
    assert get_profile(db, date(2026, 12, 7)).hours == Decimal("22.2")


def test_a_trend_across_a_change_of_hours_says_so_and_compares_the_work(db):
    """Changing only the hours to 22.2 made the Overview say "Heavier than last week"."""
    save_profile(db, Profile("PO", 37), today=SET_UP)
    save_profile(db, Profile("PO", Decimal("22.2")), today=date(2026, 11, 30))
    _cases(db, 20)
    summary = workload_status(db, date(2026, 12, 4))
    words = status_words(summary, date(2026, 12, 4))
    assert summary.changed_from == (Decimal(37), "PO")
    assert words.trend == ("Your contracted hours changed this week, from 37 hours to 22 hours 12 "
                           "minutes a week; the work itself is about the same as last week.")
    assert "Heavier" not in words.trend
    # A week later, same hours: the plain comparison again.
    later = workload_status(db, date(2026, 12, 11))
    assert later.changed_from is None
    assert status_words(later, date(2026, 12, 11)).trend == "About the same as last week."


def test_the_work_itself_decides_across_a_change(db):
    save_profile(db, Profile("PO", 37), today=SET_UP)
    save_profile(db, Profile("PO", Decimal("22.2")), today=date(2026, 11, 30))
    _cases(db, 20)
    store = CaseStore(db)
    for n in range(21, 26):
        store.add_case(Case(f"C{n:02d}", "licence", "A3", date(2026, 11, 30)))
    words = status_words(workload_status(db, date(2026, 12, 4)), date(2026, 12, 4))
    assert words.trend.endswith("the work itself is heavier than last week.")


def test_time_logged_before_set_up_keeps_the_start_and_is_not_over_contract(db):
    save_profile(db, Profile("PO", 37), today=SET_UP)
    admin = next(a for a in list_activities(db) if a.name == "Recording and admin")
    TimeStore(db).log_time(TimeEntry(date(2026, 11, 23), 60, admin.id), today=SET_UP)
    week = week_summary(db, SET_UP, now=datetime(2026, 11, 25, 12, 0))
    assert week.days[0].before_start and week.days[0].contracted_hours == 0
    assert week.days[0].logged_minutes == 60
    assert week.hours_over_contract == 0
