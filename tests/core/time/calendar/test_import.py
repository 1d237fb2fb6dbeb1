"""Proposing and importing: keyword rules, last time's activity, cases from subjects, the skips,
overlaps named, all or nothing, one undo step, and the same file twice adding nothing."""

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from core.time.calendar.attendance import attendance_for
from core.time.calendar.importer import import_rows, redo_import, undo_import
from core.time.calendar.preview import propose, with_activity, with_tick
from core.time.calendar.reader import read_calendar
from core.time.calendar.rules import list_rules, matching_rule, save_rule
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.common.errors import ValidationError
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import leave_between
from tests.core.time.calendar import ics

TODAY = date(2026, 11, 27)
WEEK = (date(2026, 11, 16), date(2026, 11, 20))


@pytest.fixture
def cases(db):
    store = CaseStore(db)
    for ref in ("C07", "C12", "C03", "C21"):
        store.add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
    return db


def activity(db, key):
    return next(a for a in list_activities(db) if a.key == key)


def rows_for(db, data, first=None, last=TODAY):
    read = read_calendar(data, first, last)
    return propose(db, read.events, read.first, read.last, TODAY, None, attendance_for(db, read))


def by_subject(rows):
    return {r.subject: r for r in rows}


def test_the_week_is_proposed_with_activities_cases_and_reasons(cases):
    rows = by_subject(rows_for(cases, ics.realistic_week(), *WEEK))
    visit = rows["Home visit C07 – 14 Acacia Avenue"]
    assert (visit.date, visit.start, visit.end, visit.minutes) == (
        date(2026, 11, 16),
        time(9, 30),
        time(10, 30),
        60,
    )
    assert (visit.activity_name, visit.activity_source, visit.case_reference, visit.ticked) == (
        "Home visit",
        "keyword “home visit”",
        "C07",
        True,
    )
    assert rows["MAPPA level 2 – C12"].activity_name == "MAPPA or multi-agency meeting"
    assert rows["Court duty"].activity_name == "Court duty"
    assert {s: (r.ticked, r.reason) for s, r in rows.items() if not r.ticked} == {
        "Three-way with Juniper House": (False, "Choose an activity"),
        "Lunch": (False, "Shown as free"),
        "Safeguarding training": (False, "All day: training day?"),
        "Interagency panel": (False, "Declined"),
        "Team meeting": (False, "Choose an activity"),
        "Five-a-side": (False, "Outside your working day"),
    }
    assert rows["Safeguarding training"].leave_kind == "training day"
    assert rows["Five-a-side"].greyed and rows["Lunch"].greyed


def test_import_saves_the_ticked_rows_and_the_same_file_again_adds_nothing(cases):
    rows = rows_for(cases, ics.realistic_week(), *WEEK)
    result = import_rows(cases, rows, TODAY)
    assert (result.count, result.minutes) == (6, 570)
    saved = TimeStore(cases).entries_between(*WEEK)
    assert [(e.start, e.activity_name, e.case_reference, e.note) for e in saved][:2] == [
        (time(9, 30), "Home visit", "C07", ""),
        (time(10, 30), "Travel", None, ""),
    ]
    again = rows_for(cases, ics.realistic_week(), *WEEK)
    assert not any(r.ticked for r in again)
    assert sum(r.reason == "Already imported" and not r.can_import for r in again) == 6
    with pytest.raises(ValidationError, match="nothing to import"):
        import_rows(cases, again, TODAY)
    assert len(TimeStore(cases).entries_between(*WEEK)) == 6


def test_undo_takes_the_whole_import_out_and_it_can_be_imported_again(cases):
    rows = rows_for(cases, ics.realistic_week(), *WEEK)
    rows = [with_tick(r, True) if r.subject == "Safeguarding training" else r for r in rows]
    result = import_rows(cases, rows, TODAY)
    assert leave_between(cases, *WEEK)[date(2026, 11, 19)].kind == "training day"
    undo_import(cases, result)
    assert TimeStore(cases).entries_between(*WEEK) == [] and leave_between(cases, *WEEK) == {}
    assert sum(r.ticked for r in rows_for(cases, ics.realistic_week(), *WEEK)) == 6
    redo_import(cases, result)
    assert len(TimeStore(cases).entries_between(*WEEK)) == 6
    assert not any(r.ticked for r in rows_for(cases, ics.realistic_week(), *WEEK))


def test_an_unmatched_subject_gets_the_activity_chosen_for_it_last_time(cases):
    other = activity(cases, "other")
    rows = [
        with_activity(cases, r, other.id) if r.reason == "Choose an activity" else r
        for r in rows_for(cases, ics.weekly_across_october_change())
    ]
    assert all(r.ticked for r in rows)
    import_rows(cases, rows, TODAY)
    team = by_subject(rows_for(cases, ics.realistic_week(), *WEEK))["Team meeting"]
    assert (team.activity_name, team.activity_source, team.ticked) == (
        "Other",
        "as last time",
        True,
    )
    assert (
        by_subject(rows_for(cases, ics.realistic_week(), *WEEK))[
            "Three-way with Juniper House"
        ].activity_id
        is None
    )


