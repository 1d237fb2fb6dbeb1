"""Which data files this process has open through SQLite, so nothing here touches them another way.

Under POSIX, closing *any* file descriptor on a file drops every lock this process holds on it
(sqlite.org, "How To Corrupt An SQLite Database File", section 2.2). One plain `open()` and
`close()` of `caseload.db` while a connection is open silently releases the connection's locks:
the next process to close its own connection then believes it is the last one, checkpoints and
deletes the `-wal` and `-shm` files, and every later commit in this process goes to a deleted
journal and is lost at the next crash.

So every connection the app opens to a data file is registered here, and code that would read,
copy or replace a file asks `live_kind`/`is_live` first and goes through SQLite instead.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from pathlib import Path
from typing import Any

SIDECARS = ("-wal", "-shm", "-journal")

_guard = threading.Lock()
_open: dict[str, list[tuple[weakref.ref, str]]] = {}  # real path -> (connection, kind)


class TrackedConnection(sqlite3.Connection):
    """A plain `sqlite3.Connection` that can be weakly referenced (pass as `factory=`)."""


def _key(path: str | os.PathLike[str]) -> str:
    """The real path of the data file (a sidecar maps to its data file). No file is opened."""
    text = os.fspath(path)
    for suffix in SIDECARS:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return os.path.realpath(text)


def _alive(conn: Any) -> bool:
    try:
        _ = conn.total_changes  # raises once closed; safe from any thread
    except Exception:  # noqa: BLE001 - sqlite3 and sqlcipher3 raise their own ProgrammingError
        return False
    return True


def track(path: Path, conn: Any, kind: str) -> Any:
    """Register `conn` (open on `path`; `kind` is "sqlite" or "encrypted"); returns `conn`."""
    with _guard:
        entries = [e for e in _open.get(_key(path), []) if (c := e[0]()) is not None and _alive(c)]
        entries.append((weakref.ref(conn), kind))
        _open[_key(path)] = entries
    return conn


def live_kind(path: str | os.PathLike[str]) -> str | None:
    """"sqlite" or "encrypted" while a connection in this process has `path` (or the data file
    a `-wal`/`-shm`/`-journal` path belongs to) open; None otherwise."""
    with _guard:
        for ref, kind in _open.get(_key(path), []):
            conn = ref()
            if conn is not None and _alive(conn):
                return kind
    return None


def is_live(path: str | os.PathLike[str]) -> bool:
    return live_kind(path) is not None
