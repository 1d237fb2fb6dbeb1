"""Named crash points: the steps of every operation that writes, where a test can stop the process.

Each operation that writes data (a backup, restore, encryption on/change/off, delete-all, an
import, the window's saves) calls `crash_point("operation.step")` between its steps. Outside
tests this does nothing but read one environment variable.

`CASELOAD_CRASH_AT` names the point at which the process dies at once, as a power cut or a
`kill -9` would: no `finally`, no `atexit`, no flush. `name` dies the first time the point is
reached; `name#N` the N-th time (counting from 1), for a step inside a loop.

`CASELOAD_CRASH_TRACE`, a file path, makes every point reached append its name to that file, one
line each: a test runs an operation once with it to learn the points the operation passes, then
runs it again dying at each in turn. Names are `operation.step`, lower case with underscores, and
are never reused for another step.
"""

from __future__ import annotations

import os

CRASH_AT_ENV = "CASELOAD_CRASH_AT"
CRASH_TRACE_ENV = "CASELOAD_CRASH_TRACE"

_reached: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Die here if `CASELOAD_CRASH_AT` names this point (and its count); record it if tracing."""
    trace = os.environ.get(CRASH_TRACE_ENV)
    target = os.environ.get(CRASH_AT_ENV)
    if not trace and not target:
        return
    count = _reached[name] = _reached.get(name, 0) + 1
    if trace:
        with open(trace, "a", encoding="utf-8") as out:
            out.write(f"{name}\n")
    if target and target in (name, f"{name}#{count}"):
        _die()


def _die() -> None:
    import signal  # here, not at import: the window's first frame reads with this module loaded

    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(137)  # pragma: no cover - Windows has no SIGKILL
