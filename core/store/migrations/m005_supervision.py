"""m005: recorded supervision sessions and the actions agreed at them (carried forward while open)."""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS


@MIGRATIONS()
def m005_create_supervision(db: Database) -> None:
    db.table("supervision_sessions").create(
        {"id": int, "held_on": str, "with_whom": str, "agreed": str, "next_date": str},
        pk="id",
        not_null={"held_on"},
        defaults={"with_whom": "", "agreed": ""},
    )
    db.table("supervision_sessions").create_index(["held_on"])
    # An action belongs to the session that agreed it; deleting that session keeps the action
    # (it may still be open), so the link is set to NULL rather than cascading.
    db.execute(
        """CREATE TABLE supervision_actions (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
            session_id INTEGER REFERENCES supervision_sessions(id) ON DELETE SET NULL,
            created_on TEXT NOT NULL,
            status_changed_on TEXT
        )"""
    )
    db.table("supervision_actions").create_index(["status"])
