"""Importing a calendar again is checked against the calendar as it is now: two appointments
that swapped times import as swapped, and leave moved to other days moves with it."""

from datetime import date, time

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.calendar.checks import settle
from core.time.calendar.importer import import_rows, redo_import, undo_import
from core.time.calendar.preview import propose, with_tick
from core.time.calendar.reader import read_calendar
from core.time.calendar.resync import LEAVE_IN, LEAVE_OUT, MOVED
from core.time.time_entries import TimeStore
from core.common.errors import ValidationError
from core.time.working_week import LeaveDay, add_leave, leave_between, remove_leave
from tests.core.time.calendar import ics

TODAY = date(2026, 11, 27)
DAY = date(2026, 11, 18)


@pytest.fixture
def with_cases(db):
    for ref in ("C07", "C12"):
        CaseStore(db).add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
    return db


def rows_for(db, *events, first=DAY, last=DAY):
    read = read_calendar(ics.calendar(*events), first, last)
    return propose(db, read.events, read.first, read.last, TODAY)


def seen(rows):
    """Each row as the preview shows it: date, times, case, ticked, why not, what it changes."""
    return [(r.date, r.span_text, r.case_reference, r.ticked, r.reason, r.change) for r in rows]


def logged(db):
    return [(e.start, e.end, e.case_reference) for e in TimeStore(db).entries_on(DAY)]


def pair(a_at, b_at, sequence=""):
    """Two appointments on Wed 18 Nov, a court hearing (C07) and a visit (C12)."""
    extra = f"SEQUENCE:{sequence}" if sequence else ""
    return (
        ics.event("a", "Court duty C07", f"20261118T{a_at[0]}", f"20261118T{a_at[1]}", extra=extra),
        ics.event("b", "Home visit C12", f"20261118T{b_at[0]}", f"20261118T{b_at[1]}", extra=extra),
    )


def test_two_appointments_that_swapped_times_import_as_swapped_in_one_undo_step(with_cases):
    db = with_cases
    import_rows(db, rows_for(db, *pair(("100000", "110000"), ("110000", "120000"))), TODAY)
    again = rows_for(db, *pair(("110000", "120000"), ("100000", "110000"), "1"))
    assert seen(again) == [
        (DAY, "10:00–11:00", "C12", True, "", MOVED),
        (DAY, "11:00–12:00", "C07", True, "", MOVED),
    ]
    result = import_rows(db, again, TODAY)
    assert logged(db) == [(time(10), time(11), "C12"), (time(11), time(12), "C07")]
    assert [r.reason for r in rows_for(db, *pair(("110000", "120000"), ("100000", "110000"), "1"))
            ] == ["Already imported", "Already imported"]
    undo_import(db, result)
    assert logged(db) == [(time(10), time(11), "C07"), (time(11), time(12), "C12")]


def test_a_swapped_appointment_waits_for_the_other_one_to_be_ticked(with_cases):
    db = with_cases
    import_rows(db, rows_for(db, *pair(("100000", "110000"), ("110000", "120000"))), TODAY)
    visit, court = rows_for(db, *pair(("110000", "120000"), ("100000", "110000"), "1"))
    visit, court = settle([with_tick(visit, False), court])
    waiting = "Overlaps 11:00–12:00 Home visit already logged: tick the row that takes it out too"
    assert (court.ticked, court.reason) == (False, waiting)
    visit, court = settle([visit, with_tick(court, True)])  # ticked by hand: still waits
    assert (court.ticked, court.reason) == (False, waiting)
    visit, court = settle([with_tick(visit, True), court])  # the one it waited for: both
    assert [(r.ticked, r.reason) for r in (visit, court)] == [(True, ""), (True, "")]
    import_rows(db, [visit, court], TODAY)
    assert logged(db) == [(time(10), time(11), "C12"), (time(11), time(12), "C07")]


