"""Activities time is logged against: built-in probation activities plus the practitioner's own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core.common.errors import ValidationError
from core.common.identifiers import identifier_message
from core.common.words import plural
from core.store.transactions import in_one_transaction
from core.store.rows import inserted_id
from core.store.kept_deletion import KeptRows, delete_keeping

NAME_MAX = 60

# Extra words quick entry accepts for built-in activities (by stable key, so renames keep them).
ALIASES: dict[str, tuple[str, ...]] = {
    "appointment": ("contact", "direct contact", "appt", "supervision appointment"),
    "home_visit": ("hv", "visit"),
    "assessment": ("oasys", "arms"),
    "court_report": ("psr", "report", "sdr", "fdr", "court report"),
    "parole_recall": ("parole", "recall"),
    "mappa": ("meeting", "multi-agency", "mdt"),
    "recording": ("admin", "recording", "notes"),
    "own_supervision": ("supervision",),
    "covering": ("cover",),
    "duty": ("reception",),
    "one_to_one": ("1:1", "121", "one to one", "1-1"),
}

# Words people type for work that a built-in activity covers, but too loosely to be taken as
# that activity without asking: they only make "Did you mean …?" suggestions.
RELATED: dict[str, tuple[str, ...]] = {
    "recording": ("email", "emails", "e-mail", "e-mails", "phone", "phone call", "phone calls",
                  "call", "calls", "letter", "letters", "paperwork", "typing", "delius",
                  "ndelius", "case notes", "write up", "writing up", "referral", "referrals"),
    "appointment": ("phone", "phone call", "call", "video call", "teams call", "interview",
                    "office", "induction", "reporting", "session"),
    "mappa": ("case conference", "conference", "strategy", "strategy meeting",
              "professionals meeting", "safeguarding", "marac"),
    "travel": ("driving", "drive", "train", "bus", "journey", "commute"),
    "training": ("course", "elearning", "e-learning", "learning", "cpd", "workshop"),
    "court_duty": ("court",),
    "own_supervision": ("line manager", "manager", "spo"),
    "home_visit": ("doorstep", "home"),
    "assessment": ("risk assessment", "rosh", "layered", "sara"),
}


@dataclass(frozen=True)
class Activity:
    name: str
    counted_by_wmt: bool = True
    hidden: bool = False
    built_in: bool = False
    key: str | None = None
    id: int | None = None


def _row(row: dict[str, Any]) -> Activity:
    return Activity(
        name=row["name"],
        counted_by_wmt=bool(row["counted_by_wmt"]),
        hidden=bool(row["hidden"]),
        built_in=bool(row["built_in"]),
        key=row["key"],
        id=row["id"],
    )


def list_activities(db: Database, include_hidden: bool = False) -> list[Activity]:
    sql = "SELECT * FROM activities" + ("" if include_hidden else " WHERE hidden = 0")
    return [_row(r) for r in db.query(sql + " ORDER BY position, id")]


def get_activity(db: Database, activity_id: int) -> Activity:
    rows = list(db.query("SELECT * FROM activities WHERE id = ?", [activity_id]))
    if not rows:
        raise KeyError(activity_id)
    return _row(rows[0])


def _name_problems(db: Database, name: str, exclude_id: int | None = None) -> list[str]:
    problems = []
    if not name:
        problems.append("An activity needs a name.")
    elif len(name) > NAME_MAX:
        problems.append(f"Keep the activity name to {NAME_MAX} characters or fewer.")
    elif name[0] in "@-+0123456789":
        problems.append("Start the activity name with a letter, so quick entry can tell it apart.")
    message = identifier_message("activity name", name)
    if message:
        problems.append(message)
    clash = list(
        db.query(
            "SELECT id FROM activities WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
            [name, exclude_id],
        )
    )
    if clash:
        problems.append(f"There is already an activity called {name}.")
    return problems


@in_one_transaction
def add_activity(db: Database, name: str, counted_by_wmt: bool = False) -> Activity:
    name = " ".join((name or "").split())
    problems = _name_problems(db, name)
    if problems:
        raise ValidationError(problems)
    position = next(iter(db.query("SELECT coalesce(max(position), 0) + 1 AS p FROM activities")))
    new_id = inserted_id(
        db.table("activities").insert(
            {
                "name": name,
                "counted_by_wmt": int(counted_by_wmt),
                "hidden": 0,
                "built_in": 0,
                "position": position["p"],
            }
        )
    )
    return get_activity(db, new_id)


@in_one_transaction
def update_activity(
    db: Database,
    activity_id: int,
    *,
    name: str | None = None,
    counted_by_wmt: bool | None = None,
    hidden: bool | None = None,
) -> Activity:
    """Rename, hide/show, or change whether the WMT counts it (services differ)."""
    changes: dict[str, Any] = {}
    if name is not None:
        name = " ".join(name.split())
        problems = _name_problems(db, name, exclude_id=activity_id)
        if problems:
            raise ValidationError(problems)
        changes["name"] = name
    if counted_by_wmt is not None:
        changes["counted_by_wmt"] = int(counted_by_wmt)
    if hidden is not None:
        changes["hidden"] = int(hidden)
    if changes:
        db.table("activities").update(activity_id, changes)
    return get_activity(db, activity_id)


def usage_count(db: Database, activity_id: int) -> int:
    row = next(
        iter(
            db.query(
                "SELECT (SELECT count(*) FROM time_entries WHERE activity_id = :a) + "
                "(SELECT count(*) FROM running_timer WHERE activity_id = :a) AS n",
                {"a": activity_id},
            )
        )
    )
    return int(row["n"])


@in_one_transaction
def delete_activity(db: Database, activity_id: int) -> KeptRows:
    """Delete an unused activity (with its calendar keywords); one with time logged against
    it can only be hidden. What went, for Undo."""
    activity = get_activity(db, activity_id)
    used = usage_count(db, activity_id)
    if used:
        raise ValidationError(
            f"{activity.name} has time logged against it ({plural(used, 'entry', 'entries')}), so it is kept. "
            "You can hide it instead; its hours stay in your totals."
        )
    return delete_keeping(db, "activities", "id", [activity_id])


def match_activity(activities: list[Activity], phrase: str) -> list[Activity]:
    """Activities `phrase` could mean: an exact name or alias, else a unique start of a name."""
    text = " ".join(phrase.lower().split())
    if not text:
        return []
    exact = [a for a in activities if a.name.lower() == text]
    if exact:
        return exact
    aliased = [a for a in activities if a.key and text in ALIASES.get(a.key, ())]
    if aliased:
        return aliased
    return [a for a in activities if a.name.lower().startswith(text)]


def closest_activities(activities: list[Activity], phrase: str, limit: int = 2) -> list[Activity]:
    """The visible activities a phrase most likely meant, best first: its words close to a
    name, an alias or a related word ("emails" to Recording and admin, "phone call" to
    Recording and admin or Appointment / direct contact)."""
    from difflib import SequenceMatcher

    text = " ".join(phrase.lower().split())
    if not text:
        return []
    words = text.split()
    pieces = {text, *words, *(" ".join(words[i:i + 2]) for i in range(len(words) - 1))}
    scored: list[tuple[float, int, Activity]] = []
    for position, activity in enumerate(a for a in activities if not a.hidden):
        names = {activity.name.lower(), *activity.name.lower().split(),
                 *ALIASES.get(activity.key or "", ()), *RELATED.get(activity.key or "", ())}
        best = max(SequenceMatcher(None, piece, name).ratio() for piece in pieces for name in names
                   if len(name) > 2 or name == piece)
        if best >= 0.75:
            scored.append((-best, position, activity))
    return [activity for _, _, activity in sorted(scored, key=lambda s: s[:2])[:limit]]
