"""Reading .ics files: repeats with exceptions across the October clock change, Outlook's
"GMT Standard Time", UTC, all-day and declined events, and every kind of bad file."""

from datetime import date, time, timezone
import time as time_module
from pathlib import Path

import pytest

from core.time.calendar.reader import CalendarFileError, read_calendar, read_calendar_file
from tests.core.time.calendar import ics

OCT, NOV_END = date(2026, 10, 1), date(2026, 11, 30)


def local_starts(data, first=OCT, last=NOV_END):
    return [
        (e.start.date(), e.start.time(), e.subject) for e in read_calendar(data, first, last).events
    ]


def test_weekly_meeting_keeps_its_local_time_across_the_clocks_going_back():
    assert local_starts(ics.weekly_across_october_change()) == [
        (date(2026, 10, 7), time(10), "Team meeting"),
        (date(2026, 10, 14), time(10), "Team meeting"),
        # 21 Oct is cancelled (EXDATE); 28 Oct, after the change on the 25th, was moved to 14:00
        (date(2026, 10, 28), time(14), "Team meeting (moved)"),
        (date(2026, 11, 4), time(10), "Team meeting"),
        (date(2026, 11, 11), time(10), "Team meeting"),
    ]


def test_the_same_local_time_is_a_different_instant_either_side_of_the_change():
    events = read_calendar(ics.weekly_across_october_change(), OCT, NOV_END).events
    utc = [e.start.astimezone(timezone.utc).time() for e in events]
    assert utc == [time(9), time(9), time(14), time(10), time(10)]
    assert [e.start_key for e in events][:2] == ["2026-10-07T09:00Z", "2026-10-14T09:00Z"]


def test_a_windows_zone_name_without_its_vtimezone_is_still_london():
    data = ics.calendar(
        ics.event("a", "Appointment", "20261020T100000", "20261020T110000"), zones=""
    )
    (event,) = read_calendar(data, OCT, NOV_END).events
    assert (event.start.time(), event.start.utcoffset().total_seconds()) == (time(10), 3600)


def test_utc_times_are_shown_in_london_time_with_summer_time_applied_only_before_the_change():
    data = ics.calendar(
        ics.event("u1", "Appointment", "20261023T090000Z", "20261023T093000Z"),
        ics.event("u2", "Appointment", "20261026T090000Z", "20261026T093000Z"),
        zones="",
    )
    events = read_calendar(data, OCT, NOV_END).events
    assert [(e.start.time(), e.end.time()) for e in events] == [
        (time(10), time(10, 30)),
        (time(9), time(9, 30)),
    ]


def test_an_all_day_event_is_read_as_days_not_times():
    data = ics.calendar(ics.event("d", "Annual leave", "20261102", "20261104"))
    (event,) = read_calendar(data, OCT, NOV_END).events
    assert event.all_day == (date(2026, 11, 2), date(2026, 11, 3)) and event.start is None


def test_answers_are_read_and_the_one_address_in_every_meeting_is_the_regular():
    read = read_calendar(ics.realistic_week(), date(2026, 11, 16), date(2026, 11, 20))
    panel = next(e for e in read.events if e.subject == "Interagency panel")
    assert panel.organizer == "chair@example.org"
    assert panel.answers == (("quill@example.org", "DECLINED"),)
    assert read.regulars == {"quill@example.org"} and read.named_owner is None
    assert {e.subject for e in read.events if e.free} == {"Lunch"}


def test_a_cancelled_occurrence_of_a_repeat_is_marked_cancelled():
    data = ics.calendar(
        ics.event(
            "r",
            "Team meeting",
            "20261103T100000",
            "20261103T110000",
            extra="RRULE:FREQ=WEEKLY;COUNT=2",
        ),
        ics.event(
            "r",
            "Team meeting",
            "20261110T100000",
            "20261110T110000",
            extra="RECURRENCE-ID;TZID=GMT Standard Time:20261110T100000\nSTATUS:CANCELLED",
        ),
    )
    events = read_calendar(data, OCT, NOV_END).events
    assert [(e.start.date(), e.cancelled) for e in events] == [
        (date(2026, 11, 3), False),
        (date(2026, 11, 10), True),
    ]


