"""What real calendar programs write, read the way the best readers do: seconds, all-day dates
that name a zone, doubled lines, Windows zone names, and faults in one event or in a property the
import does not use, each either read, or one unticked row with its line, never the whole file."""

import warnings
from datetime import date, time

import pytest

from core.time.calendar.reader import read_calendar
from tests.core.time.calendar import ics

NOV = (date(2026, 11, 1), date(2026, 11, 27))


def read(*events, zones=ics.GMT_STANDARD_TIME, window=NOV):
    return read_calendar(ics.calendar(*events, zones=zones), *window).events


def spans(events):
    return [(e.problem, f"{e.start:%d %H:%M}", f"{e.end:%H:%M}") for e in events if e.start]


def test_teams_seconds_are_dropped_where_the_event_is_read():
    got = read(ics.event("t", "Meet now", "20261104T130047Z", "20261104T134512Z"))
    assert spans(got) == [("", "04 13:00", "13:45")]
    assert (got[0].start.second, got[0].end.second) == (0, 0)


def test_an_all_day_date_that_names_a_zone_is_a_date():
    got = read(
        "BEGIN:VEVENT\nUID:d\nSUMMARY:Leave\nDTSTART;TZID=Europe/Paris;VALUE=DATE:20261116\n"
        "DTEND;TZID=Europe/Paris;VALUE=DATE:20261118\nEND:VEVENT\n"
    )
    assert [(e.all_day, e.start) for e in got] == [((date(2026, 11, 16), date(2026, 11, 17)), None)]


@pytest.mark.parametrize("name", ["DTSTART", "DTEND"])
def test_an_event_with_two_start_or_end_lines_is_a_row_naming_its_line(name):
    twice = f"{name}:20261104T150000Z"
    got = read(ics.event("a", "Court", "20261104T100000Z", "20261104T110000Z", extra=twice),
               ics.event("b", "Court", "20261105T100000Z", "20261105T110000Z"))
    broken = [e for e in got if e.problem]
    assert len(broken) == 1 and "is given twice" in broken[0].problem
    lines = ics.calendar(ics.event("a", "Court", "20261104T100000Z", "20261104T110000Z",
                                   extra=twice)).decode().splitlines()
    first = f"{name}:20261104T{'10' if name == 'DTSTART' else '11'}0000Z"
    assert broken[0].problem.startswith(f"Line {lines.index(first) + 1} ")
    assert spans(got) == [("", "05 10:00", "11:00")]


def test_a_time_zone_with_two_tzid_lines_is_read_by_its_first():
    zones = ics.GMT_STANDARD_TIME.replace("TZID:GMT Standard Time\n",
                                          "TZID:GMT Standard Time\nTZID:Other\n")
    got = read(ics.event("a", "Court", "20261104T100000", "20261104T110000"), zones=zones)
    assert spans(got) == [("", "04 10:00", "11:00")]


@pytest.mark.parametrize(
    "extra",
    [
        "CREATED:00001231T000000Z",
        "EXDATE:",
        "LOCATION 14 Acacia Avenue",
        "X-BROKEN;:",
    ],
)
def test_a_broken_property_the_import_does_not_use_is_ignored(extra):
    got = read(ics.event("a", "Court", "20261104T100000Z", "20261104T110000Z", extra=extra))
    assert spans(got) == [("", "04 10:00", "11:00")]


def test_repeat_lines_with_spaces_and_a_date_with_a_stray_z_are_read():
    got = read(
        ics.event("a", "Court", "20261102T100000Z", "20261102T110000Z",
                  extra="RRULE:FREQ=WEEKLY;BYDAY=MO, TU;COUNT=4"),
        ics.event("b", "Leave", "20261110", "20261111", extra="RDATE;VALUE=DATE:20261112Z"),
    )
    assert spans(got) == [("", d, e) for d, e in
                          [("02 10:00", "11:00"), ("03 10:00", "11:00"),
                           ("09 10:00", "11:00"), ("10 10:00", "11:00")]]
    assert [e.all_day[0] for e in got if e.all_day] == [date(2026, 11, 10), date(2026, 11, 12)]


def test_a_blank_tzid_is_the_practitioners_own_clock():
    got = read("BEGIN:VEVENT\nUID:a\nDTSTART;TZID=:20261104T100000\n"
               "DTEND;TZID=:20261104T110000\nEND:VEVENT\n", zones="")
    assert spans(got) == [("", "04 10:00", "11:00")]


def test_a_free_busy_block_with_backwards_periods_is_not_read():
    freebusy = "BEGIN:VFREEBUSY\nFREEBUSY:20261104T130000Z/20261103T130000Z\nEND:VFREEBUSY\n"
    got = read(freebusy, ics.event("a", "Court", "20261104T100000Z", "20261104T110000Z"))
    assert spans(got) == [("", "04 10:00", "11:00")]


@pytest.mark.parametrize(
    ("zone", "london"),
    [
        ("(UTC+00:00) Dublin, Edinburgh, Lisbon, London", "10:00"),
        ("W. Europe Standard Time", "09:00"),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "09:00"),
        ("Romance Standard Time", "09:00"),
    ],
)
def test_windows_zone_names_without_a_vtimezone_are_read_through_cldr(zone, london):
    quoted = f'"{zone}"' if "," in zone else zone  # as Outlook on the web writes it
    got = read(ics.event("a", "Court", "20261104T100000", "20261104T110000", tz=quoted), zones="")
    unquoted = read(ics.event("a", "Court", "20261104T100000", "20261104T110000", tz=zone),
                    zones="")
    assert [e.start for e in unquoted] == [e.start for e in got]
    assert [(e.problem, f"{e.start:%H:%M}") for e in got] == [("", london)]


def test_a_defined_tzid_with_a_trailing_space_is_the_zone_it_defines():
    zones = ics.GMT_STANDARD_TIME.replace("TZID:GMT Standard Time\n", "TZID:GMT Standard Time \n")
    got = read(ics.event("a", "Court", "20260704T100000", "20260704T110000"), zones=zones,
               window=(date(2026, 7, 1), date(2026, 7, 31)))
    assert spans(got) == [("", "04 10:00", "11:00")]


def test_reading_a_vendor_prefixed_zone_prints_no_warning():
    with warnings.catch_warnings(record=True) as caught:
        got = read(ics.event("a", "Court", "20261104T100000", "20261104T110000",
                             tz="/freeassociation.sourceforge.net/Europe/London"), zones="")
    assert [e.start.time() for e in got] == [time(10, 0)] and caught == []
