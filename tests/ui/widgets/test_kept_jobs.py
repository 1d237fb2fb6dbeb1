"""A job on the thread pool lives until its run() has ended, whatever its starter lets go of."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QThreadPool, Signal

from ui.widgets.kept_jobs import KeptJob, held, start_kept


class _Said(QObject):
    done = Signal(str)


class _Slow(KeptJob):
    def __init__(self, gate: threading.Event):
        super().__init__()
        self.gate = gate
        self.signals = _Said()

    def work(self) -> None:
        self.gate.wait(5)
        self.signals.done.emit("read")


def test_a_job_let_go_of_by_its_dialog_still_runs_and_reports(qtbot):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    gate = threading.Event()
    heard: list[str] = []
    first = _Slow(gate)  # holds the pool's only thread
    first.signals.done.connect(heard.append)
    start_kept(first, pool)
    queued = _Slow(gate)  # waits in the pool's queue, as a second read does
    queued.signals.done.connect(heard.append)
    start_kept(queued, pool)
    del first, queued  # the dialog started another read, or closed
    gc.collect()
    gate.set()
    qtbot.waitUntil(lambda: heard == ["read", "read"], timeout=5000)
    pool.waitForDone(5000)


def test_jobs_that_ended_are_let_go_at_the_next_start(qtbot):
    pool = QThreadPool()
    gate = threading.Event()
    gate.set()
    job = _Slow(gate)
    start_kept(job, pool)
    pool.waitForDone(5000)
    assert job.ended.is_set()
    before = held()
    start_kept(_Slow(gate), pool)
    pool.waitForDone(5000)
    assert held() <= before  # the ended one went as the new one came
