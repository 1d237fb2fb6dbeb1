"""The time-entry store: overlaps refused or trimmed, closed cases, and exact undo of any change."""

from datetime import date, time

import pytest

from core.time.activities import delete_activity, list_activities
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.caseload.models import Case
from core.time.time_entries import OverlapError, TimeEntry, TimeStore

DAY = date(2026, 11, 24)


def act(db, name):
    return next(a.id for a in list_activities(db) if a.name == name)


def timed(db, start, end, name="Home visit", **kw):
    s, e = time(*start), time(*end)
    minutes = (e.hour * 60 + e.minute) - (s.hour * 60 + s.minute)
    return TimeEntry(
        date=kw.pop("day", DAY), minutes=minutes, activity_id=act(db, name), start=s, end=e, **kw
    )


def test_overlap_is_refused_and_nothing_saved(db):
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (10, 0)))
    with pytest.raises(OverlapError) as caught:
        store.log_time(timed(db, (9, 30), (10, 30), "Travel"))
    assert "09:00–10:00 Home visit" in str(caught.value)
    assert len(caught.value.overlapping) == 1
    assert [e.activity_name for e in store.entries_on(DAY)] == ["Home visit"]


def test_touching_entries_do_not_overlap(db):
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (10, 0)))
    store.log_time(timed(db, (10, 0), (11, 0), "Travel"))
    assert len(store.entries_on(DAY)) == 2


def test_trim_shortens_splits_and_removes(db):
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (12, 0), "Recording and admin"))
    store.log_time(timed(db, (13, 0), (13, 30), "Travel"))
    store.log_time(timed(db, (10, 0), (11, 0)), trim=True)  # inside the morning block: splits it
    store.log_time(
        timed(db, (12, 30), (14, 0), "Assessment"), trim=True
    )  # covers travel: removes it
    spans = [
        (f"{e.start:%H:%M}", f"{e.end:%H:%M}", e.activity_name, e.minutes)
        for e in store.entries_on(DAY)
    ]
    assert spans == [
        ("09:00", "10:00", "Recording and admin", 60),
        ("10:00", "11:00", "Home visit", 60),
        ("11:00", "12:00", "Recording and admin", 60),
        ("12:30", "14:00", "Assessment", 90),
    ]


def test_undo_of_a_trimmed_log_restores_exactly(db):
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (12, 0), "Recording and admin", note="morning"))
    before = store.entries_on(DAY)
    change = store.log_time(timed(db, (10, 0), (11, 0)), trim=True)
    store.revert(change)
    assert store.entries_on(DAY) == before
    store.reapply(change)
    assert len(store.entries_on(DAY)) == 3


def test_delete_then_undo_brings_back_the_same_row(db):
    store = TimeStore(db)
    entry = store.log_time(timed(db, (9, 0), (10, 0), note="joint visit")).added[0]
    change = store.delete_entry(entry.id)
    assert store.entries_on(DAY) == []
    store.revert(change)
    restored = store.get_entry(entry.id)
    assert restored == entry and restored.id == entry.id


def test_edit_then_undo(db):
    store = TimeStore(db)
    entry = store.log_time(timed(db, (9, 0), (10, 0))).added[0]
    moved = TimeEntry(**{**entry.__dict__, "start": time(14), "end": time(15)})
    change = store.update_entry(moved)
    assert store.get_entry(entry.id).start == time(14)
    store.revert(change)
    assert store.get_entry(entry.id) == entry


def test_closed_case_takes_time_only_while_open(db):
    cases = CaseStore(db)
    case = cases.add_case(Case("C07", "community", "B2", date(2026, 1, 5)))
    cases.close_case(case.id, date(2026, 11, 20), "completed")
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (10, 0), case_id=case.id, day=date(2026, 11, 19)))
    with pytest.raises(ValidationError, match="closed on 20 November 2026"):
        store.log_time(timed(db, (9, 0), (10, 0), case_id=case.id))


def test_other_impossible_entries(db):
    store = TimeStore(db)
    with pytest.raises(ValidationError, match="today or earlier"):
        store.log_time(timed(db, (9, 0), (10, 0)), today=date(2026, 11, 23))
    with pytest.raises(ValidationError, match="looks like a postcode"):
        store.log_time(timed(db, (9, 0), (10, 0), note="visit at SW1A 1AA"))
    with pytest.raises(ValidationError, match="not after the start"):
        store.log_time(TimeEntry(DAY, 60, act(db, "Travel"), start=time(10), end=time(9)))


def test_activity_in_use_is_never_deleted(db):
    store = TimeStore(db)
    store.log_time(timed(db, (9, 0), (10, 0), "Travel"))
    with pytest.raises(ValidationError, match="hide it instead"):
        delete_activity(db, act(db, "Travel"))
    delete_activity(db, act(db, "Assessment"))  # unused: goes
    assert "Assessment" not in [a.name for a in list_activities(db, include_hidden=True)]
