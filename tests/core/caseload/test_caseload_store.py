"""Keeping a caseload: add, edit with dated tier history, close, reopen, refuse bad input."""

from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.caseload.models import Case


@pytest.fixture
def store(db):
    return CaseStore(db)


def test_added_case_is_listed_as_active_with_its_first_tier(store):
    store.add_case(Case("C07", "licence", "B2", date(2026, 3, 2), flags=("iom",), mappa_level=2))
    [case] = store.list_cases("active")
    assert (case.reference, case.case_type, case.tier, case.status) == ("C07", "licence", "B2", "active")
    assert case.flags == ("iom",) and case.mappa_level == 2
    assert case.tier_date == date(2026, 3, 2)


def test_next_free_reference_fills_the_first_gap(store):
    assert store.next_free_reference() == "C01"
    for ref in ("C01", "C02", "C04"):
        store.add_case(Case(ref, "community", "C1", date(2026, 1, 5)))
    assert store.next_free_reference() == "C03"


def test_tier_change_keeps_the_old_tier_in_history(store):
    case = store.add_case(Case("C01", "community", "C2", date(2026, 1, 5)))
    case.tier, case.tier_date = "B3", date(2026, 6, 1)
    updated = store.update_case(case)
    assert updated.tier == "B3"
    assert [(c.tier, c.from_date) for c in updated.tier_history] == [
        ("C2", date(2026, 1, 5)),
        ("B3", date(2026, 6, 1)),
    ]
    assert updated.tier_on(date(2026, 5, 31)) == "C2"
    assert updated.tier_on(date(2026, 6, 1)) == "B3"


def test_close_and_reopen_move_the_case_between_lists(store):
    case = store.add_case(Case("C01", "custody", "A1", date(2026, 1, 5)))
    store.close_case(case.id, date(2026, 9, 30), "transferred")
    assert store.list_cases("active") == []
    [closed] = store.list_cases("closed")
    assert closed.closed_date == date(2026, 9, 30) and closed.close_reason == "transferred"
    assert closed.is_active_on(date(2026, 9, 29)) and not closed.is_active_on(date(2026, 9, 30))
    store.reopen_case(case.id)
    assert [c.reference for c in store.list_cases("active")] == ["C01"]


def test_duplicate_reference_is_refused_case_insensitively(store):
    store.add_case(Case("C01", "community", "D1", date(2026, 1, 5)))
    with pytest.raises(ValidationError, match="already have a case called c01"):
        store.add_case(Case("c01", "community", "D1", date(2026, 1, 5)))
    assert store.count("all") == 1


@pytest.mark.parametrize(
    "reference, kind",
    [
        ("X123456", "case record number"),
        ("SW1A 1AA", "postcode"),
        ("AB123456C", "national insurance number"),
        ("A1234BC", "prison number"),
    ],
)
def test_identifier_like_reference_is_refused_with_an_explanation(store, reference, kind):
    with pytest.raises(ValidationError) as info:
        store.add_case(Case(reference, "community", "C1", date(2026, 1, 5)))
    message = str(info.value)
    assert kind in message and "C07" in message
    assert store.count("all") == 0


def test_every_problem_is_reported_at_once(store):
    bad = Case("", "martian", "Z9", date(2026, 5, 1), expected_end_date=date(2026, 1, 1))
    with pytest.raises(ValidationError) as info:
        store.add_case(bad)
    assert len(info.value.problems) == 4


def test_cannot_close_before_the_case_started(store):
    case = store.add_case(Case("C01", "community", "D1", date(2026, 5, 1)))
    with pytest.raises(ValidationError):
        store.close_case(case.id, date(2026, 4, 1), "completed")
    assert store.get_case(case.id).closed_date is None
