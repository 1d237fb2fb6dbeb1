"""The preview and the import run the same checks over the same rows: whatever is ticked and
shows no reason imports. (11 of 329 real imports were refused at Import after the preview had
allowed every ticked row.)"""

from datetime import date

from core.time.calendar.attendance import attendance_for
from core.time.calendar.checks import settle
from core.time.calendar.importer import import_rows
from core.time.calendar.preview import propose, with_activity, with_tick
from core.time.calendar.reader import read_calendar
from core.time.activities import list_activities
from core.time.time_entries import TimeStore
from core.time.working_week import leave_between
from tests.core.time.calendar import ics

TODAY = date(2026, 11, 27)
DAY = date(2026, 11, 18)


def rows_for(db, data):
    read = read_calendar(data, DAY, DAY)
    return propose(db, read.events, read.first, read.last, TODAY, None, attendance_for(db, read))


def other(db):
    return next(a for a in list_activities(db) if a.key == "other").id


def ready(rows):
    return [(f"{r.start:%H:%M}" if r.start else "day", r.ticked, r.reason) for r in rows]


def test_two_overlapping_events_both_given_an_activity_import_as_the_preview_shows(db):
    rows = rows_for(db, ics.calendar(
        ics.event("a", "Three-way", "20261118T100000", "20261118T110000"),
        ics.event("b", "Catch-up", "20261118T103000", "20261118T113000"),
    ))
    assert [r.reason for r in rows] == ["Choose an activity"] * 2
    for number in range(2):
        rows[number] = with_activity(db, rows[number], other(db))
        rows = settle(rows)
    assert ready(rows) == [
        ("10:00", True, ""),
        ("10:30", False, "Overlaps 10:00–11:00 from this calendar"),
    ]
    result = import_rows(db, rows, TODAY)
    assert [(e.start, e.end) for e in TimeStore(db).entries_on(DAY)] == [
        (rows[0].start, rows[0].end)
    ]
    assert result.count == sum(r.ticked and not r.reason for r in rows)


def test_a_clash_clears_once_the_row_it_named_is_unticked(db):
    rows = rows_for(db, ics.calendar(
        ics.event("a", "Three-way", "20261118T100000", "20261118T110000"),
        ics.event("b", "Catch-up", "20261118T103000", "20261118T113000"),
    ))
    rows = settle([with_activity(db, r, other(db)) for r in rows])
    rows = settle([with_tick(rows[0], False), rows[1]])
    assert ready(rows) == [("10:00", False, ""), ("10:30", False, "")]
    rows = settle([rows[0], with_tick(rows[1], True)])
    import_rows(db, rows, TODAY)
    assert [e.start for e in TimeStore(db).entries_on(DAY)] == [rows[1].start]


def test_two_all_day_events_on_one_day_both_ticked_are_one_day_of_leave(db):
    rows = rows_for(db, ics.calendar(
        ics.event("a", "Leave", "20261118", "20261119"),
        ics.event("b", "Dentist", "20261118", "20261119"),
    ))
    rows = settle([with_tick(r, True) for r in rows])
    result = import_rows(db, rows, TODAY)
    assert list(leave_between(db, DAY, DAY)) == [DAY] and result.count == 1
    again = rows_for(db, ics.calendar(
        ics.event("a", "Leave", "20261118", "20261119"),
        ics.event("b", "Dentist", "20261118", "20261119"),
    ))
    assert [r.can_import for r in again] == [False, False]


def test_a_note_the_store_would_refuse_unticks_its_row_at_once(db):
    from core.time.calendar.preview import with_note

    rows = rows_for(db, ics.calendar(
        ics.event("a", "Court duty", "20261118T100000", "20261118T110000"),
        ics.event("b", "Court duty", "20261118T140000", "20261118T150000"),
    ))
    rows[1] = with_note(rows[1], "via SW1A 1AA")
    assert (rows[1].ticked, rows[1].reason.startswith("The note looks like a postcode")) == (
        False, True
    )
    result = import_rows(db, rows, TODAY)  # the other row imports; nothing refused at Import
    assert result.count == 1 and [e.start for e in TimeStore(db).entries_on(DAY)] == [rows[0].start]


def test_a_row_overlapping_time_already_logged_cannot_be_ticked_and_the_rest_import(db):
    from core.time.time_entries import TimeEntry
    from datetime import time

    TimeStore(db).log_time(TimeEntry(DAY, 60, other(db), time(10), time(11)), today=TODAY)
    rows = rows_for(db, ics.calendar(
        ics.event("a", "Three-way", "20261118T103000", "20261118T113000"),
        ics.event("b", "Catch-up", "20261118T140000", "20261118T150000"),
    ))
    rows = settle([with_tick(with_activity(db, r, other(db)), True) for r in rows])
    assert ready(rows) == [
        ("10:30", False, "Overlaps 10:00–11:00 Other already logged"),
        ("14:00", True, ""),
    ]
    result = import_rows(db, rows, TODAY)
    assert [e.start for e in TimeStore(db).entries_on(DAY)] == [time(10), time(14)]
    assert result.count == 1


def test_time_logged_after_the_preview_refuses_in_one_sentence_and_saves_nothing(db):
    import pytest
    from datetime import time

    from core.common.errors import ValidationError
    from core.time.time_entries import TimeEntry

    rows = rows_for(db, ics.calendar(ics.event("a", "Three-way", "20261118T103000",
                                               "20261118T113000")))
    rows = settle([with_activity(db, r, other(db)) for r in rows])
    TimeStore(db).log_time(TimeEntry(DAY, 60, other(db), time(10), time(11)), today=TODAY)
    with pytest.raises(ValidationError) as refused:
        import_rows(db, rows, TODAY)
    said = str(refused.value)
    assert said.count("Nothing was") == 1 and said.endswith("Nothing was imported.")
    assert [e.start for e in TimeStore(db).entries_on(DAY)] == [time(10)]


