"""Keywords: what the event is (named first) wins over words in the address or names after it.

The subjects are a tester's: "court" in an address ("Rose Court", "Leeds Crown Court") used to
beat "HV" and "PSR" because the longest keyword won, and both were ticked as Court duty.
"""

from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.calendar.attendance import attendance_for
from core.time.calendar.preview import propose
from core.time.calendar.reader import read_calendar
from core.time.calendar.rules import list_rules, matching_rule
from tests.core.time.calendar import ics

WEEK = (date(2026, 11, 23), date(2026, 11, 27))


@pytest.mark.parametrize(
    "subject, keyword",
    [
        ("HV C08 - Mrs O Neill, Flat 3 Rose Court", "HV"),
        ("HV C08 – Mrs O'Neill, Flat 3 Rose Court", "HV"),  # Google's en dash
        ("PSR interview C07 at Leeds Crown Court", "PSR"),
        ("Home visit, 2 Court Lane", "home visit"),
        ("Court duty", "court"),
        ("Court report C07", "court report"),  # the same place: the longer phrase
        ("Travel to court for a PSR", "travel"),
        ("Meeting at Leeds Crown Court", "court"),  # nothing else named: the place still counts
        ("Supervision", None),
        ("Hvac repair", None),  # whole words only
    ],
)
def test_the_keyword_named_first_in_what_the_event_is_wins(db, subject, keyword):
    rule = matching_rule(list_rules(db), subject)
    assert (rule.keyword if rule else None) == keyword


def test_the_testers_file_proposes_home_visit_and_court_report_with_their_cases(db):
    for ref in ("C07", "C08"):
        CaseStore(db).add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
    data = ics.calendar(
        ics.event("h1", "HV C08 - Mrs O Neill, Flat 3 Rose Court", "20261124T100000Z",
                  "20261124T110000Z"),
        ics.event("h2", "PSR interview C07 at Leeds Crown Court, re C08", "20261125T140000Z",
                  "20261125T160000Z"),
        zones="",
    )
    read = read_calendar(data, *WEEK)
    rows = propose(db, read.events, *WEEK, date(2026, 11, 29), None, attendance_for(db, read))
    assert [(r.activity_name, r.case_reference, r.ticked) for r in rows] == [
        ("Home visit", "C08", True),
        ("Court report writing", "C07", True),
    ]
