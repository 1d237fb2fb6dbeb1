"""Events across a clock change and events from midnight to midnight: the preview and the import
agree. A clock-change event is offered with its real length only when the time store, reading
lengths in the computer's own time zone, would save that length; otherwise it is unticked with
the reason. Midnight to midnight is an all-day event; longer than a day is logged by hand."""

import time as time_module
from datetime import date, time

import pytest

from core.common.errors import ValidationError
from core.time.calendar.importer import import_rows
from core.time.calendar.preview import LEAVE, propose, with_tick
from core.time.calendar.reader import read_calendar
from core.time.time_entries import TimeStore
from core.time.working_week import WorkingPattern, save_pattern

TODAY = date(2026, 12, 6)
SPRING, AUTUMN = date(2026, 3, 29), date(2026, 10, 25)
HEAD = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\n"


def calendar(*events: str) -> bytes:
    return (HEAD + "".join(events) + "END:VCALENDAR\n").encode()


def event(uid: str, start: str, end: str, extra: str = "") -> str:
    return (f"BEGIN:VEVENT\nUID:{uid}\nSUMMARY:Duty night\nDTSTART{start}\nDTEND{end}\n{extra}"
            "END:VEVENT\n")


@pytest.fixture
def every_day(db):
    """A working pattern with Sundays in it (the clocks change on a Sunday)."""
    save_pattern(db, WorkingPattern(hours=(7.5,) * 7, day_start=time(0), day_end=time(23, 59)))
    return db


def zone(monkeypatch, name):
    monkeypatch.setenv("TZ", name)
    time_module.tzset()


@pytest.fixture(autouse=True)
def _restore_zone():
    yield
    time_module.tzset()


def rows(db, data, first, last):
    read = read_calendar(data, first, last)
    return propose(db, read.events, read.first, read.last, TODAY)


DUTY = calendar(event("s1", ";TZID=Europe/London:20260329T003000",
                      ";TZID=Europe/London:20260329T100000"))


def test_across_the_spring_change_on_a_uk_clock_imports_its_real_length(every_day, monkeypatch):
    zone(monkeypatch, "Europe/London")
    (row,) = rows(every_day, DUTY, SPRING, SPRING)
    assert (row.span_text, row.minutes, row.ticked, row.reason) == ("00:30–10:00", 510, True, "")
    (saved,) = import_rows(every_day, [row], TODAY).change.added
    assert (saved.start, saved.end, saved.minutes) == (time(0, 30), time(10, 0), 510)


def test_on_a_computer_not_on_uk_time_the_row_says_so_and_import_adds_nothing(
    every_day, monkeypatch
):
    zone(monkeypatch, "UTC")
    (row,) = rows(every_day, DUTY, SPRING, SPRING)
    assert not row.ticked and not row.can_import
    assert "clocks change" in row.reason and "log it by hand" in row.reason
    with pytest.raises(ValidationError, match="No rows are ticked"):
        import_rows(every_day, [with_tick(row, True)], TODAY)
    assert TimeStore(every_day).entries_on(SPRING) == []


def test_the_repeated_hour_in_utc_is_an_hour_and_imports_as_one(every_day, monkeypatch):
    zone(monkeypatch, "Europe/London")
    data = calendar(event("z1", ":20261025T003000Z", ":20261025T013000Z"))
    (row,) = rows(every_day, data, AUTUMN, AUTUMN)
    assert (row.span_text, row.minutes, row.ticked) == ("01:30–01:30", 60, True)
    (saved,) = import_rows(every_day, [row], TODAY).change.added
    assert saved.minutes == 60


def test_whatever_the_preview_ticks_across_a_change_imports(every_day, monkeypatch):
    for name in ("UTC", "Europe/London", "America/New_York"):
        zone(monkeypatch, name)
        for day in ("20260329", "20261025"):
            data = calendar(event(f"c{name}{day}", f";TZID=Europe/London:{day}T003000",
                                  f";TZID=Europe/London:{day}T030000"))
            first = date(int(day[:4]), int(day[4:6]), int(day[6:]))
            (row,) = rows(every_day, data, first, first)
            if row.ticked:
                (saved,) = import_rows(every_day, [row], TODAY).change.added
                assert saved.minutes == row.minutes
                TimeStore(every_day).delete_entry(saved.id)
            else:
                assert row.reason and not row.can_import


def test_midnight_to_midnight_is_an_all_day_event(db):
    data = calendar(
        event("ad1", ";TZID=Europe/London:20261104T000000", ";TZID=Europe/London:20261105T000000",
              "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\n"),
        event("ad2", ";TZID=Europe/London:20261109T000000", ";TZID=Europe/London:20261111T000000",
              "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\n"),
    )
    found = rows(db, data, date(2026, 11, 1), date(2026, 11, 30))
    assert [(r.kind, r.date, r.minutes) for r in found] == [
        (LEAVE, date(2026, 11, 4), 0), (LEAVE, date(2026, 11, 9), 0), (LEAVE, date(2026, 11, 10), 0)
    ]
    assert not any(r.ticked for r in found)


@pytest.mark.parametrize("start, end, reason", [
    (":20110312T200000Z", ";VALUE=DATE:20110314",
     "Line 8 of the file: it starts at a time but its end is a day with no time, so how long "
     "it lasts is not known; log it by hand"),
    (";TZID=Europe/London:20110312T200000", ";TZID=Europe/London:20110314T000000",
     "Lasts more than a day: log it by hand"),
])
def test_longer_than_a_day_or_ending_on_a_date_cannot_be_ticked(db, start, end, reason):
    found = rows(db, calendar(event("long", start, end)), date(2011, 3, 1), date(2011, 3, 31))
    assert [(r.date, r.ticked, r.can_import, r.reason) for r in found] == [
        (date(2011, 3, 12), False, False, reason)
    ]


def test_an_event_split_at_midnight_with_one_part_imported_is_already_imported_next_time(db):
    from core.time.calendar.preview import with_activity
    from core.time.activities import list_activities

    data = calendar(event("late", ";TZID=Europe/London:20261104T160000",
                          ";TZID=Europe/London:20261105T003000"))
    first, last = date(2026, 11, 4), date(2026, 11, 5)
    other = next(a for a in list_activities(db) if a.key == "other").id
    found = [with_activity(db, r, other) for r in rows(db, data, first, last)]
    assert [(r.span_text, r.ticked) for r in found] == [("16:00–24:00", True), ("00:00–00:30", False)]
    import_rows(db, found, TODAY)
    again = rows(db, data, first, last)
    assert [(r.span_text, r.can_import, r.reason) for r in again] == [
        ("16:00–24:00", False, "Already imported"),
        ("00:00–00:30", True, "Outside your working day"),
    ]


def test_a_time_the_clocks_skipped_is_named_not_called_no_length(every_day):
    data = calendar(event("sk", ";TZID=Europe/London:20260329T011500",
                          ";TZID=Europe/London:20260329T021500"))
    (row,) = rows(every_day, data, SPRING, SPRING)
    assert (row.ticked, row.can_import) == (False, False)
    assert row.reason == "01:15 did not happen on 29 March (the clocks went forward): log it by hand"
