"""Deleting rows so that the deletion can be taken back while the window is open.

`delete_keeping` deletes rows of one table (and what the schema deletes or empties with them)
in one transaction and returns a `KeptRows`: the rows exactly as they were, held in memory
only. `restore_kept` puts them back with their own keys, all or none. The snapshot is never
written anywhere: once it is dropped (the window closes), the deletion is final. Deleted rows
are overwritten in the file (secure_delete), as a deleted case is.

Each feature's own delete function (a note, a session, a reduction, a leave day…) deletes
through this and returns what it kept, so the window can offer Ctrl+Z and the command line,
which has no undo, deletes exactly the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.common.crash_points import crash_point
from core.common.errors import ValidationError

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class KeptRows:
    """What one deletion removed: `rows` of `table` (found by `key`), the rows the schema
    deleted with them (table, row) and the links it emptied (table, column, rowid, value)."""

    table: str
    key: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    removed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cleared: list[tuple[str, str, int, Any]] = field(default_factory=list)

    @property
    def keys(self) -> list[Any]:
        return [row[self.key] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


def _links(db: Database, table: str) -> list[tuple[str, str, str, str]]:
    """(table, column, the column it points at, on_delete) for each foreign key to `table`."""
    found = []
    pk = [r["name"] for r in db.query(f'PRAGMA table_info("{table}")') if r["pk"]]
    for other in db.table_names():
        for fk in db.query(f'PRAGMA foreign_key_list("{other}")'):
            if fk["table"] == table:
                found.append((other, fk["from"], fk["to"] or (pk[0] if pk else "rowid"),
                              fk["on_delete"].upper()))
    return found


def _read_kept(db: Database, table: str, key: str, values: list[Any]) -> KeptRows:
    """What deleting the rows of `table` whose `key` is one of `values` would take now: the
    rows, the rows the schema would delete with them and the links it would empty."""
    kept = KeptRows(table, key)
    marks = ",".join("?" * len(values))
    kept.rows = list(db.query(f'SELECT * FROM "{table}" WHERE "{key}" IN ({marks})', values))
    for other, column, target, on_delete in _links(db, table):
        pointed = [row[target] for row in kept.rows] if target in (kept.rows or [{}])[0] else []
        if not pointed:
            continue
        where = f'"{column}" IN ({",".join("?" * len(pointed))})'
        if on_delete == "SET NULL":
            kept.cleared += [(other, column, int(r["rid"]), r["value"]) for r in db.query(
                f'SELECT rowid AS rid, "{column}" AS value FROM "{other}" WHERE {where}',
                pointed)]
        elif on_delete == "CASCADE":
            kept.removed += [(other, row) for row in db.query(
                f'SELECT * FROM "{other}" WHERE {where}', pointed)]
    return kept


def delete_keeping(db: Database, table: str, key: str, values: Iterable[Any]) -> KeptRows:
    """Delete the rows of `table` whose `key` is one of `values`; return what went."""
    values = list(values)
    if not values:
        return KeptRows(table, key)
    marks = ",".join("?" * len(values))
    with db.atomic():
        db.execute("PRAGMA secure_delete = ON")
        kept = _read_kept(db, table, key, values)
        crash_point("kept_delete.linked_read")
        db.execute(f'DELETE FROM "{table}" WHERE "{key}" IN ({marks})', values)
        crash_point("kept_delete.rows_deleted")
    return kept


Reading = tuple[tuple[str, ...], ...]


def _canon(rows: Iterable[Any]) -> tuple[str, ...]:
    """Rows (or (table, row) pairs) as one comparable, order-free value."""
    def one(item: Any) -> str:
        if isinstance(item, dict):
            return repr(sorted(item.items()))
        return repr(tuple(one(part) if isinstance(part, dict) else part for part in item))
    return tuple(sorted(one(item) for item in rows))


def read_as_kept(db: Database, kept: KeptRows) -> Reading:
    """The rows a deletion of the same keys would take now (and the rows and links the schema
    would take or empty with them), as one value: read when Undo has brought them back, and
    again before Redo deletes them, so a change made between the two is seen."""
    if not kept.rows:
        return ()
    now = _read_kept(db, kept.table, kept.key, kept.keys)
    return (_canon(now.rows), _canon(now.removed), _canon(now.cleared))


def check_as_brought_back(db: Database, kept: KeptRows, brought_back: Reading,
                          what: str) -> None:
    """Raise ValidationError, naming `what` ("the note"), when the rows Undo brought back
    (`brought_back`, from `read_as_kept`) have been changed, deleted or pointed at since:
    Redo then deletes nothing, and the later change is kept. Run it inside the transaction
    that deletes them again, so the check and the deletion see the same rows."""
    if read_as_kept(db, kept) != brought_back:
        raise ValidationError(f"{what[:1].upper()}{what[1:]} has been changed since, so this "
                              "was not redone: the later change is kept.")


def write_back(db: Database, table: str, rows: list[dict[str, Any]],
               removed: list[tuple[str, dict[str, Any]]],
               cleared: list[tuple[str, str, int, Any]], operation: str) -> None:
    """In one transaction: insert `rows` into `table` and each (table, row) of `removed` as they
    were, then fill each emptied link (table, column, rowid, value) that is still empty. The
    crash points are `<operation>.rows_written` and `<operation>.links_written`. Raises the
    driver's IntegrityError when a key has been taken since."""
    with db.atomic():
        for row in rows:
            db.table(table).insert(row)
        for other, row in removed:
            db.table(other).insert(row)
        crash_point(f"{operation}.rows_written")
        for other, column, rowid, value in cleared:
            db.execute(f'UPDATE "{other}" SET "{column}" = ? WHERE rowid = ? AND "{column}" '
                       "IS NULL", [value, rowid])
        crash_point(f"{operation}.links_written")


def restore_kept(db: Database, kept: KeptRows, what: str = "what was deleted") -> None:
    """Put back what `delete_keeping` took, with the same keys, all or none. ValidationError
    when something has since taken its place (a leave day added again on the same date)."""
    if not kept.rows:
        return
    try:
        write_back(db, kept.table, kept.rows, kept.removed, kept.cleared, "kept_restore")
    except Exception as exc:  # noqa: BLE001 - sqlite3's or SQLCipher's IntegrityError: a key taken since
        if type(exc).__name__ != "IntegrityError":
            raise
        raise ValidationError(f"Something has been added in its place since, so {what} "
                              "cannot be brought back.") from None
