"""Python's cycle collector, run on the window's thread only.

Python collects reference cycles in whichever thread happens to allocate when a generation
fills up: a calendar being read, a summary being exported or a backup being made off the
window's thread could then free a Qt object the window's thread owns (a field's text
document, a timer), from the wrong thread and in the middle of the window's own work, and
the app crashed at random. Here the automatic collector is turned off and a timer on the
window's thread collects instead, at the same thresholds Python would have used, so every
object is freed where it was made. (pyqtgraph's GarbageCollector does the same; its package
costs a chart library's import at start-up, before the first frame, so it is not used here.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_EVERY_MS = 1000  # how often the counts are looked at: a collection is rarely due sooner


class MainThreadCollector(QObject):
    """Collects each generation Python would have, from a timer on the window's thread."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()  # (generation 0, 1, 2), before it is turned off
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count has passed its threshold, as Python's own
        collector does; returns the number of unreachable objects found (0 when none was due)."""
        return collect_if_due(self.thresholds)


def collect_if_due(thresholds: tuple[int, int, int] | None = None) -> int:
    """Collect the oldest generation whose count is past its threshold (Python's own, unless
    `thresholds` are given); the number of unreachable objects found, 0 when none was due."""
    limits = thresholds or gc.get_threshold()
    counts = gc.get_count()
    due = [generation for generation in range(3) if counts[generation] > limits[generation]]
    return gc.collect(max(due)) if due else 0


def install() -> MainThreadCollector:
    """Turn Python's automatic collector off and collect on the window's thread instead (once,
    however often it is called; needs the QApplication made)."""
    app = QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    made = app.findChild(MainThreadCollector)
    return made if made is not None else MainThreadCollector(app)
