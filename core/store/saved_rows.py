"""A save in Settings taken back: the stored rows it replaced put back exactly, all or none.

A settings save (the profile from a date, the working week, leave added, weightings, the
retention period, the backup folder) writes whole small tables that no other table points at,
or a few keys of `settings`. `read_rows` reads
what one kind of save can touch (its `RowScope`), before and after the save; `put_rows_back`
puts one of those readings back (every row with its own key, dated history rows included), in
one IMMEDIATE transaction, and only while the rows are still exactly as the save left them:
when they have been changed since (another window, a command, the welcome tour), nothing is
written and ValidationError says so, so that Undo never overwrites a later change. The same
rule as a deletion brought back (core.store.kept_deletion): a key taken since is refused.

Readings are held in memory only, by the window's undo stack; nothing is written elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.common.crash_points import crash_point
from core.common.errors import ValidationError

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class RowScope:
    """What one kind of save writes: every row of `tables`, and the `settings` rows whose key
    is one of `settings`."""

    tables: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredRows:
    """The rows of a scope at one moment: for each table (and "settings"), its rows sorted,
    each row as (column, value) pairs, so two readings compare equal when the data is."""

    tables: tuple[tuple[str, tuple[Row, ...]], ...]

    def rows(self, table: str) -> list[dict[str, Any]]:
        return [dict(row) for name, rows in self.tables if name == table for row in rows]


def _sorted(rows: list[dict[str, Any]]) -> tuple[Row, ...]:
    as_pairs = [tuple(sorted(row.items())) for row in rows]
    return tuple(sorted(as_pairs, key=repr))


def read_rows(db: Database, scope: RowScope) -> StoredRows:
    """What the scope's rows hold now."""
    read = [(table, _sorted(list(db.query(f'SELECT * FROM "{table}"'))))
            for table in scope.tables]
    if scope.settings:
        marks = ",".join("?" * len(scope.settings))
        read.append(("settings", _sorted(list(db.query(
            f"SELECT * FROM settings WHERE key IN ({marks})", list(scope.settings))))))
    return StoredRows(tuple(read))


def _never_pointed_at(db: Database, table: str) -> None:
    """A table another table points at is never emptied here: the schema would delete or
    empty the rows pointing at it (an activity's logged time). Such rows are deleted and
    brought back one by one (core.store.kept_deletion)."""
    for other in db.table_names():
        if any(fk["table"] == table for fk in db.query(f'PRAGMA foreign_key_list("{other}")')):
            raise RuntimeError(f"{other} points at {table}: not a table to put back whole")


def put_rows_back(db: Database, scope: RowScope, expected: StoredRows, wanted: StoredRows,
                  what: str, done: str = "undone") -> None:
    """Replace the scope's rows by `wanted`, if they are still `expected`; otherwise write
    nothing and raise ValidationError naming `what` ("the profile") and what was not `done`
    ("undone", or "redone" for Redo)."""
    with db.atomic():
        if read_rows(db, scope) != expected:
            raise ValidationError(
                f"{what[:1].upper()}{what[1:]} has been changed since, so this was not "
                f"{done}: the later change is kept.")
        crash_point("saved_rows.checked")
        for table in scope.tables:
            _never_pointed_at(db, table)
            db.execute(f'DELETE FROM "{table}"')
            rows = wanted.rows(table)
            if rows:
                db.table(table).insert_all(rows)
        crash_point("saved_rows.tables_written")
        if scope.settings:
            marks = ",".join("?" * len(scope.settings))
            db.execute(f"DELETE FROM settings WHERE key IN ({marks})", list(scope.settings))
            for row in wanted.rows("settings"):
                db.table("settings").insert(row)
        crash_point("saved_rows.settings_written")
