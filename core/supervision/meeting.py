"""A supervision meeting's outcome, recorded as one transaction and taken back as one.

The meeting view gathers what happened in the room (the agenda notes ticked as discussed, the
actions agreed, carried-forward actions marked done or dropped); ending the meeting stores it all
at once with `record_meeting`, and Undo calls `undo_meeting` with the record it returned.
Only the notes ticked as discussed leave the agenda: a note the meeting did not reach stays for
next time. A session recorded afterwards (Supervision > Record a session…, `record_session`) is
the same step with every note gathered up to its date counted as discussed, so it is taken back
(Ctrl+Z) the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlite_utils import Database

from core.common import clock
from core.common.dates import to_iso
from core.common.crash_points import crash_point
from core.common.errors import ValidationError
from core.store.rows import inserted_id
from core.supervision.sessions import (
    ACTION_STATUSES,
    Action,
    Session,
    action_problems,
    session_problems,
)


@dataclass
class MeetingOutcome:
    """What a meeting agreed. `discussed`: agenda note ids; `status_updates`: action id ->
    "done" or "dropped" (or "open" to reopen); `new_actions`: agreed in the meeting."""

    held_on: date
    discussed: list[int] = field(default_factory=list)
    new_actions: list[Action] = field(default_factory=list)
    status_updates: dict[int, str] = field(default_factory=dict)
    with_whom: str = ""
    agreed: str = ""
    next_date: date | None = None
    # A session recorded after the fact: every note still open and gathered on or before this
    # date is discussed too (found in the same transaction as the write).
    discussed_through: date | None = None


@dataclass
class MeetingRecord:
    """What `record_meeting` changed, so that `undo_meeting` can put every row back."""

    outcome: MeetingOutcome
    session_id: int
    action_ids: list[int]
    discussed: list[int]  # the notes this meeting took off the agenda (those still open then)
    previous: dict[int, tuple[str, str | None]]  # action id -> (status, status_changed_on ISO)


def outcome_problems(outcome: MeetingOutcome, today: date | None = None) -> list[str]:
    """Why the outcome cannot be recorded as it is (the session's and each action's checks)."""
    session = Session(outcome.held_on, outcome.with_whom, outcome.agreed, outcome.next_date,
                      actions=list(outcome.new_actions))
    problems = session_problems(session, today)
    if any(s not in ACTION_STATUSES for s in outcome.status_updates.values()):
        problems.append("An action is open, done or dropped.")
    return problems


def record_meeting(db: Database, outcome: MeetingOutcome,
                   today: date | None = None) -> MeetingRecord:
    """Store the session, its new actions, the status changes and the discussed notes in one
    transaction; raises ValidationError (and writes nothing) when the outcome is not valid."""
    problems = outcome_problems(outcome, today or clock.today())
    if problems:
        raise ValidationError(problems)
    held = outcome.held_on.isoformat()
    with db.atomic():
        session_id = inserted_id(db.table("supervision_sessions").insert({
            "held_on": held,
            "with_whom": outcome.with_whom.strip(),
            "agreed": outcome.agreed.strip(),
            "next_date": to_iso(outcome.next_date),
        }))
        action_ids = []
        for action in outcome.new_actions:
            action_ids.append(inserted_id(db.table("supervision_actions").insert({
                "text": action.text.strip(),
                "owner": action.owner.strip(),
                "due_date": to_iso(action.due_date),
                "status": "open",
                "session_id": session_id,
                "created_on": held,
                "status_changed_on": None,
            })))
        previous: dict[int, tuple[str, str | None]] = {}
        for action_id, status in outcome.status_updates.items():
            rows = list(db.query("SELECT status, status_changed_on FROM supervision_actions "
                                 "WHERE id = ?", [action_id]))
            if not rows:
                continue  # deleted since the meeting opened: nothing to mark
            previous[action_id] = (rows[0]["status"], rows[0]["status_changed_on"])
            db.table("supervision_actions").update(action_id, {
                "status": status, "status_changed_on": None if status == "open" else held})
        discussed = [
            int(r["id"]) for r in db.query(
                "SELECT id FROM agenda_items WHERE discussed_on IS NULL AND id IN "
                f"({','.join('?' * len(outcome.discussed))})", list(outcome.discussed))
        ] if outcome.discussed else []
        if outcome.discussed_through is not None:
            discussed += [int(r["id"]) for r in db.query(
                "SELECT id FROM agenda_items WHERE discussed_on IS NULL AND created_on <= ? "
                "ORDER BY id", [outcome.discussed_through.isoformat()])
                if int(r["id"]) not in discussed]
        crash_point("record_meeting.session_written")
        for item_id in discussed:
            db.table("agenda_items").update(item_id, {"discussed_on": held})
        crash_point("record_meeting.notes_marked")
    return MeetingRecord(outcome, session_id, action_ids, discussed, previous)


def session_outcome(session: Session, status_updates: dict[int, str] | None = None) -> MeetingOutcome:
    """A session recorded after it was held: its new actions and status changes, and every note
    gathered up to its date counted as discussed."""
    return MeetingOutcome(session.held_on, [], list(session.actions), dict(status_updates or {}),
                          with_whom=session.with_whom, agreed=session.agreed,
                          next_date=session.next_date, discussed_through=session.held_on)


def record_session(db: Database, session: Session, *, status_updates: dict[int, str] | None = None,
                   today: date | None = None) -> Session:
    """Store a session and its new actions, update carried-forward actions' statuses, and mark
    every open agenda note gathered up to the session's date as discussed; `session` and its
    actions get their ids. The window records through `record_meeting(session_outcome(…))`
    instead, to keep the record that Undo takes back."""
    record = record_meeting(db, session_outcome(session, status_updates), today)
    session.id = record.session_id
    for action, action_id in zip(session.actions, record.action_ids):
        action.id, action.session_id, action.created_on = action_id, record.session_id, session.held_on
    return session


def undo_meeting(db: Database, record: MeetingRecord) -> None:
    """Take a recorded meeting back in one transaction: the session and the actions it agreed
    go, carried-forward actions get their earlier status, and its notes return to the agenda."""
    held = record.outcome.held_on.isoformat()
    with db.atomic():
        for action_id in record.action_ids:
            db.execute("DELETE FROM supervision_actions WHERE id = ?", [action_id])
        db.execute("DELETE FROM supervision_sessions WHERE id = ?", [record.session_id])
        for action_id, (status, changed) in record.previous.items():
            db.execute("UPDATE supervision_actions SET status = ?, status_changed_on = ? "
                       "WHERE id = ?", [status, changed, action_id])
        for item_id in record.discussed:
            db.execute("UPDATE agenda_items SET discussed_on = NULL "
                       "WHERE id = ? AND discussed_on = ?", [item_id, held])


def redo_meeting(db: Database, record: MeetingRecord) -> MeetingRecord:
    """Record the same outcome again after an undo (new row ids; the record returned holds them)."""
    outcome = replace(record.outcome,
                      new_actions=[replace(a, id=None) for a in record.outcome.new_actions])
    return record_meeting(db, outcome, today=record.outcome.held_on)



@dataclass
class MeetingDraft:
    """The meeting as it goes, before it is recorded: nothing is stored until it ends."""

    discussed: set[int] = field(default_factory=set)  # agenda note ids ticked
    new_actions: list[Action] = field(default_factory=list)
    status_updates: dict[int, str] = field(default_factory=dict)  # action id -> done/dropped
    next_date: date | None = None  # the next supervision, when agreed in the meeting

    def toggle_discussed(self, item_id: int, on: bool) -> None:
        (self.discussed.add if on else self.discussed.discard)(item_id)

    def set_status(self, action_id: int, status: str | None) -> None:
        """Mark a carried-forward action "done" or "dropped"; None leaves it open."""
        if status is None:
            self.status_updates.pop(action_id, None)
        else:
            self.status_updates[action_id] = status

    def add_action(self, action: Action) -> None:
        """Keep an agreed action; raises ValidationError with the reasons it cannot be kept."""
        problems = action_problems(action)
        if problems:
            raise ValidationError(problems)
        self.new_actions.append(action)

    def is_empty(self) -> bool:
        return not (self.discussed or self.new_actions or self.status_updates)

    def outcome(self, held_on: date, with_whom: str = "") -> MeetingOutcome:
        return MeetingOutcome(held_on, sorted(self.discussed), list(self.new_actions),
                              dict(self.status_updates), with_whom=with_whom,
                              next_date=self.next_date)
