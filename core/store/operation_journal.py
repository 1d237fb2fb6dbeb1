"""A note of the operation in progress, so a run killed at any moment is finished next time.

Encryption on/change/off and delete-all touch many files. Before the first one, a small journal
(`operation-in-progress.json` in the data folder) records what was asked; it is removed when the
last file is done. The next start finds it and finishes the work (core.store.all_copies.resume).
No passphrase is ever written down in the clear: a passphrase change keeps the new passphrase in
`operation-secret.key`, a tiny SQLCipher file keyed with the passphrase the data still opens with
(core.store.all_copies), removed with the journal; what needs a passphrase is finished once the
data is unlocked.

Every step that writes a temporary copy holds the folder's operation lock (shared), and tidying
takes it exclusively without waiting, so one process never removes another's file in progress.
The lock is an advisory `flock` on `.operations.lock`, a file of its own (never the data file),
released by the system when its holder dies, however it dies.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from datetime import datetime
from pathlib import Path
from typing import Iterator

from core.common.crash_points import crash_point

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: only this process's own steps are seen
    fcntl = None  # type: ignore[assignment]  # no such module there; checked before each use

JOURNAL = "operation-in-progress.json"
SECRET = "operation-secret.key"
LOCK = ".operations.lock"

_thread_lock = threading.RLock()
_held: dict[str, tuple[int | None, int]] = {}  # lock path -> (descriptor, depth)


def _flock(path: Path, exclusive: bool, wait: bool) -> tuple[bool, int | None]:
    """(acquired, descriptor). A folder that cannot hold the lock file cannot be written by
    any step either, so the lock counts as taken."""
    if fcntl is None:
        return True, None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return True, None
    flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(fd, flags if wait else flags | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False, None
    return True, fd


@contextlib.contextmanager
def _locked(data_dir: Path, exclusive: bool, wait: bool) -> Iterator[bool]:
    key = str(data_dir / LOCK)
    if not _thread_lock.acquire(blocking=wait):
        yield False
        return
    try:
        fd, depth = _held.get(key, (None, 0))
        if depth == 0:
            ok, fd = _flock(Path(key), exclusive, wait)
            if not ok:
                yield False
                return
        _held[key] = (fd, depth + 1)
        try:
            yield True
        finally:
            fd, depth = _held[key]
            if depth == 1:
                del _held[key]
                if fd is not None:
                    os.close(fd)  # closing the descriptor releases the flock
            else:
                _held[key] = (fd, depth - 1)
    finally:
        _thread_lock.release()


@contextlib.contextmanager
def busy(data_dir: Path) -> Iterator[None]:
    """Hold while writing temporary copies of the data (waits while the folder is tidied)."""
    with _locked(data_dir, exclusive=False, wait=True):
        yield


@contextlib.contextmanager
def quiet(data_dir: Path) -> Iterator[bool]:
    """Yields True when no step in any process is writing copies now (for tidying)."""
    with _locked(data_dir, exclusive=True, wait=False) as ok:
        yield ok


def pending(data_dir: Path) -> dict | None:
    """The operation a killed run left unfinished, or None."""
    try:
        value = json.loads((data_dir / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) and isinstance(value.get("operation"), str) else None


def begin(data_dir: Path, operation: str, **details: object) -> None:
    """Write the journal durably before the first file is touched."""
    from core.store.fileops import fsync_dir

    record = {"operation": operation, "started": datetime.now().isoformat(timespec="seconds"),
              **details}
    target = data_dir / JOURNAL
    tmp = target.with_name(target.name + ".new")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(record, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    fsync_dir(data_dir)
    crash_point("journal.written")


def finish(data_dir: Path) -> None:
    """Remove the journal (and the secret it needed) once the operation's last file is done.
    The secret goes first: a journal without its secret means the run had reached its end."""
    from core.store.fileops import fsync_dir

    for name in (SECRET, SECRET + "-journal"):
        (data_dir / name).unlink(missing_ok=True)
    crash_point("journal.secret_removed")
    try:
        (data_dir / JOURNAL).unlink()
    except FileNotFoundError:
        return
    fsync_dir(data_dir)


@contextlib.contextmanager
def operation(data_dir: Path, name: str, **details: object) -> Iterator[None]:
    """Journal `name` while the block runs; removed when it ends normally. On an exception the
    journal stays, like after a kill, and the next start finishes the work: check everything
    that can be refused (passphrase, space) before entering."""
    with busy(data_dir):
        begin(data_dir, name, **details)
        yield
        finish(data_dir)