def test_an_entry_deleted_elsewhere_before_a_moved_event_imports_is_a_clear_refusal(db):
    import pytest

    from core.common.errors import ValidationError

    first = ics.calendar(ics.event("m", "Three-way", "20261118T100000", "20261118T110000"))
    import_rows(db, settle([with_activity(db, r, other(db)) for r in rows_for(db, first)]), TODAY)
    moved = ics.calendar(ics.event("m", "Three-way", "20261118T140000", "20261118T150000",
                                   extra="SEQUENCE:1"))
    rows = rows_for(db, moved)
    assert rows[0].replaces and rows[0].ticked
    for entry in TimeStore(db).entries_on(DAY):  # another window deletes it meanwhile
        TimeStore(db).delete_entry(entry.id)
    with pytest.raises(ValidationError, match="Read the file again. Nothing was imported."):
        import_rows(db, rows, TODAY)
    assert TimeStore(db).entries_on(DAY) == []


def _agree(db, rows):
    from core.time.calendar.checks import plan

    planned = plan(rows)
    result = import_rows(db, rows, TODAY)
    assert (planned.count, planned.minutes, planned.leave_days, planned.taken_out) == (
        result.count, result.minutes, len(result.leave), result.taken_out
    )
    return planned


def test_the_totals_before_import_are_what_the_import_does(db):
    first = ics.calendar(
        ics.event("a", "Three-way", "20261118T100000", "20261118T110000"),
        ics.event("b", "Catch-up", "20261118T140000", "20261118T150000"),
        ics.event("c", "Leave", "20261119", "20261121"),
        ics.event("d", "Dentist", "20261119", "20261120"),
    )
    read = read_calendar(first, DAY, date(2026, 11, 20))
    rows = propose(db, read.events, read.first, read.last, TODAY)
    rows = settle([with_tick(with_activity(db, r, other(db)), True) for r in rows])
    planned = _agree(db, rows)
    assert (planned.minutes, planned.leave_days) == (120, 2)  # two events on the 19th: one day

    moved = ics.calendar(
        ics.event("a", "Three-way", "20261118T120000", "20261118T123000", extra="SEQUENCE:1"),
        ics.event("b", "Catch-up", "20261118T140000", "20261118T150000",
                  extra="STATUS:CANCELLED\nSEQUENCE:1"),
        ics.event("c", "Leave", "20261119", "20261121", extra="STATUS:CANCELLED\nSEQUENCE:1"),
    )
    read = read_calendar(moved, DAY, date(2026, 11, 20))
    rows = propose(db, read.events, read.first, read.last, TODAY)
    planned = _agree(db, rows)
    assert (planned.minutes, planned.leave_days, planned.taken_out) == (30, 0, 3)


def test_two_events_with_one_uid_at_different_times_each_have_a_row(db):
    data = ics.calendar(
        ics.event("same", "Home visit", "20261104T100000Z", "20261104T110000Z"),
        ics.event("same", "Home visit", "20261111T100000Z", "20261111T110000Z"),
        ics.event("twice", "Catch-up", "20261112T100000Z", "20261112T110000Z"),
        ics.event("twice", "Catch-up", "20261112T100000Z", "20261112T110000Z"),
    )
    read = read_calendar(data, date(2026, 11, 1), date(2026, 11, 20))
    rows = propose(db, read.events, read.first, read.last, TODAY)
    assert [(r.date.day, r.can_import) for r in rows] == [(4, False), (11, True), (12, True)]
    assert rows[0].reason.startswith("Another copy of this event in the file replaces it")
    assert not rows[2].reason.startswith("Another")  # saved twice as it was: one row


def _imported_once(db):
    data = ics.calendar(ics.event("h", "Home visit", "20261118T100000", "20261118T110000"))
    rows = rows_for(db, data)
    return data, import_rows(db, settle([with_activity(db, r, other(db)) for r in rows]), TODAY)


def test_an_imported_entry_deleted_by_hand_is_not_ticked_again_but_can_be(db):
    data, _result = _imported_once(db)
    (entry,) = TimeStore(db).entries_on(DAY)
    TimeStore(db).delete_entry(entry.id)
    (row,) = rows_for(db, data)
    assert (row.ticked, row.can_import) == (False, True)
    assert row.reason == "Imported before, and since taken out: tick it to import it again"
    import_rows(db, [with_tick(row, True)], TODAY)
    assert len(TimeStore(db).entries_on(DAY)) == 1


def test_after_undo_the_same_events_are_offered_ticked_and_redo_marks_them_again(db):
    from core.time.calendar.importer import redo_import, undo_import

    data, result = _imported_once(db)
    undo_import(db, result)
    assert [(r.ticked, r.reason) for r in rows_for(db, data)] == [(True, "")]
    redo_import(db, result)
    assert [r.reason for r in rows_for(db, data)] == ["Already imported"]


def test_an_entry_moved_by_hand_in_an_unchanged_calendar_is_not_called_changed(db):
    from dataclasses import replace
    from datetime import time

    data, _result = _imported_once(db)
    (entry,) = TimeStore(db).entries_on(DAY)
    TimeStore(db).update_entry(replace(entry, start=time(15), end=time(16)), today=TODAY)
    (row,) = rows_for(db, data)
    assert (row.can_import, row.reason) == (
        False, "Already imported, and you edited the entry since: left as you made it"
    )
