"""File moves that never leave half a data file: fsync, atomic replace, owner-only, set aside."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from core.common.crash_points import crash_point
from core.store.live_files import live_kind
from core.store.file_identity import SAMPLE_BYTES, SQLITE_HEADER, kind_of  # noqa: F401 (re-exported)

SIDECARS = ("-wal", "-shm", "-journal")


def sidecar(path: Path, suffix: str) -> Path:
    """`caseload.db` -> `caseload.db-wal` (SQLite's own naming)."""
    return path.with_name(path.name + suffix)


def make_private(path: Path) -> None:
    """Owner-only permissions where the OS has modes (files 0600, folders 0700)."""
    from core.store.disk_space import tighten_only

    if path.exists():  # never adds a permission: read-only stays read-only
        tighten_only(path, 0o700 if path.is_dir() else 0o600)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename durable: the directory entry must reach the disk too (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_sidecars(path: Path) -> None:
    """Delete a data file's WAL/SHM/journal. Only call when no connection to it is open:
    a stale WAL would otherwise be replayed onto the new file and damage it."""
    for suffix in SIDECARS:
        try:
            sidecar(path, suffix).unlink()
        except FileNotFoundError:
            pass


def atomic_replace(source: Path, target: Path) -> None:
    """Put `source` at `target` in one rename, durable, after clearing the target's sidecars."""
    make_private(source)
    fsync_file(source)
    remove_sidecars(target)
    crash_point("replace.sidecars_removed")
    os.replace(source, target)
    fsync_dir(target.parent)


def place_new(source: Path, target: Path) -> None:
    """Put the finished file `source` at `target` only if nothing is there yet: a hard link
    fails instead of replacing a different, older file (os.replace would), then the temporary
    name goes. Durable and owner-only. Raises FileExistsError, leaving `source` for the caller.
    Filesystems without hard links (FAT, some network shares) fall back to a checked rename."""
    make_private(source)
    fsync_file(source)
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(source, target)
    else:
        crash_point("place_new.linked")
        source.unlink()
    fsync_dir(target.parent)


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """A name in `folder` that does not exist yet, so nothing is ever overwritten."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def set_aside(path: Path, label: str = "damaged") -> Path:
    """Rename a data file (and its sidecars) to `caseload.damaged-STAMP.db`; never overwrite.
    The week kept in words beside it goes first: it was that file's, not the next one's."""
    from core.store.week_snapshot import forget_snapshot

    forget_snapshot(path.parent)
    crash_point("set_aside.week_forgotten")
    target = unique_path(path.parent, f"{path.stem}.{label}-{stamp()}", path.suffix)
    for suffix in SIDECARS:
        side = sidecar(path, suffix)
        if side.exists():
            os.replace(side, sidecar(target, suffix))
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def copy_private(source: Path, target: Path) -> Path:
    """Copy bytes to a new owner-only file (used to keep the current data before a restore)."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    return target


def file_kind(path: Path) -> str:
    """'missing', 'empty', 'sqlite', 'encrypted' (page-aligned, no SQLite header) or 'unknown'.

    A file this process has open through SQLite is never opened here (see core.store.live_files):
    the open connection already says what it is.
    """
    live = live_kind(path)
    if live is not None:
        return live
    try:
        size = path.stat().st_size
        if path.is_dir():
            return "unknown"
        if size == 0:
            return "empty"
        with open(path, "rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except FileNotFoundError:
        return "missing"
    # SQLCipher files are whole pages of random-looking bytes; a plain file with a broken
    # header is not (core.store.file_identity tells which, and says so: `unreadable_message`).
    kind = kind_of(head, size)
    return "unknown" if kind == "damaged" else kind


def file_is_encrypted_path(path: Path) -> bool:
    return file_kind(path) == "encrypted"
