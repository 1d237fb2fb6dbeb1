"""The supervision agenda: notes gathered during the month, from the Overview, a case or the
Supervision view, until they are discussed at a recorded session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from core.common import clock
from core.common.dates import from_iso
from core.common.errors import ValidationError
from core.common.identifiers import identifier_message
from core.store.transactions import in_one_transaction
from core.store.rows import inserted_id
from core.store.kept_deletion import KeptRows, delete_keeping

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


def agenda_problems(kind: str, text: str, reason: str | None) -> list[str]:
    """Why a note cannot be kept as it is (empty, too long, identifier-like, case without reason)."""
    problems: list[str] = []
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
    return problems


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
    problems = agenda_problems(kind, text, reason)
    if problems:
        raise ValidationError(problems)
    item = AgendaItem(kind, text, today or clock.today(), case_reference, reason)
    item.id = inserted_id(
        db.table("agenda_items").insert(
            {
                "kind": kind,
                "text": text,
                "case_reference": case_reference,
                "reason": reason,
                "created_on": item.created_on.isoformat(),
            }
        )
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


def open_note_like(db: Database, kind: str, text: str,
                   case_reference: str | None = None) -> AgendaItem | None:
    """The note of this kind, text and case still waiting for the next supervision, if any
    (compared with surrounding spaces ignored)."""
    text = (text or "").strip()
    for item in open_agenda(db, kind):
        if item.text == text and item.case_reference == case_reference:
            return item
    return None


def add_agenda_item_once(db: Database, kind: str, text: str,
                         **options: Any) -> AgendaItem | None:
    """add_agenda_item, unless the same note is already waiting for the next supervision:
    then nothing is added and None is returned (`status --add-to-notes` run twice, or the
    Overview's button pressed twice, must not put the same point on the agenda twice).
    Raises what add_agenda_item raises."""
    if open_note_like(db, kind, text, options.get("case_reference")) is not None:
        return None
    return add_agenda_item(db, kind, text, **options)


def mark_discussed(db: Database, item_ids: list[int], on: date) -> None:
    with db.atomic():
        for item_id in item_ids:
            db.table("agenda_items").update(item_id, {"discussed_on": on.isoformat()})


def delete_agenda_item(db: Database, item_id: int) -> KeptRows:
    """Delete a note; what went, for Undo (core.store.kept_deletion)."""
    return delete_keeping(db, "agenda_items", "id", [item_id])


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


@in_one_transaction
def update_agenda_item(
    db: Database, item_id: int, text: str, *, reason: str | None = None
) -> None:
    """Change a note's words (and a case note's reason), with the same checks as adding one."""
    rows = [_item(r) for r in db.query("SELECT * FROM agenda_items WHERE id = ?", [item_id])]
    if not rows:
        raise ValidationError("That note has already been deleted.")
    old = rows[0]
    text = (text or "").strip()
    reason = (reason or old.reason) if old.kind == "case" else None
    problems = agenda_problems(old.kind, text, reason)
    if problems:
        raise ValidationError(problems)
    db.table("agenda_items").update(item_id, {"text": text, "reason": reason})


def agenda_for_period(db: Database, start: date, end: date) -> list[AgendaItem]:
    """Notes on the agenda during the period: gathered by `end` and not discussed by `start`."""
    sql = (
        "SELECT * FROM agenda_items WHERE created_on <= ? "
        "AND (discussed_on IS NULL OR discussed_on > ?) ORDER BY created_on, id"
    )
    return [_item(r) for r in db.query(sql, [end.isoformat(), start.isoformat()])]


# One reflection through the cycle experience -> reflection -> analysis -> action, kept as one
# note with a labelled line per stage so it stays a single agenda item.
REFLECTION_STAGES: tuple[str, ...] = ("Experience", "Reflection", "Analysis", "Action")


def reflection_text(parts: dict[str, str]) -> str:
    return "\n".join(
        f"{stage}: {parts.get(stage, '').strip()}"
        for stage in REFLECTION_STAGES
        if parts.get(stage, "").strip()
    )


def reflection_parts(text: str) -> dict[str, str]:
    parts = {stage: "" for stage in REFLECTION_STAGES}
    current = REFLECTION_STAGES[0]
    for line in text.splitlines():
        head, _, rest = line.partition(":")
        if head in parts:
            current, line = head, rest
        parts[current] = (parts[current] + "\n" + line.strip()).strip()
    return parts
