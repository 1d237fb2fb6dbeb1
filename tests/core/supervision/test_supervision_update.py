"""Correcting a recorded supervision session: validated, saved at once, other sessions untouched."""

from dataclasses import replace
from datetime import date

import pytest

from core.supervision.agenda import add_agenda_item, agenda_for_period, open_agenda
from core.common.errors import ValidationError
from core.supervision.meeting import record_session
from core.supervision.sessions import (
    Action,
    Session,
    actions_for_period,
    delete_session,
    last_session,
    list_sessions,
    update_session,
)

TODAY = date(2026, 11, 28)


@pytest.fixture
def two_sessions(db):
    older = record_session(db, Session(date(2026, 9, 30), "SPO", "Keep the protected admin morning"),
                           today=TODAY)
    newer = record_session(db, Session(date(2026, 10, 28), "SPO", "Pause allocations",
                                       date(2026, 11, 25), actions=[Action("Ask for admin")]),
                           today=TODAY)
    return older, newer


def test_a_corrected_date_and_notes_are_what_is_read_back(db, two_sessions):
    _, newer = two_sessions
    fixed = replace(list_sessions(db)[0], held_on=date(2026, 11, 27), agreed="  Pause allocations for two weeks ",
                    next_date=date(2026, 12, 22))
    update_session(db, fixed, today=TODAY)
    stored = last_session(db)
    assert stored.id == newer.id
    assert (stored.held_on, stored.agreed, stored.next_date) == (
        date(2026, 11, 27), "Pause allocations for two weeks", date(2026, 12, 22))


def test_other_sessions_are_left_as_they_were(db, two_sessions):
    older, _ = two_sessions
    before = [s for s in list_sessions(db) if s.id == older.id]
    update_session(db, replace(list_sessions(db)[0], agreed="Changed"), today=TODAY)
    assert [s for s in list_sessions(db) if s.id == older.id] == before
    assert len(list_sessions(db)) == 2


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"agreed": "Discussed X123456 at length"}, "case record number"),
        ({"with_whom": "A" * 61}, "60 characters"),
        ({"held_on": date(2026, 12, 5)}, "today or earlier"),
        ({"next_date": date(2026, 10, 1)}, "after this session"),
    ],
)
def test_a_correction_that_cannot_be_saved_says_why_and_changes_nothing(db, two_sessions, change, words):
    before = list_sessions(db)
    with pytest.raises(ValidationError) as caught:
        update_session(db, replace(before[0], **change), today=TODAY)
    assert words in " ".join(caught.value.problems)
    assert list_sessions(db) == before


def test_a_deleted_session_cannot_be_corrected(db, two_sessions):
    _, newer = two_sessions
    delete_session(db, newer.id)
    with pytest.raises(ValidationError, match="no longer recorded"):
        update_session(db, replace(newer, agreed="Late change"), today=TODAY)
    assert [s.held_on for s in list_sessions(db)] == [date(2026, 9, 30)]


def test_moving_the_date_later_takes_its_actions_and_the_notes_gathered_since(db):
    add_agenda_item(db, "request", "Admin support", today=date(2026, 11, 20))
    wrong = record_session(db, Session(date(2026, 10, 28), actions=[Action("Ask for admin")]), today=TODAY)
    assert [i.text for i in open_agenda(db)] == ["Admin support"]
    update_session(db, replace(wrong, held_on=date(2026, 11, 27)), today=TODAY)
    # The note was on the agenda by the real date, so recording it then would have closed it.
    assert open_agenda(db) == []
    # The action was agreed on the real date: it is not part of the period before it.
    assert actions_for_period(db, date(2026, 10, 1), date(2026, 11, 1)) == []
    assert list_sessions(db)[0].actions[0].created_on == date(2026, 11, 27)


def test_moving_the_date_earlier_puts_later_notes_back_on_the_agenda(db):
    add_agenda_item(db, "going_well", "Good joint visit", today=date(2026, 10, 20))
    add_agenda_item(db, "request", "Admin support", today=date(2026, 11, 20))
    wrong = record_session(db, Session(date(2026, 11, 27)), today=TODAY)
    update_session(db, replace(wrong, held_on=date(2026, 10, 28)), today=TODAY)
    assert [i.text for i in open_agenda(db)] == ["Admin support"]
    period = agenda_for_period(db, date(2026, 10, 29), TODAY)
    assert [i.text for i in period] == ["Admin support"]


def test_deleting_a_session_puts_the_notes_it_closed_back_on_the_agenda_and_undo_closes_them(db):
    from core.store.kept_deletion import restore_kept

    add_agenda_item(db, "going_well", "Good joint visit", today=date(2026, 9, 20))
    older = record_session(db, Session(date(2026, 9, 30)), today=TODAY)
    for text in ("Admin support", "Pause allocations"):
        add_agenda_item(db, "request", text, today=date(2026, 11, 20))
    wrong = record_session(db, Session(TODAY), today=TODAY)  # one Return too many
    assert open_agenda(db) == []
    kept = delete_session(db, wrong.id)
    # Back for the next summary; the note the earlier session closed stays discussed.
    assert [i.text for i in open_agenda(db)] == ["Admin support", "Pause allocations"]
    assert [s.id for s in list_sessions(db)] == [older.id]
    restore_kept(db, kept)
    assert open_agenda(db) == [] and len(list_sessions(db)) == 2


def test_deleting_one_of_two_sessions_on_the_same_day_leaves_the_notes_with_the_other(db):
    add_agenda_item(db, "request", "Admin support", today=date(2026, 11, 20))
    kept_one = record_session(db, Session(TODAY, "SPO", "Pause allocations"), today=TODAY)
    twice = record_session(db, Session(TODAY), today=TODAY)
    delete_session(db, twice.id)
    assert open_agenda(db) == [] and [s.id for s in list_sessions(db)] == [kept_one.id]
