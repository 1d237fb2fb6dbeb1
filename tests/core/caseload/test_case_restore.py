"""Putting a case back exactly as it was: what undoing a close, reopen or edit relies on."""

from dataclasses import replace
from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.caseload.models import Case


@pytest.fixture
def store(db):
    return CaseStore(db)


def history_rows(db, case_id: int) -> list[tuple]:
    return [tuple(r.values()) for r in db.query(
        "SELECT id, tier, from_date FROM tier_history WHERE case_id = ? ORDER BY id", [case_id])]


def test_restoring_before_a_close_makes_the_case_active_with_its_history_untouched(store, db):
    case = store.add_case(Case("C07", "licence", "B2", date(2026, 1, 5), flags=("iom",)))
    store.close_case(case.id, date(2026, 5, 1), "completed")
    rows = history_rows(db, case.id)
    restored = store.restore_case(case)
    assert restored == case and restored.status == "active"
    assert history_rows(db, case.id) == rows  # same rows, not rewritten


def test_restoring_a_closed_case_brings_back_its_close_date_and_reason(store):
    case = store.add_case(Case("C07", "licence", "B2", date(2026, 1, 5)))
    closed = store.close_case(case.id, date(2026, 5, 1), "recalled")
    store.reopen_case(case.id)
    again = store.restore_case(closed)
    assert (again.closed_date, again.close_reason) == (date(2026, 5, 1), "recalled")
    assert store.list_cases("closed") == [closed]


def test_restoring_before_an_edit_takes_back_the_new_tier_and_the_renamed_reference(store):
    case = store.add_case(Case("C01", "community", "C2", date(2026, 1, 5)))
    edited = store.update_case(
        replace(case, reference="C09", tier="B3", tier_date=date(2026, 6, 1)))
    assert len(edited.tier_history) == 2
    restored = store.restore_case(case)
    assert restored == case
    assert [(c.tier, c.from_date) for c in restored.tier_history] == [("C2", date(2026, 1, 5))]
    assert store.restore_case(edited) == edited  # and redo puts the edit back


def test_a_reference_taken_since_is_refused_and_a_deleted_case_is_missing(store):
    case = store.add_case(Case("C01", "community", "C2", date(2026, 1, 5)))
    store.update_case(replace(case, reference="C09"))
    store.add_case(Case("C01", "licence", "A1", date(2026, 2, 2)))
    with pytest.raises(ValidationError, match="already have a case called C01"):
        store.restore_case(case)
    assert store.get_case(case.id).reference == "C09"  # nothing half-done
    store.delete_case(case.id)
    with pytest.raises(KeyError):
        store.restore_case(case)
