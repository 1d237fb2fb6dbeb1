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

So are arrow presses not yet saved. A spin box keeps no history of its steps (Qt sets its
text anew), so the Working week's Monday stepped from 6 h to 6 h 30 min looked like a field
with nothing to undo, and Ctrl+Z there took back a profile save made on another page while
the unsaved 6 h 30 min was thrown away. Now the value a spin box (or a date field) had before
its first step is kept until a save or an undo (the window's stack moves) or the keyboard
leaves it: while the value differs from it, Ctrl+Z puts it back in the field (nothing saved
or taken back), and Ctrl+Y steps forward again. A spin box that saves once its presses stop
(the retention period, ui.widgets.stepped_spin) is the same until then: put back where it was
stored, nothing is saved; once saved, the stack has moved, and Ctrl+Z there is the window's.
"""

from __future__ import annotations

import weakref

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
        if _own_step(widget, undo) is not None:
            return False  # arrow presses not yet saved: the field's to take back first
        edit = widget.findChild(QLineEdit)
        if edit is None:
            return False
        value = getattr(widget, "value", None)
        shown = getattr(widget, "textFromValue", None)
        saved = (value is not None and shown is not None
                 and widget.cleanText() == shown(value()))  # type: ignore[attr-defined]
        kept = edit.isUndoAvailable() if undo else edit.isRedoAvailable()
        return not kept or (saved and not widget.keyboardTracking())
    from ui.widgets.line_field import LineField

    if isinstance(widget, (QLineEdit, LineField)):
        return not (widget.isUndoAvailable() if undo else widget.isRedoAvailable())
    return False


def undo_or_redo(event: QKeyEvent) -> bool | None:
    """True for Undo's keys, False for Redo's (Ctrl+Y too), None for any other."""
    from PySide6.QtGui import QKeySequence

    if event.matches(QKeySequence.StandardKey.Undo):
        return True
    if event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
        return False
    return None


def field_has_nothing(widget: QWidget, undo: bool) -> bool:
    """True when `widget` is a text field or spin box with nothing of its own to undo (redo)."""
    return _field_has_nothing(widget, undo)


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


# For each spin box (or date field) stepped and not yet saved: [value before the first step,
# value a Ctrl+Z took back (for Ctrl+Y)]. Weak: a field that goes takes its entry with it.
_steps: "weakref.WeakKeyDictionary[QWidget, list[object]]" = weakref.WeakKeyDictionary()


def _value(widget: QWidget) -> object | None:
    value = getattr(widget, "value", None)
    return value() if callable(value) else None


def _set(widget: QWidget, value: object) -> None:
    """A spin box's setValue, or a date field's set_value (ui.widgets.date_fields)."""
    setter = getattr(widget, "setValue", None) or widget.set_value  # type: ignore[attr-defined]
    setter(value)


def _own_step(widget: QWidget, undo: bool) -> object | None:
    """The value Ctrl+Z (`undo`) or Ctrl+Y would put back in this field, if any."""
    kept = _steps.get(widget)
    if kept is None:
        return None
    value = kept[0] if undo else kept[1]
    return value if value is not None and value != _value(widget) else None


def _forget(widget: QWidget | None) -> None:
    if widget is not None:
        _steps.pop(widget, None)


def _pressed(watched: QObject, event: QEvent) -> bool:
    """A step key: keep the value before the first step. Ctrl+Z or Ctrl+Y with steps of the
    field's own: put the value back (or forward) here, taken. Typing of its own undone (or
    redone) in a field of a window whose Ctrl+Z undoes changes: said."""
    from PySide6.QtWidgets import QAbstractSpinBox

    _watch_field_step(watched, event)
    if not isinstance(watched, QAbstractSpinBox) or _value(watched) is None \
            or not isinstance(event, QKeyEvent):
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        undo = event.matches(QKeySequence.StandardKey.Undo)
        if not undo and not (event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event)):
            return False
        edit = watched.findChild(QLineEdit)
        if undo and edit is not None and edit.isUndoAvailable():
            return False  # typing of its own: the field's undo, as ever
        value = _own_step(watched, undo)
        if value is None:
            return False
        now = _value(watched)
        _set(watched, value)
        _steps[watched] = [value, now] if undo else [now, None]
        return True  # said as typing undone is (_watch_field_step)
    steps = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
    if event.key() in steps and watched not in _steps:
        _steps[watched] = [_value(watched), None]
    return False


FIELD_UNDONE = "Undone in this field."
FIELD_REDONE = "Redone in this field."


def _field_text(widget: QWidget) -> str | None:
    """What a text field holds (a spin box's text), or None for anything else."""
    from PySide6.QtWidgets import QAbstractSpinBox, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText()
    return None


def _watch_field_step(watched: QObject, event: QEvent) -> None:
    """Ctrl+Z (Ctrl+Y, Ctrl+Shift+Z) given to a text field in a window with an undo stack:
    once the field has had it, say whether it took back (or put back) typing of its own.
    Ctrl+Z that only cleared the field's typing was silent, and the next one undid time logged
    an hour before: a screen-reader user could not tell which press did what."""
    if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget) \
            or getattr(watched.window(), "undo_stack", None) is None:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return
    undo = event.matches(QKeySequence.StandardKey.Undo)
    if not undo and not (event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event)):
        return
    before = _field_text(watched)
    if before is None:
        return
    from PySide6.QtCore import QTimer

    def said() -> None:
        try:
            changed = _field_text(watched) != before
        except RuntimeError:  # the field has gone
            return
        if changed:
            _say_field_step(watched, undo)

    QTimer.singleShot(0, watched, said)  # after the field has had the key


def _say_field_step(field: QWidget, undo: bool) -> None:
    from ui.widgets.step_said import say_result

    say_result(field, FIELD_UNDONE if undo else FIELD_REDONE)


def _focused(watched: QObject, _event: QEvent) -> None:
    if isinstance(watched, QWidget):
        _forget(watched)  # a new visit: earlier steps were saved, or left behind
    return None


def follow(stack: object) -> None:
    """A save or an undo on the window's `stack` settles the focused field's steps."""
    def settled(_index: int) -> None:
        _forget(QApplication.focusWidget())

    stack.indexChanged.connect(settled)  # type: ignore[attr-defined]


def install(app: QApplication | None = None) -> None:
    """Through the application's one filter (ui.widgets.app_watch), once per application."""
    watch(app, overriding=window_takes_undo, pressed=_pressed, focused=_focused)
