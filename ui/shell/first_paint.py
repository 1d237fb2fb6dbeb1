"""Defer slow, non-essential work (charts) until the window has first been painted."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from ui.widgets.qt_guard import qt_override

# If no paint comes (a window that stays covered), the work still happens after this long.
FALLBACK_MS = 1000


class _AfterPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]):  # or any widget
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            # A zero timer runs once the whole frame, every child included, is on screen.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._window.removeEventFilter(self)
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` just after the window holding `widget` next paints; straight away when
    that window is not on screen (a view built in a test, or not yet shown).

    Call it from the event loop (e.g. a zero timer started in __init__), once `widget` has
    been placed in its window; a zero timer alone runs before the first paint, not after it.
    """
    window = widget.window()
    if not window.isVisible():
        callback()
        return
    _AfterPaint(window, callback)


def after_painted(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` just after `widget` itself next paints (a part of the window repainted
    alone: the window gets no paint event of its own); straight away when it is not on screen."""
    if not widget.isVisible():
        callback()
        return
    _AfterPaint(widget, callback)
