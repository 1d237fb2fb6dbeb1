"""Lines as people type them: 12-hour times, an activity that is not one of yours, and a case
reference typed without its @."""

from datetime import datetime, time

import pytest

from core.common.errors import ValidationError
from core.time.activities import list_activities
from core.time.completion import suggest
from core.time.quick_entry import UnknownActivity, parse_quick_entry, parse_time_of_day

NOW = datetime(2026, 11, 25, 16, 30)  # a Wednesday afternoon
REFS = ["C07", "C12"]


@pytest.fixture
def acts(db):
    return list_activities(db)


def parse(line, acts):
    return parse_quick_entry(line, now=NOW, activities=acts, case_refs=REFS)


@pytest.mark.parametrize("line, start, end", [
    ("yesterday 2pm-3pm home visit @C07", time(14), time(15)),
    ("2.30pm-3pm home visit", time(14, 30), time(15)),
    ("2:30 pm - 3:15 pm home visit", time(14, 30), time(15, 15)),
    ("2:30pm-3:15PM home visit", time(14, 30), time(15, 15)),
    ("11am-noon home visit", time(11), time(12)),
    ("noon-1pm home visit", time(12), time(13)),
    ("9.30am-10.15am home visit", time(9, 30), time(10, 15)),
    ("2-3pm home visit", time(14), time(15)),       # the end's pm goes with a bare start
    ("11-1pm home visit", time(11), time(13)),      # unless that would put it after the end
    ("12am-12.30am home visit", time(0), time(0, 30)),
    ("10am 45m home visit", time(10), time(10, 45)),
    ("9.15 a.m.-10 a.m. home visit", time(9, 15), time(10)),
])
def test_twelve_hour_times(acts, line, start, end):
    parsed = parse(line, acts)
    assert (parsed.start, parsed.end, parsed.activity.name) == (start, end, "Home visit")
    assert parsed.note == ""


def test_yesterday_afternoon_in_twelve_hour_time_links_its_case(acts):
    parsed = parse("yesterday 2pm-3pm home visit @C07", acts)
    assert parsed.date.isoformat() == "2026-11-24" and parsed.minutes == 60
    assert parsed.case_reference == "C07"


@pytest.mark.parametrize("text, minutes", [
    ("17:05", 1025), ("5.05pm", 1025), ("5pm", 1020), ("5 pm", 1020), ("noon", 720),
    ("12pm", 720), ("12am", 0), ("midnight", 0),
])
def test_a_time_of_day_in_any_typed_form(text, minutes):
    assert parse_time_of_day(text) == minutes


@pytest.mark.parametrize("text", ["24:00", "midnight", "12am"])
def test_as_an_end_midnight_ends_the_day(text):
    assert parse_time_of_day(text, end=True) == 1440


@pytest.mark.parametrize("text", ["13pm", "0am", "2.75pm", "half two", "25:00"])
def test_not_a_time_of_day(text):
    with pytest.raises(ValidationError, match="not a time of day"):
        parse_time_of_day(text)


def test_a_12_hour_time_later_than_now_is_refused(acts):
    with pytest.raises(ValidationError, match="later than now"):
        parse("4pm-5pm home visit", acts)


def test_completion_follows_a_12_hour_time(acts):
    assert suggest("2pm-3pm hom", acts, REFS) == ["2pm-3pm home visit "]


@pytest.mark.parametrize("line, meant", [
    ("20m emails", ["Recording and admin"]),
    ("20m phone call", ["Appointment / direct contact", "Recording and admin"]),
    ("20m travle", ["Travel"]),
])
def test_an_unknown_activity_names_the_closest(acts, line, meant):
    with pytest.raises(UnknownActivity) as refused:
        parse(line, acts)
    assert [a.name for a in refused.value.closest] == meant
    assert f"Did you mean {' or '.join(meant)}?" in refused.value.problems[0]


def test_an_unknown_activity_like_nothing_says_where_to_add_one(acts):
    with pytest.raises(UnknownActivity) as refused:
        parse("20m lunch", acts)
    assert refused.value.problems == ["'lunch' is not one of your activities. New activities "
                                      "are added in Settings, Activities."]


def test_a_bare_case_reference_links_the_case_and_leaves_the_note(acts):
    parsed = parse("45m home visit C07", acts)
    assert parsed.case_reference == "C07" and parsed.note == ""
    parsed = parse("45m home visit c12, joint with police", acts)
    assert parsed.case_reference == "C12" and parsed.note == "joint with police"


def test_a_word_shaped_like_a_reference_that_is_no_case_is_said(acts):
    """`20m home visit C99` (C99 not a case) logged silently with C99 in the note."""
    with pytest.raises(ValidationError, match="There is no case C99"):
        parse("20m home visit C99", acts)


def test_a_word_not_shaped_like_a_reference_stays_in_the_note(acts):
    parsed = parse("45m home visit C2 tier rang", acts)  # a tier, not a reference like C07
    assert parsed.case_reference is None and parsed.note == "C2 tier rang"


def test_a_start_time_alone_asks_for_the_end_or_a_length(acts):
    """`12am` and `yesterday 12am recording` were told "Start with a time or a duration"."""
    for line in ("12am", "yesterday 12am recording", "2.30pm home visit"):
        with pytest.raises(ValidationError) as refused:
            parse(line, acts)
        assert "Start with a time" not in str(refused.value)
        assert "is when it started; add when it ended or how long it took" in str(refused.value)


def test_an_activity_alone_is_offered_its_closest_names(acts):
    """`emails` and `phone call` alone got the generic message, without "Did you mean"."""
    for line in ("emails", "phone call"):
        with pytest.raises(ValidationError) as refused:
            parse(line, acts)
        message = str(refused.value)
        assert f"such as 30m {line}." in message
        assert "Did you mean" in message, message
    with pytest.raises(ValidationError, match="such as 30m home visit"):
        parse("home visit", acts)


def test_two_bare_references_ask_for_one(acts):
    with pytest.raises(ValidationError, match="C07 and C12 are both your cases"):
        parse("45m home visit C07 C12", acts)
