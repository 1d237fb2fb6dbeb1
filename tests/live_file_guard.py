"""Fails a test when code in this process opens, copies, renames or deletes a data file (or its
-wal/-shm) outside SQLite while a connection to it is open (see core.store.live_files).

An audit hook (PEP 578) sees every `open()`, `os.open`, `shutil.copyfile`, `os.replace`/`rename`
and `os.remove`/`unlink` Python makes; SQLite's own file access happens in C and is not seen.
"""

from __future__ import annotations

import os
import sys
import traceback

from core.store import live_files

_EVENTS = {"open": (0,), "os.rename": (0, 1), "os.remove": (0,), "os.truncate": (0,),
           "shutil.copyfile": (0, 1), "os.link": (0, 1)}
violations: list[str] = []
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_TESTS = os.path.join(_ROOT, "tests") + os.sep
_installed = False


def _hook(event: str, args: tuple) -> None:
    positions = _EVENTS.get(event)
    if positions is None or not live_files._open:
        return
    for i in positions:
        path = args[i] if i < len(args) else None
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, (str, os.PathLike)):
            continue
        if live_files.is_live(path) and _from_the_app():
            where = "".join(traceback.format_stack(limit=12)[:-2])
            violations.append(f"{event} {os.fspath(path)!r} while a connection is open:\n{where}")


def _from_the_app() -> bool:
    """True when the nearest project frame calling this is app code (core/, ui/, cli/, main.py),
    not a test looking at the file's bytes on purpose."""
    frame = sys._getframe(2)
    while frame is not None:
        name = os.path.abspath(frame.f_code.co_filename)
        if name.startswith(_ROOT) and ".venv" not in name:
            return not name.startswith(_TESTS)
        frame = frame.f_back
    return False


def install() -> None:
    """Add the hook once per process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
