"""Make below-the-fold content (the Overview's trend chart and the chart library it loads, some
50 MB) only when it is about to be seen: scrolled or resized into view, or reached with Tab.

A place that is not on screen at all (a view built in a test, never shown) is filled at once.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QScrollArea, QWidget
from ui.widgets.qt_guard import qt_override


class _WhenSeen(QObject):
    def __init__(self, scroll: QScrollArea, place: QWidget, callback: Callable[[], None],
                 tab_after: QWidget | None):
        super().__init__(place)
        self._scroll, self._place = scroll, place
        self._callback: Callable[[], None] | None = callback
        # Until filled, the place itself is a Tab stop, so the keyboard reaches what it holds.
        place.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if tab_after is not None:
            QWidget.setTabOrder(tab_after, place)
        scroll.verticalScrollBar().valueChanged.connect(self._check)
        scroll.viewport().installEventFilter(self)
        place.installEventFilter(self)
        self._check()

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._place and event.type() == QEvent.Type.FocusIn:
            backwards = isinstance(event, QFocusEvent) and \
                event.reason() == Qt.FocusReason.BacktabFocusReason
            QTimer.singleShot(0, self, lambda: self._run(focus=True, backwards=backwards))
        elif event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self, self._check)
        return False

    def _check(self) -> None:
        if self._callback is None:
            return
        if not self._scroll.isVisible():
            if not self._scroll.window().isVisible():
                self._run()  # not on screen at all: nothing to save by waiting
            return
        top = self._place.mapTo(self._scroll.viewport(), QPoint(0, 0)).y()
        if top < self._scroll.viewport().height():
            self._run()

    def _run(self, focus: bool = False, backwards: bool = False) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._place.removeEventFilter(self)
            self._scroll.viewport().removeEventFilter(self)
            callback()
        # Tab arrived on the place (even as a scroll into view filled it a moment before): on
        # to the first (or last) thing in it, once shown.
        if focus or self._place.hasFocus():
            QTimer.singleShot(0, self, lambda: self._focus_inside(backwards))
        elif callback is not None:
            self._place.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _focus_inside(self, backwards: bool) -> None:
        # The place stops being a Tab stop only now: made one while it held the focus, Qt took
        # the focus from it, so focus was left on the bare panel and the next Tab skipped
        # everything it had just been filled with.
        here = self._place.hasFocus()
        if here:
            stops = [w for w in self._place.findChildren(QWidget)
                     if w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
                     and w.isEnabled() and w.isVisibleTo(self._place)
                     and w.focusProxy() is None]
            chain = [w for w in self._chain_from_place() if w in stops]
            target = (chain or stops)[-1 if backwards else 0] if stops else None
            if target is not None:
                target.setFocus(Qt.FocusReason.BacktabFocusReason if backwards
                                else Qt.FocusReason.TabFocusReason)
        self._place.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _chain_from_place(self) -> list[QWidget]:
        """The place's widgets in Tab order (the order its filler set), from the window's."""
        found, widget = [], self._place.window().nextInFocusChain()
        for _ in range(5000):
            if widget is None or widget is self._place.window():
                break
            if self._place.isAncestorOf(widget):
                found.append(widget)
            widget = widget.nextInFocusChain()
        return found


def when_seen(scroll: QScrollArea, place: QWidget, callback: Callable[[], None],
              tab_after: QWidget | None = None) -> None:
    """Run `callback` once, when `place` (inside `scroll`) first comes into view or takes focus
    (it is the Tab stop after `tab_after` until then)."""
    _WhenSeen(scroll, place, callback, tab_after)
