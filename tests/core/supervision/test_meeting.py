"""Recording a meeting's outcome as one transaction, and taking it back as one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.common.errors import ValidationError
from tests.demo_copy import demo_into
from core.supervision.agenda import open_agenda
from core.supervision.meeting import MeetingDraft, record_meeting, redo_meeting, undo_meeting
from core.supervision.sessions import Action, list_actions, list_sessions, open_actions

TODAY = date(2026, 11, 30)


def _snapshot(db):
    return ([(s.id, s.held_on) for s in list_sessions(db)],
            [(a.id, a.status, a.status_changed_on) for a in list_actions(db)],
            [i.id for i in open_agenda(db)])


def _draft(db):
    draft = MeetingDraft()
    items = open_agenda(db)
    draft.toggle_discussed(items[0].id, True)
    draft.toggle_discussed(items[1].id, True)
    draft.add_action(Action("Ask for a joint visit", "SPO", TODAY + timedelta(days=14)))
    draft.set_status(open_actions(db)[0].id, "done")
    return draft, items


def test_only_ticked_notes_leave_the_agenda_and_undo_puts_everything_back(db):
    demo_into(db, TODAY)
    before = _snapshot(db)
    draft, items = _draft(db)
    done_id = next(iter(draft.status_updates))
    record = record_meeting(db, draft.outcome(TODAY, "SPO"), today=TODAY)

    left = [i.id for i in open_agenda(db)]
    assert items[0].id not in left and items[1].id not in left
    assert left == [i.id for i in items[2:]]  # notes the meeting did not reach stay
    assert list_sessions(db)[0].held_on == TODAY
    assert [a.text for a in list_sessions(db)[0].actions] == ["Ask for a joint visit"]
    assert done_id not in [a.id for a in open_actions(db)]

    undo_meeting(db, record)
    assert _snapshot(db) == before
    again = redo_meeting(db, record)
    assert [i.id for i in open_agenda(db)] == left
    undo_meeting(db, again)
    assert _snapshot(db) == before


def test_a_bad_action_is_refused_and_nothing_is_written(db):
    demo_into(db, TODAY)
    before = _snapshot(db)
    draft = MeetingDraft()
    with pytest.raises(ValidationError):
        draft.add_action(Action("   "))
    outcome = draft.outcome(TODAY)
    outcome.new_actions.append(Action("Write to X123456 about it"))
    with pytest.raises(ValidationError):
        record_meeting(db, outcome, today=TODAY)
    assert _snapshot(db) == before


def test_a_session_recorded_afterwards_is_taken_back_the_same_way(db):
    from core.supervision.meeting import session_outcome
    from core.supervision.sessions import Session

    demo_into(db, TODAY)
    before = _snapshot(db)
    gathered = len(open_agenda(db))
    carried = open_actions(db)[0].id
    record = record_meeting(db, session_outcome(Session(TODAY), {carried: "done"}), today=TODAY)
    assert open_agenda(db) == [] and len(record.discussed) == gathered > 0
    undo_meeting(db, record)
    assert _snapshot(db) == before
    redo_meeting(db, record)
    assert open_agenda(db) == [] and carried not in [a.id for a in open_actions(db)]
