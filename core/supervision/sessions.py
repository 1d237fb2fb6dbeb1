"""Recorded supervision sessions and their agreed actions; open actions carry forward."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from core.common import clock
from core.common.dates import from_iso, to_iso
from core.common.crash_points import crash_point
from core.common.errors import ValidationError
from core.common.identifiers import identifier_message
from core.store.transactions import in_one_transaction
from core.store.rows import inserted_id
from core.store.kept_deletion import KeptRows, delete_keeping

ACTION_STATUSES: tuple[str, ...] = ("open", "done", "dropped")
ACTION_STATUS_LABELS = {"open": "Open", "done": "Done", "dropped": "Dropped"}
TEXT_MAX = 300
AGREED_MAX = 2000
WITH_MAX = 60


@dataclass
class Action:
    text: str
    owner: str = ""
    due_date: date | None = None
    status: str = "open"
    session_id: int | None = None
    created_on: date | None = None
    status_changed_on: date | None = None
    id: int | None = None


@dataclass
class Session:
    held_on: date
    with_whom: str = ""
    agreed: str = ""
    next_date: date | None = None
    id: int | None = None
    actions: list[Action] = field(default_factory=list, compare=False)


def _text_problems(label: str, text: str, limit: int) -> list[str]:
    if len(text) > limit:
        return [f"Keep the {label} to {limit} characters or fewer."]
    message = identifier_message(label, text)
    return [message] if message else []


def action_problems(action: Action) -> list[str]:
    problems = []
    if not action.text.strip():
        problems.append("An action needs a few words saying what will be done.")
    problems += _text_problems("action", action.text, TEXT_MAX)
    problems += _text_problems("owner", action.owner, WITH_MAX)
    if action.status not in ACTION_STATUSES:
        problems.append("An action is open, done or dropped.")
    return problems


def session_problems(session: Session, today: date | None = None) -> list[str]:
    problems = _text_problems("'with whom'", session.with_whom, WITH_MAX)
    problems += _text_problems("note of what was agreed", session.agreed, AGREED_MAX)
    if today and session.held_on > today:
        problems.append("A session is recorded after it has happened: choose today or earlier.")
    if session.next_date and session.next_date <= session.held_on:
        problems.append("The next supervision date should be after this session.")
    for action in session.actions:
        problems += action_problems(action)
    return problems


def _action_row(action: Action, today: date) -> dict[str, Any]:
    return {
        "text": action.text.strip(),
        "owner": action.owner.strip(),
        "due_date": to_iso(action.due_date),
        "status": action.status,
        "session_id": action.session_id,
        "created_on": to_iso(action.created_on or today),
        "status_changed_on": to_iso(action.status_changed_on),
    }


def _session(row: dict[str, Any]) -> Session:
    return Session(
        held_on=date.fromisoformat(row["held_on"]),
        with_whom=row["with_whom"] or "",
        agreed=row["agreed"] or "",
        next_date=from_iso(row["next_date"]),
        id=row["id"],
    )


def list_sessions(db: Database) -> list[Session]:
    """Every recorded session, newest first, each with the actions agreed at it."""
    sessions = [
        _session(r)
        for r in db.query("SELECT * FROM supervision_sessions ORDER BY held_on DESC, id DESC")
    ]
    actions = list_actions(db)
    for session in sessions:
        session.actions = [a for a in actions if a.session_id == session.id]
    return sessions


def last_session(db: Database, on_or_before: date | None = None) -> Session | None:
    for session in list_sessions(db):
        if on_or_before is None or session.held_on <= on_or_before:
            return session
    return None


NEXT_WEEKS = 4  # with no next date agreed yet, the next supervision is taken as in four weeks


def next_supervision(db: Database, today: date) -> date | None:
    """The next supervision as agreed at the last one (today or later), else None: the one
    date the summary, the meeting, its picker and the actions' due dates all use."""
    session = last_session(db, on_or_before=today)
    if session and session.next_date and session.next_date >= today:
        return session.next_date
    return None


def next_supervision_or_default(db: Database, today: date) -> date:
    """`next_supervision` when it is after today, or four weeks from today where none was
    agreed (a default to offer in a date field; a meeting held on the agreed day offers the
    one after)."""
    agreed = next_supervision(db, today)
    return agreed if agreed and agreed > today else today + timedelta(weeks=NEXT_WEEKS)


