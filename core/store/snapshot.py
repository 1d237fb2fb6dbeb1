"""A whole, self-contained copy of an open data file, taken through SQLite's backup API.

The only way this process copies the data while it holds a connection: reading the file's bytes
(`shutil.copy`) would close a descriptor on it and drop the connection's locks (see
core.store.live_files). An encrypted source gives a copy under the same passphrase.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from core.common.crash_points import crash_point
from core.store import encryption
from core.store.fileops import fsync_dir, make_private, remove_sidecars, sidecar


def copy_to_partial(conn: Any, dest: Path) -> Path:
    """Copy what `conn` (sqlite3 or encryption.CipherConnection) sees to `dest` + ".partial":
    owner-only, no WAL beside it, under the same passphrase. Returns that file; the caller puts
    it in place. Raises sqlite3.Error or OSError."""
    tmp = sidecar(dest, ".partial")
    tmp.unlink(missing_ok=True)
    passphrase = conn.passphrase if isinstance(conn, encryption.CipherConnection) else None
    if passphrase is not None:
        target = encryption.raw_connect(tmp, passphrase)
    else:
        target = sqlite3.connect(str(tmp))
    try:
        make_private(tmp)
        getattr(conn, "raw", conn).backup(target)
        crash_point("snapshot.copied")
        # One self-contained file: no WAL, so it can be copied, checked or opened read-only.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    remove_sidecars(tmp)
    return tmp


def copy_connection(conn: Any, dest: Path) -> Path:
    """Copy what `conn` sees to the file `dest`, replacing it.

    Written to `dest` + ".partial" first and renamed when whole, so a kill never leaves a half
    copy under the final name. Raises sqlite3.Error or OSError.
    """
    os.replace(copy_to_partial(conn, dest), dest)
    fsync_dir(dest.parent)
    return dest
