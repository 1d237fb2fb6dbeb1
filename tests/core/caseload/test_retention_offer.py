"""'Not now' on the retention offer holds for a week, in the database, and never for good."""

from __future__ import annotations

from datetime import date, timedelta

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.settings import set_setting
from core.caseload.retention import (
    OFFER_NOT_BEFORE_SETTING,
    cases_to_offer,
    offer_not_before,
    set_retention_days,
    snooze_offer,
)

TODAY = date(2026, 11, 28)


def _closed(db, ref: str, days_ago: int) -> None:
    store = CaseStore(db)
    case = store.add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
    store.close_case(case.id, TODAY - timedelta(days=days_ago), "completed")


def test_offer_lists_cases_past_the_retention_period(db):
    _closed(db, "C07", 31)
    _closed(db, "C08", 5)
    assert [c.reference for c in cases_to_offer(db, TODAY)] == ["C07"]
    set_retention_days(db, 3)
    assert [c.reference for c in cases_to_offer(db, TODAY)] == ["C07", "C08"]


def test_not_now_holds_for_a_week_even_when_more_cases_cross_the_line(db):
    _closed(db, "C07", 31)
    assert snooze_offer(db, TODAY) == TODAY + timedelta(days=7)
    assert offer_not_before(db) == TODAY + timedelta(days=7)
    _closed(db, "C09", 29)  # crosses the line two days later, inside the week
    assert cases_to_offer(db, TODAY + timedelta(days=2)) == []
    back = cases_to_offer(db, TODAY + timedelta(days=7))
    assert [c.reference for c in back] == ["C07", "C09"]


def test_an_unreadable_snooze_never_hides_the_offer(db):
    _closed(db, "C07", 31)
    set_setting(db, OFFER_NOT_BEFORE_SETTING, "not a date")
    assert offer_not_before(db) is None
    assert [c.reference for c in cases_to_offer(db, TODAY)] == ["C07"]


def test_the_count_shown_matches_the_cases_listed_on_every_boundary(db):
    from core.caseload.retention import count_to_offer

    for ref, days_ago in (("C01", 29), ("C02", 30), ("C03", 31), ("C04", 400)):
        _closed(db, ref, days_ago)
    CaseStore(db).add_case(Case("C05", "community", "B2", date(2025, 1, 6)))  # still open
    for days in (1, 29, 30, 31, 365, 3650):
        set_retention_days(db, days)
        assert count_to_offer(db, TODAY) == len(cases_to_offer(db, TODAY))
    set_retention_days(db, 30)
    assert count_to_offer(db, TODAY) == 2
    snooze_offer(db, TODAY)
    assert count_to_offer(db, TODAY) == 0 == len(cases_to_offer(db, TODAY))
