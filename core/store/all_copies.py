"""Encryption on/change/off and delete-all over every copy of the data, finished after a kill.

Each works over core.store.data_files (the data file, every backup in every folder ever used,
upgrade and set-aside copies, temporary files) under a journal (core.store.operation_journal).
The data file changes first, so from that moment the folder's intended state is the data file's
state; the copies follow. A run killed at any moment is finished by `open_folder`, which every
start (window and command line) goes through: temporary files are removed before the data is
opened, and what needs the passphrase is done once it is unlocked.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.store import encryption
from core.store.applog import get_logger
from core.store.data_files import (
    BACKUP,
    DATA_NAME,
    KEPT,
    SIDECAR,
    TEMPORARY,
    case_data_files,
    temporary_files,
    whole_copies,
)
from core.store.operation_journal import begin, busy, finish, operation, pending, quiet

# Tables delete-all keeps: the schema's own bookkeeping, which holds no case data.
KEEP_TABLES = {"_sqlite_migrations", "sqlite_sequence"}


@dataclass(frozen=True)
class DeleteAllResult:
    rows_deleted: int
    files_deleted: list[Path]


def _passphrase(db: Database) -> str | None:
    conn = db.conn
    return conn.passphrase if isinstance(conn, encryption.CipherConnection) else None


def change_encryption(data_dir: Path, old: str | None, new: str | None) -> list[Path]:
    """Turn encryption on (`old` None), change the passphrase, or turn it off (`new` None) for
    the data file and then every backup and kept copy the old passphrase opens.

    No connection to the data file may be open. Raises ValidationError (a weak passphrase, no
    sqlcipher3) or encryption.PassphraseError (`old` does not open the data) with nothing
    changed. Returns the copies brought along; copies only an earlier passphrase opens stay.
    """
    from core.common.errors import ValidationError
    from core.store.paths import database_path

    if new is not None:
        encryption.check_passphrase(new)
    if not encryption.available():
        raise ValidationError(encryption.unavailable_reason() or "")
    db_path = database_path(data_dir)
    name = "encryption " + ("on" if old is None else "off" if new is None else "change")
    with busy(data_dir):
        begin(data_dir, name)
        try:  # the data file first: from its swap on, the folder's state is `new`
            encryption.rekey_file(db_path, old, new)
        except (encryption.PassphraseError, encryption.DamagedCipherError, ValidationError):
            finish(data_dir)  # refused before anything was written
            raise
        copies = encryption.rekey_copies(whole_copies(data_dir), old, new)
        finish(data_dir)
    return copies


def empty_all_tables(db: Database) -> int:
    """Delete every row (schema kept) with `secure_delete` on, put back what a new data file
    starts with (built-in activities, default calendar keywords: migrations.seed_defaults),
    then VACUUM and empty the WAL so nothing deleted lingers in the file or beside it.
    Returns the rows deleted."""
    from core.store.migrations import seed_defaults

    db.execute("PRAGMA secure_delete = ON")
    tables = [t for t in db.table_names() if t not in KEEP_TABLES]
    rows = 0
    db.execute("PRAGMA foreign_keys = OFF")  # order does not matter: every table is emptied
    try:
        with db.atomic():
            for table in tables:
                rows += db.execute(f'DELETE FROM "{table}"').rowcount
            seed_defaults(db)  # in the same transaction: never a file without its activities
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return rows


def delete_copies(data_dir: Path) -> list[Path]:
    """Delete every backup (in every folder ever used), kept copy and temporary file, and the
    log; the data file and its own -wal/-shm stay (a connection may have them open)."""
    deleted: list[Path] = []
    for copy in case_data_files(data_dir):
        own_sidecar = copy.role == SIDECAR and copy.path.parent == data_dir \
            and copy.path.name.startswith(DATA_NAME + "-")
        if copy.role in (BACKUP, KEPT, TEMPORARY) or (copy.role == SIDECAR and not own_sidecar):
            copy.path.unlink(missing_ok=True)
            deleted.append(copy.path)
    logs = data_dir / "logs"
    if logs.is_dir():
        for path in logs.glob("app.log*"):
            if path.name == "app.log":
                path.write_text("")  # the handler keeps it open; empty it in place
            else:
                path.unlink(missing_ok=True)
                deleted.append(path)
    return deleted


def delete_everything(db: Database, data_dir: Path, include_backups: bool = False
                      ) -> DeleteAllResult:
    """Empty the data file and, when asked, delete every copy in every folder ever used.
    Copies go first: they need no passphrase, so a killed run is finished even while locked."""
    with operation(data_dir, "delete-all", include_backups=include_backups):
        files = delete_copies(data_dir) if include_backups else []
        rows = empty_all_tables(db)
    return DeleteAllResult(rows, files)


def tidy(data_dir: Path) -> list[Path]:
    """Before the data is opened: remove temporary files a killed step left (a plain copy from
    `encryption off`, a half backup, ...) and finish deleting copies for a killed delete-all.
    Does nothing while another step in any process is writing copies."""
    removed: list[Path] = []
    if not temporary_files(data_dir) and pending(data_dir) is None:
        return removed  # the usual start: nothing left behind, so no lock (nor its file) taken
    with quiet(data_dir) as free:
        if not free:
            return removed
        for path in temporary_files(data_dir):
            path.unlink(missing_ok=True)
            removed.append(path)
        job = pending(data_dir)
        if job and job["operation"] == "delete-all" and job.get("include_backups"):
            removed += delete_copies(data_dir)
    return removed


def resume(data_dir: Path, db: Database) -> str | None:
    """Once the data is open (and unlocked): finish a killed run. Returns a sentence saying
    what was finished, or None."""
    job = pending(data_dir)
    if job is None:
        return None
    with quiet(data_dir) as free:
        if not free:
            return None  # its own process is still at work
        operation_name = job["operation"]
        if operation_name == "delete-all":
            if job.get("include_backups"):
                delete_copies(data_dir)
            empty_all_tables(db)
            finish(data_dir)
            return "Deleting all your data was interrupted; it has now been finished."
        current = _passphrase(db)
        with busy(data_dir):
            if current is not None:  # every copy still plain is brought under the passphrase
                encryption.rekey_copies(whole_copies(data_dir), None, current)
        finish(data_dir)
        return "A change to encryption was interrupted; it has now been finished."


def open_folder(data_dir: Path, passphrase: str | None = None) -> Database:
    """Open the data in `data_dir` for the window or a command: tidy, open, finish what a
    killed run left. Raises what core.store.database.open_database raises."""
    from core.store.database import open_database
    from core.store.paths import database_path

    try:
        tidy(data_dir)
    except OSError:
        get_logger("store").exception("could not tidy the data folder")
    db = open_database(database_path(data_dir), passphrase=passphrase)
    try:
        note = resume(data_dir, db)
    except (OSError, sqlite3.Error, encryption.PassphraseError):
        get_logger("store").exception("could not finish an interrupted operation")
        note = None
    if note:
        get_logger("store").info(note)
    return db
