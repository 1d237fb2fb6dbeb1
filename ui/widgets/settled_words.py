"""Say a result once the practitioner has stopped changing what it depends on.

Filtering or searching a list changed only the "showing 14" beside it and the "No cases match
these filters." under it, and a screen reader said nothing of either. Said on every keystroke
of "C99" it would be three sentences over the typing; here the words are worked out and said
(politely) once nothing has changed for `SETTLE_MS`, and only if they differ from the last
said, so the same count is not said twice.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from ui.widgets.announce import announce

SETTLE_MS = 700  # a pause between words typed, not between letters


class SaidWhenSettled:
    """`changed()` on each change; `words()` is asked once the changes have stopped."""

    def __init__(self, widget: QWidget, words: Callable[[], str], settle_ms: int = SETTLE_MS):
        self._widget, self._words, self._last = widget, words, ""
        self.timer = QTimer(widget)
        self.timer.setSingleShot(True)
        self.timer.setInterval(settle_ms)
        self.timer.timeout.connect(self._say)

    def changed(self) -> None:
        self.timer.start()  # again from the start: said only after the last change

    def _say(self) -> None:
        words = self._words()
        if words and words != self._last:
            announce(self._widget, words)
        self._last = words
