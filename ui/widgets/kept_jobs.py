"""Work run on Qt's thread pool, each job kept alive by Python until its `run()` has ended.

A QRunnable made in Python is freed when Python lets go of it. A dialog that started a new read
(the dates changed) or closed while its job still waited in the pool, or still ran, let go of it
there: Qt then ran, or went on running, an object already freed, and the app could crash. Each
job started here is held until it has ended, and let go on the window's thread at the next
start, never in the worker, so its signals are never freed while a result is on its way.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QRunnable, QThreadPool


class KeptJob(QRunnable):
    """A job whose work is `work()`: `run()` marks it ended however the work finishes."""

    def __init__(self) -> None:
        super().__init__()
        self.ended = threading.Event()
        self.setAutoDelete(False)  # Python holds it (`start_kept`), never Qt's pool

    def run(self) -> None:
        try:
            self.work()
        finally:
            self.ended.set()

    def work(self) -> None:  # pragma: no cover - each job has its own
        raise NotImplementedError


_kept: list[KeptJob] = []


def start_kept(job: KeptJob, pool: QThreadPool | None = None) -> None:
    """Start `job` on `pool` (Qt's shared one when None), holding it until it has ended; jobs
    ended since the last start are let go now, on this (the window's) thread."""
    _kept[:] = [held for held in _kept if not held.ended.is_set()]
    _kept.append(job)
    (pool or QThreadPool.globalInstance()).start(job)


def held() -> int:
    """How many jobs are held (started, and not let go yet)."""
    return len(_kept)
