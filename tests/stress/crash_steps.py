"""Running one write operation in a child process that dies at a named crash point.

The child is forked from the test process (no new interpreter, so a kill costs the operation's
own work only) and runs the command line's own entry, `main.main`, or the calls the window
makes, exactly as a user's run would; `CASELOAD_CRASH_AT` (core.common.crash_points) stops it
dead with SIGKILL at the chosen step, or `CASELOAD_CRASH_TRACE` records every step it passes.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

from core.common import crash_points

OLD, NEW = "first-passphrase-1", "second-passphrase-2"
MARK = b"ZQXREF"


def run_child(work: Callable[[], int], crash_at: str | None = None,
              trace: Path | None = None, env: dict[str, str] | None = None) -> int:
    """Run `work` in a forked child; return its exit status, or -SIGKILL when it was killed."""
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 70
        try:
            os.environ.pop(crash_points.CRASH_AT_ENV, None)
            os.environ.pop(crash_points.CRASH_TRACE_ENV, None)
            os.environ.update(env or {})
            if crash_at:
                os.environ[crash_points.CRASH_AT_ENV] = crash_at
            if trace:
                os.environ[crash_points.CRASH_TRACE_ENV] = str(trace)
            crash_points._reached.clear()
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            code = work()
        except BaseException:  # noqa: BLE001 - the child reports by its exit status only
            code = 71
        finally:
            os._exit(code if isinstance(code, int) else 72)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def command(data: Path, *argv: str) -> Callable[[], int]:
    """The command line run on `data`, as `python main.py --data-dir DATA ARGV` runs it."""

    def work() -> int:
        import main

        return main.main(["--data-dir", str(data), *argv])

    return work


def steps(work: Callable[[], int], trace: Path, env: dict[str, str] | None = None
          ) -> list[str]:
    """Every crash point one whole run of `work` passes, in order, as `name#N` (the N-th time
    that point is reached). The run must succeed."""
    trace.unlink(missing_ok=True)
    code = run_child(work, trace=trace, env=env)
    assert code == 0, f"the operation failed (exit {code}) before any kill"
    seen: dict[str, int] = {}
    found = []
    for name in trace.read_text(encoding="utf-8").split():
        seen[name] = seen.get(name, 0) + 1
        found.append(f"{name}#{seen[name]}")
    trace.unlink()
    return found


def first_of_each(found: list[str]) -> list[str]:
    """One kill per distinct step: the first time each point is reached."""
    return [step for step in found if step.endswith("#1")]


def copy_of(template: Path, work: Path) -> Path:
    """A fresh copy of a template folder at `work`, the path the template was made at: the data
    folder's record of its copies names the folder it belongs to, and a folder found anywhere
    else is a copy, which leaves the original's backups alone."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work, symlinks=True)
    return work


def leaks(root: Path) -> list[Path]:
    """Files under `root` that hold a case reference in the clear."""
    return [p for p in sorted(root.rglob("*")) if p.is_file() and MARK in p.read_bytes()]


def killed(code: int) -> bool:
    return code == -signal.SIGKILL
