"""Benchmark hook: report when a window first finished painting, and the memory in use then and
a moment later, then quit.

Enabled only by the environment variable CASELOAD_COMPANION_EXIT_AFTER_PAINT=1, which
benchmarks/run_benchmarks.py sets for the app and for its bare-window comparison alike.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

EXIT_AFTER_PAINT_ENV = "CASELOAD_COMPANION_EXIT_AFTER_PAINT"
PAINTED_PREFIX = "first-paint"
DATA_PAINTED_PREFIX = "data-paint"
WORDS_PAINTED_PREFIX = "words-paint"  # this week's words, worked out alone, before the data
SETTLED_PREFIX = "settled"
SETTLE_MS = 1500  # longer than ui/shell/first_paint.py's fallback, so deferred charts are counted


def memory_kib() -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) from /proc/self/status, and Pss (resident,
    with pages shared with other processes divided among them) from /proc/self/smaps_rollup,
    in KiB, where /proc exists (Linux)."""
    values: dict[str, int] = {}
    for source, keys in (("/proc/self/status", ("VmRSS", "VmHWM")),
                         ("/proc/self/smaps_rollup", ("Pss",))):
        try:
            for line in Path(source).read_text().splitlines():
                key, _, rest = line.partition(":")
                if key in keys:
                    values[key] = int(rest.split()[0])
        except OSError:
            pass
    return values


def _report_line(prefix: str, window: QWidget | None = None) -> str:
    """`prefix monotonic rss_kib N hwm_kib N cpu S pss_kib N words 0|1 charts 0|1`; `words` says
    whether this week's words were on screen in that frame (the window's `week_in_words`,
    shown); `charts`, whether the chart library (pyqtgraph) has been loaded by then."""
    memory = memory_kib()
    place = getattr(window, "week_in_words", None)  # ui.shell.week_words_first: this week's words
    try:
        words = int(place is not None and place.isVisible())
    except RuntimeError:  # the stand-in has been replaced by the Overview (and deleted)
        words = 0
    return (f"{prefix} {time.monotonic():.6f} rss_kib {memory.get('VmRSS', 0)} "
            f"hwm_kib {memory.get('VmHWM', 0)} cpu {time.process_time():.6f} "
            f"pss_kib {memory.get('Pss', 0)} words {words} "
            f"charts {int('pyqtgraph' in sys.modules)}")


class _FirstPaint(QObject):
    """Waits for the window's first paint event, then reports once that frame is finished.

    It watches the whole application, not the window: application filters see an event before
    the window's own filters, so this report runs before any work that was itself deferred
    until after the first paint (see ui/shell/first_paint.py), which is not part of start-up."""

    def __init__(self, window: QWidget, prefix: str = PAINTED_PREFIX, settle: bool = True):
        super().__init__(window)
        self._window = window
        self._prefix = prefix
        self._settle = settle  # False: a later report (the data painted) ends the run instead
        self._done = False
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._done = True
            # A zero timer runs after the whole frame (every child widget) has been painted.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        QApplication.instance().removeEventFilter(self)
        print(_report_line(self._prefix, self._window), flush=True)
        # On stderr too, where `python -X importtime` writes: what was imported before this line
        # is what the frame cost.
        print(self._prefix, file=sys.stderr, flush=True)
        if self._settle:
            # Memory again once the work deferred past the first paint (charts) has been done.
            QTimer.singleShot(SETTLE_MS, self._settled)

    def _settled(self) -> None:
        print(_report_line(SETTLED_PREFIX, self._window), flush=True)
        sys.stdout.flush()
        QApplication.quit()


def exit_after_first_paint(window: QWidget, wait_for_data: bool = False) -> None:
    """Call before `window.show()`: print a monotonic timestamp at the first paint, then quit.
    With `wait_for_data`, carry on until `report_data_painted` has reported as well."""
    _FirstPaint(window, settle=not wait_for_data)


def report_data_painted(window: QWidget) -> None:
    """Call once the data is in the window: print a timestamp at its next paint, then quit."""
    _FirstPaint(window, DATA_PAINTED_PREFIX)


def report_words_painted(window: QWidget) -> None:
    """Call once this week's words (worked out before the data is opened into the window) are in
    their place: print a timestamp at their paint; the data's paint ends the run."""
    _FirstPaint(window, WORDS_PAINTED_PREFIX, settle=False)
