"""The key of a row just written, typed: sqlite-utils gives `Table.last_pk` as `Any | None`.

Tables are reached with `db.table(name)`, which sqlite-utils types as a Table (it refuses a
view), rather than `db[name]`, typed `Table | View`; no table of the app is a view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils.db import Table


def inserted_id(table: Table) -> int:
    """The integer key of the one row `table.insert(...)` has just added.

    `last_pk` is None only before any insert or after a batch; every table the app adds one row
    to at a time has an integer key, so None here is a mistake in the caller.
    """
    key = table.last_pk
    if key is None:
        raise RuntimeError(f"no single row was just added to {table.name}")
    return int(key)
