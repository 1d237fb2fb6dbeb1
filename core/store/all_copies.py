"""Encryption on/change/off and delete-all over every copy of the data, finished after a kill.
(Delete-all itself is core.store.delete_all; finishing it after a kill is here, in `resume`.)

Each works over core.store.data_files (the data file, every backup in every folder ever used,
upgrade and set-aside copies, temporary files) under a journal (core.store.operation_journal).
The data file changes first, so from that moment the folder's intended state is the data file's
state; the copies follow. A run killed at any moment is finished by `open_folder`, which every
start (window and command line) goes through: temporary files are removed before the data is
opened, and what needs the passphrase is done once it is unlocked.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.store import encryption, unreachable, writers_lock
from core.store.applog import get_logger
from core.store.errors import UnfinishedError
from core.store.data_files import temporary_files, whole_copies
from core.store.delete_all import delete_copies, empty_all_tables
from core.store.week_snapshot import forget_snapshot
from core.store.operation_journal import (
    JOURNAL,
    SECRET,
    begin,
    busy,
    finish,
    pending,
    quiet,
)


def _passphrase(db: Database) -> str | None:
    conn = db.conn
    return conn.passphrase if isinstance(conn, encryption.CipherConnection) else None


def change_encryption(data_dir: Path, old: str | None, new: str | None) -> list[Path]:
    """Turn encryption on (`old` None), change the passphrase, or turn it off (`new` None) for
    every backup and kept copy the old passphrase opens and for the data file.

    Order, so that a run killed at any moment can be finished by the next start (`resume`):
    `on` does the data file first (after its swap the next start knows the passphrase and
    encrypts the copies still plain); `change` and `off` do the copies first and the data file
    last, so until the swap the data still opens with the old passphrase, and the next start,
    unlocked with it, finishes the rest. For `change` the new passphrase waits in a tiny
    SQLCipher file keyed with the old one (operation_journal.SECRET), never in the clear.

    No connection to the data file may be open. Raises ValidationError (a weak passphrase, no
    sqlcipher3), encryption.PassphraseError (`old` does not open the data) or
    encryption.DamagedCipherError with nothing changed. Returns the copies brought along;
    copies only an earlier passphrase opens stay (and `check` reports them).
    """
    from core.common.errors import ValidationError
    from core.store.paths import database_path

    if new is not None:
        encryption.check_passphrase(new)
    if not encryption.available():
        raise ValidationError(encryption.unavailable_reason() or "")
    db_path = database_path(data_dir)
    name = "encryption " + ("on" if old is None else "off" if new is None else "change")
    forget_snapshot(data_dir)  # nothing of an encrypted folder is kept in the clear; and off
    crash_point("encryption.week_forgotten")  # rewrites the data file: the words are not its
    with writers_lock.rewriting(data_dir), busy(data_dir):
        encryption.raw_connect(db_path, old).close()  # refused here, before anything is written
        if old is None:
            begin(data_dir, name)
            crash_point("encryption.journal_written")
            try:
                encryption.rekey_file(db_path, old, new)
            except BaseException:
                finish(data_dir)  # the data file is as it was: there is nothing to finish later
                raise
            crash_point("encryption.data_rekeyed")
            copies = encryption.rekey_copies(whole_copies(data_dir), old, new)
            crash_point("encryption.copies_rekeyed")
        else:
            if new is not None:
                _keep_secret(data_dir, old, new)
                crash_point("encryption.secret_kept")
            begin(data_dir, name)
            crash_point("encryption.journal_written")
            copies = encryption.rekey_copies(whole_copies(data_dir), old, new)
            crash_point("encryption.copies_rekeyed")
            try:
                encryption.rekey_file(db_path, old, new)
            except BaseException:
                _roll_back_copies(data_dir, copies, old, new)
                raise
            crash_point("encryption.data_rekeyed")
        finish(data_dir)
        unreachable.note_after_change(data_dir, copies, old, new)
    return copies


def _roll_back_copies(data_dir: Path, copies: list[Path], old: str | None, new: str | None
                      ) -> None:
    """The data file's re-key failed after `copies` were re-keyed: put them back under `old`,
    so "nothing was changed" is true, and end the run. Raises UnfinishedError when a copy
    cannot be put back (the next start, unlocked with `old`, then finishes the change)."""
    back = encryption.rekey_copies(copies, new, old) if copies else []
    if len(back) != len(copies):
        raise UnfinishedError(
            "Your data file could not be re-written, and some of its copies had already been "
            "changed and could not be put back. Your data still opens with your current "
            "passphrase; the change is finished the next time the app opens your data.")
    finish(data_dir)


def _keep_secret(data_dir: Path, key: str, secret: str) -> None:
    """Write `secret` durably into operation_journal.SECRET, encrypted under `key`."""
    from core.store.fileops import fsync_dir, make_private

    path = data_dir / SECRET
    path.unlink(missing_ok=True)
    conn = encryption.raw_connect(path, key)
    try:
        conn.execute("CREATE TABLE secret (value TEXT NOT NULL)")
        conn.execute("INSERT INTO secret VALUES (?)", [secret])
        conn.commit()
    finally:
        conn.close()
    make_private(path)
    fsync_dir(data_dir)


def _read_secret(data_dir: Path, key: str | None) -> str | None:
    """The secret a killed `change` kept, when `key` opens it; otherwise None."""
    path = data_dir / SECRET
    if key is None or not path.exists():
        return None
    try:
        conn = encryption.raw_connect(path, key)
    except (encryption.PassphraseError, encryption.DamagedCipherError):
        return None
    try:
        row = conn.execute("SELECT value FROM secret").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row and isinstance(row[0], str) else None


def tidy(data_dir: Path) -> list[Path]:
    """Before the data is opened: remove temporary files a killed step left (a plain copy from
    `encryption off`, a half backup, ...) and finish deleting copies for a killed delete-all.
    Does nothing while another step in any process is writing copies."""
    removed: list[Path] = []
    stray_secret = (data_dir / SECRET).exists() and pending(data_dir) is None
    half_journal = data_dir / (JOURNAL + ".new")  # killed while the journal was being written
    if (not temporary_files(data_dir) and pending(data_dir) is None and not stray_secret
            and not half_journal.exists()):
        return removed  # the usual start: nothing left behind, so no lock (nor its file) taken
    with quiet(data_dir) as free:
        if not free:
            return removed
        for path in [*temporary_files(data_dir), *[p for p in [half_journal] if p.exists()]]:
            path.unlink(missing_ok=True)
            removed.append(path)
        job = pending(data_dir)
        if job is None:  # killed before its journal was written: nothing was changed
            finish(data_dir)
        elif job["operation"] == "delete-all" and job.get("include_backups"):
            removed += delete_copies(data_dir)
    return removed


def resume(data_dir: Path, db: Database) -> tuple[Database, str | None]:
    """Once the data is open (and unlocked): finish a killed run. Returns the open data (a new
    connection when the data file itself had still to be re-keyed) and a sentence saying what
    was finished, or None. When a step fails, the journal stays (`check` reports it) and the
    data is returned open as it was. Finishing is itself a rewrite: it runs only while this
    process holds the writers' lock exclusively (core.store.writers_lock), or can take it."""
    job = pending(data_dir)
    if job is None:
        return db, None
    if writers_lock.holds(data_dir) and not writers_lock.holds(data_dir, exclusive=True):
        return db, None  # opened beside other writers: left for a start that can exclude them
    with writers_lock.rewriting(data_dir), quiet(data_dir) as free:
        if not free:
            return db, None  # its own process is still at work
        operation_name = job["operation"]
        if operation_name == "delete-all":
            forget_snapshot(data_dir)
            if job.get("include_backups"):
                delete_copies(data_dir)
            empty_all_tables(db)
            finish(data_dir)
            return db, "Deleting all your data was interrupted; it has now been finished."
        current = _passphrase(db)
        with busy(data_dir):
            if operation_name == "encryption on":
                if current is not None:  # every copy still plain is brought under it
                    encryption.rekey_copies(whole_copies(data_dir), None, current)
                    crash_point("resume.copies_rekeyed")
            elif current is not None:  # `change` or `off` killed before the data file's swap
                new = _read_secret(data_dir, current) \
                    if operation_name == "encryption change" else None
                if operation_name == "encryption off" or new is not None:
                    encryption.rekey_copies(whole_copies(data_dir), current, new)
                    crash_point("resume.copies_rekeyed")
                    db = _swap_data(db, data_dir, current, new)
                    crash_point("resume.data_rekeyed")
            finish(data_dir)
        return db, "A change to encryption was interrupted; it has now been finished."