@in_one_transaction
def update_session(db: Database, session: Session, today: date | None = None) -> Session:
    """Correct a recorded session's date, who it was with, notes or next date.

    Its own actions and the agenda notes it marked as discussed move to the corrected date with
    it, so the summary period and "carried forward" stay right; notes gathered after a date moved
    earlier go back on the agenda, and notes gathered up to a date moved later are marked
    discussed, just as recording the session on that date would have done. Statuses and the
    actions' own wording are left alone: they are changed under Actions carried forward.
    """
    today = today or clock.today()
    problems = session_problems(Session(session.held_on, session.with_whom, session.agreed,
                                        session.next_date), today)
    if session.id is None:
        problems.append("Choose a recorded session to change.")
    if problems or session.id is None:
        raise ValidationError(problems)
    rows = list(db.query("SELECT held_on FROM supervision_sessions WHERE id = ?", [session.id]))
    if not rows:
        raise ValidationError(["That session is no longer recorded; it may have been deleted."])
    old, new = rows[0]["held_on"], session.held_on.isoformat()
    with db.atomic():
        db.table("supervision_sessions").update(session.id, {
            "held_on": new,
            "with_whom": session.with_whom.strip(),
            "agreed": session.agreed.strip(),
            "next_date": to_iso(session.next_date),
        })
        if old != new:
            db.execute("UPDATE supervision_actions SET created_on = ? "
                       "WHERE session_id = ? AND created_on = ?", [new, session.id, old])
            db.execute("UPDATE agenda_items SET discussed_on = NULL "
                       "WHERE discussed_on = ? AND created_on > ?", [old, new])
            db.execute("UPDATE agenda_items SET discussed_on = ? "
                       "WHERE (discussed_on = ? OR discussed_on IS NULL) AND created_on <= ?",
                       [new, old, new])
    session.with_whom, session.agreed = session.with_whom.strip(), session.agreed.strip()
    for action in session.actions:
        if action.created_on and action.created_on.isoformat() == old:
            action.created_on = session.held_on
    return session


@dataclass
class SessionBefore:
    """A recorded session as it was before a correction: its row, its actions' dates and the
    dates of the agenda notes a correction could mark or unmark, so Ctrl+Z puts it back exactly
    (moving the date back would not: notes marked on the way can belong to neither date)."""

    row: dict[str, Any]
    actions: list[tuple[int, Any]]
    notes: list[tuple[int, Any]]


def session_before(db: Database, session_id: int) -> SessionBefore:
    rows = list(db.query("SELECT * FROM supervision_sessions WHERE id = ?", [session_id]))
    if not rows:
        raise ValidationError(["That session is no longer recorded; it may have been deleted."])
    actions = [(r["id"], r["created_on"]) for r in db.query(
        "SELECT id, created_on FROM supervision_actions WHERE session_id = ?", [session_id])]
    notes = [(r["id"], r["discussed_on"]) for r in db.query(
        "SELECT id, discussed_on FROM agenda_items WHERE discussed_on IS NULL "
        "OR discussed_on = ?", [rows[0]["held_on"]])]
    return SessionBefore(rows[0], actions, notes)


def restore_session(db: Database, before: SessionBefore) -> None:
    """Put a corrected session back as `session_before` found it, all or nothing."""
    session_id = before.row["id"]
    if not list(db.query("SELECT id FROM supervision_sessions WHERE id = ?", [session_id])):
        raise ValidationError(["That session is no longer recorded; it may have been deleted."])
    with db.atomic():
        db.table("supervision_sessions").update(
            session_id, {k: v for k, v in before.row.items() if k != "id"})
        crash_point("restore_session.session_written")
        db.conn.executemany("UPDATE supervision_actions SET created_on = ? WHERE id = ?",
                       [(on, i) for i, on in before.actions])
        crash_point("restore_session.actions_written")
        db.conn.executemany("UPDATE agenda_items SET discussed_on = ? WHERE id = ?",
                       [(on, i) for i, on in before.notes])


def notes_discussed_at(db: Database, session_id: int) -> list[int]:
    """The agenda notes a recorded session took off the agenda: those marked discussed on its
    date, unless another session on that same date is still recorded (the notes stay with it)."""
    rows = list(db.query("SELECT held_on FROM supervision_sessions WHERE id = ?", [session_id]))
    if not rows:
        return []
    held = rows[0]["held_on"]
    others = db.execute("SELECT COUNT(*) FROM supervision_sessions WHERE held_on = ? AND id != ?",
                        [held, session_id]).fetchone()[0]
    if others:
        return []
    return [int(r["id"]) for r in db.query(
        "SELECT id FROM agenda_items WHERE discussed_on = ? ORDER BY id", [held])]


