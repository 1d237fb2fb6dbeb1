"""The supervision agenda: notes gathered during the month, from the Overview, a case or the
Supervision view, until they are discussed at a recorded session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from core.dates import from_iso
from core.errors import ValidationError
from core.identifiers import identifier_message

AGENDA_KINDS: tuple[str, ...] = (
    "workload",  # from the gauge or the sustained-overload panel
    "case",  # a case to discuss, with a reason
    "going_well",
    "request",
    "reflection",
    "learning",
    "wellbeing",
)
CASE_REASONS: tuple[str, ...] = (
    "risk change",
    "decision needed",
    "stuck",
    "emotional impact",
    "transfer",
)
MAX_TEXT = 1000


@dataclass
class AgendaItem:
    kind: str
    text: str
    created_on: date
    case_reference: str | None = None
    reason: str | None = None
    discussed_on: date | None = None
    id: int | None = None


def add_agenda_item(
    db: Database,
    kind: str,
    text: str,
    *,
    case_reference: str | None = None,
    reason: str | None = None,
    today: date | None = None,
) -> AgendaItem:
    """Store one note for the next supervision; refuses identifier-like text."""
    text = (text or "").strip()
    problems = []
    if kind not in AGENDA_KINDS:
        problems.append("That kind of supervision note is not one the app knows.")
    if not text:
        problems.append("The note is empty.")
    elif len(text) > MAX_TEXT:
        problems.append(f"Keep a note to {MAX_TEXT} characters or fewer.")
    else:
        message = identifier_message("note", text)
        if message:
            problems.append(message)
    if kind == "case" and reason not in CASE_REASONS:
        problems.append("Choose why you want to discuss the case: " + ", ".join(CASE_REASONS) + ".")
    if problems:
        raise ValidationError(problems)
    item = AgendaItem(kind, text, today or date.today(), case_reference, reason)
    item.id = int(
        db["agenda_items"].insert(
            {
                "kind": kind,
                "text": text,
                "case_reference": case_reference,
                "reason": reason,
                "created_on": item.created_on.isoformat(),
            }
        ).last_pk
    )
    return item


def open_agenda(db: Database, kind: str | None = None) -> list[AgendaItem]:
    """Notes not yet discussed at a recorded session, oldest first."""
    sql = "SELECT * FROM agenda_items WHERE discussed_on IS NULL"
    params: list[str] = []
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    return [_item(r) for r in db.query(sql + " ORDER BY created_on, id", params)]


def mark_discussed(db: Database, item_ids: list[int], on: date) -> None:
    with db.atomic():
        for item_id in item_ids:
            db["agenda_items"].update(item_id, {"discussed_on": on.isoformat()})


def delete_agenda_item(db: Database, item_id: int) -> None:
    db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])


def _item(row: dict) -> AgendaItem:
    return AgendaItem(
        id=row["id"],
        kind=row["kind"],
        text=row["text"],
        case_reference=row["case_reference"],
        reason=row["reason"],
        created_on=date.fromisoformat(row["created_on"]),
        discussed_on=from_iso(row["discussed_on"]),
    )