def test_keyword_rules_are_the_practitioners_own_and_the_longest_match_wins(db):
    visit = activity(db, "home_visit")
    save_rule(db, "joint visit", visit.id)
    assert matching_rule(list_rules(db), "Joint visit with police").keyword == "joint visit"
    assert matching_rule(list_rules(db), "Court report writing").keyword == "court report"
    assert matching_rule(list_rules(db), "Courtyard repairs") is None
    for bad, why in (
        ("", "Give a word"),
        ("HOME VISIT", "already a rule"),
        ("SW1A 1AA", "postcode"),
    ):
        with pytest.raises(ValidationError, match=why):
            save_rule(db, bad, visit.id)


def test_an_overlap_with_time_already_logged_is_named_and_left_unticked(cases):
    travel = activity(cases, "travel")
    TimeStore(cases).log_time(
        TimeEntry(date(2026, 11, 17), 60, travel.id, time(12, 30), time(13, 30)), today=TODAY
    )
    court = by_subject(rows_for(cases, ics.realistic_week(), *WEEK))["Court duty"]
    assert (court.ticked, court.reason) == (False, "Overlaps 12:30–13:30 Travel already logged")


def test_one_row_that_cannot_be_saved_means_nothing_is_saved(cases):
    rows = rows_for(cases, ics.realistic_week(), *WEEK)
    c21 = next(c for c in CaseStore(cases).list_cases() if c.reference == "C21")
    CaseStore(cases).close_case(c21.id, date(2026, 11, 1), "completed")  # after the preview
    with pytest.raises(ValidationError, match="Wed 18 Nov 14:00–16:00: C21 closed"):
        import_rows(cases, rows, TODAY)
    assert TimeStore(cases).entries_between(*WEEK) == []


def test_a_ticked_row_without_an_activity_is_refused(cases):
    rows = [
        replace(r, ticked=True) if r.subject == "Team meeting" else r
        for r in rows_for(cases, ics.realistic_week(), *WEEK)
    ]
    with pytest.raises(ValidationError, match="Choose an activity for Fri 20 Nov 14:00–15:00"):
        import_rows(cases, rows, TODAY)


def test_events_not_over_yet_cannot_be_ticked(cases):
    read = read_calendar(ics.realistic_week(), *WEEK)
    rows = propose(cases, read.events, *WEEK, today=date(2026, 11, 17))
    later = [r for r in rows if r.date > date(2026, 11, 17)]
    assert later and all(not r.can_import and not with_tick(r, True).ticked for r in later)


@pytest.fixture
def london(monkeypatch):
    """The computer's clock in London, as the time store reads lengths in local time."""
    import time as time_module

    monkeypatch.setenv("TZ", "Europe/London")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.mark.parametrize(
    "day, start, end, minutes",
    [("20261025", "003000", "030000", 210), ("20260329", "003000", "030000", 90)],
)
def test_an_event_across_a_clock_change_is_imported_with_its_real_length(
    db, london, day, start, end, minutes
):
    data = ics.calendar(ics.event("n", "Court duty", f"{day}T{start}", f"{day}T{end}"))
    first = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    (row,) = rows_for(db, data, first, first)
    assert (row.span_text, row.minutes, row.can_import) == ("00:30–03:00", minutes, True)
    (saved,) = import_rows(db, [with_tick(row, True)], TODAY).change.added
    assert (saved.start, saved.end, saved.minutes) == (time(0, 30), time(3, 0), minutes)


def test_an_event_past_midnight_is_split_there_with_each_parts_real_length(db):
    data = ics.calendar(ics.event("m", "Court duty", "20261124T230000", "20261125T003000"))
    rows = rows_for(db, data, date(2026, 11, 24), date(2026, 11, 24))
    assert [(r.date, r.span_text, r.minutes, r.can_import) for r in rows] == [
        (date(2026, 11, 24), "23:00–24:00", 60, True),
        (date(2026, 11, 25), "00:00–00:30", 30, True),
    ]
    result = import_rows(db, [with_tick(r, True) for r in rows], TODAY)
    assert sorted(e.minutes for e in result.change.added) == [30, 60]
    again = rows_for(db, data, date(2026, 11, 24), date(2026, 11, 24))
    assert [r.reason for r in again] == ["Already imported", "Already imported"]


def test_an_event_over_more_than_a_day_and_one_ending_before_it_starts_are_refused_per_row(db):
    data = ics.calendar(
        ics.event("long", "Court duty", "20261123T090000", "20261125T170000"),
        ics.event("back", "Court duty", "20261124T100000Z", "20261124T090000Z"),
        ics.event("fine", "Court duty", "20261126T100000Z", "20261126T110000Z"),
    )
    rows = {r.event.uid: r for r in rows_for(db, data, date(2026, 11, 23), date(2026, 11, 27))}
    assert (rows["long"].can_import, rows["long"].reason) == (
        False, "Lasts more than a day: log it by hand")
    assert (rows["back"].ticked, rows["back"].can_import, rows["back"].reason) == (
        False, False, "Its end is before its start in your calendar: log it by hand")
    assert rows["fine"].ticked


def test_an_event_later_today_waits_until_it_has_happened(cases):
    read = read_calendar(ics.realistic_week(), *WEEK)
    rows = propose(cases, read.events, *WEEK, now=datetime(2026, 11, 16, 12, 0))
    by_start = {r.start: r for r in rows if r.date == WEEK[0]}
    assert by_start[time(10, 30)].ticked
    assert (by_start[time(14, 0)].can_import, by_start[time(14, 0)].reason) == (
        False, "Not over yet: import it once it has happened")
