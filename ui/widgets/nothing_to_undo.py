"""Ctrl+Z with nothing left to undo says so ("Nothing to undo."), and Ctrl+Y (or Ctrl+Shift+Z)
with nothing to redo says "Nothing to redo.": shown in the status bar and said politely.

Qt's Undo and Redo actions are disabled while the window's stack has nothing for them, and a
disabled action's keys do nothing at all: a screen-reader user could not tell "nothing to undo"
from "the undo failed", and a sighted one saw nothing change either. A shortcut of the same keys
stands in while (and only while) the action is disabled, so the two never compete for a key.
A field with nothing of its own to undo passes the keys on to it, as it passes them to the
window's Undo when there is something (ui.widgets.undo_keys).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

from ui.widgets.app_watch import watch
from ui.widgets.step_said import say_step

NOTHING_TO_UNDO = "Nothing to undo."
NOTHING_TO_REDO = "Nothing to redo."
# An action's property: the supervision meeting has its own keys for it (Undo and Redo there
# take back only the meeting's own steps: ui.supervision.meeting_screen).
MEETING_HAS_OWN = "meetingHasOwn"


def install(window: QWidget, stack: QUndoStack, undo_keys: list[QKeySequence],
            redo_keys: list[QKeySequence]) -> None:
    """Stand-ins for Undo's `undo_keys` and Redo's `redo_keys` in `window`, each enabled while
    `stack` has nothing for it."""
    stand_ins: dict[bool, list[QShortcut]] = {True: [], False: []}
    for keys, can, changed, words in (
            (undo_keys, stack.canUndo, stack.canUndoChanged, NOTHING_TO_UNDO),
            (redo_keys, stack.canRedo, stack.canRedoChanged, NOTHING_TO_REDO)):
        for key in keys:
            stand_in = QShortcut(key, window)
            stand_in.setContext(Qt.ShortcutContext.WindowShortcut)
            stand_in.setEnabled(not can())
            changed.connect(lambda able, s=stand_in: s.setEnabled(not able))
            stand_in.activated.connect(lambda w=words: say_step(window, w))
            stand_ins[words == NOTHING_TO_UNDO].append(stand_in)
    window.setProperty(_PROPERTY, True)
    _stand_ins[window] = stand_ins
    watch(overriding=_field_passes_on)


_PROPERTY = "saysNothingToUndo"
_stand_ins: "weakref.WeakKeyDictionary[QWidget, dict[bool, list[QShortcut]]]" = \
    weakref.WeakKeyDictionary()


def stand_ins(window: QWidget) -> list[QShortcut]:
    """`window`'s stand-ins for Undo's and Redo's keys (the meeting takes their keys a while)."""
    return [s for kept in _stand_ins.get(window, {}).values() for s in kept]


def _field_passes_on(watched: QObject, event: QEvent) -> bool:
    """Undo's (Redo's) keys asked of a field with nothing of its own for them, in a window whose
    stand-in has them now: True (the field is not asked, and the stand-in says so)."""
    if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget) \
            or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return False
    window = watched.window()
    if not window.property(_PROPERTY):
        return False
    from ui.widgets.undo_keys import _field_has_nothing, _is_ctrl_y  # its own test of a field

    if event.matches(QKeySequence.StandardKey.Undo):
        undo = True
    elif event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
        undo = False
    else:
        return False
    ready = any(s.isEnabled() for s in _stand_ins.get(window, {}).get(undo, []))
    return ready and _field_has_nothing(watched, undo)
