"""Open the practitioner's SQLite file: owner-only, WAL, foreign keys, migrated with a copy first.

A damaged file, or one that is not a database, is refused and left byte for byte as it was.
An encrypted file needs its passphrase (SQLCipher, optional: see core/store/encryption.py).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from core.store.errors import (  # noqa: F401 (the errors every caller catches, named here too)
    RECOVERY_HINT,
    DamagedDatabaseError,
    DiskFullError,
    ForeignDatabaseError,
    NewerDatabaseError,
    PassphraseRequiredError,
    StorageError,
    WrongPassphraseError,
)
from core.store.live_files import TrackedConnection, track
from core.store.disk_space import (
    DISK_FULL_MESSAGE,
    connect_read_only,
    is_disk_full,
    read_only_place,
)
from core.store.file_identity import foreign_message, is_ours, unreadable_message
from core.store.migrations import MIGRATIONS, known_names
from core.store.snapshot import copy_connection
from core.store.transactions import CaseloadDatabase

# How long a write waits for another process's write to finish before giving up (seconds).
BUSY_TIMEOUT_S = 5.0
CIPHER_PAGE = 4096  # SQLCipher 4's page size, which the app never changes


def damaged_message(path: Path | None) -> str:
    return (
        f"The data file at {path} is damaged or is not a Caseload Companion database. "
        f"It has been left exactly as it is. {RECOVERY_HINT}"
    )


def _touch_private(path: Path) -> None:
    """Create an empty file readable by the owner only, before SQLite opens it."""
    from core.store.disk_space import tighten_only

    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    tighten_only(path, 0o600)


def _create_plain(path: Path) -> None:
    """A new plain data file, put in place whole: a database header (WAL) is written under a
    temporary name first, so a caseload.db of 0 bytes is never one being made by another
    process, and connect_file may call it empty (truncated) without racing a first start."""
    from core.store.fileops import place_new, remove_sidecars

    if path.exists():
        return
    tmp = path.with_name(f".new-{os.getpid()}-{path.name}")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        conn = sqlite3.connect(str(tmp))
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        remove_sidecars(tmp)
        try:
            place_new(tmp, path)
        except FileExistsError:  # another process made it first: theirs is used
            pass
    finally:
        tmp.unlink(missing_ok=True)


def configure(db: Database) -> Database:
    """Settings every connection needs: foreign keys enforced and the WAL journal."""
    db.execute("PRAGMA foreign_keys = ON")
    # A write waits (up to 5 s) for another process's write to finish instead of failing.
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    db.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit reported as saved survives a power cut too, not only a crash.
    db.execute("PRAGMA synchronous = FULL")
    return db


def _applied_names(db: Database) -> set[str]:
    return {m.name for m in MIGRATIONS.applied(db)}


def check_readable(conn: sqlite3.Connection, path: Path) -> None:
    """Raise DamagedDatabaseError when the file is not a database SQLite can read.

    Runs before anything is written (even the WAL switch), so a damaged file stays as it was.
    """
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # quick_check reads every page: a file whose header survived but whose pages did not
        # is caught here, not later in the middle of a write. Small files: milliseconds.
        first = conn.execute("PRAGMA quick_check(1)").fetchone()
        if first is None or first[0] != "ok":
            raise sqlite3.DatabaseError(str(first))
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc, path.parent):  # no room even for the -shm file: not damage
            raise DiskFullError(DISK_FULL_MESSAGE) from exc
        raise DamagedDatabaseError(damaged_message(path)) from exc


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
        # Through the connection, never by copying the file's bytes (core.store.live_files).
        copy_connection(db.conn, backup)
    if pending:
        # One IMMEDIATE transaction: a second process opening the file at the same moment
        # waits, then finds nothing left to apply (each step runs in a savepoint inside it).
        with db.atomic():
            MIGRATIONS.apply(db)
    return pending


# Upgrades a read-only file can do without: they only mark the header (m009).
_OPTIONAL_UPGRADES = {"m009_application_id"}


def _check_readable_as_is(db: Database, path: Path | None) -> None:
    """A read-only file cannot be upgraded: open it as it is if the upgrades it misses are
    optional, refuse it (untouched) otherwise, and a newer version's file as always."""
    if _applied_names(db) - known_names():
        raise NewerDatabaseError(
            "This data was saved by a newer version of Caseload Companion. "
            "Please install that version to open it; nothing has been changed.")
    missing = {m.name for m in MIGRATIONS.pending(db)} - _OPTIONAL_UPGRADES
    if missing and _applied_names(db):
        raise StorageError(
            f"Your data folder {path.parent if path else ''} is read-only, and this version "
            "needs to upgrade your data file once. Make the folder writable and open it again; "
            "nothing has been changed.")


