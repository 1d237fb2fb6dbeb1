"""Deleting cases so that the deletion can be taken back while the window is open.

`delete_cases_keeping` deletes as retention always has (tier history cascades, time entries keep
their minutes without the case) and returns a `DeletedCases`: the rows exactly as they were,
held in memory only. `restore_deleted` puts them back with their own ids, all or none. Nothing of
the snapshot is ever written anywhere else: once it is dropped (the window closes) the
deletion is final, as the file was already compacted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.common.errors import ValidationError
from core.store.kept_deletion import write_back


@dataclass
class DeletedCases:
    """What one deletion removed: the case rows, the rows deleted with them (table, row) and
    the links cleared in rows that stayed (table, column, rowid, case id)."""

    cases: list[dict] = field(default_factory=list)
    removed: list[tuple[str, dict]] = field(default_factory=list)
    cleared: list[tuple[str, str, int, int]] = field(default_factory=list)

    @property
    def references(self) -> list[str]:
        return [str(row["reference"]) for row in self.cases]

    def __len__(self) -> int:
        return len(self.cases)


def _links(db: Database) -> list[tuple[str, str, str, bool]]:
    """(table, column, on_delete, nullable) for every foreign key that points at `cases`."""
    links = []
    for table in db.table_names():
        nullable = {r["name"]: not r["notnull"] for r in db.query(f'PRAGMA table_info("{table}")')}
        for fk in db.query(f'PRAGMA foreign_key_list("{table}")'):
            if fk["table"] == "cases":
                links.append((table, fk["from"], fk["on_delete"].upper(), nullable[fk["from"]]))
    return links


Reading = tuple[tuple[str, ...], ...]


def _read_gone(db: Database, case_ids: list[int]) -> tuple[DeletedCases, list[tuple[str, str]]]:
    """What deleting the cases would take now, and the statements (SQL, WHERE on the case
    ids) that empty or delete the rows pointing at them that the schema leaves alone."""
    gone = DeletedCases()
    writes: list[tuple[str, str]] = []
    marks = ",".join("?" * len(case_ids))
    gone.cases = list(db.query(f"SELECT * FROM cases WHERE id IN ({marks}) ORDER BY id",
                               case_ids))
    for table, column, on_delete, nullable in _links(db):
        where = f'"{column}" IN ({marks})'
        if on_delete == "SET NULL" or (on_delete != "CASCADE" and nullable):
            for row in db.query(f'SELECT rowid AS rid, "{column}" AS cid FROM "{table}" '
                                f"WHERE {where}", case_ids):
                gone.cleared.append((table, column, int(row["rid"]), int(row["cid"])))
            if on_delete != "SET NULL":
                writes.append((f'UPDATE "{table}" SET "{column}" = NULL WHERE {where}', table))
        else:  # CASCADE, or a link that cannot be empty: the row goes with its case
            gone.removed += [(table, row) for row in
                             db.query(f'SELECT * FROM "{table}" WHERE {where}', case_ids)]
            if on_delete != "CASCADE":
                writes.append((f'DELETE FROM "{table}" WHERE {where}', table))
    return gone, writes


def _canon(items: list) -> tuple[str, ...]:
    def one(item: object) -> str:
        if isinstance(item, dict):
            return repr(sorted(item.items()))
        if isinstance(item, tuple):
            return repr(tuple(one(part) if isinstance(part, dict) else part for part in item))
        return repr(item)
    return tuple(sorted(one(item) for item in items))


def read_as_deleted(db: Database, gone: DeletedCases) -> Reading:
    """The cases a deletion of the same ids would take now, with their tier history and the
    links to them (time logged against one), as one value: read when Undo has brought them
    back and again before Redo deletes them, so a change made between the two is seen."""
    if not gone.cases:
        return ()
    now, _writes = _read_gone(db, [int(row["id"]) for row in gone.cases])
    return (_canon(now.cases), _canon(now.removed), _canon(now.cleared))


def delete_cases_keeping(db: Database, case_ids: list[int],
                         brought_back: Reading | None = None) -> DeletedCases:
    """Delete the cases and what hangs off them in one transaction; return what went.

    With `brought_back` (a deletion made again, by Redo: `read_as_deleted` as Undo left the
    cases), nothing is deleted unless every case is still exactly so, its tier history and
    the time logged against it included: ValidationError when one has been deleted
    (`retention --delete`), reopened, edited or had time logged against it since."""
    if not case_ids:
        return DeletedCases()
    marks = ",".join("?" * len(case_ids))
    with db.atomic():
        db.execute("PRAGMA secure_delete = ON")
        if brought_back is not None and read_as_deleted(
                db, DeletedCases(cases=[{"id": i} for i in case_ids])) != brought_back:
            count = len(case_ids)
            these = "This closed case has" if count == 1 else f"These {count} closed cases have"
            raise ValidationError(f"{these} been changed or deleted since, so this was not "
                                  "redone: the later change is kept.")
        gone, writes = _read_gone(db, case_ids)
        for sql, _table in writes:
            db.execute(sql, case_ids)
        crash_point("case_delete.linked_read")
        db.execute(f"DELETE FROM cases WHERE id IN ({marks})", case_ids)
        crash_point("case_delete.cases_deleted")
    return gone


def restore_deleted(db: Database, gone: DeletedCases) -> None:
    """Put back what `delete_cases_keeping` took, with the same ids, all or none.
    ValidationError when a reference or id has since been taken by a new case."""
    if not gone.cases:
        return
    taken = []
    for row in gone.cases:
        if list(db.query("SELECT 1 FROM cases WHERE id = ? OR reference = ?",
                         [row["id"], row["reference"]])):
            taken.append(str(row["reference"]))
    if taken:
        raise ValidationError(f"A case called {', '.join(taken)} has been added since, so the "
                              "deleted cases cannot be brought back.")
    write_back(db, "cases", gone.cases, gone.removed, gone.cleared, "case_restore")
