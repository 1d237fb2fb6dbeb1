"""Python's cycle collector never runs in a worker thread: the window's thread collects."""

from __future__ import annotations

import gc
import threading
import weakref

from ui.widgets import main_thread_gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_worker_thread_never_frees_a_cycle_the_window_thread_collects_it(qtbot):
    collector = main_thread_gc.install()
    assert not gc.isenabled()
    gc.collect()
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    del cycle
    freed_in: list[str] = []

    def allocate_a_lot() -> None:  # far past generation 0's threshold, as icalendar does
        junk = [[_Cycle()] for _ in range(collector.thresholds[0] * 3)]
        freed_in.append("worker" if gone() is None else "")
        del junk

    worker = threading.Thread(target=allocate_a_lot)
    worker.start()
    worker.join()
    assert freed_in == [""], "the worker thread ran the collector"
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the window thread's timer


def test_installing_twice_keeps_one_collector(qapp):
    first = main_thread_gc.install()
    assert main_thread_gc.install() is first
    assert len(qapp.findChildren(main_thread_gc.MainThreadCollector)) == 1
