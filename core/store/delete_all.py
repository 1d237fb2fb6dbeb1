"""Delete everything: every row of the data file (schema and defaults kept) and, when asked,
every copy in every folder ever used, under a journal so a killed run is finished by the next
start (core.store.all_copies.open_folder calls `delete_copies` and `empty_all_tables` for that).
Rows deleted are counted; files deleted are listed as paths."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.store import unreachable, writers_lock
from core.store.data_files import BACKUP, DATA_NAME, KEPT, SIDECAR, TEMPORARY, case_data_files
from core.store.errors import UnfinishedError
from core.store.operation_journal import begin, busy, finish
from core.store.week_snapshot import forget_snapshot

# Tables delete-all keeps: the schema's own bookkeeping, which holds no case data.
KEEP_TABLES = {"_sqlite_migrations", "sqlite_sequence"}


@dataclass(frozen=True)
class DeleteAllResult:
    rows_deleted: int
    files_deleted: list[Path]


def empty_all_tables(db: Database) -> int:
    """Delete every row (schema kept) with `secure_delete` on, put back what a new data file
    starts with (built-in activities, default calendar keywords: migrations.seed_defaults),
    then VACUUM and empty the WAL so nothing deleted lingers in the file or beside it.
    Returns the rows deleted."""
    rows = _delete_rows(db)
    _compact(db)
    return rows


def _delete_rows(db: Database) -> int:
    """One transaction: every row goes and the defaults come back, or (on failure) nothing."""
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
            crash_point("delete_all.rows_deleted")
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    crash_point("delete_all.committed")
    return rows


def _compact(db: Database) -> None:
    db.execute("VACUUM")
    crash_point("delete_all.vacuumed")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    crash_point("delete_all.wal_emptied")


def delete_copies(data_dir: Path) -> list[Path]:
    """Delete every backup (in every folder ever used), kept copy and temporary file, and the
    log; the data file and its own -wal/-shm stay (a connection may have them open)."""
    from core.store.data_files import backup_folders

    deleted: list[Path] = []
    missed = [f for f in backup_folders(data_dir)[1:] if not unreachable.reachable(f)]
    for copy in case_data_files(data_dir):
        own_sidecar = copy.role == SIDECAR and copy.path.parent == data_dir \
            and copy.path.name.startswith(DATA_NAME + "-")
        if copy.role in (BACKUP, KEPT, TEMPORARY) or (copy.role == SIDECAR and not own_sidecar):
            try:
                copy.path.unlink(missing_ok=True)
            except OSError:  # a folder made read-only: on the list, never reported deleted
                missed.append(copy.path.parent)
                continue
            deleted.append(copy.path)
            crash_point("delete_all.copy_deleted")
    logs = data_dir / "logs"
    if logs.is_dir():
        for path in logs.glob("app.log*"):
            if path.name == "app.log":
                path.write_text("")  # the handler keeps it open; empty it in place
            else:
                path.unlink(missing_ok=True)
                deleted.append(path)
    missed = list(dict.fromkeys(missed))
    unreachable.settle(data_dir, [f for f in backup_folders(data_dir) if f not in missed])
    if missed:
        unreachable.record(data_dir, unreachable.DELETE, missed)
    return deleted


def delete_everything(db: Database, data_dir: Path, include_backups: bool = False
                      ) -> DeleteAllResult:
    """Empty the data file and, when asked, delete every copy in every folder ever used.

    The rows go first, in one transaction: when that fails (a full disk, say) nothing was
    deleted and the journal goes too, so nothing finishes the deletion later. Once they are
    gone the run is finished whatever happens: a copy, the compacting or the journal that
    fails then raises UnfinishedError, saying the next start finishes it (copies need no
    passphrase, so a killed run is finished even before the data is unlocked)."""
    forget_snapshot(data_dir)  # first: a start after a kill must not paint the old week
    with writers_lock.rewriting(data_dir), busy(data_dir):
        begin(data_dir, "delete-all", include_backups=include_backups)
        crash_point("delete_all.journal_written")
        try:
            rows = _delete_rows(db)
        except BaseException:
            finish(data_dir)  # rolled back: nothing was deleted, and nothing is left to finish
            raise
        try:
            files = delete_copies(data_dir) if include_backups else []
            crash_point("delete_all.copies_deleted")
            _compact(db)
            finish(data_dir)
        except (OSError, sqlite3.Error) as exc:
            raise UnfinishedError(
                "Your data has been deleted, but not every step could be finished "
                f"({_reason(exc)}); the rest is done the next time the app opens your data."
            ) from exc
    return DeleteAllResult(rows, files)


def _reason(exc: BaseException) -> str:
    from core.store.disk_space import is_disk_full

    if is_disk_full(exc, None):
        return "the disk is full"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
