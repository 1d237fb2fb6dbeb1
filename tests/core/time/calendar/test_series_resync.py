"""A repeating event imported, then moved as a whole or with one occurrence taken out (EXDATE):
importing it again replaces its entries, never counting an occurrence twice."""

from datetime import date, time

from core.time.activities import list_activities
from core.time.calendar.checks import plan
from core.time.calendar.importer import import_rows, redo_import, undo_import
from core.time.calendar.preview import propose, with_activity
from core.time.calendar.reader import read_calendar
from core.time.calendar.resync import CANCELLED
from core.time.time_entries import TimeStore

TODAY = date(2026, 12, 6)
FIRST, LAST = date(2026, 11, 1), date(2026, 12, 6)


def series(start: str, end: str, extra: str = "") -> bytes:
    return (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\nBEGIN:VEVENT\nUID:series-1\n"
        f"SUMMARY:Home visit\nDTSTART;TZID=Europe/London:20261102T{start}\n"
        f"DTEND;TZID=Europe/London:20261102T{end}\nRRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO\n{extra}"
        "END:VEVENT\nEND:VCALENDAR\n"
    ).encode()


def rows(db, data):
    read = read_calendar(data, FIRST, LAST)
    other = next(a for a in list_activities(db) if a.key == "other").id
    return [with_activity(db, r, other) if r.activity_id is None and r.can_import else r
            for r in propose(db, read.events, read.first, read.last, TODAY)]


def logged(db):
    return [(e.date.day, e.start, e.minutes) for e in TimeStore(db).entries_between(FIRST, LAST)]


def test_a_series_moved_to_another_time_replaces_its_five_entries(db):
    import_rows(db, rows(db, series("100000", "110000")), TODAY)
    assert logged(db) == [(d, time(10), 60) for d in (2, 9, 16, 23, 30)]
    again = rows(db, series("140000", "150000", "SEQUENCE:1\n"))
    assert sum(r.change == CANCELLED and r.ticked for r in again) == 5
    planned = plan(again)
    result = import_rows(db, again, TODAY)
    assert logged(db) == [(d, time(14), 60) for d in (2, 9, 16, 23, 30)]
    assert (planned.minutes, planned.taken_out) == (result.minutes, result.taken_out) == (300, 5)
    undo_import(db, result)
    assert logged(db) == [(d, time(10), 60) for d in (2, 9, 16, 23, 30)]
    redo_import(db, result)
    assert [r.reason for r in rows(db, series("140000", "150000", "SEQUENCE:1\n"))] == [
        "Already imported"
    ] * 5


def test_an_occurrence_taken_out_by_exdate_takes_its_entry_out(db):
    import_rows(db, rows(db, series("100000", "110000")), TODAY)
    again = rows(db, series("100000", "110000",
                            "SEQUENCE:1\nEXDATE;TZID=Europe/London:20261116T100000\n"))
    cancelled = [(r.date.day, r.ticked) for r in again if r.change == CANCELLED]
    assert cancelled == [(16, True)]
    import_rows(db, again, TODAY)
    assert logged(db) == [(d, time(10), 60) for d in (2, 9, 23, 30)]


def test_a_series_entry_changed_by_hand_is_left_as_it_is(db):
    from dataclasses import replace

    import_rows(db, rows(db, series("100000", "110000")), TODAY)
    store = TimeStore(db)
    first = store.entries_between(FIRST, FIRST + (date(2026, 11, 2) - FIRST))[0]
    store.update_entry(replace(first, start=time(9), end=time(10)), today=TODAY)
    again = rows(db, series("140000", "150000", "SEQUENCE:1\n"))
    assert [r.date.day for r in again if r.change == CANCELLED] == [9, 16, 23, 30]


def test_a_series_moved_half_an_hour_waits_for_the_old_entries_to_go(db):
    from core.time.calendar.checks import settle
    from core.time.calendar.preview import with_tick

    import_rows(db, rows(db, series("100000", "110000")), TODAY)
    again = rows(db, series("103000", "113000", "SEQUENCE:1\n"))
    assert [(r.date.day, r.span_text, r.ticked) for r in again if r.change != CANCELLED] == [
        (d, "10:30–11:30", True) for d in (2, 9, 16, 23, 30)]
    # keeping the old 9 November entry leaves the new one overlapping it: unticked, saying why
    kept = [with_tick(r, False) if r.change == CANCELLED and r.date.day == 9 else r
            for r in again]
    new_ninth = next(r for r in settle(kept) if r.date.day == 9 and r.change != CANCELLED)
    assert (new_ninth.ticked, new_ninth.reason) == (False, "Overlaps 10:00–11:00 Home visit "
                                                    "already logged: tick the row that takes it "
                                                    "out too")
    import_rows(db, settle(kept), TODAY)
    assert logged(db) == [(2, time(10, 30), 60), (9, time(10), 60)] + [
        (d, time(10, 30), 60) for d in (16, 23, 30)]
