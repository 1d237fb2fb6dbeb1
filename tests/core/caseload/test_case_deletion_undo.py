"""Deleted closed cases come back exactly as they were while the snapshot is held."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.caseload.case_deletion import restore_deleted
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.caseload.retention import delete_closed_cases_keeping
from core.common.errors import ValidationError
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore

TODAY = date(2026, 11, 28)


def _dump(db):
    tables = ("cases", "tier_history", "time_entries")
    return {t: list(db.query(f"SELECT * FROM {t} ORDER BY rowid")) for t in tables}


@pytest.fixture
def closed(db):
    store = CaseStore(db)
    kept = store.add_case(Case("C01", "community", "B2", date(2025, 1, 6)))
    old = store.add_case(Case("C05", "community", "B2", date(2025, 1, 6)))
    store.close_case(old.id, TODAY - timedelta(days=400), "completed")
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    TimeStore(db).log_time(TimeEntry(date(2025, 3, 3), 45, travel, case_id=old.id))
    return kept, old


def test_undo_puts_back_the_case_its_history_and_its_time_links(db, closed):
    before = _dump(db)
    assert any(r["case_id"] == closed[1].id for r in before["tier_history"])
    gone = delete_closed_cases_keeping(db, 30, TODAY)
    assert gone.references == ["C05"]
    after = _dump(db)
    assert [r["reference"] for r in after["cases"]] == ["C01"]
    assert [(r["minutes"], r["case_id"]) for r in after["time_entries"]] == [(45, None)]
    restore_deleted(db, gone)
    assert _dump(db) == before


def test_undo_is_refused_when_the_reference_was_taken_since(db, closed):
    gone = delete_closed_cases_keeping(db, 30, TODAY)
    CaseStore(db).add_case(Case("C05", "community", "B2", date(2026, 11, 1)))
    with pytest.raises(ValidationError):
        restore_deleted(db, gone)
    assert CaseStore(db).references() == {"C01", "C05"}
