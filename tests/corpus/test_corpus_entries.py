"""A hand-checked subset of the corpus: the exact rows (day, times, real minutes) the import
proposes for 33 files from Outlook and Exchange (Windows zone names, OWA display names, a
customised zone), Google, Apple, Thunderbird, Evolution and hand-written files, across zones
from Sydney to Los Angeles, repeats with EXDATE and RECURRENCE-ID (SEQUENCE deciding between
two), both UK clock changes, all-day and multi-day events, and times past midnight.

Each expectation was checked by hand against the file (its zone's offset on that date, then
London's) before it was written down: e.g. Standup.ics, 09:30 in Sydney every weekday, is
22:30 in London until the clocks go forward on 29 March 2009, then 23:30, and 00:30 the next day
once Sydney leaves summer time on 5 April."""

from datetime import date, timedelta

import pytest

from core.time.calendar.attendance import attendance_for
from core.time.calendar.preview import propose
from core.time.calendar.reader import read_calendar_file
from tests.corpus.corpus_run import CORPUS, window

KEEP = ("Cancelled", "Line ", "Its end")  # reasons that belong to the file, not the settings

CASES = {
    "khal__tests__ics__event_dt_rr.ics": (
        None,
        [
            "2014-04-09 09:30–10:30 60",
            "2014-04-10 09:30–10:30 60",
            "2014-04-11 09:30–10:30 60",
            "2014-04-12 09:30–10:30 60",
            "2014-04-13 09:30–10:30 60",
            "2014-04-14 09:30–10:30 60",
            "2014-04-15 09:30–10:30 60",
            "2014-04-16 09:30–10:30 60",
            "2014-04-17 09:30–10:30 60",
            "2014-04-18 09:30–10:30 60",
        ],
    ),
    "khal__tests__ics__event_dt_two_tz.ics": (
        None,
        [
            "2014-04-09 08:30–15:30 420",
        ],
    ),
    "khal__tests__ics__event_dt_floating.ics": (
        None,
        [
            "2014-04-09 09:30–10:30 60",
        ],
    ),
    "khal__tests__ics__event_d_rr.ics": (
        None,
        [
            "2014-04-09 all day",
            "2014-04-10 all day",
            "2014-04-11 all day",
            "2014-04-12 all day",
            "2014-04-13 all day",
            "2014-04-14 all day",
            "2014-04-15 all day",
            "2014-04-16 all day",
            "2014-04-17 all day",
            "2014-04-18 all day",
        ],
    ),
    "khal__tests__ics__event_dt_rd.ics": (
        None,
        [
            "2014-04-09 09:30–10:30 60",
            "2014-04-10 09:30–10:30 60",
        ],
    ),
    "khal__tests__ics__event_rrule_recuid.ics": (
        None,
        [
            "2014-06-30 06:00–11:00 300",
            "2014-07-07 08:00–13:00 300",
            "2014-07-14 06:00–11:00 300",
            "2014-07-21 06:00–11:00 300",
            "2014-07-28 06:00–11:00 300",
            "2014-08-04 06:00–11:00 300",
        ],
    ),
    "khal__tests__ics__event_rrule_recuid_cancelled.ics": (
        None,
        [
            "2014-06-30 06:00–11:00 300",
            "2014-07-07 08:00–13:00 300",
            "2014-07-14 06:00–11:00 300 (Cancelled)",
            "2014-07-21 06:00–11:00 300",
            "2014-07-28 06:00–11:00 300",
            "2014-08-04 06:00–11:00 300",
        ],
    ),
    "khal__tests__ics__event_dt_london.ics": (
        None,
        [
            "2014-04-09 14:00–19:00 300",
        ],
    ),
    "ical4j__src__test__resources__samples__valid__EXDATE.ics": (
        None,
        [
            "2006-01-01 02:00–03:00 60",
            "2006-01-02 02:00–03:00 60",
            "2006-01-05 02:00–03:00 60",
            "2006-01-06 02:00–03:00 60",
            "2006-01-07 02:00–03:00 60",
        ],
    ),
    "ical4j__src__test__resources__samples__valid__EXDATE-IN-UTC.ics": (
        None,
        [
            "2007-05-08 11:15–12:15 60",
            "2007-05-29 11:15–12:15 60",
            "2007-06-05 11:15–12:15 60",
            "2007-06-12 11:15–12:15 60",
            "2007-06-19 11:15–12:15 60",
            "2007-06-26 11:15–12:15 60",
            "2007-07-03 11:15–12:15 60",
            "2007-07-10 11:15–12:15 60",
            "2007-07-17 11:15–12:15 60",
            "2007-07-24 11:15–12:15 60",
            "2007-07-31 11:15–12:15 60",
        ],
    ),
    "ical4j__src__test__resources__samples__valid__evolution.ics": (
        None,
        [
            "2008-06-24 19:00–20:30 90",
        ],
    ),
    "ical4j__src__test__resources__samples__valid__dst-only-vtimezone.ics": (
        None,
        [
            "2018-04-03 08:00–09:15 75",
        ],
    ),
    "node-ical__test__fixtures__daily-count-exdate-recurrence-id.ics": (
        None,
        [
            "2015-07-06 20:00–21:00 60",
            "2015-07-08 00:00–23:00 2820 (Its end is before its start in)",
            "2015-07-09 20:00–21:00 60",
            "2015-07-11 20:00–21:00 60",
            "2015-07-12 20:00–21:00 60",
            "2015-07-13 20:00–21:00 60",
            "2015-07-14 20:00–21:00 60",
            "2015-07-15 20:00–21:00 60",
        ],
    ),
    "node-ical__test__fixtures__biweekly-exdate-until.ics": (
        (date(2017, 2, 16), date(2017, 4, 10)),
        [
            "2017-02-16 15:00–24:00 540",
            "2017-02-17 00:00–01:00 60",
            "2017-02-27 15:00–24:00 540",
            "2017-02-28 00:00–01:00 60",
            "2017-03-02 15:00–24:00 540",
            "2017-03-03 00:00–01:00 60",
            "2017-03-13 14:00–24:00 600",
            "2017-03-16 14:00–24:00 600",
            "2017-03-27 15:00–24:00 540",
            "2017-03-28 00:00–01:00 60",
            "2017-03-30 15:00–24:00 540",
            "2017-03-31 00:00–01:00 60",
            "2017-04-10 15:00–24:00 540",
            "2017-04-11 00:00–01:00 60",
        ],
    ),
    "node-ical__test__fixtures__whole_day_moved_over_dst_change_berlin.ics": (
        None,
        [
            "2024-10-27 all day",
            "2024-10-29 all day",
            "2024-10-30 all day",
        ],
    ),
    "node-ical__test__fixtures__tentative-apple-calendar.ics": (
        None,
        [
            "2022-07-05 00:00–00:50 50",
            "2022-07-05 17:00–18:00 60",
            "2022-07-06 21:00–22:00 60 (Cancelled)",
            "2022-07-07 17:00–18:00 60",
        ],
    ),
    "node-ical__test__fixtures__google-calendar-kiev-tz.ics": (
        None,
        [
            "2016-08-26 12:00–13:00 60",
            "2016-08-27 12:00–13:00 60",
            "2016-08-28 12:00–13:00 60",
        ],
    ),
    "node-ical__test__fixtures__google-recurrence-order.ics": (
        None,
        [
            "2026-02-11 17:30–18:00 30",
            "2026-02-12 17:00–17:30 30",
        ],
    ),
    "node-ical__test__fixtures__recurrence-sequence.ics": (
        None,
        [
            "2024-01-01 10:00–11:00 60",
            "2024-01-02 14:00–15:00 60",
            "2024-01-03 15:00–16:00 60",
            "2024-01-04 09:00–10:00 60",
            "2024-01-04 10:00–11:00 60",
            "2024-01-04 15:00–16:00 60",
            "2024-01-05 10:00–11:00 60",
        ],
    ),
    "icaljs__samples__rdate_exdate.ics": (
        None,
        [
            "2024-06-09 04:00–04:00 0",
            "2024-06-10 04:00–04:00 0",
            "2024-06-12 04:00–04:00 0",
        ],
    ),
    "icaljs__samples__daily_recur.ics": (
        (date(2012, 10, 25), date(2012, 10, 30)),
        [
            "2012-10-25 13:00–14:00 60",
            "2012-10-26 13:00–14:00 60",
            "2012-10-27 13:00–14:00 60",
            "2012-10-28 12:00–13:00 60",
            "2012-10-29 12:00–13:00 60",
            "2012-10-30 12:00–13:00 60",
        ],
    ),
    "icalendar__src__icalendar__tests__events__event_with_recurrence_exdates_on_different_lines.ics": (  # noqa: E501
        None,
        [
            "2012-03-27 09:00–17:00 480",
            "2012-04-24 09:00–17:00 480",
            "2012-05-08 09:00–17:00 480",
            "2012-05-15 09:00–17:00 480",
            "2012-05-22 09:00–17:00 480",
            "2012-06-05 09:00–17:00 480",
            "2012-06-12 09:00–17:00 480",
            "2012-06-19 09:00–17:00 480",
        ],
    ),
    "khal__tests__ics__event_dtr_exdatez.ics": (
        None,
        [
            "2014-06-30 06:30–11:01 271",
            "2014-07-07 06:30–11:01 271",
            "2014-07-14 06:30–11:01 271",
        ],
    ),
    "ical4j__src__test__resources__samples__valid__Standup.ics": (
        (date(2009, 3, 24), date(2009, 4, 8)),
        [
            "2009-03-24 22:30–22:45 15",
            "2009-03-25 22:30–22:45 15",
            "2009-03-26 22:30–22:45 15",
            "2009-03-29 23:30–23:45 15",
            "2009-03-30 23:30–23:45 15",
            "2009-03-31 23:30–23:45 15",
            "2009-04-01 23:30–23:45 15",
            "2009-04-02 23:30–23:45 15",
            "2009-04-06 00:30–00:45 15",
            "2009-04-07 00:30–00:45 15",
            "2009-04-08 00:30–00:45 15",
        ],
    ),
    "icalendar__src__icalendar__tests__calendars__alarm_google_future.ics": (
        None,
        [
            "2024-10-04 19:15–20:00 45",
        ],
    ),
    "ical4j__src__test__resources__net__fortuna__ical4j__data__apple-iphone-os-26-structured-location.ics": (  # noqa: E501
        None,
        [
            "2026-05-22 09:30–09:40 10",
        ],
    ),
    "node-ical__test__fixtures__exchange_whole_day_moved_recurrence.ics": (
        (date(2026, 2, 19), date(2026, 3, 5)),
        [
            "2026-02-19 all day",
            "2026-02-24 all day",
            "2026-02-27 all day",
            "2026-03-03 all day",
            "2026-03-05 all day",
        ],
    ),
    "icalendar__src__icalendar__tests__calendars__alarm_thunderbird_future.ics": (
        None,
        [
            "2024-10-23 15:00–16:00 60",
        ],
    ),
    "node-ical__test__fixtures__bad_ms_tz.ics": (
        (date(2020, 10, 20), date(2020, 11, 6)),
        [
            "2020-10-20 15:35–16:50 75",
            "2020-10-22 15:35–16:50 75",
            "2020-10-27 14:35–15:50 75",
            "2020-10-29 14:35–15:50 75",
            "2020-11-03 15:35–16:50 75",
            "2020-11-05 15:35–16:50 75",
        ],
    ),
    "ical4j__src__test__resources__samples__valid__evolution2.ics": (
        None,
        [
            "2021-03-31 11:00–12:00 60",
        ],
    ),
    "khal__tests__ics__event_d_long.ics": (
        None,
        [
            "2014-04-09 all day",
            "2014-04-10 all day",
            "2014-04-11 all day",
        ],
    ),
    "khal__tests__ics__event_dt_duration.ics": (
        None,
        [
            "2014-04-09 08:30–09:30 60",
        ],
    ),
    "node-ical__test__fixtures__Office-2012-owa.ics": (
        (date(2020, 10, 28), date(2020, 11, 2)),
        [
            "2020-10-28 02:30–04:00 90",
            "2020-10-28 17:30–19:00 90",
            "2020-11-02 18:30–20:00 90",
            "2020-11-02 18:30–20:00 90",
        ],
    ),
}


def rows_text(db, name, span):
    path = CORPUS / "calendars" / name
    first, last = span or window(path)
    read = read_calendar_file(path, first, last)
    today = last + timedelta(days=1)
    rows = propose(db, read.events, read.first, read.last, today, None, attendance_for(db, read))
    found = []
    for row in rows:
        text = f"{row.date} {row.span_text}" + (f" {row.minutes}" if row.start else "")
        if row.reason.startswith(KEEP):
            text += f" ({row.reason[:30]})"
        found.append(text)
    return found


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_rows_are_the_ones_worked_out_by_hand(db, name):
    span, expected = CASES[name]
    assert rows_text(db, name, span) == expected


def test_the_subset_is_at_least_thirty_files_from_five_projects():
    assert len(CASES) >= 30 and len({n.split("__")[0] for n in CASES}) >= 5