@in_one_transaction
def delete_session(db: Database, session_id: int) -> KeptRows:
    """Remove a session record: its actions stay (they may still be open), and the notes it
    marked as discussed go back on the agenda, as if it had never been recorded. What went,
    for Undo, which also links the actions to it again and marks the notes discussed again."""
    notes = notes_discussed_at(db, session_id)
    held = next(iter(db.query("SELECT held_on FROM supervision_sessions WHERE id = ?",
                              [session_id])), {}).get("held_on")
    kept = delete_keeping(db, "supervision_sessions", "id", [session_id])
    crash_point("delete_session.session_deleted")
    for note_id in notes:
        db.execute("UPDATE agenda_items SET discussed_on = NULL WHERE id = ?", [note_id])
        # Undo fills an emptied link back only while it is still empty (kept_deletion).
        kept.cleared.append(("agenda_items", "discussed_on", note_id, held))
    crash_point("delete_session.notes_reopened")
    return kept


def _action(row: dict[str, Any]) -> Action:
    return Action(
        text=row["text"],
        owner=row["owner"] or "",
        due_date=from_iso(row["due_date"]),
        status=row["status"],
        session_id=row["session_id"],
        created_on=from_iso(row["created_on"]),
        status_changed_on=from_iso(row["status_changed_on"]),
        id=row["id"],
    )


def list_actions(db: Database) -> list[Action]:
    return [
        _action(r)
        for r in db.query(
            "SELECT * FROM supervision_actions ORDER BY due_date IS NULL, due_date, id"
        )
    ]


def is_overdue(action: Action, on: date) -> bool:
    """An open action whose due date has passed by `on` (due on `on` itself is not yet overdue)."""
    return action.status == "open" and action.due_date is not None and action.due_date < on


def action_status_text(action: Action, on: date) -> str:
    """'Open', 'Done', 'Dropped', or 'Overdue' for an open action past its due date on `on`:
    in words, so the mark survives black-and-white printing and a screen reader."""
    return "Overdue" if is_overdue(action, on) else ACTION_STATUS_LABELS[action.status]


def open_actions(db: Database) -> list[Action]:
    """Actions still open, soonest due first: these carry forward into the next summary."""
    return [a for a in list_actions(db) if a.status == "open"]


def actions_for_period(db: Database, start: date, end: date) -> list[Action]:
    """Open actions agreed by `end`, plus those closed (done or dropped) within the period."""
    chosen = []
    for action in list_actions(db):
        if action.created_on and action.created_on > end:
            continue
        closed = action.status_changed_on
        if action.status == "open" or (closed and start <= closed <= end):
            chosen.append(action)
    return chosen


def add_action(db: Database, action: Action, today: date | None = None) -> Action:
    problems = action_problems(action)
    if problems:
        raise ValidationError(problems)
    today = today or clock.today()
    action.created_on = action.created_on or today
    if action.status != "open":
        action.status_changed_on = action.status_changed_on or today
    action.id = inserted_id(db.table("supervision_actions").insert(_action_row(action, today)))
    return action


@in_one_transaction
def update_action(db: Database, action: Action, today: date | None = None) -> Action:
    """Save an edited action; a change of status is dated so the summary can show it."""
    if action.id is None:
        raise ValueError("update_action needs a stored action")
    problems = action_problems(action)
    if problems:
        raise ValidationError(problems)
    today = today or clock.today()
    before = [_action(r) for r in db.query(
        "SELECT * FROM supervision_actions WHERE id = ?", [action.id])]
    if before and before[0].status != action.status:
        action.status_changed_on = today if action.status != "open" else None
    db.table("supervision_actions").update(action.id, _action_row(action, today))
    return action


def set_action_status(db: Database, action_id: int, status: str, on: date | None = None) -> None:
    if status not in ACTION_STATUSES:
        raise ValidationError("An action is open, done or dropped.")
    _set_status(db, action_id, status, on or clock.today())


def _set_status(db: Database, action_id: int, status: str, on: date) -> None:
    db.table("supervision_actions").update(
        action_id,
        {"status": status, "status_changed_on": None if status == "open" else on.isoformat()},
    )


def delete_action(db: Database, action_id: int) -> None:
    db.execute("DELETE FROM supervision_actions WHERE id = ?", [action_id])
