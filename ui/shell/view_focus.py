"""Where the keyboard is when a view is shown: on a control that is there, in an active window.

Both guard the words a screen reader hears on Ctrl+1…Ctrl+5: it follows the focus, and the
view's name is said after it (ui.shell.main_window)."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget


def off_hidden_control(page: QWidget) -> None:
    """The keyboard never comes back to a view on a control that went while it was away: a
    view remembers its last focus, and after Delete all my data Ctrl+2 put it on the hidden
    "Review and delete closed cases", read with a count of cases no longer there, where
    Return did nothing. Then it goes to the view's first control that is shown and usable."""
    focus = QApplication.focusWidget()
    if focus is None or not page.isAncestorOf(focus):
        return
    if focus.isVisible() and focus.isEnabled():
        return
    widget = page.nextInFocusChain()
    while widget is not page and page.isAncestorOf(widget):
        if (widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()
    page.setFocus(Qt.FocusReason.OtherFocusReason)


def take_the_keyboard(window: QWidget) -> None:
    """A key reached `window` while none of the app's windows was active (a dialog had just
    closed with Escape and nothing gave the keyboard back): made active, so the new view's
    control gets the focus a screen reader follows, and the view's name, which waits for an
    active window, is said after it. Ctrl+3 after closing Keyboard shortcuts said nothing,
    and Ctrl+2 then read the Time view's field inside the Caseload's announcement."""
    active = QApplication.activeWindow()
    if window.isActiveWindow() or (active is not None and active.isVisible()):
        return
    handle = window.windowHandle()
    if handle is not None and handle is QGuiApplication.focusWindow():
        # The window system already gave it the keyboard, so asking again changes nothing:
        # only Qt's widgets were not told.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)
    else:
        window.activateWindow()
