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


def delete_cases_keeping(db: Database, case_ids: list[int],
                         expected: list[dict] | None = None) -> DeletedCases:
    """Delete the cases and what hangs off them in one transaction; return what went.

    With `expected` (a deletion made again, by Redo: the case rows as they were brought
    back), nothing is deleted unless every case is still exactly so: ValidationError when one
    has been deleted (`retention --delete`), reopened or changed since."""
    gone = DeletedCases()
    if not case_ids:
        return gone
    marks = ",".join("?" * len(case_ids))
    with db.atomic():
        db.execute("PRAGMA secure_delete = ON")
        gone.cases = list(db.query(f"SELECT * FROM cases WHERE id IN ({marks}) ORDER BY id",
                                   case_ids))
        if expected is not None and gone.cases != sorted(expected, key=lambda r: r["id"]):
            count = len(expected)
            these = "This closed case has" if count == 1 else f"These {count} closed cases have"
            raise ValidationError(f"{these} been changed or deleted since, so this was not "
                                  "redone: the later change is kept.")
        for table, column, on_delete, nullable in _links(db):
            where = f'"{column}" IN ({marks})'
            if on_delete == "SET NULL" or (on_delete != "CASCADE" and nullable):
                for row in db.query(f'SELECT rowid AS rid, "{column}" AS cid FROM "{table}" '
                                    f"WHERE {where}", case_ids):
                    gone.cleared.append((table, column, int(row["rid"]), int(row["cid"])))
                if on_delete != "SET NULL":
                    db.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE {where}', case_ids)
            else:  # CASCADE, or a link that cannot be empty: the row goes with its case
                gone.removed += [(table, row) for row in
                                 db.query(f'SELECT * FROM "{table}" WHERE {where}', case_ids)]
                if on_delete != "CASCADE":
                    db.execute(f'DELETE FROM "{table}" WHERE {where}', case_ids)
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
