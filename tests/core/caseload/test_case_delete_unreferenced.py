"""Deleting cases only while nothing else refers to them (undoing an add or an import)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from core.time.activities import list_activities
from core.supervision.agenda import add_agenda_item
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.caseload.models import FLAGS, Case, TierChange
from core.time.time_entries import TimeEntry, TimeStore
from core.time.timer import start_timer

DAY = date(2026, 3, 2)


def case(ref: str, **kw) -> Case:
    return Case(reference=ref, case_type="community", tier=kw.pop("tier", "B2"),
                start_date=kw.pop("start_date", date(2026, 1, 5)), **kw)


@pytest.fixture
def store(db) -> CaseStore:
    return CaseStore(db)


@pytest.fixture
def three(store) -> list[int]:
    return store.add_cases([case("C01"), case("C02"), case("C03")])


def activity(db) -> int:
    return next(a.id for a in list_activities(db) if a.name == "Travel")


def test_an_unreferenced_case_and_its_tier_history_are_deleted(db, store, three):
    assert store.delete_unreferenced([three[1]]) is True
    assert [c.reference for c in store.list_cases("all")] == ["C01", "C03"]
    rows = db.execute("SELECT COUNT(*) FROM tier_history WHERE case_id = ?", [three[1]])
    assert rows.fetchone()[0] == 0


def test_time_logged_against_one_case_keeps_every_case_asked_about(db, store, three):
    TimeStore(db).log_time(TimeEntry(DAY, 30, activity(db), case_id=three[2]))
    assert store.links(three) == {three[2]: ["time_entries"]}
    assert store.delete_unreferenced(three) is False
    assert len(store.list_cases("all")) == 3
    assert [e.case_id for e in TimeStore(db).entries_on(DAY)] == [three[2]]


def test_a_running_timer_and_a_supervision_note_are_references_too(db, store, three):
    start_timer(db, activity(db), now=datetime(2026, 3, 2, 10, 0), case_id=three[0])
    add_agenda_item(db, "case", "Needs a plan", case_reference="c02", reason="stuck")
    assert store.links(three) == {three[0]: ["running_timer"], three[1]: ["agenda_items"]}
    assert store.delete_unreferenced([three[0]]) is False
    assert store.delete_unreferenced([three[1]]) is False
    assert store.delete_unreferenced([three[2]]) is True
    assert store.references() == {"C01", "C02"}


def test_a_missing_case_deletes_nothing(store, three):
    assert store.delete_unreferenced([three[0], 9999]) is False
    assert len(store.list_cases("all")) == 3
    assert store.delete_unreferenced([]) is True


def test_readd_puts_the_same_case_back_with_its_id_and_tier_history(store):
    added = store.add_case(case("C07", tier="C1", flags=(FLAGS[0],), mappa_level=2))
    changed = store.update_case(replace(added, tier="B2", tier_date=date(2026, 2, 1)))
    assert store.delete_unreferenced([changed.id])
    [back] = store.readd_cases([changed])
    assert back == changed and back.id == changed.id
    assert back.tier_history == (TierChange("C1", date(2026, 1, 5)),
                                 TierChange("B2", date(2026, 2, 1)))


def test_readd_takes_a_new_id_when_the_old_one_is_used(store):
    gone = store.add_case(case("C07"))
    assert store.delete_unreferenced([gone.id])
    other = store.add_case(case("C08"))
    assert other.id == gone.id  # SQLite hands the freed id out again
    [back] = store.readd_cases([gone])
    assert back.id != gone.id and back.reference == "C07" and back.tier == gone.tier


def test_readd_refuses_a_reference_now_taken_and_adds_nothing(store):
    first, second = (store.get_case(i) for i in store.add_cases([case("C01"), case("C02")]))
    assert store.delete_unreferenced([first.id, second.id])
    store.add_case(case("c02"))
    with pytest.raises(ValidationError):
        store.readd_cases([first, second])
    assert store.references() == {"C02"}
