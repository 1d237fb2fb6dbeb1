"""Backups with SQLite's backup API, rotated (7 daily + 4 weekly), and restore that checks first.

A backup of encrypted data stays encrypted under the same passphrase. Restore copies the chosen
file, checks the copy, keeps the current data (a backup, or the damaged file set aside), then
swaps the copy in with one atomic rename.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.common import clock
from core.store import encryption
from core.store.database import StorageError, connect_file
from core.store.data_files import remember_file, remember_folder
from core.store.fileops import (
    atomic_replace,
    file_kind,
    place_new,
    remove_sidecars,
    set_aside,
    stamp,
    unique_path,
)
from core.store.health_check import check_connection
from core.store.operation_journal import busy
from core.store.paths import ensure_private_dir
from core.store.saved_rows import RowScope
from core.store.snapshot import copy_to_partial
from core.store.week_snapshot import forget_snapshot

BACKUP_DIRNAME = "backups"
BACKUP_FOLDER_SETTING = "backup_folder"
BACKUP_FOLDER_ROWS = RowScope(settings=(BACKUP_FOLDER_SETTING,))  # a change of folder, for Undo
KEEP_DAILY = 7
KEEP_WEEKLY = 4
MANUAL = "manual"  # label of a backup made on request; only automatic backups are rotated
_NAME = re.compile(r"^caseload-(\d{8}-\d{6})(?:-[\w-]+)?\.db$")
_ROTATED = re.compile(r"^caseload-\d{8}-\d{6}(?:-\d+)?\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    encrypted: bool


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_data: Path | None  # where the data that was replaced has been kept


def default_backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def backup_dir(db: Database | None, data_dir: Path) -> Path:
    """The folder the practitioner chose in Settings, else `backups/` in the data folder.
    The chosen folder is also remembered for good (core.store.data_files), so encryption and
    delete-all still find its backups after another folder is chosen or the data deleted."""
    if db is not None:
        rows = list(db.query("SELECT value FROM settings WHERE key = ?", [BACKUP_FOLDER_SETTING]))
        if rows and rows[0]["value"]:
            import json

            chosen = json.loads(rows[0]["value"])
            if chosen:
                remember_folder(data_dir, Path(chosen))
                return Path(chosen)
    return default_backup_dir(data_dir)


def _data_dir_of(db: Database) -> Path | None:
    """The folder of the file `db` is open on, asked through the connection (never the file)."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2]).parent
    return None


def set_backup_dir(db: Database, folder: Path | None, data_dir: Path | None = None) -> None:
    """Back up into `folder` from now on (None: `backups/` in the data folder)."""
    import json

    data_dir = data_dir or _data_dir_of(db)
    if folder and data_dir is not None:
        remember_folder(data_dir, Path(folder))
    value = json.dumps(str(folder) if folder else None)
    db.table("settings").upsert({"key": BACKUP_FOLDER_SETTING, "value": value}, pk="key")


def ready_folder(folder: Path) -> Path:
    """Create the backup folder owner-only if new; a folder the practitioner chose that already
    exists keeps its own permissions (each backup file in it is owner-only regardless)."""
    return folder if folder.is_dir() else ensure_private_dir(folder)


_SYNCED = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "mobile documents",
           "box sync", "nextcloud", "owncloud")


def sync_warning(folder: Path) -> str | None:
    """A calm warning when a chosen backup folder looks like one that syncs to the cloud."""
    lowered = str(folder).lower()
    if any(name in lowered for name in _SYNCED):
        return (f"{folder} looks like a folder that copies its files to the cloud. Backups hold "
                "your case data; your employer may not allow it to leave this computer.")
    return None


def _raw(conn: Any) -> Any:
    return getattr(conn, "raw", conn)


def backup_connection(conn: Any, dest: Path) -> Path:
    """Copy an open connection's data to `dest` (new, owner-only) with the backup API."""
    if dest.exists():
        raise StorageError(f"There is already a file at {dest}; choose another name.")
    if not dest.parent.exists():
        ensure_private_dir(dest.parent)
    tmp = copy_to_partial(conn, dest)
    crash_point("backup.partial_written")
    try:
        place_new(tmp, dest)
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"There is already a file at {dest}; choose another name.") from None
    return dest


def make_backup(db: Database, data_dir: Path, out: Path | None = None) -> Path:
    """Back up now ("Back up now", `backup`): to `out`, or to a new file named
    `caseload-STAMP-manual.db` in the backup folder. Removes nothing: rotation runs only after
    the automatic backup, and a manual backup is never rotated away."""
    with busy(data_dir):
        if out is not None:
            remember_file(data_dir, out)
            return backup_connection(db.conn, out)
        folder = ready_folder(backup_dir(db, data_dir))
        dest = unique_path(folder, f"caseload-{stamp()}-{MANUAL}", ".db")
        return backup_connection(db.conn, dest)


