"""One owner of a data folder at a time: an OS-level lock on `caseload.lock` beside the data.

The window holds the lock for as long as it is open; `restore`, `encryption on|change|off` and
`delete-all` take it for as long as they run, so none of them can replace the file under an open
window (whose later saves would report success and vanish), and a window cannot open in the
middle of one. Ordinary commands (`log`, `status`, ...) never take it: SQLite's own locking lets
them write beside the window.

The lock is never taken on `caseload.db` itself: closing any descriptor on the data file would
drop SQLite's locks (see core.store.live_files). On POSIX it is `flock` on the data folder
itself (per open file, released by the OS when the process ends, even by kill -9): a lock file
could be deleted from under its holder, after which the next command would make a new one and
find it free; the folder cannot go while it holds the data. `held_still()` tells the window
when its folder has been moved or removed. On Windows it is `msvcrt.locking` on `caseload.lock`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCK_FILENAME = "caseload.lock"
IN_USE_MESSAGE = ("Caseload Companion's window has this data folder open (or another command is "
                  "changing it); close the window, then run this again. Nothing was changed.")


class FolderInUseError(Exception):
    """Another process (the window, or a command replacing the data) holds the folder."""

    def __init__(self, message: str = IN_USE_MESSAGE):
        super().__init__(message)


def lock_path(data_dir: Path) -> Path:
    """What is locked: the folder itself on POSIX, `caseload.lock` in it on Windows."""
    return Path(data_dir) / LOCK_FILENAME if os.name == "nt" else Path(data_dir)


class FolderLock:
    """Exclusive, non-blocking ownership of `data_dir`. `acquire()` -> True when this process
    now holds it; False when another open file (this process or another) does. Raises OSError
    when the lock file cannot be created (a missing or read-only folder)."""

    def __init__(self, data_dir: Path):
        self.path = lock_path(data_dir)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, create: bool = True) -> bool:
        """With `create=False`, a folder that does not exist (or, on Windows, has no lock file)
        is simply not locked (True): nothing is written into it."""
        if self._fd is not None:
            return True
        try:
            fd = _open(self.path, create)
        except FileNotFoundError:
            if create:
                raise
            return True
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def held_still(self) -> bool:
        """True while this holder's lock is on the folder its path names (False once the folder
        was moved, removed or replaced: the data this process has open is no longer there)."""
        if self._fd is None:
            return False
        try:
            mine, named = os.fstat(self._fd), os.stat(self.path)
        except OSError:
            return False
        return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> "FolderLock":
        if not self.acquire():
            raise FolderInUseError()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def folder_in_use(data_dir: Path) -> bool:
    """True while another owner (normally the window) holds `data_dir`. Never creates the
    folder; a folder without a lock file has no owner."""
    if not lock_path(data_dir).exists():
        return False
    probe = FolderLock(data_dir)
    try:
        if probe.acquire():
            return False
    except OSError:
        return False
    finally:
        probe.release()
    return True


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _open(path: Path, create: bool) -> int:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o600)

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _open(path: Path, create: bool) -> int:
        """The folder, opened to read (a directory cannot be opened to write); never made."""
        return os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
