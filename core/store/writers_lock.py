"""Writers beside an operation that replaces the data file: shared to write, exclusive to replace.

SQLite's own locks let two processes write one file safely, but not a file that is swapped for
another while a connection is open on it: a `log` that opened `caseload.db` before
`encryption on` renamed a new file over it commits into the old, unlinked file (the write is
acknowledged and lost), and one whose `-wal` was removed under it can write pages of one file
into the other (damage). So every command that opens the data holds this lock shared for as
long as its connection is open, and every operation that replaces or rewrites the data file
(encryption on/change/off, restore, delete-all, finishing an interrupted run) holds it
exclusively from its first read to its swap. Either side waits up to `WAIT_S` for the other,
then gives up with nothing changed (DataBusyError: "Your data is busy ...").

The lock is `flock` on `.writers.lock` in the data folder, released by the system when its
holder dies, however it dies. A lock file that was deleted and made again is noticed: after
locking, the descriptor must still be the file the name points to, or the lock is taken again.
Within one process the lock is counted: an exclusive holder may open the data (shared) again,
and a shared holder cannot become exclusive (that would let a rewrite slip in between), so an
interrupted run is finished only by a process that asked for the lock exclusively from the start.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from core.store.transactions import BUSY_MESSAGE, DataBusyError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: SQLite's own file locks only
    fcntl = None  # type: ignore[assignment]  # no such module there; checked before each use

LOCK = ".writers.lock"
WAIT_S = 5.0
_POLL_S = 0.02
REWRITE_BUSY = ("Your data is in use by another command; nothing was changed. Try again when "
                "it has finished.")
UNUSABLE = ("The lock file {name} in your data folder is not an ordinary file this app can open "
            "(a folder, a link or read-only); nothing was changed. Remove it, then try again.")


class LockUnusableError(DataBusyError):
    """`.writers.lock` exists but cannot be opened as a plain file: never taken for a free lock."""

    def __init__(self) -> None:
        super().__init__(UNUSABLE.format(name=LOCK))

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_mutex = threading.RLock()


@dataclass
class _Held:
    fd: int | None
    exclusive: bool
    depth: int


_held: dict[str, _Held] = {}


def _key(data_dir: Path) -> str:
    return os.path.abspath(Path(data_dir) / LOCK)


def _same_file(fd: int, path: str) -> bool:
    try:
        mine, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def _cannot_open(path: str, exc: OSError) -> None:
    """None where no lock is needed because no file in the folder can be created, renamed or
    removed (a read-only mount or folder: no operation can replace the data there). Otherwise
    the lock file is there but unusable (a folder, a link, a read-only file): raises
    LockUnusableError, for a lock that cannot be taken is never a free lock."""
    if exc.errno == errno.EROFS or not os.access(os.path.dirname(path), os.W_OK):
        return None
    raise LockUnusableError() from exc


def _take(path: str, exclusive: bool, wait_s: float) -> int | None:
    """A locked descriptor on `path`; None where no lock can be kept (no fcntl, or a folder
    that cannot hold the file: nothing can be written into it either). Raises DataBusyError
    after `wait_s`, LockUnusableError when the lock file cannot be opened (never followed
    through a symbolic link, never made through one)."""
    if fcntl is None:
        return None
    deadline = time.monotonic() + wait_s
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError as exc:
            _cannot_open(path, exc)  # raises, unless no lock can be kept there at all
            return None
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a fifo or device under the name
            os.close(fd)
            raise LockUnusableError()
        try:
            fcntl.flock(fd, mode)
        except OSError:
            os.close(fd)
        else:
            if _same_file(fd, path):
                return fd
            os.close(fd)  # the file was deleted (and perhaps made again) meanwhile: lock anew
            continue
        if time.monotonic() >= deadline:
            raise DataBusyError(REWRITE_BUSY if exclusive else BUSY_MESSAGE)
        time.sleep(_POLL_S)


def acquire(data_dir: Path, exclusive: bool, wait_s: float = WAIT_S) -> None:
    """Take the lock (counted within this process). Raises DataBusyError when another process
    keeps it for longer than `wait_s`, and RuntimeError when this process holds it shared and
    asks for it exclusively."""
    key = _key(data_dir)
    with _mutex:
        held = _held.get(key)
        if held is not None:
            if exclusive and not held.exclusive:
                raise RuntimeError("the writers' lock is held shared; it cannot become exclusive")
            held.depth += 1
            return
        fd = _take(key, exclusive, wait_s)
        _held[key] = _Held(fd, exclusive, 1)


def release(data_dir: Path) -> None:
    key = _key(data_dir)
    with _mutex:
        held = _held.get(key)
        if held is None:
            return
        held.depth -= 1
        if held.depth > 0:
            return
        del _held[key]
        if held.fd is not None:
            os.close(held.fd)  # closing the descriptor releases the flock


def downgrade(data_dir: Path) -> None:
    """Exclusive to shared without letting go (a rewrite waiting cannot slip in between)."""
    key = _key(data_dir)
    with _mutex:
        held = _held.get(key)
        if held is None or not held.exclusive or held.depth != 1:
            return
        if held.fd is not None and fcntl is not None:
            fcntl.flock(held.fd, fcntl.LOCK_SH)
        held.exclusive = False


def holds(data_dir: Path, exclusive: bool = False) -> bool:
    """True when this process holds the lock (exclusively, when asked)."""
    with _mutex:
        held = _held.get(_key(data_dir))
        return held is not None and (held.exclusive or not exclusive)


@contextlib.contextmanager
def writing(data_dir: Path, wait_s: float = WAIT_S) -> Iterator[None]:
    """Held while a connection to the data is open for writing."""
    acquire(data_dir, exclusive=False, wait_s=wait_s)
    try:
        yield
    finally:
        release(data_dir)


@contextlib.contextmanager
def rewriting(data_dir: Path, wait_s: float = WAIT_S) -> Iterator[None]:
    """Held from an operation's first read of the data file to its swap: no writer anywhere."""
    acquire(data_dir, exclusive=True, wait_s=wait_s)
    try:
        yield
    finally:
        release(data_dir)
