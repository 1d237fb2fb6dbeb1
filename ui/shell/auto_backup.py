"""The automatic daily backup: after the window shows, on a worker thread, at most once a day."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from sqlite_utils import Database

from core.store import encryption
from core.store.applog import get_logger
from core.store.backup import backup_due, backup_dir, backup_file
from ui.widgets.kept_jobs import KeptJob, start_kept

START_DELAY_MS = 3000  # well after the first paint


class _Signals(QObject):
    finished = Signal(object)  # the new backup's Path, or None when none was due or it failed


class BackupJob(KeptJob):
    """Opens its own connection (SQLite connections stay on their thread) and backs up."""

    def __init__(self, db_path: Path, folder: Path, passphrase: str | None):
        super().__init__()
        self.signals = _Signals()
        self._args = (db_path, folder, passphrase)

    def work(self) -> None:
        db_path, folder, passphrase = self._args
        made: Path | None = None
        try:
            if backup_due(folder):
                made = backup_file(db_path, folder, passphrase)
        except Exception:  # noqa: BLE001 - a missed backup must never disturb the user's work
            get_logger("backup").exception("automatic backup failed")
        self.signals.finished.emit(made)


def start_backup_job(db: Database, db_path: Path, data_dir: Path,
                     on_done=None) -> BackupJob:  # type: ignore[no-untyped-def]
    conn = db.conn
    passphrase = conn.passphrase if isinstance(conn, encryption.CipherConnection) else None
    job = BackupJob(db_path, backup_dir(db, data_dir), passphrase)
    if on_done is not None:
        job.signals.finished.connect(on_done)
    start_kept(job)  # held until it has ended, so its signals outlive run()
    return job


def schedule_automatic_backup(db: Database, db_path: Path, data_dir: Path) -> None:
    """Once a day, a few seconds after start, rotating 7 daily and 4 weekly backups."""
    QTimer.singleShot(START_DELAY_MS, lambda: start_backup_job(db, db_path, data_dir))
