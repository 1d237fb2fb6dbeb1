"""What `log list` and the CSV export read (core.time.entry_listing) is what the Time view holds:
the same entries in the same order, with the texts a listing shows for them."""

from datetime import date, time, timedelta

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from core.time.entry_listing import entry_columns
from core.time.entry_clock import clock_text
from core.time.time_entries import TimeEntry, TimeStore, format_span

MONDAY = date(2026, 11, 23)


def test_the_listing_shows_each_entry_as_the_store_holds_it(db):
    activities = {a.name: a.id for a in list_activities(db)}
    case = CaseStore(db).add_case(Case("C07", "community", "B2", date(2026, 1, 5)))
    store = TimeStore(db)
    for day, start, end, minutes, name, case_id, note in [
        (MONDAY, time(23), time(0), 60, "Recording and admin", None, "to the end of the day"),
        (MONDAY, None, None, 45, "Travel", case.id, ""),
        (MONDAY, time(0), time(0, 30), 30, "Home visit", case.id, "from midnight"),
        (MONDAY + timedelta(days=1), time(9, 5), time(9, 50), 45, "Home visit", None, "é"),
        (MONDAY - timedelta(days=1), time(10), time(11), 60, "Travel", None, ""),
    ]:
        store.log_time(TimeEntry(day, minutes, activities[name], start=start, end=end,
                                 case_id=case_id, note=note), today=date(2026, 11, 30))
    held = store.entries_between(MONDAY, MONDAY + timedelta(days=6))
    listed = entry_columns(db, MONDAY, MONDAY + timedelta(days=6))
    assert len(listed) == len(held) == 4  # the Sunday before is not in the week
    assert list(listed.id) == [e.id for e in held]
    assert list(listed.date) == [e.date.isoformat() for e in held]
    assert list(listed.start) == [None if e.start is None else clock_text(e.start)
                                  for e in held]
    assert list(listed.end) == [None if e.end is None else clock_text(e.end, end=True)
                                for e in held]
    assert listed.spans() == [format_span(e) for e in held]
    assert listed.spans()[:3] == ["00:00–00:30", "23:00–24:00", ""]
    assert list(listed.minutes) == [e.minutes for e in held]
    assert list(listed.activity) == [e.activity_name for e in held]
    assert list(listed.counted_by_wmt) == [e.counted_by_wmt for e in held]
    assert list(listed.case_reference) == ["C07", None, "C07", None]
    assert list(listed.note) == [e.note for e in held]


def test_a_period_without_entries_lists_nothing(db):
    listed = entry_columns(db, MONDAY, MONDAY)
    assert len(listed) == 0 and listed.spans() == []
