"""Two things real calendars write that the import read wrongly: Google's calendar-wide zone for
times given without one (X-WR-TIMEZONE), and an appointment with a start time but an end that
is only a day."""

from datetime import date, time

import pytest

from core.time.calendar.importer import import_rows
from core.time.calendar.preview import propose, with_tick
from core.time.calendar.reader import read_calendar
from core.time.time_entries import TimeStore
from core.time.working_week import leave_between

TODAY = date(2026, 11, 27)
DAY = date(2026, 11, 18)


def google(zone: str, *events: str, calendars: int = 1) -> bytes:
    """A Google export: no VTIMEZONE, floating times, the calendar's zone in X-WR-TIMEZONE."""
    head = ("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
            f"VERSION:2.0\r\nX-WR-CALNAME:Work\r\nX-WR-TIMEZONE:{zone}\r\n")
    per = max(len(events) // calendars, 1)
    parts = [events[n:n + per] for n in range(0, len(events), per)]
    return "".join(head + "".join(p) + "END:VCALENDAR\r\n" for p in parts).encode()


def vevent(uid: str, start: str, end: str, summary: str = "Court duty") -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART{start}\r\n"
            f"DTEND{end}\r\nEND:VEVENT\r\n")


def preview(db, data: bytes, first=DAY, last=DAY):
    read = read_calendar(data, first, last)
    return propose(db, read.events, read.first, read.last, TODAY)


def shown(rows):
    return [(r.date, r.span_text, r.ticked, r.reason) for r in rows]


def logged(db):
    return [(e.date, e.start, e.end, e.minutes)
            for e in TimeStore(db).entries_between(date(2026, 11, 16), date(2026, 11, 20))]


@pytest.mark.parametrize("zone, london", [
    ("Europe/Paris", "09:00–10:00"),  # an hour ahead of London in November
    ("America/New_York", "15:00–16:00"),
    ("W. Europe Standard Time", "09:00–10:00"),  # Outlook publishing with Windows names
    ("Europe/London", "10:00–11:00"),
    ("Nowhere/Atlantis", "10:00–11:00"),  # no zone at all: the practitioner's own clock
])
def test_floating_times_are_read_in_the_zone_the_calendar_names(db, zone, london):
    rows = preview(db, google(zone, vevent("g1", ":20261118T100000", ":20261118T110000")))
    assert shown(rows) == [(DAY, london, True, "")]
    import_rows(db, rows, TODAY)
    start, end = (time.fromisoformat(t) for t in london.split("–"))
    assert logged(db) == [(DAY, start, end, 60)]


def test_two_google_calendars_saved_in_one_file_each_keep_their_zone(db):
    data = google("Europe/Paris", vevent("g1", ":20261118T100000", ":20261118T110000"),
                  vevent("g2", ":20261118T140000", ":20261118T150000"), calendars=2)
    assert [r.span_text for r in preview(db, data)] == ["09:00–10:00", "13:00–14:00"]


def test_utc_and_named_zones_are_not_moved_by_the_calendar_zone(db):
    data = google("America/New_York", vevent("u", ":20261118T100000Z", ":20261118T110000Z"),
                  vevent("z", ";TZID=Europe/London:20261118T140000",
                         ";TZID=Europe/London:20261118T150000"))
    assert [r.span_text for r in preview(db, data)] == ["10:00–11:00", "14:00–15:00"]


def test_a_start_time_with_an_end_that_is_only_a_day_is_one_row_saying_why(db):
    data = google("Europe/London", vevent("m", ":20261118T100000", ";VALUE=DATE:20261119"),
                  vevent("v", ":20261118T140000", ":20261118T150000", "Home visit"))
    rows = preview(db, data)
    assert shown(rows) == [
        (DAY, "–", False, "Line 10 of the file: it starts at a time but its end is a day with "
                          "no time, so how long it lasts is not known; log it by hand"),
        (DAY, "14:00–15:00", True, ""),
    ]
    assert not rows[0].can_import and with_tick(rows[0], True).ticked is False
    import_rows(db, rows, TODAY)
    assert logged(db) == [(DAY, time(14), time(15), 60)]


def test_midnight_to_a_day_is_whole_days(db):
    data = google("Europe/London", vevent("a", ":20261117T000000", ";VALUE=DATE:20261119",
                                          "Annual leave"),
                  vevent("b", ";VALUE=DATE:20261119", ":20261120T000000", "Annual leave"))
    rows = preview(db, data, date(2026, 11, 16), date(2026, 11, 20))
    assert [(r.date, r.span_text, r.reason) for r in rows] == [
        (date(2026, 11, d), "all day", "All day: annual leave?") for d in (17, 18, 19)
    ]
    import_rows(db, [with_tick(r, True) for r in rows], TODAY)
    assert sorted(leave_between(db, date(2026, 11, 16), date(2026, 11, 20))) == [
        date(2026, 11, d) for d in (17, 18, 19)]
    assert logged(db) == []