def backup_file(db_path: Path, dest_folder: Path, passphrase: str | None = None) -> Path:
    """The automatic backup, from the file with a connection of its own (safe on a worker
    thread), then rotation of the automatic backups in `dest_folder`."""
    with busy(db_path.parent):
        conn = connect_file(db_path, passphrase)
        try:
            folder = ready_folder(dest_folder)
            dest = unique_path(folder, f"caseload-{stamp()}", ".db")
            backup_connection(conn, dest)
            crash_point("backup.placed")
        finally:
            conn.close()
        rotate(folder)
    return dest


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in `folder`, newest first (only files named like the app's own backups)."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        kind = file_kind(path)
        found.append(BackupInfo(path, created, path.stat().st_size, kind == "encrypted"))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def backups_to_keep(created: list[datetime], daily: int = KEEP_DAILY,
                    weekly: int = KEEP_WEEKLY) -> set[datetime]:
    """Judged by each backup's own time: every backup of each of the last `daily` days that
    have one (same-day backups never replace each other), and the newest of each of the last
    `weekly` ISO weeks that have one (grandfather-father-son rotation)."""
    days = sorted({m.date() for m in created}, reverse=True)[:daily]
    keep = {m for m in created if m.date() in days}
    by_week: dict[tuple[int, int], datetime] = {}
    for moment in sorted(created, reverse=True):
        by_week.setdefault(moment.isocalendar()[:2], moment)
    keep.update(sorted(by_week.values(), reverse=True)[:weekly])
    return keep


def rotate(folder: Path) -> list[Path]:
    """Delete automatic backups the rotation does not keep; return what was removed.
    Manual backups and labelled copies (`-before-restore`) stay until the practitioner deletes
    them."""
    backups = [b for b in list_backups(folder) if _ROTATED.match(b.path.name)]
    keep = backups_to_keep([b.created for b in backups])
    removed = []
    for b in backups:
        if b.created in keep:
            continue
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
        crash_point("backup.rotated_one")
    return removed


def backup_due(folder: Path, today: date | None = None) -> bool:
    """True when there is no automatic backup from today yet (they run once a day; a manual
    backup earlier that day does not count)."""
    today = today or clock.today()
    return not any(b.created.date() == today for b in list_backups(folder)
                   if _ROTATED.match(b.path.name))


def verify_backup(path: Path, passphrase: str | None = None, name: str | None = None) -> list[str]:
    """Problems that make `path` unfit to restore (empty when it is fine). Opens, never writes.
    The problems call the file `name` (the file the practitioner chose, not a working copy)."""
    from core.store.database import (
        ForeignDatabaseError,
        PassphraseRequiredError,
        WrongPassphraseError,
    )

    shown = name or path.name
    if file_kind(path) in ("missing", "empty", "unknown"):
        return [f"{shown} is not a Caseload Companion backup."]
    try:
        conn = connect_file(path, passphrase)
    except (PassphraseRequiredError, WrongPassphraseError):
        raise  # the caller asks again; not a problem with the file
    except ForeignDatabaseError:
        return [f"{shown} is a database, but not one made by Caseload Companion."]
    except StorageError:
        return [f"{shown} is damaged or is not a Caseload Companion backup."]
    try:
        report = check_connection(conn)
    finally:
        conn.close()
    problems = list(report.problems)
    if "cases" not in report.tables:
        problems.append(f"{shown} is a database, but not one made by Caseload Companion.")
    return problems


def restore_backup(source: Path, db_path: Path, passphrase: str | None = None) -> RestoreResult:
    """Replace the data at `db_path` with a checked copy of `source`.

    No connection to `db_path` may be open. Raises StorageError (nothing changed) when the file
    is not a good backup; PassphraseRequiredError/WrongPassphraseError for encrypted backups.
    Holds the folder's operation lock, so no other start tidies its temporary copy away, and
    the writers' lock exclusively, so no command anywhere writes into the file being replaced.
    """
    from core.store import writers_lock

    with writers_lock.rewriting(db_path.parent), busy(db_path.parent):
        return _restore(source, db_path, passphrase)


def _restore(source: Path, db_path: Path, passphrase: str | None) -> RestoreResult:
    from core.store.database import PassphraseRequiredError, WrongPassphraseError

    if not source.is_file():
        raise StorageError(f"There is no backup file at {source}.")
    ensure_private_dir(db_path.parent)
    tmp = unique_path(db_path.parent, f".{db_path.name}.restore-{stamp()}", ".tmp")
    from core.store.fileops import copy_private

    copy_private(source, tmp)
    crash_point("restore.copied")
    try:
        if file_kind(tmp) == "encrypted" and passphrase is None and encryption.available():
            raise PassphraseRequiredError("That backup is encrypted. Enter its passphrase.")
        problems = verify_backup(tmp, passphrase, source.name)
        if problems:
            raise StorageError("That file was not restored: " + " ".join(problems))
        remove_sidecars(tmp)
        crash_point("restore.checked")
        forget_snapshot(db_path.parent)  # the kept words were the old data's (and may be plain)
        crash_point("restore.week_forgotten")
        previous = keep_current_data(db_path)
        crash_point("restore.current_kept")
        atomic_replace(tmp, db_path)
        crash_point("restore.replaced")
    except (PassphraseRequiredError, WrongPassphraseError, StorageError, OSError):
        remove_sidecars(tmp)
        tmp.unlink(missing_ok=True)
        raise
    return RestoreResult(source, previous)


def keep_current_data(db_path: Path) -> Path | None:
    """Before a restore: back up the current data, or set a damaged file aside unchanged."""
    if file_kind(db_path) in ("missing", "empty"):
        return None
    if file_kind(db_path) == "sqlite":
        try:
            conn = connect_file(db_path)
        except StorageError:
            return set_aside(db_path)
        try:
            folder = ready_folder(default_backup_dir(db_path.parent))
            dest = unique_path(folder, f"caseload-{stamp()}-before-restore", ".db")
            return backup_connection(conn, dest)
        finally:
            conn.close()
    # Encrypted (its key may differ from the backup's) or damaged: keep the exact bytes.
    return set_aside(db_path, "before-restore")