def connect_file(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """A checked connection to an existing or new data file, plain or encrypted; no writes yet."""
    from core.store import encryption
    from core.store.fileops import file_kind

    if path.exists() and path.is_dir():
        raise DamagedDatabaseError(f"{path} is a folder, not a data file.")
    kind = file_kind(path)
    if kind == "empty":  # 0 bytes: truncated (a sync tool, a failing disk), never a fresh start
        raise DamagedDatabaseError(
            f"The data file at {path} is empty (0 bytes): your data is not in it. It has been "
            f"left exactly as it is. {RECOVERY_HINT}")
    if kind == "unknown":  # a plain file with a broken first page, or not a database at all
        raise DamagedDatabaseError(unreadable_message(path, _sniff(path)))
    if (kind == "sqlite" and _cut_short(path)) or (kind == "encrypted" and _cut_short_cipher(path)):
        raise DamagedDatabaseError(
            f"The data file at {path} is damaged: it ends part-way through a page, so it was "
            "cut short (by a copy, a sync tool or a failing disk) and what it holds can no "
            f"longer be trusted. It has been left exactly as it is. {RECOVERY_HINT}")
    if kind == "encrypted" or (passphrase is not None and kind == "missing"):
        if not encryption.available():
            # Unreadable here either way: the recovery choices (restore, set aside) apply.
            raise DamagedDatabaseError(
                f"The data file at {path} is encrypted (or damaged), and this computer does not "
                "have the optional sqlcipher3 package that opens encrypted data. "
                "It has been left exactly as it is."
            )
        if passphrase is None:
            raise PassphraseRequiredError(
                "Your data is encrypted. Enter your passphrase to open it.")
        _touch_private(path)
        try:
            # SQLCipher's connection (no type information) stands in for sqlite3's, as
            # sqlite-utils uses it: the one place the two are told apart is encryption.py.
            conn: sqlite3.Connection = encryption.connect(path, passphrase)  # type: ignore[assignment]
        except encryption.PassphraseError as exc:
            raise WrongPassphraseError(str(exc)) from None
        except encryption.DamagedCipherError as exc:  # the right passphrase, a damaged file
            raise DamagedDatabaseError(f"{exc} {RECOVERY_HINT}") from None
    elif read_only_place(path):  # opened to read only; nothing of the folder is changed
        if kind == "missing":
            raise StorageError(f"Your data folder {path.parent} is read-only and holds no data.")
        conn = connect_read_only(path)
    else:
        _create_plain(path)
        conn = track(path, sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S,
                                           factory=TrackedConnection), "sqlite")
    try:
        check_readable(conn, path)
        if not is_ours(conn):  # another program's database: refused before anything is written
            raise ForeignDatabaseError(foreign_message(path))
    except (DamagedDatabaseError, sqlite3.DatabaseError) as exc:
        conn.close()
        if isinstance(exc, DamagedDatabaseError):
            raise
        if is_disk_full(exc, path.parent):
            raise DiskFullError(DISK_FULL_MESSAGE) from exc
        raise DamagedDatabaseError(damaged_message(path)) from exc
    return conn


def _cut_short(path: Path) -> bool:
    """True for a plain data file whose length is not whole pages (SQLite zero-fills the page
    it finds short, so a note can change silently and `quick_check` still says ok). Read only
    when no connection of this process is open on it (core.store.live_files)."""
    from core.store.live_files import live_kind

    if live_kind(path) is not None:
        return False
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100:
        return True
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    return page >= 512 and size % page != 0


