"""Tab and Shift+Tab walk the same ring in every dialog.

With an application style sheet (the app has one) and a default button in a QDialogButtonBox,
Qt's own Tab from the control before the buttons jumps straight to the default button, over
any button laid out before it: in "Delete closed cases?" Tab went table -> Keep them -> table
and never reached "Delete 10 cases", while Shift+Tab went through all three. The return guard's
filter (ui.widgets.return_guard) passes each Tab and Shift+Tab here; when the next stop in the
focus chain is a button of a button box, focus is moved there by the chain itself, the ring
Shift+Tab walks backwards. Everything else is left to Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def _stop(widget: QWidget, dialog: QDialog) -> bool:
    from PySide6.QtCore import Qt

    return (widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None and widget.isEnabled()
            and widget.isVisibleTo(dialog) and widget.window() is dialog)


def next_stop(widget: QWidget, forward: bool) -> QWidget | None:
    """The next (or previous) Tab stop after `widget` in its dialog's focus chain."""
    dialog = widget.window()
    if not isinstance(dialog, QDialog):
        return None
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    for _ in range(500):  # a chain is a ring; never loop forever on a broken one
        if candidate is None or candidate is widget:
            return None
        if _stop(candidate, dialog):
            return candidate
        candidate = step(candidate)
    return None


def tab_in_dialog(watched: QObject, event: QEvent) -> bool:
    """Tab or Shift+Tab on the focused widget of a dialog whose next stop is a button of a
    button box: focus moved there (True); anything else is left to Qt (False)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    if not (isinstance(event, QKeyEvent) and isinstance(watched, QWidget)
            and watched is QApplication.focusWidget()
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
        return False
    forward = event.key() == Qt.Key.Key_Tab and not (
        event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    target = next_stop(watched, forward)
    if not (isinstance(target, QPushButton)
            and isinstance(target.parentWidget(), QDialogButtonBox)):
        return False
    target.setFocus(Qt.FocusReason.TabFocusReason if forward
                    else Qt.FocusReason.BacktabFocusReason)
    return True
