"""m004: dated weightings edits and the official WMT figures a manager gave for a week."""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS


@MIGRATIONS()
def m004_create_workload(db: Database) -> None:
    # One row per edited value from a date; key '*restore*' resets every value to the
    # published defaults from its date. History replays these rows in date order.
    db.table("weighting_changes").create(
        {"id": int, "effective_from": str, "key": str, "value": float, "changed_on": str},
        pk="id",
        not_null={"effective_from", "key", "changed_on"},
    )
    db.table("weighting_changes").create_index(["effective_from"])
    # Keyed by ISO week ("2026-W48"), so a figure typed against any day of the week lands once.
    db.table("official_figures").create(
        {"week": str, "friday": str, "percent": float, "entered_on": str},
        pk="week",
        not_null={"friday", "percent", "entered_on"},
    )