def _cut_short_cipher(path: Path) -> bool:
    """True for an encrypted data file whose length is not whole pages (cut short, or bytes
    added at its end): SQLCipher reads only the whole pages and would call it sound. Its pages
    are SQLCipher's default 4096 bytes (the app never sets another size)."""
    from core.store.live_files import live_kind

    if live_kind(path) is not None:
        return False
    try:
        return path.stat().st_size % CIPHER_PAGE != 0
    except OSError:
        return False


def _sniff(path: Path) -> str:
    """'damaged' or 'unknown' for a file file_kind called unknown (read before connecting)."""
    from core.store.file_identity import SAMPLE_BYTES, kind_of

    try:
        with open(path, "rb") as handle:
            return kind_of(handle.read(SAMPLE_BYTES), path.stat().st_size)
    except OSError:
        return "unknown"


def open_database(
    path: Path | None,
    connection: sqlite3.Connection | None = None,
    *,
    passphrase: str | None = None,
) -> Database:
    """Open (creating owner-only if new) and migrate the data file; None means in memory.

    Raises PassphraseRequiredError for an encrypted file opened without `passphrase`,
    WrongPassphraseError for a wrong one, DamagedDatabaseError for a damaged file (untouched).
    """
    # No sqlite-utils plugins: nothing installed elsewhere may change how the data file is
    # used, and not scanning every installed package for them saves ~15 ms of every start.
    # CaseloadDatabase: every `atomic()` block begins IMMEDIATE (core.store.transactions).
    if connection is not None:
        db = CaseloadDatabase(connection, execute_plugins=False)
    elif path is None:
        db = CaseloadDatabase(memory=True, execute_plugins=False)
    else:
        db = CaseloadDatabase(connect_file(path, passphrase), execute_plugins=False)
    return _prepare(db, path)


def _prepare(db: CaseloadDatabase, path: Path | None) -> Database:
    folder = path.parent if path is not None else None
    read_only = path is not None and read_only_place(path)
    db.read_only = read_only  # the window shows READ_ONLY_NOTICE
    try:  # read-only: no switch to WAL (a write), and nothing else that writes
        configure(db) if not read_only else db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:  # "locked" stays what it is; a full disk says so
        db.close()
        if is_disk_full(exc, folder):
            raise DiskFullError(DISK_FULL_MESSAGE) from exc
        raise
    try:
        if read_only:
            _check_readable_as_is(db, path)
        else:
            migrate(db, path)
    except sqlite3.DatabaseError as exc:
        db.close()
        if is_disk_full(exc, folder):
            raise DiskFullError(DISK_FULL_MESSAGE) from exc
        raise DamagedDatabaseError(damaged_message(path)) from exc
    except OSError as exc:
        db.close()
        if is_disk_full(exc, folder):  # the copy kept before an upgrade did not fit
            raise DiskFullError(DISK_FULL_MESSAGE) from exc
        raise
    except BaseException:
        db.close()  # a refused (newer) file must not stay open behind the message
        raise
    return db


def reopen(db: Database, path: Path, passphrase: str | None = None) -> Database:
    """Point an existing Database object at the file again (after a restore, delete-all or a
    passphrase change), so every view holding `db` sees the new data without being rebuilt."""
    fresh = open_database(path, passphrase=passphrase)
    try:
        db.conn.close()
    except sqlite3.Error:
        pass
    db.conn = fresh.conn
    db._registered_functions = set()
    for cached in ("_supports_strict", "_supports_on_conflict"):
        db.__dict__.pop(cached, None)
    return db


def close_for_replace(db: Database) -> None:
    """Checkpoint and close, so the file on disk holds everything and has no WAL beside it."""
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
    db.conn.close()


def is_empty(db: Database) -> bool:
    """True when the practitioner has stored nothing yet (used by `demo` and first run)."""
    for table in _PRACTITIONER_TABLES:
        if db[table].exists() and db[table].count:
            return False
    return True


# Everything the practitioner records themselves; activities and settings are app defaults.
_PRACTITIONER_TABLES = (
    "profile",
    "profile_changes",
    "cases",
    "reductions",
    "court_reports",
    "time_entries",
    "running_timer",
    "leave_days",
    "agenda_items",
    "supervision_sessions",
    "supervision_actions",
    "official_figures",
)
