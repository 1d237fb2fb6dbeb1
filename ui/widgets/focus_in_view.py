"""The control that has the keyboard is on the screen: whenever focus arrives in a control inside
a scrolling page (a view at 200%, the Overview's cards, a fitted dialog's body), every page it is
in scrolls to show it.

Qt scrolls a QScrollArea to a control only when Tab moves into it. Focus set by the program (Ctrl+4
bringing the keyboard to Supervision's first button, a dialog's first field, a row that vanished)
left the page where it was: at 200% the focused "Supervision meeting" button was scrolled off the
top and the page showed the agenda half way down. It is scrolled to once as focus arrives and once
more after the page is laid out (a view just shown has not yet its final height).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from ui.widgets.app_watch import watch

MARGIN = 12  # the focus edge, drawn just outside the control, is shown with it


def show_in_scroll_areas(widget: QWidget) -> None:
    """Scroll every QScrollArea that holds `widget` so that it shows, innermost first."""
    if not shiboken6.isValid(widget) or not widget.isVisible():
        return
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None \
                and parent.widget().isAncestorOf(widget):
            port = parent.viewport()
            if widget.height() + 2 * MARGIN <= port.height():
                parent.ensureWidgetVisible(widget, MARGIN, MARGIN)
            else:  # taller than the page shows (a table): its top, with its headings
                top = widget.mapTo(parent.widget(), QPoint(0, 0))
                parent.ensureVisible(top.x(), top.y(), MARGIN, MARGIN)
        parent = parent.parentWidget()


def _focus_arrived(watched: QObject, event: QEvent) -> None:
    if not isinstance(watched, QWidget) or watched.isWindow():
        return None
    show_in_scroll_areas(watched)
    QTimer.singleShot(0, lambda: show_in_scroll_areas(watched)
                      if shiboken6.isValid(watched) and watched.hasFocus() else None)
    return None


def install(app: QApplication | None = None) -> None:
    watch(app, focused=_focus_arrived)
