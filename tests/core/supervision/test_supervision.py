"""Supervision sessions: recording one closes the agenda gathered so far, and open actions carry forward."""

from datetime import date

import pytest

from core.supervision.agenda import add_agenda_item, agenda_for_period, open_agenda, reflection_parts, reflection_text
from core.common.errors import ValidationError
from core.supervision.meeting import record_session
from core.supervision.sessions import (
    Action,
    Session,
    actions_for_period,
    add_action,
    last_session,
    list_sessions,
    open_actions,
    set_action_status,
    update_action,
)

TODAY = date(2026, 11, 28)


def test_recording_a_session_marks_the_notes_gathered_so_far_as_discussed(db):
    add_agenda_item(db, "going_well", "Good joint visit", today=date(2026, 11, 1))
    add_agenda_item(db, "request", "Admin support", today=date(2026, 11, 20))
    record_session(db, Session(date(2026, 11, 10), "SPO"), today=TODAY)
    assert [i.text for i in open_agenda(db)] == ["Admin support"]
    assert last_session(db).with_whom == "SPO"


def test_open_actions_carry_forward_and_closed_ones_stay_behind(db):
    first = record_session(
        db,
        Session(date(2026, 10, 1), actions=[Action("Book parole time", "Me"), Action("Ask for admin", "SPO")]),
        today=TODAY,
    )
    done_id = first.actions[0].id
    record_session(db, Session(date(2026, 11, 1)), status_updates={done_id: "done"}, today=TODAY)
    assert [a.text for a in open_actions(db)] == ["Ask for admin"]
    # The done action still shows in the summary of the period in which it was closed.
    texts = [a.text for a in actions_for_period(db, date(2026, 10, 1), date(2026, 11, 5))]
    assert texts == ["Book parole time", "Ask for admin"]
    assert [a.text for a in actions_for_period(db, date(2026, 11, 2), TODAY)] == ["Ask for admin"]


def test_sessions_list_newest_first_with_their_actions(db):
    record_session(db, Session(date(2026, 9, 1), actions=[Action("One")]), today=TODAY)
    record_session(db, Session(date(2026, 10, 1), actions=[Action("Two")]), today=TODAY)
    sessions = list_sessions(db)
    assert [s.held_on for s in sessions] == [date(2026, 10, 1), date(2026, 9, 1)]
    assert [a.text for a in sessions[0].actions] == ["Two"]


def test_changing_an_actions_status_is_dated(db):
    action = add_action(db, Action("Check allocations"), today=date(2026, 11, 1))
    action.status = "dropped"
    update_action(db, action, today=date(2026, 11, 3))
    assert open_actions(db) == []
    set_action_status(db, action.id, "open")
    assert [a.text for a in open_actions(db)] == ["Check allocations"]


@pytest.mark.parametrize(
    "session, words",
    [
        (Session(date(2026, 12, 1)), "after it has happened"),
        (Session(date(2026, 11, 1), next_date=date(2026, 10, 1)), "next supervision"),
        (Session(date(2026, 11, 1), actions=[Action("")]), "few words"),
        (Session(date(2026, 11, 1), agreed="Discussed SW1A 1AA"), "postcode"),
    ],
)
def test_a_session_that_cannot_be_saved_says_why(db, session, words):
    with pytest.raises(ValidationError) as info:
        record_session(db, session, today=TODAY)
    assert words in " ".join(info.value.problems)
    assert list_sessions(db) == []


def test_reflection_keeps_its_four_stages():
    parts = {"Experience": "A visit", "Reflection": "I felt rushed", "Analysis": "No plan", "Action": "Plan"}
    assert reflection_parts(reflection_text(parts)) == parts


def test_agenda_for_a_period_leaves_out_notes_discussed_before_it(db):
    add_agenda_item(db, "learning", "Old course", today=date(2026, 9, 1))
    record_session(db, Session(date(2026, 10, 1)), today=TODAY)
    add_agenda_item(db, "learning", "New course", today=date(2026, 11, 1))
    assert [i.text for i in agenda_for_period(db, date(2026, 10, 1), TODAY)] == ["New course"]
