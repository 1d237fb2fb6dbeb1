"""One convention for every dated period the estimate reads, with a test for each kind.

A period holds from its first day; its end is either the last day shown (a reduction's "to"
date, both days in force, the next one starting the day after) or the day the thing stopped (a
case's closing day, when it is no longer held). Changes (tiers, weightings, profile) apply from
their day on. A week's figure is taken on its Friday, or on the chosen day before that Friday.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile, Reduction
from core.store.database import open_database
from core.workload.estimate import estimate_as_of
from core.workload.history import weekly_history, workload_status
from core.workload.profile import get_profile, list_profile_changes, save_profile
from core.workload.reductions import add_reduction, add_report, automatic_end, list_reductions
from core.workload.weightings import set_weighting

MONDAY = date(2026, 3, 2)
FRIDAY = MONDAY + timedelta(days=4)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_a_case_is_held_from_its_start_day_and_not_on_its_closing_day(db):
    store = CaseStore(db)
    case = store.add_case(Case("C01", "community", "B2", MONDAY))
    store.close_case(case.id, FRIDAY, "completed")
    assert estimate_as_of(db, MONDAY - timedelta(days=1)).caseload_count == 0
    assert estimate_as_of(db, MONDAY).caseload_count == 1
    assert estimate_as_of(db, FRIDAY - timedelta(days=1)).caseload_count == 1
    assert estimate_as_of(db, FRIDAY).caseload_count == 0  # closed on Friday: not in its figure


def test_a_tier_change_applies_from_its_day(db):
    store = CaseStore(db)
    case = store.add_case(Case("C01", "community", "B2", MONDAY))
    case.tier, case.tier_date = "A3", FRIDAY
    store.update_case(case)
    assert estimate_as_of(db, FRIDAY - timedelta(days=1)).workload_points == 115
    assert estimate_as_of(db, FRIDAY).workload_points == 206


def test_a_reduction_is_in_force_on_its_last_day_and_the_next_starts_the_day_after(db):
    """The issue's case: trainee 80% then 60% of 37 hours; both on the hand-over day would be
    51.8 hours of reductions ("No capacity expected this week")."""
    save_profile(db, Profile("PQiP", 37))
    CaseStore(db).add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    first = add_reduction(db, Reduction("PQiP trainee, first 6 months", date(2026, 3, 6),
                                        percent=80), 37)
    assert first.end_date == date(2026, 9, 5) == automatic_end(first.reason, first.start_date)
    handover = first.end_date + timedelta(days=1)  # Sunday 6 September
    add_reduction(db, Reduction("PQiP trainee, 6-12 months", handover, percent=60), 37)
    assert [r.end_date for r in list_reductions(db)] == [date(2026, 9, 5), date(2027, 3, 5)]
    assert estimate_as_of(db, first.end_date).reduction_hours == Decimal("29.6")
    assert estimate_as_of(db, handover).reduction_hours == Decimal("22.2")
    friday = date(2026, 9, 11)
    assert estimate_as_of(db, friday).no_capacity_reason is None


def test_the_report_window_is_the_day_and_the_29_before(db):
    add_report(db, "standard", MONDAY)
    assert estimate_as_of(db, MONDAY).report_points == 138
    assert estimate_as_of(db, MONDAY + timedelta(days=29)).report_points == 138
    assert estimate_as_of(db, MONDAY + timedelta(days=30)).report_points == 0


def test_a_weightings_change_applies_from_its_date(db):
    CaseStore(db).add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    set_weighting(db, "tier.community.B2", 200, FRIDAY, today=FRIDAY)
    assert estimate_as_of(db, FRIDAY - timedelta(days=1)).workload_points == 115
    assert estimate_as_of(db, FRIDAY).workload_points == 200


def test_a_profile_change_applies_from_its_date_and_past_weeks_keep_their_hours(db):
    """Changing contracted hours today must not rewrite history (issue item 5)."""
    save_profile(db, Profile("PO", 37))
    store = CaseStore(db)
    store.add_cases(Case(f"L{n:02d}", "licence", "A3", date(2026, 1, 5)) for n in range(12))
    before = weekly_history(db, date(2026, 3, 27), weeks=4)
    save_profile(db, Profile("PO", 30), effective_from=date(2026, 3, 16), today=date(2026, 3, 27))
    after = weekly_history(db, date(2026, 3, 27), weeks=4)
    assert [w.estimate.contracted_hours for w in after] == [37, 37, 30, 30]
    assert after[0].estimate.capacity_percent == before[0].estimate.capacity_percent
    assert after[1].estimate.capacity_percent == before[1].estimate.capacity_percent
    assert after[2].estimate.capacity_percent > before[2].estimate.capacity_percent
    assert get_profile(db, date(2026, 3, 15)).hours == 37
    assert get_profile(db, date(2026, 3, 16)).hours == 30
    assert [c.effective_from for c in list_profile_changes(db)] == [date.min, date(2026, 3, 16)]


def test_a_week_is_its_friday_or_today_until_friday_comes(db):
    store = CaseStore(db)
    store.add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    wednesday, saturday = MONDAY + timedelta(days=2), MONDAY + timedelta(days=5)
    store.add_case(Case("C02", "community", "B2", saturday))  # after the Friday
    status = workload_status(db, wednesday)
    assert status.day == wednesday and status.so_far
    status = workload_status(db, saturday)
    assert status.day == FRIDAY and not status.so_far
    assert status.estimate.caseload_count == 1  # the week's figure is Friday's
    assert weekly_history(db, saturday, weeks=1)[-1].estimate == status.estimate


def test_hours_typed_as_decimals_are_kept_exactly(db):
    save_profile(db, Profile("PO", "29.6"))
    add_reduction(db, Reduction("Court duty", MONDAY, hours_per_week="7.4"), Decimal("29.6"))
    row = next(db.query("SELECT contracted_hours, typeof(contracted_hours) AS kind "
                        "FROM profile_changes"))
    assert (row["contracted_hours"], row["kind"]) == ("29.6", "text")
    assert get_profile(db).contracted_hours == Decimal("29.6")
    assert list_reductions(db)[0].hours_per_week == Decimal("7.4")


def test_an_older_file_s_float_hours_become_the_decimals_typed(tmp_path):
    """m008 turns REAL hours into their shortest text and dates the profile from the start."""
    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURES / "schema-m001.db", path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO profile (id, grade, contracted_hours) VALUES (1, 'PO', 29.6)")
        conn.execute("INSERT INTO reductions (reason, hours_per_week, start_date) "
                     "VALUES ('Court duty', 7.4, '2026-01-05')")
    db = open_database(path)
    try:
        assert get_profile(db, date(2000, 1, 1)).contracted_hours == Decimal("29.6")
        assert list_profile_changes(db)[0].effective_from == date.min
        assert list_reductions(db)[0].hours_per_week == Decimal("7.4")
        kinds = next(db.query("SELECT typeof(hours_per_week) AS k FROM reductions"))["k"]
        assert kinds == "text"
    finally:
        db.close()