def test_a_new_appointment_in_the_time_a_moved_one_left_imports_with_the_move(with_cases):
    db = with_cases
    import_rows(db, rows_for(db, ics.event("a", "Court duty C07", "20261118T100000",
                                           "20261118T110000")), TODAY)
    moved = ics.event("a", "Court duty C07", "20261118T140000", "20261118T150000",
                      extra="SEQUENCE:1")
    new = ics.event("n", "Home visit C12", "20261118T100000", "20261118T110000")
    assert seen(rows_for(db, moved, new)) == [
        (DAY, "10:00–11:00", "C12", True, "", ""),
        (DAY, "14:00–15:00", "C07", True, "", MOVED),
    ]
    import_rows(db, rows_for(db, moved, new), TODAY)
    assert logged(db) == [(time(10), time(11), "C12"), (time(14), time(15), "C07")]


MON, TUE, WED = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)


def leave_event(first, after_last, sequence=""):
    extra = f"SEQUENCE:{sequence}" if sequence else ""
    return ics.event("l", "Annual leave", f"{first:%Y%m%d}", f"{after_last:%Y%m%d}", extra=extra)


def leave_rows_for(db, *events):
    return rows_for(db, *events, first=MON, last=date(2026, 11, 20))


def held(db):
    return {day: leave.kind for day, leave in leave_between(db, MON, date(2026, 11, 20)).items()}


def test_leave_moved_a_day_later_takes_monday_out_and_adds_wednesday_in_one_undo_step(db):
    first = leave_rows_for(db, leave_event(MON, WED))
    import_rows(db, [with_tick(r, True) for r in first], TODAY)
    assert held(db) == {MON: "annual leave", TUE: "annual leave"}
    again = leave_rows_for(db, leave_event(TUE, date(2026, 11, 19), "1"))
    assert [(r.date, r.ticked, r.reason, r.change) for r in again] == [
        (MON, True, "", LEAVE_OUT),
        (TUE, False, "Already in your leave", ""),
        (WED, True, "", LEAVE_IN),
    ]
    result = import_rows(db, again, TODAY)
    assert held(db) == {TUE: "annual leave", WED: "annual leave"}
    assert (len(result.leave), len(result.leave_out)) == (1, 1)
    assert all(r.reason == "Already in your leave" for r in leave_rows_for(
        db, leave_event(TUE, date(2026, 11, 19), "1")))
    undo_import(db, result)
    assert held(db) == {MON: "annual leave", TUE: "annual leave"}
    redo_import(db, result)
    assert held(db) == {TUE: "annual leave", WED: "annual leave"}


def test_moved_leave_never_takes_out_a_day_typed_or_changed_by_hand(db):
    import_rows(db, [with_tick(r, True) for r in leave_rows_for(db, leave_event(MON, WED))], TODAY)
    remove_leave(db, MON)
    add_leave(db, LeaveDay(MON, "sickness"))  # the practitioner's own, typed over it
    add_leave(db, LeaveDay(WED, "training day"))
    again = leave_rows_for(db, leave_event(TUE, date(2026, 11, 19), "1"))
    assert [(r.date, r.ticked, r.reason) for r in again] == [
        (TUE, False, "Already in your leave"),
        (WED, False, "Already in your leave"),
    ]
    assert held(db) == {MON: "sickness", TUE: "annual leave", WED: "training day"}


def test_a_day_another_all_day_event_still_covers_stays_leave(db):
    course = ics.event("c", "Annual leave (course)", f"{MON:%Y%m%d}", f"{TUE:%Y%m%d}")
    import_rows(db, [with_tick(r, True) for r in leave_rows_for(db, leave_event(MON, WED), course)],
                TODAY)
    again = leave_rows_for(db, leave_event(TUE, date(2026, 11, 19), "1"), course)
    assert LEAVE_OUT not in {r.change for r in again}
    import_rows(db, again, TODAY)
    assert sorted(held(db)) == [MON, TUE, WED]


def test_undoing_an_import_keeps_leave_changed_since_by_hand(db):
    """Ctrl+Z of an import took out its leave days whatever they held by then: sickness typed
    over an imported day of annual leave went with it."""
    result = import_rows(db, [with_tick(r, True) for r in leave_rows_for(
        db, leave_event(MON, WED))], TODAY)
    add_leave(db, LeaveDay(TUE, "sickness"))  # typed over it since
    with pytest.raises(ValidationError) as refused:
        undo_import(db, result)
    assert held(db) == {MON: "annual leave", TUE: "sickness"}  # nothing taken out
    assert "changed since, so this was not undone: the later change is kept" in str(
        refused.value)
