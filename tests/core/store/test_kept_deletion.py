"""A deletion the window can take back: the rows come back exactly, with their own keys, with
what the schema deleted or emptied with them; refused, all or none, when their place is taken."""

from __future__ import annotations

from datetime import date

import pytest

from core.common.errors import ValidationError
from core.store.kept_deletion import restore_kept
from core.supervision.agenda import add_agenda_item, delete_agenda_item, open_agenda
from core.supervision.meeting import record_session
from core.supervision.sessions import Action, Session, delete_session, list_actions, \
    list_sessions
from core.time.activities import add_activity, delete_activity, list_activities
from core.time.calendar.rules import delete_rule, list_rules, save_rule
from core.time.working_week import LeaveDay, add_leave, leave_between, remove_leave

DAY = date(2026, 11, 18)


def _all(db, table):
    return list(db.query(f'SELECT * FROM "{table}" ORDER BY rowid'))


def test_a_session_comes_back_and_its_actions_point_at_it_again(db):
    record_session(db, Session(DAY, "SPO", "Two reports", actions=[Action("Book time", "me")]),
                   today=DAY)
    sessions, actions = _all(db, "supervision_sessions"), _all(db, "supervision_actions")
    kept = delete_session(db, list_sessions(db)[0].id)
    assert list_sessions(db) == [] and list_actions(db)[0].session_id is None  # actions stay
    restore_kept(db, kept)
    assert _all(db, "supervision_sessions") == sessions
    assert _all(db, "supervision_actions") == actions


def test_an_activity_comes_back_with_its_calendar_keywords(db):
    activity = add_activity(db, "Pre-sentence interviews")
    save_rule(db, "psr interview", activity.id)
    before = (_all(db, "activities"), _all(db, "calendar_rules"))
    kept = delete_activity(db, activity.id)
    assert activity.name not in [a.name for a in list_activities(db)]
    assert "psr interview" not in [r.keyword for r in list_rules(db)]  # deleted with it
    restore_kept(db, kept)
    assert (_all(db, "activities"), _all(db, "calendar_rules")) == before


def test_a_note_and_a_keyword_come_back_as_they_were(db):
    add_agenda_item(db, "learning", "ARMS training")
    notes = _all(db, "agenda_items")
    kept = delete_agenda_item(db, open_agenda(db)[0].id)
    assert open_agenda(db) == []
    restore_kept(db, kept)
    assert _all(db, "agenda_items") == notes
    rule = list_rules(db)[0]
    rules = _all(db, "calendar_rules")
    restore_kept(db, delete_rule(db, rule.id))
    assert _all(db, "calendar_rules") == rules


def test_a_leave_day_added_again_since_is_not_overwritten(db):
    add_leave(db, LeaveDay(DAY, "annual leave"))
    kept = remove_leave(db, DAY)
    add_leave(db, LeaveDay(DAY, "sickness", 3.5))
    with pytest.raises(ValidationError, match="cannot be brought back"):
        restore_kept(db, kept, "the leave day")
    assert leave_between(db, DAY, DAY)[DAY].kind == "sickness"  # what is there now stays
