"""Ctrl+Z in a field that has nothing of its own to undo reaches the window's Undo.

A text field or spin box with the keyboard takes Ctrl+Z (and Redo's keys) for its own typing,
whether or not it has any: Qt asks the field first (a ShortcutOverride event), and the field
always says yes. So after Return saved the profile from its hours field, or an arrow key
changed the retention period, the keyboard was still in the field, and Ctrl+Z there did
nothing at all: the save it had just been told it could undo stayed.

Here the field is not asked while it has nothing of its own to undo (or redo): a text field
whose typing has all been saved (a field read again after a save has no history), a spin box
showing the value it holds with no typing of its own kept. Then the window's Undo (or Redo)
has the keys, as anywhere else in the window. Typing not yet saved is still the field's to
undo first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ui.widgets.app_watch import watch

# Installed before the window's first frame: the other classes are named when Ctrl is held
# (see ui.widgets.return_guard).


def _window_can(widget: QWidget, undo: bool) -> bool:
    stack = getattr(widget.window(), "undo_stack", None)
    if stack is None:
        return False
    return bool(stack.canUndo() if undo else stack.canRedo())


def _field_has_nothing(widget: QWidget, undo: bool) -> bool:
    """True when `widget` is a text field or spin box with nothing of its own to undo (redo)."""
    from PySide6.QtWidgets import QAbstractSpinBox

    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        if edit is None:
            return False
        value = getattr(widget, "value", None)
        shown = getattr(widget, "textFromValue", None)
        saved = (value is not None and shown is not None
                 and widget.cleanText() == shown(value()))  # type: ignore[attr-defined]
        kept = edit.isUndoAvailable() if undo else edit.isRedoAvailable()
        return not kept or (saved and not widget.keyboardTracking())
    if isinstance(widget, QLineEdit):
        return not (widget.isUndoAvailable() if undo else widget.isRedoAvailable())
    return False


def window_takes_undo(watched: QObject, event: QEvent) -> bool:
    """For the application's filter: Undo's or Redo's keys asked of a field that has nothing
    of its own for them, while the window has: True (the field is not asked)."""
    from PySide6.QtCore import Qt

    if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget) \
            or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return False
    from PySide6.QtGui import QKeySequence

    if event.matches(QKeySequence.StandardKey.Undo):
        undo = True
    elif event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
        undo = False
    else:
        return False
    return _field_has_nothing(watched, undo) and _window_can(watched, undo)


def _is_ctrl_y(event: QKeyEvent) -> bool:
    from PySide6.QtCore import Qt

    return (event.key() == Qt.Key.Key_Y
            and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            == Qt.KeyboardModifier.ControlModifier)


def install(app: QApplication | None = None) -> None:
    """Through the application's one filter (ui.widgets.app_watch), once per application."""
    watch(app, overriding=window_takes_undo)