def test_without_a_start_date_the_file_is_read_from_its_first_event():
    read = read_calendar(ics.weekly_across_october_change(), None, date(2026, 11, 27))
    assert (read.first, len(read.events)) == (date(2026, 10, 7), 5)


BROKEN_LINE = ics.calendar(
    ics.event(
        "b", "Appointment", "20261020T100000", "20261020T110000", extra="LOCATION 14 Acacia Avenue"
    )
)
BROKEN_AT = BROKEN_LINE.decode().splitlines().index("LOCATION 14 Acacia Avenue") + 1
UNKNOWN_ZONE = ics.calendar(
    ics.event("z", "Appointment", "20261020T100000", "20261020T110000", tz="Mars Standard Time"),
    zones="",
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"reference,case_type\nC07,community\n", "This is not a calendar (.ics) file."),
        (b"", "This is not a calendar (.ics) file."),
        (b"\x00\xff\xfe binary", "This is not a calendar (.ics) file."),
    ],
)
def test_a_bad_file_is_one_sentence(data, message):
    with pytest.raises(CalendarFileError) as caught:
        read_calendar(data, OCT, NOV_END)
    assert message in str(caught.value) and len(caught.value.problems) == 1
    assert "\n" not in str(caught.value) and "Acacia" not in str(caught.value)


NO_START = ics.calendar("BEGIN:VEVENT\nUID:x\nSUMMARY:Court\nEND:VEVENT\n")
BAD_START = ics.calendar(ics.event("x", "Appointment", "2026102", "20261020T110000"))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (UNKNOWN_ZONE, "its time zone (Mars Standard Time) is not one the app knows"),
        (BAD_START, "its start time cannot be read"),
        (NO_START, "it has no start time"),
    ],
)
def test_an_event_that_cannot_be_read_is_one_row_with_its_line_and_reason(data, reason):
    events = read_calendar(data, OCT, NOV_END).events
    assert len(events) == 1 and events[0].problem.startswith("Line ")
    assert reason in events[0].problem and "\n" not in events[0].problem


def test_a_broken_line_the_import_does_not_need_is_passed_over():
    events = read_calendar(BROKEN_LINE, OCT, NOV_END).events
    assert [(e.problem, f"{e.start:%d %H:%M}") for e in events] == [("", "20 10:00")]


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "year.ics"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(CalendarFileError, match="The file is 50 MB"):
        read_calendar_file(big, OCT, NOV_END)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CalendarFileError, match="There is no file at"):
        read_calendar_file(tmp_path / "none.ics", OCT, NOV_END)


def repeating(rule: str, start: str = "20000101T090000Z", end: str = "20000101T090001Z") -> bytes:
    return ics.calendar(ics.event("s", "x", start, end, extra=f"RRULE:{rule}"), zones="")


@pytest.mark.parametrize(
    "rule, how",
    [
        ("FREQ=SECONDLY", "every second"),  # the tester's 160-byte file that hung the import
        ("FREQ=MINUTELY;INTERVAL=15", "every 15 minutes"),
        ("FREQ=HOURLY", "every hour"),
        ("FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))) + ";BYMINUTE=0,30",
         "more than 50,000 times"),
    ],
)
def test_a_repeat_no_appointment_has_is_one_row_saying_why_and_the_rest_is_read(rule, how):
    data = ics.calendar(
        ics.event("s", "x", "20000101T090000Z", "20000101T090001Z", extra=f"RRULE:{rule}"),
        ics.event("v", "Home visit C07", "20261124T100000Z", "20261124T110000Z"),
        zones="",
    )
    started = time_module.monotonic()
    noise, visit = read_calendar(data, date(2026, 11, 23), date(2026, 11, 29)).events
    assert time_module.monotonic() - started < 10  # it hung for minutes
    assert (noise.uid, noise.first_day, noise.start) == ("s", date(2026, 11, 23), None)
    assert noise.problem == (
        f"Line 12 of the file: it repeats {how}, which no appointment does; log it by hand"
    )
    assert (visit.subject, visit.start.hour, visit.problem) == ("Home visit C07", 10, "")


