"""The day the app was set up is fixed: time typed in afterwards for earlier days is kept and
shown, but never moves that day, never owes contracted hours and is never "over contract" (in
the Time view, the week chart and the supervision summary alike)."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from core.caseload.models import Profile
from core.supervision.summary import SummaryOptions, compose_summary
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from core.time.time_summary import hours_per_week, period_totals
from core.time.working_week import WorkingPattern, counting_from, save_pattern, week_summary
from core.workload.profile import save_profile
from ui.time.time_wording import week_sentence

SET_UP = date(2026, 11, 30)  # a Monday
NOW = datetime(2026, 11, 30, 9, 0)


def _set_up(db):
    save_profile(db, Profile("PO", Decimal("22.2")), today=SET_UP)
    save_pattern(db, WorkingPattern(hours=(7.4, 7.4, 7.4, 0, 0, 0, 0)))


def _log(db, day, minutes, name="Recording and admin", start=None):
    activity = next(a for a in list_activities(db) if a.name == name)
    end = None if start is None else (datetime.combine(day, start) + timedelta(minutes=minutes)).time()
    TimeStore(db).log_time(TimeEntry(day, minutes, activity.id, start=start, end=end),
                           today=SET_UP)


def test_time_back_filled_for_last_wednesday_is_before_set_up(db):
    """`log "10:00-11:00 recording" --date 25/11/2026` after setting up on Monday 30 November
    made the Time view say contracted hours count from Wednesday 25 November."""
    _set_up(db)
    _log(db, date(2026, 11, 25), 60, start=time(10, 0))
    assert counting_from(db) == SET_UP
    week = week_summary(db, date(2026, 11, 25), now=NOW)
    assert week.contracted_hours == 0 and week.hours_over_contract == 0
    sentence = week_sentence(week)
    assert "1 hour logged of 0 minutes contracted" in sentence
    assert "before you set up the app" in sentence and "25 November" not in sentence.split(":")[1]
    assert "over contract" not in sentence


def test_a_sunday_before_set_up_is_never_over_contract(db):
    """`log "yesterday 2pm-3pm home visit @C07"` on the set-up Monday read "0 minutes
    contracted, 2 hours over contract"; in the summary, less logged than contracted was still
    "2 hours 30 minutes over contract"."""
    _set_up(db)
    _log(db, date(2026, 11, 29), 150, "Home visit", start=time(14, 0))
    _log(db, date(2026, 11, 30), 205, start=time(9, 0))
    sunday_week = week_summary(db, date(2026, 11, 29), now=NOW)
    assert sunday_week.hours_over_contract == 0
    assert "over contract" not in week_sentence(sunday_week)
    weeks = hours_per_week(db, date(2026, 11, 30), 2)
    assert [w.over_contract_hours for w in weeks] == [0, 0]
    totals = period_totals(db, date(2026, 11, 23), date(2026, 11, 30))
    assert totals.over_contract_hours == 0 and totals.before_start_hours == 2.5
    summary = compose_summary(db, SummaryOptions(start=date(2026, 11, 23), end=date(2026, 11, 30)),
                              today=SET_UP)
    time_section = next(s for s in summary.sections if s.key == "time")
    text = " ".join(time_section.paragraphs)
    assert "over contract" not in text
    assert "2 hours 30 minutes of it on days before you set up the app" in text


def test_time_logged_before_the_profile_was_given_starts_the_set_up_day_once(db):
    """The welcome skipped, time logged from Wednesday, the profile given on Monday: the days
    already in use count; time typed in later for earlier days still moves nothing."""
    _log(db, date(2026, 11, 25), 60, start=time(10, 0))
    _set_up(db)
    assert counting_from(db) == date(2026, 11, 25)
    _log(db, date(2026, 11, 20), 60, start=time(10, 0))
    assert counting_from(db) == date(2026, 11, 25)