def _swap_data(db: Database, data_dir: Path, old: str | None, new: str | None) -> Database:
    """Close `db`, re-key the data file from `old` to `new` and open it again. On failure the
    data is opened again as it was and the error raised."""
    from core.store.database import open_database
    from core.store.paths import database_path

    db_path = database_path(data_dir)
    db.close()
    try:
        encryption.rekey_file(db_path, old, new)
    except BaseException:
        raise _Reopened(open_database(db_path, passphrase=old)) from None
    return open_database(db_path, passphrase=new)


class _Reopened(Exception):
    """Finishing failed; carries the data opened again as it was."""

    def __init__(self, db: Database):
        super().__init__("could not finish re-keying the data file")
        self.db = db


def open_folder(data_dir: Path, passphrase: str | None = None) -> Database:
    """Open the data in `data_dir` for the window or a command: tidy, open, finish what a
    killed run left. After a killed passphrase change unlocked with the old passphrase, the
    data returned is under the new one (the change the practitioner asked for is finished).
    Raises what core.store.database.open_database raises."""
    from core.store.database import open_database
    from core.store.paths import database_path

    if pending(data_dir) is not None and not writers_lock.holds(data_dir):
        with writers_lock.rewriting(data_dir):  # finishing a run excludes every writer
            return open_folder(data_dir, passphrase)
    try:
        tidy(data_dir)
    except OSError:
        get_logger("store").exception("could not tidy the data folder")
    db = open_database(database_path(data_dir), passphrase=passphrase)
    note = None
    try:
        db, note = resume(data_dir, db)
    except _Reopened as failed:
        get_logger("store").error("could not finish an interrupted operation")
        db = failed.db
    except (OSError, sqlite3.Error, encryption.PassphraseError, encryption.DamagedCipherError):
        get_logger("store").exception("could not finish an interrupted operation")
    if note:
        get_logger("store").info(note)
    if unreachable.load(data_dir):
        try:
            unreachable.retry(data_dir, db)
        except (OSError, sqlite3.Error, encryption.PassphraseError,
                encryption.DamagedCipherError):
            get_logger("store").exception("could not reach a listed copy")
    return db
