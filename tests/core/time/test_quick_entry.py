"""Quick entry: the one-line forms practitioners type, and the lines that must be refused."""

from datetime import date, datetime, time

import pytest

from core.time.activities import add_activity, list_activities
from core.common.errors import ValidationError
from core.time.completion import suggest
from core.time.quick_entry import parse_quick_entry

NOW = datetime(2026, 11, 25, 16, 30)  # a Wednesday afternoon
REFS = ["C07", "C12"]


@pytest.fixture
def acts(db):
    return list_activities(db)


def parse(line, acts, **kw):
    return parse_quick_entry(line, now=NOW, activities=acts, case_refs=REFS, **kw)


@pytest.mark.parametrize(
    "line, start, end, minutes, activity, case, note",
    [
        (
            "09:30-10:15 home visit @C07 note text",
            time(9, 30),
            time(10, 15),
            45,
            "Home visit",
            "C07",
            "note text",
        ),
        ("-20 recording @C12", time(16, 10), time(16, 30), 20, "Recording and admin", "C12", ""),
        ("45m travel", None, None, 45, "Travel", None, ""),
        ("9-10 admin", time(9), time(10), 60, "Recording and admin", None, ""),
        ("0930-1015 psr @c07", time(9, 30), time(10, 15), 45, "Court report writing", "C07", ""),
        ("9.30–10.15 assessment", time(9, 30), time(10, 15), 45, "Assessment", None, ""),
        ("10:00 45m mappa", time(10), time(10, 45), 45, "MAPPA or multi-agency meeting", None, ""),
        ("1h30 training", None, None, 90, "Training", None, ""),
        ("1.5h court duty", None, None, 90, "Court duty", None, ""),
        ("90 min covering for a colleague", None, None, 90, "Covering for a colleague", None, ""),
        ("14:00-now duty", time(14), time(16, 30), 150, "Duty / reception", None, ""),
        (
            "-1h parole @C12 dossier",
            time(15, 30),
            time(16, 30),
            60,
            "Parole or recall work",
            "C12",
            "dossier",
        ),
        ("45m travel @C07 rural visit", None, None, 45, "Travel", "C07", "rural visit"),
    ],
)
def test_line_forms(acts, line, start, end, minutes, activity, case, note):
    parsed = parse(line, acts)
    assert (parsed.start, parsed.end, parsed.minutes) == (start, end, minutes)
    assert parsed.activity.name == activity
    assert parsed.case_reference == case
    assert parsed.note == note
    assert parsed.date == NOW.date()


def test_day_words_and_dates(acts):
    assert parse("yesterday 9:00-17:00 court duty", acts).date == date(2026, 11, 24)
    assert parse("mon 1h admin", acts).date == date(2026, 11, 23)
    assert parse("2026-11-20 1h admin", acts).date == date(2026, 11, 20)
    assert parse("1h admin", acts, day=date(2026, 11, 2)).date == date(2026, 11, 2)


def test_users_own_activity_is_recognised(db):
    add_activity(db, "Induction")
    assert parse("30m induction", list_activities(db)).activity.name == "Induction"


@pytest.mark.parametrize(
    "line, says",
    [
        ("", "Type what you did"),
        ("home visit", "Start with a time"),
        ("25:00-26:00 travel", "not a time of day"),
        ("10:75-11:00 travel", "not a time of day"),
        ("10:15-09:30 travel", "not after the start"),
        ("45m court", "could be Court report writing or Court duty"),
        ("45m gardening", "not one of your activities"),
        ("45m travel @C99", "no case C99"),
        ("45m travel @C07 @C12", "one case"),
        ("17:00-18:00 travel", "later than now"),
        ("0m travel", "no time at all"),
        ("-1000 admin", "past midnight"),
        ("45m", "Say what the time was for"),
        ("25h travel", "at most 24 hours"),
    ],
)
def test_bad_lines_are_refused_with_a_clear_message(acts, line, says):
    with pytest.raises(ValidationError) as caught:
        parse(line, acts)
    assert says in str(caught.value)


def test_hidden_activity_is_not_offered(db):
    from core.time.activities import update_activity

    travel = next(a for a in list_activities(db) if a.name == "Travel")
    update_activity(db, travel.id, hidden=True)
    with pytest.raises(ValidationError):
        parse("45m travel", list_activities(db))


def test_suggestions_complete_activities_and_cases(acts):
    assert suggest("09:30-10:15 ho", acts, REFS) == ["09:30-10:15 home visit "]
    assert "45m travel " in suggest("45m tr", acts, REFS)
    assert "45m recording and admin " in suggest("45m adm", acts, REFS)
    assert suggest("45m travel @C", acts, REFS) == ["45m travel @C07 ", "45m travel @C12 "]
    assert suggest("45m travel ", acts, REFS) == []
