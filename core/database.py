"""Open the practitioner's SQLite file: owner-only, WAL, foreign keys, migrated with a copy first."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from core.migrations import MIGRATIONS, known_names


class StorageError(Exception):
    """A problem with the data file, phrased for the practitioner."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer version of the app; it is left untouched."""


class DamagedDatabaseError(StorageError):
    """The file is damaged or is not a database; it is left untouched."""


def _touch_private(path: Path) -> None:
    """Create an empty file readable by the owner only, before SQLite opens it."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def configure(db: Database) -> Database:
    """Settings every connection needs: foreign keys enforced and the WAL journal."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def _applied_names(db: Database) -> set[str]:
    return {m.name for m in MIGRATIONS.applied(db)}


def check_readable(conn: sqlite3.Connection, path: Path) -> None:
    """Raise DamagedDatabaseError when the file is not a database SQLite can read."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            f"The data file at {path} is damaged or is not a Caseload Companion database. "
            "It has been left exactly as it is."
        ) from exc


def migrate(db: Database, path: Path | None) -> list[str]:
    """Apply pending migrations, copying the file first; refuse a newer database untouched."""
    applied = _applied_names(db)
    unknown = applied - known_names()
    if unknown:
        raise NewerDatabaseError(
            "This data was saved by a newer version of Caseload Companion. "
            "Please install that version to open it; nothing has been changed."
        )
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if pending and applied and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.before-{pending[0]}-{stamp}{path.suffix}")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, backup)
        if os.name == "posix":
            os.chmod(backup, 0o600)
    MIGRATIONS.apply(db)
    return pending


def open_database(path: Path | None, connection: sqlite3.Connection | None = None) -> Database:
    """Open (creating owner-only if new) and migrate the data file; None means in memory."""
    if connection is not None:
        db = Database(connection)
    elif path is None:
        db = Database(memory=True)
    else:
        if path.exists() and path.is_dir():
            raise DamagedDatabaseError(f"{path} is a folder, not a data file.")
        _touch_private(path)
        conn = sqlite3.connect(str(path))
        try:
            check_readable(conn, path)
        except DamagedDatabaseError:
            conn.close()
            raise
        db = Database(conn)
    configure(db)
    try:
        migrate(db, path)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DamagedDatabaseError(
            f"The data file at {path} could not be read. It has been left exactly as it is."
        ) from exc
    return db


def is_empty(db: Database) -> bool:
    """True when the practitioner has stored nothing yet (used by `demo` and first run)."""
    for table in ("cases", "reductions", "court_reports"):
        if db[table].count:
            return False
    return not db["profile"].count
