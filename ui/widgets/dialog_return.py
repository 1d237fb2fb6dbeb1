"""A dialog closed without acting gives the keyboard back to the control that opened it.

Qt gives a window back its own focus widget as a dialog closes, but what the window does as the
answer comes in can move it: "Keep them" in "Delete closed cases?" put the offer away, and the
keyboard, which had been on "Review and delete…", fell to "Show active cases"; a screen-reader
user then had to find their place again. `install()` notes, as each dialog shows, the control
the keyboard was on in the window behind it; when the dialog closes without acting (Cancel,
Esc, Keep, No), and once what the answer does has run, the keyboard goes back there, if that
control can still take it and the keyboard is not already on it. A dialog that acted (Save,
Delete) leaves the keyboard where the action put it.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ui.widgets.app_watch import watch

_openers: "weakref.WeakKeyDictionary[QDialog, weakref.ref[QWidget]]" = \
    weakref.WeakKeyDictionary()
_NOT_ACTING = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)


def _shown(dialog: QDialog) -> None:
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else QApplication.activeWindow()
    if window is None or window is dialog:
        return
    opener = window.focusWidget()
    if opener is not None and opener.window() is window:
        _openers[dialog] = weakref.ref(opener)


def closed_without_acting(dialog: QDialog) -> bool:
    """Cancelled, escaped or answered with its safe No, as far as the dialog tells."""
    if isinstance(dialog, QMessageBox):
        button = dialog.clickedButton()
        if button is None:
            return True  # closed by Esc or the window's close, with no escape button
        return dialog.buttonRole(button) in _NOT_ACTING
    return dialog.result() == QDialog.DialogCode.Rejected


def _hidden(dialog: QDialog) -> None:
    ref = _openers.pop(dialog, None)
    opener = ref() if ref is not None else None
    if opener is None or not closed_without_acting(dialog):
        return
    # After the code that opened the dialog has had its answer (it runs as exec() returns).
    QTimer.singleShot(0, opener, lambda: give_back(opener))


def give_back(opener: QWidget) -> None:
    """The keyboard to `opener` in its window, unless it cannot take it or has it already."""
    try:
        window = opener.window()
        if (not opener.isVisible() or not opener.isEnabled()
                or opener.focusPolicy() == Qt.FocusPolicy.NoFocus
                or window.focusWidget() is opener):
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            return  # another question is open in front: it has the keyboard
    except RuntimeError:  # the control has gone with what the answer did
        return
    opener.setFocus(Qt.FocusReason.OtherFocusReason)


def install() -> None:
    """Every dialog the application shows, from now on."""
    watch(shown=_shown, hidden=_hidden)
