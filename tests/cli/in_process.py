"""The command line run inside the test's own process, as `python main.py ARGV` runs in a new one:
the same `main.main`, with its own environment, standard streams and log, giving back what
`subprocess.run(..., capture_output=True, text=True)` would (exit code, stdout, stderr).

A new Python process costs about half a second of start-up and imports, and the command-line
tests run hundreds of commands. The tests whose point is a separate process (one beside the
open window, a kill, bytes in argv that are not text, a missing Qt library, the no-display
start) still start one.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from unittest import mock

from core.store.applog import LOG_NAME


@contextmanager
def _environment(changes: Mapping[str, str]) -> Iterator[None]:
    """`changes` in os.environ for the command's run only; a new TZ is read (tzset) both ways."""
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    if "TZ" in changes:
        time.tzset()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if "TZ" in changes:
            time.tzset()


@contextmanager
def _own_log() -> Iterator[None]:
    """A new process starts with no log handler, so each command opens the log of its own data
    folder (`setup_logging` keeps the first one it is given); closed again afterwards."""
    logger = logging.getLogger(LOG_NAME)
    saved = logger.handlers[:]
    logger.handlers.clear()
    try:
        yield
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers[:] = saved


def run_main(argv: list[str], env: Mapping[str, str] | None = None,
             ) -> subprocess.CompletedProcess[str]:
    """`python main.py *argv` with `env` added to the environment, without a new process.
    Standard input is empty and not a terminal, as under a test runner."""
    import main

    out, err = io.StringIO(), io.StringIO()
    with (_environment(env or {}), _own_log(), redirect_stdout(out), redirect_stderr(err),
          mock.patch("sys.stdin", io.StringIO())):
        try:
            code = main.main(list(argv))
        except SystemExit as ended:  # argparse's own refusals, as a process would end
            if ended.code is None or isinstance(ended.code, int):
                code = ended.code or 0
            else:
                print(ended.code, file=err)
                code = 1
    return subprocess.CompletedProcess(["main.py", *argv], code, out.getvalue(), err.getvalue())
