"""Importing a calendar again brings what it imported into step: an appointment moved (same UID,
higher SEQUENCE) replaces its entry, a cancelled one takes it out, in one undo step; an entry
the practitioner changed by hand is never touched."""

from dataclasses import replace
from datetime import date, time

from core.time.calendar.attendance import attendance_for
from core.time.calendar.importer import import_rows, undo_import
from core.time.calendar.preview import propose
from core.time.calendar.reader import read_calendar
from core.time.calendar.resync import BY_HAND, CANCELLED, MOVED
from core.time.activities import list_activities
from core.time.time_entries import TimeStore
from tests.core.time.calendar import ics

TODAY = date(2026, 11, 27)
DAY = date(2026, 11, 18)


def court(start="100000", end="110000", extra="", uid="x", subject="Court duty"):
    return ics.event(uid, subject, f"20261118T{start}", f"20261118T{end}", extra=extra)


def rows_for(db, *events, method="PUBLISH"):
    data = ics.calendar(*events).replace(b"METHOD:PUBLISH", f"METHOD:{method}".encode())
    read = read_calendar(data, DAY, DAY)
    return propose(db, read.events, read.first, read.last, TODAY, None, attendance_for(db, read))


def logged(db):
    return [(e.start, e.end, e.minutes) for e in TimeStore(db).entries_on(DAY)]


def test_a_moved_appointment_replaces_its_entry_in_one_undo_step(db):
    import_rows(db, rows_for(db, court()), TODAY)
    again = rows_for(db, court("140000", "150000", "SEQUENCE:1"))
    assert [(r.start, r.ticked, r.reason, r.change) for r in again] == [
        (time(14, 0), True, "", MOVED)
    ]
    result = import_rows(db, again, TODAY)
    assert logged(db) == [(time(14, 0), time(15, 0), 60)]
    assert [r.reason for r in rows_for(db, court("140000", "150000", "SEQUENCE:1"))] == [
        "Already imported"
    ]
    undo_import(db, result)
    assert logged(db) == [(time(10, 0), time(11, 0), 60)]


def test_a_shortened_appointment_is_shortened(db):
    import_rows(db, rows_for(db, court()), TODAY)
    import_rows(db, rows_for(db, court("100000", "103000", "SEQUENCE:2")), TODAY)
    assert logged(db) == [(time(10, 0), time(10, 30), 30)]


def test_a_cancelled_appointment_takes_its_entry_out(db):
    import_rows(db, rows_for(db, court()), TODAY)
    again = rows_for(db, court(extra="STATUS:CANCELLED\nSEQUENCE:1"))
    assert [(r.ticked, r.change) for r in again] == [(True, CANCELLED)]
    result = import_rows(db, again, TODAY)
    assert logged(db) == [] and result.count == 1
    undo_import(db, result)
    assert logged(db) == [(time(10, 0), time(11, 0), 60)]


def test_a_method_cancel_file_takes_the_entry_out(db):
    import_rows(db, rows_for(db, court()), TODAY)
    import_rows(db, rows_for(db, court(extra="SEQUENCE:1"), method="CANCEL"), TODAY)
    assert logged(db) == []


def test_an_entry_changed_by_hand_is_never_touched(db):
    import_rows(db, rows_for(db, court()), TODAY)
    store = TimeStore(db)
    entry = store.entries_on(DAY)[0]
    other = next(a for a in list_activities(db) if a.key == "other").id
    store.update_entry(replace(entry, activity_id=other))
    for moved in (court("140000", "150000", "SEQUENCE:1"), court(extra="STATUS:CANCELLED")):
        again = rows_for(db, moved)
        assert [(r.ticked, r.can_import, r.reason) for r in again] == [(False, False, BY_HAND)]
    assert [(e.start, e.activity_id) for e in store.entries_on(DAY)] == [(time(10, 0), other)]


def test_an_event_without_a_uid_is_not_taken_for_one_imported_from_another_file(db):
    import_rows(db, rows_for(db, court(uid="")), TODAY)
    other_file = rows_for(db, court(uid="", subject="Court duty (Juniper)"))
    assert other_file[0].reason != "Already imported"
    assert rows_for(db, court(uid=""))[0].reason == "Already imported"


def test_a_cancelled_all_day_event_takes_its_leave_day_back_out(db):
    from core.time.working_week import leave_between
    from core.time.calendar.importer import redo_import
    from core.time.calendar.preview import with_tick

    leave = ics.event("l", "Leave", "20261118", "20261119")
    import_rows(db, [with_tick(r, True) for r in rows_for(db, leave)], TODAY)
    assert list(leave_between(db, DAY, DAY)) == [DAY]
    again = rows_for(db, ics.event("l", "Leave", "20261118", "20261119", extra="STATUS:CANCELLED"))
    assert [(r.date, r.ticked, r.change) for r in again] == [(DAY, True, CANCELLED)]
    result = import_rows(db, again, TODAY)
    assert leave_between(db, DAY, DAY) == {} and result.count == 1
    undo_import(db, result)
    assert list(leave_between(db, DAY, DAY)) == [DAY]
    redo_import(db, result)
    assert leave_between(db, DAY, DAY) == {}


def test_a_move_onto_a_day_off_or_into_the_future_says_what_becomes_of_the_old_entry(db):
    from datetime import date

    import_rows(db, rows_for(db, court()), TODAY)

    def moved_to(day):
        event = court(extra="SEQUENCE:1").replace("20261118T", f"{day:%Y%m%d}T")
        read = read_calendar(ics.calendar(event), day, day)
        (row,) = propose(db, read.events, read.first, read.last, TODAY)
        return row

    row = moved_to(date(2026, 11, 21))  # a Saturday
    assert not row.ticked and row.reason == (
        "Not one of your working days; ticking it replaces the entry imported before"
    )
    row = moved_to(date(2026, 12, 3))
    assert not row.can_import and row.reason.endswith("; the entry imported before stays")
