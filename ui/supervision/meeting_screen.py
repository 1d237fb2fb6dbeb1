"""While the meeting is shown, the window shows and says only the meeting's own words.

The manager looks at the screen (and hears the screen reader), so nothing the "Show to my
manager" ticks keep back may reach either from outside the meeting:

* the status bar's last line ("Brought back the note “Tired after a heavy month…”", "C01
  closed. …") is cleared as the meeting opens, and a line written while it is shown waits; when
  the meeting is left the bar shows the newest line from outside it, else the one it had;
* a tooltip still up, and the notices a screen reader could still read, go;
* what the rest of the app says meanwhile (a backup, a calendar read by a worker, a result of a
  dialog opened over the meeting) waits, and is said once the meeting is left; what the
  meeting itself says, and a dialog over it about its own fields, is heard at once;
* Ctrl+Z and Ctrl+Y take back (or make again) only the meeting's own steps (an agreed action
  removed): a case closed before the meeting is not reopened out of sight. With no meeting step
  to take back they say so, on the meeting's own line, and change nothing.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QToolTip, QWidget

from ui.shell.lock_screen import UNLOCKED
from ui.widgets import announce
from ui.widgets.announce_notice import forget_notices
from ui.widgets.app_watch import watch
from ui.widgets.nothing_to_undo import NOTHING_TO_REDO, NOTHING_TO_UNDO

if TYPE_CHECKING:
    from ui.supervision.meeting_view import MeetingView

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))
ONLY_OURS = {
    True: ("Ctrl+Z in the meeting takes back only the meeting's own steps, and there are none "
           "to take back; other changes can be undone once you leave the meeting."),
    False: ("Ctrl+Y in the meeting redoes only the meeting's own steps, and there are none to "
            "redo; other changes can be redone once you leave the meeting."),
}
NOTHING = {True: NOTHING_TO_UNDO, False: NOTHING_TO_REDO}

_open: "weakref.WeakSet[MeetingScreen]" = weakref.WeakSet()


def only_ours(undo: bool) -> str:
    """What Ctrl+Z (`undo`) or Ctrl+Y says in the meeting when the next step is not its own."""
    return ONLY_OURS[undo]


def _inside(widget: object, holder: QWidget) -> bool:
    try:
        while isinstance(widget, QWidget):
            if widget is holder:
                return True
            widget = widget.parentWidget()
    except RuntimeError:  # gone: not the meeting's
        pass
    return False


class MeetingScreen(QObject):
    """Made as the meeting opens over `window`; `close()` as it is left gives the window back
    its status bar line, its Undo keys, and says what waited."""

    def __init__(self, window: QMainWindow, view: "MeetingView", stack: QUndoStack | None,
                 draft: object):
        super().__init__(view)
        self._window, self._view, self._stack, self._draft = window, view, stack, draft
        bar = window.statusBar()
        self._before = bar.currentMessage()
        self._lines: list[str] = []  # status bar lines written (or words said) meanwhile
        self._ours: set[str] = set()  # words the meeting said itself (also shown in the bar)
        self._waiting: list[tuple[object, str, bool]] = []
        QToolTip.hideText()
        forget_notices()  # "Brought back the note …" is not left readable on the bus
        bar.clearMessage()
        bar.messageChanged.connect(self._hold_line)
        announce.add_gate(self._gate)
        self._keys = self._take_undo_keys()
        _open.add(self)
        watch(overriding=_field_passes_on)

    # --- the status bar ------------------------------------------------------------------------
    def _hold_line(self, text: str) -> None:
        if text:
            self._lines.append(text)
            self._window.statusBar().clearMessage()

    # --- what is said --------------------------------------------------------------------------
    def _gate(self, widget: object, text: str, assertive: bool) -> bool:
        """True when `text` waits for the meeting to be left (it does not come from it)."""
        if not shiboken6.isValid(self._view) or self._window.centralWidget() is not self._view:
            return False  # locked: the lock decides what is heard
        if text == UNLOCKED:
            return False  # the lock's own word, as the meeting comes back
        if _inside(widget, self._view):
            self._ours.add(text)
            return False
        try:
            window = widget.window() if isinstance(widget, QWidget) else None
        except RuntimeError:
            window = None
        if isinstance(window, QDialog) and window.isVisible():
            return False  # a dialog opened over the meeting, about its own fields
        self._waiting.append((widget, text, assertive))
        self._lines.append(text)  # shown once the meeting is left (a view out of the window
        return True               # while it is up has no status bar to write to)

    # --- Undo and Redo -------------------------------------------------------------------------
    def _take_undo_keys(self) -> list[tuple[Any, list[QKeySequence]]]:
        """The window's Undo and Redo (and their "Nothing to undo" stand-ins) lose their keys
        while the meeting is shown; the meeting's own shortcuts have them."""
        from ui.widgets.nothing_to_undo import MEETING_HAS_OWN, stand_ins

        taken: list[tuple[Any, list[QKeySequence]]] = []
        for action in self._window.actions():
            if action.property(MEETING_HAS_OWN):
                taken.append((action, list(action.shortcuts())))
                action.setShortcuts([])
        for shortcut in stand_ins(self._window):
            taken.append((shortcut, [shortcut.key()]))
            shortcut.setKey(QKeySequence())
        for keys, undo in ((UNDO_KEYS, True), (REDO_KEYS, False)):
            for key in keys:
                own = QShortcut(key, self._view)
                own.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                own.activated.connect(lambda u=undo: self.step(u))
        return taken

    def step(self, undo: bool) -> None:
        """Ctrl+Z (`undo`) or Ctrl+Y in the meeting: the meeting's own step, or say why not."""
        stack = self._stack
        if stack is None:
            self._view.tell(NOTHING[undo])
            return
        command = stack.command(stack.index() - 1 if undo else stack.index())
        if command is not None and getattr(command, "meeting_draft", None) is self._draft:
            stack.undo() if undo else stack.redo()
            return
        self._view.tell(NOTHING[undo] if command is None else only_ours(undo))

    # --- leaving -------------------------------------------------------------------------------
    def close(self) -> None:
        """The window as it was (with the newest line from outside the meeting), and what
        waited said, after the keyboard has landed."""
        _open.discard(self)
        announce.remove_gate(self._gate)
        bar = self._window.statusBar()
        try:
            bar.messageChanged.disconnect(self._hold_line)
        except (RuntimeError, TypeError):
            pass
        for holder, keys in self._keys:
            if shiboken6.isValid(holder):
                holder.setShortcuts(keys) if hasattr(holder, "setShortcuts") \
                    else holder.setKey(keys[0])
        outside = [line for line in self._lines if line not in self._ours]
        line = outside[-1] if outside else self._before
        if line:
            bar.showMessage(line)
        waiting, self._waiting = self._waiting, []
        for widget, text, assertive in waiting:
            alive = not isinstance(widget, QObject) or shiboken6.isValid(widget)
            announce.announce(widget if alive else self._window, text, assertive=assertive,
                              after_focus=True)


def _field_passes_on(watched: QObject, event: QEvent) -> bool:
    """Undo's or Redo's keys in a meeting field with nothing of its own to take back: True (the
    field is not asked, and the meeting's own shortcut has them)."""
    if not _open or not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
        return False
    if not any(_inside(watched, screen._view) for screen in list(_open)
               if shiboken6.isValid(screen._view)):
        return False
    from ui.widgets.undo_keys import field_has_nothing, undo_or_redo

    undo = undo_or_redo(event)
    return undo is not None and field_has_nothing(watched, undo)
