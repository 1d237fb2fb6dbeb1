"""The Time view over ten years of entries, for run_benchmarks.py: what it offers over the whole
history, each timed with the repaint it causes (in process, after the window is built).

The Time view shows one week at a time, in the order of its days (no sorting, no text filter:
the day headings and gaps are the order); over the whole history it offers moving from week to
week and the Charts tab's periods. So those are what is timed here, on the ten-year dataset.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Callable


CPU = ", CPU time"  # each figure also as this process's CPU time: steadier on a shared machine


class _Timings(dict):
    """key -> milliseconds, and key + CPU -> the CPU milliseconds of the same runs."""

    def time(self, key: str, action: Callable[[], object]) -> None:
        began, cpu = time.perf_counter(), time.process_time()
        action()
        self.setdefault(key, []).append((time.perf_counter() - began) * 1000)
        self.setdefault(key + CPU, []).append((time.process_time() - cpu) * 1000)


def measure_time_view(window, app, runs: int) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """Milliseconds for: a week back and a week on, a jump from a week five years ago back to
    this week, and each of the Charts tab's periods chosen in turn; wall-clock, and CPU time."""
    window.show_view("time")
    app.processEvents()
    view = window.view("time")
    view.tabs.setCurrentIndex(0)
    app.processEvents()

    def click(button) -> Callable[[], None]:  # type: ignore[no-untyped-def]
        def run() -> None:
            button.click()
            app.processEvents()
        return run

    def week(any_day) -> Callable[[], None]:  # type: ignore[no-untyped-def]
        def run() -> None:
            view.show_week(any_day)
            app.processEvents()
        return run

    result = _Timings()
    today = view.monday()
    for _ in range(runs):
        result.time("Time view: a week back, ten years", click(view.prev_button))
        result.time("Time view: a week on, ten years", click(view.next_button))
        week(today - timedelta(weeks=260))()
        result.time("Time view: this week from five years ago, ten years",
                    click(view.this_button))
    view.tabs.setCurrentIndex(1)
    app.processEvents()
    period = view.charts.mix.period
    for _ in range(runs):
        for index in range(period.count()):
            def choose(i: int = index) -> None:
                period.setCurrentIndex(i)
                app.processEvents()
            result.time("Time > Charts: another period, ten years", choose)
    view.tabs.setCurrentIndex(0)
    app.processEvents()
    return dict(result)
