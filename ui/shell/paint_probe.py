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
from ui.widgets.qt_guard import qt_override

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
    """Reports once the window's next frame has been painted, then (`settle`) memory a moment
    later and quits.

    A frame is painted while Qt handles the UpdateRequest it sends the window, or, for the
    first, the Expose its native window gets from the display. The probe watches those two
    objects alone and hands such an event on to Qt itself, watching the whole application only
    while Qt handles it; once handled, if a widget of the window was painted in it, the frame is
    on screen and the report is printed at once: before any work deferred until after the
    paint (ui/shell/first_paint.py), which is not part of start-up.

    It once watched every event of the application until the paint: PySide6 then made a Python
    object, and a Python type with its enums, for each kind of object and event it passed (a
    few hundred events), about 20-25 ms of CPU before the first frame of the app and of the
    floor alike, which no user pays and GTimeLog's probe (a frame-clock handler) does not."""

    def __init__(self, window: QWidget, prefix: str = PAINTED_PREFIX, settle: bool = True):
        super().__init__(window)
        self._window = window
        self._prefix = prefix
        self._settle = settle  # False: a later report (the data painted) ends the run instead
        self._done = False
        self._handling = False  # inside the event that may paint a frame
        self._painted = False
        self._native: QObject | None = None  # the window's native window, once it has one
        window.installEventFilter(self)
        self._watch_native()

    def _watch_native(self) -> None:
        native = self._window.windowHandle()
        if native is not None and native is not self._native:
            self._native = native
            native.installEventFilter(self)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._done:
            return False
        kind = event.type()
        if self._handling:  # a paint of this frame?
            if (kind == QEvent.Type.Paint and isinstance(watched, QWidget)
                    and watched.window() is self._window):
                self._painted = True
            return False
        if kind == QEvent.Type.Show and watched is self._window:
            self._watch_native()  # made as the window is shown
            return False
        if not ((kind == QEvent.Type.UpdateRequest and watched is self._window)
                or (kind == QEvent.Type.Expose and watched is self._native)):
            return False
        app = QApplication.instance()
        self._handling, self._painted = True, False
        app.installEventFilter(self)  # every paint of this one frame
        try:
            QApplication.sendEvent(watched, event)  # Qt handles it: the frame, if any, is painted
        finally:
            app.removeEventFilter(self)
            self._handling = False
        if self._painted:
            self._done = True
            self._window.removeEventFilter(self)
            if self._native is not None:
                self._native.removeEventFilter(self)
            self._report()
        return True  # handled above

    def _report(self) -> None:
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
