"""The demo data, made once per test process for each day and copied into each test's database.

`fill_demo` takes about a third of a second, and a hundred-odd window and summary tests start
from it. `demo_into(db, today)` makes it once into a database of its own (for that `today` and the
clock's own day, the only things it depends on) and copies it in with SQLite's backup, a few
milliseconds. The copy holds exactly what `fill_demo` writes (tests/test_demo_copy.py), and it is
only made into a database as it is just after opening; any other goes through `fill_demo`.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from sqlite_utils import Database

from core.common import clock
from core.demo.caseload_demo import fill_demo
from core.store.database import open_database

_made: dict[tuple[date, date], Database] = {}
_fresh: list[list[str]] = []


def contents(db: Database) -> list[str]:
    """Everything `db` holds as SQL, but for the moment each migration ran (the copy keeps the
    moments its own database was made; nothing reads them, only the migrations' names)."""
    return [re.sub(r",'[^']*'\);$", ");", line) if line.startswith(_MIGRATION_ROW) else line
            for line in db.conn.iterdump()]


_MIGRATION_ROW = 'INSERT INTO "_sqlite_migrations"'


def _as_opened(db: Database) -> bool:
    """True when `db` holds exactly what a newly opened database does (nothing set or added)."""
    if not _fresh:
        _fresh.append(contents(open_database(None)))
    return contents(db) == _fresh[0]


def demo_into(db: Database, today: date | None = None) -> None:
    """What `fill_demo(db, today)` does, from a copy. A database holding anything, or one SQLite
    cannot copy into (an encrypted one), goes to `fill_demo` itself (which refuses data)."""
    day = today or clock.today()
    if not isinstance(db.conn, sqlite3.Connection) or not _as_opened(db):
        fill_demo(db, today)
        return
    key = (day, clock.today())
    made = _made.get(key)
    if made is None:
        made = open_database(None)
        fill_demo(made, day)
        _made[key] = made
    made.conn.backup(db.conn)
