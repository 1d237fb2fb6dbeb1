"""A signal at each new day, so views that show "today" or "this week" move on at midnight."""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from core.common import clock as core_clock

# A timer set for hours can fire late after the laptop sleeps, or be off by a clock change;
# waking at least this often and comparing dates keeps the day right either way.
LONGEST_WAIT_MS = 15 * 60 * 1000


class MidnightWatch(QObject):
    """Emits `dayChanged(date)` once the clock's date differs from the last one seen.

    A single-shot QTimer is set for the next wall-clock midnight (or `LONGEST_WAIT_MS`, if
    sooner) and set again each time it fires; `check()` may also be called at any moment."""

    dayChanged = Signal(object)

    def __init__(
        self, clock: Callable[[], datetime] = core_clock.now, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._clock = clock
        self._day: date = clock().date()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._arm()

    def day(self) -> date:
        return self._day

    def check(self) -> None:
        today = self._clock().date()
        if today != self._day:
            self._day = today
            self.dayChanged.emit(today)
        self._arm()

    def _arm(self) -> None:
        now = self._clock()
        left = core_clock.instant(core_clock.next_midnight(now)) - core_clock.instant(now)
        wait = int(left.total_seconds() * 1000) + 50  # just after midnight, never just before
        self._timer.start(max(50, min(LONGEST_WAIT_MS, wait)))