def test_a_daily_repeat_over_decades_and_a_dense_one_that_ended_are_read():
    read = read_calendar(repeating("FREQ=DAILY"), date(2026, 11, 23), date(2026, 11, 29))
    assert len(read.events) == 7
    ended = "FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))) + ";UNTIL=20000103T000000Z"
    assert read_calendar(repeating(ended), date(2026, 11, 23), date(2026, 11, 29)).events == []


def test_a_file_of_too_many_events_is_refused_before_the_slow_parse():
    one = ics.event("e", "x", "20261123T090000Z", "20261123T100000Z")
    data = ics.calendar(*[one] * 20_001, zones="")
    started = time_module.monotonic()
    with pytest.raises(CalendarFileError, match="more than 20000 events"):
        read_calendar(data, date(2026, 11, 23), date(2026, 11, 29))
    assert time_module.monotonic() - started < 5


def test_a_utf16_file_with_a_byte_order_mark_is_read():
    text = ics.calendar(
        ics.event("u", "Home visit – C07", "20261124T100000Z", "20261124T110000Z")
    )
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = text.decode("utf-8").encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        (event,) = read_calendar(data, date(2026, 11, 23), date(2026, 11, 27)).events
        assert event.subject == "Home visit – C07"


def test_two_calendars_in_one_file_are_read_together():
    one = ics.calendar(ics.event("a", "Court duty", "20261124T100000", "20261124T110000"))
    two = ics.calendar(ics.event("b", "Home visit", "20261125T100000", "20261125T110000"))
    read = read_calendar(one + two, date(2026, 11, 23), date(2026, 11, 27))
    assert [e.subject for e in read.events] == ["Court duty", "Home visit"]


def test_control_and_direction_characters_are_taken_out_of_subjects():
    data = ics.calendar(
        ics.event("c", "HV C07 \x1b]0;pwned\x07\x1b[31mred\u202etxt", "20261124T100000Z",
                  "20261124T110000Z")
    )
    (event,) = read_calendar(data, date(2026, 11, 23), date(2026, 11, 27)).events
    assert event.subject == "HV C07 ]0;pwned [31mred txt"


def test_a_folder_or_a_device_is_not_read(tmp_path):
    with pytest.raises(CalendarFileError, match="is not a file"):
        read_calendar_file(tmp_path, None, date(2026, 11, 27))
    with pytest.raises(CalendarFileError, match="is not a file"):
        read_calendar_file(Path("/dev/zero"), None, date(2026, 11, 27))


def test_zone_names_some_producers_write_are_the_zones_they_mean():
    from datetime import date

    from core.time.calendar.reader import read_calendar

    def read(tz):
        data = (
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:t\nBEGIN:VEVENT\nUID:a\n"
            f"DTSTART;TZID={tz}:20260715T100000\nDTEND;TZID={tz}:20260715T110000\n"
            "END:VEVENT\nEND:VCALENDAR\n"
        ).encode()
        (event,) = read_calendar(data, date(2026, 7, 1), date(2026, 7, 31)).events
        return event.problem or f"{event.start:%H:%M}"

    assert [read(tz) for tz in ("tzone://Microsoft/Utc", "Z", "BST", "europe/london")] == [
        "11:00", "11:00", "10:00", "10:00"
    ]
    assert "is not one the app knows" in read("Mars/Olympus")


def test_a_negative_duration_is_an_end_before_the_start():
    from datetime import date

    from core.time.calendar.reader import read_calendar

    data = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:t\nBEGIN:VEVENT\nUID:nd\nDTSTART:20261104T100000Z\n"
        "DURATION:-PT1H\nEND:VEVENT\nEND:VCALENDAR\n"
    ).encode()
    (event,) = read_calendar(data, date(2026, 11, 1), date(2026, 11, 30)).events
    assert event.backwards


def test_utf16_without_a_byte_order_mark_is_read():
    from datetime import date

    from core.time.calendar.reader import read_calendar

    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:u\r\n"
        "SUMMARY:Home visit caf\u00e9\r\nDTSTART:20261104T100000Z\r\nDTEND:20261104T110000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for encoding in ("utf-16-le", "utf-16-be"):
        (event,) = read_calendar(text.encode(encoding), date(2026, 11, 1), date(2026, 11, 30)).events
        assert (event.subject, f"{event.start:%H:%M}") == ("Home visit caf\u00e9", "10:00")
