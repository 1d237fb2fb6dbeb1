"""A full disk and a read-only folder, told as what they are rather than as a damaged file.

With no space left, SQLite cannot even create the `-shm` file a WAL database needs to be read,
and reports SQLITE_FULL or, for the shared-memory file, SQLITE_IOERR_SHMSIZE ("disk I/O error").
Both used to reach the practitioner as "the data file is damaged", with an offer to move it
aside. `is_disk_full` recognises them (and Python's ENOSPC/EDQUOT) so every command and the
window say DISK_FULL_MESSAGE instead.

A read-only place (a read-only mount, or a folder the practitioner made read-only) is opened
read-only (`connect_read_only`), and no permission of theirs is changed (`tighten_only`).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite3 is imported where used: the window's first frame needs tighten_only
    import sqlite3

DISK_FULL_MESSAGE = "Your disk is full; nothing was changed. Free some space and try again."
READ_ONLY_NOTICE = ("Your data folder is read-only, so your data is open to read only: "
                    "changes cannot be saved until the folder can be written to again.")
READ_ONLY_WRITE_MESSAGE = ("Your data folder is read-only, so nothing was saved. Make it "
                           "writable again and try again.")
LOW_SPACE_BYTES = 1024 * 1024  # below this, an I/O error while writing is a full disk
_SQLITE_FULL, _SQLITE_IOERR = 13, 10


def is_disk_full(exc: BaseException | None, folder: Path | None = None) -> bool:
    """True when `exc` (or what caused it) means there was no space left to write.

    An SQLite I/O error counts only when `folder`'s file system has under LOW_SPACE_BYTES free.
    """
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc).lower()
        if (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in text \
                or "no space left" in text:
            return True
        io_error = (code is not None and code & 0xFF == _SQLITE_IOERR) or "disk i/o error" in text
        if io_error and folder is not None and _free_bytes(folder) < LOW_SPACE_BYTES:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def storage_failure(exc: BaseException, folder: Path | None = None) -> str | None:
    """The sentence for a failure the practitioner can act on (a full disk, a read-only
    folder), or None for anything else. The window and the command line both say it."""
    import sqlite3

    if is_disk_full(exc, folder):
        return DISK_FULL_MESSAGE
    if isinstance(exc, sqlite3.Error) and "readonly" in str(exc).replace("-", "").lower():
        return READ_ONLY_WRITE_MESSAGE
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        where = Path(exc.filename) if isinstance(exc.filename, (str, Path)) else None
        inside = where is not None and folder is not None \
            and (where == folder or folder in where.absolute().parents)
        if inside and folder is not None and (exc.errno == errno.EROFS or read_only_place(folder / "caseload.db")):
            return READ_ONLY_WRITE_MESSAGE
        if where is not None and exc.errno == errno.EROFS:
            return f"{where.parent} is on a read-only disk, so nothing was saved there."
    return None


def _free_bytes(folder: Path) -> int:
    for candidate in (folder, *folder.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return LOW_SPACE_BYTES


def read_only_place(path: Path) -> bool:
    """True when the data file at `path` cannot be written: a read-only mount, or a folder or
    file without write permission (as the practitioner left it)."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        pass
    if not folder.exists():
        return False
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL database needs its `-shm` file, which cannot be created in
    a read-only folder; then, if there is no unsaved `-wal` beside it, the file is opened as
    immutable (SQLite reads it without any shared memory; nobody can write it there anyway)."""
    import sqlite3
    import urllib.parse

    from core.store.errors import StorageError

    from core.common.paths import path_bytes

    uri = "file:" + urllib.parse.quote(path_bytes(path))  # its own bytes: need not be UTF-8
    conn = sqlite3.connect(uri + "?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StorageError(
            f"Your data folder {path.parent} is read-only, and the last changes to your data "
            "are still in its journal. Make the folder writable again to open it.")
    return sqlite3.connect(uri + "?immutable=1", uri=True)


def tighten_only(path: Path, private_mode: int) -> None:
    """Remove group and other permissions (towards `private_mode`, 0o700 or 0o600) without
    ever adding one: a file or folder the practitioner made read-only stays read-only."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o777
        if mode & ~private_mode:
            os.chmod(path, mode & private_mode)
    except OSError:  # a read-only mount: nothing can be changed, and nothing needs to be
        pass
