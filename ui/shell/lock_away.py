"""What the lock does to the windows it covers: nothing of the data stays readable, on screen or to
any assistive technology, and everything comes back as it was.

A dialog that waits for an answer cannot be hidden (hiding ends it, and what was typed is lost),
and a disabled dialog under a "Locked" label still hands all its words to a screen reader: a
supervision note, a calendar's subjects, a case reference in a title. So its contents are moved
out of the window, whole, into a holder that is never shown (a widget that never had a window of
its own is on no accessibility bus), its title says only that it is locked, and a cover shows
"Locked" where they were. Unlocking moves them back, shown as before, the keyboard where it was.

Popups (a menu, a combo box's list, a file chooser's suggestions) and tooltips are closed first:
they hold the keyboard, show data, and were never meant to survive a step away from the desk.
"""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.announce import announce
from ui.widgets.qt_guard import qt_override

LOCKED_TITLE = "Locked"
_POPUPS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
_LONGEST_WAIT_MS = 1500


def close_popups() -> None:
    """Close every open popup, innermost first, and any tooltip (its words with it: a hidden
    tooltip stays on the bus until the next turn of the event loop)."""
    QToolTip.hideText()
    for tip in QApplication.topLevelWidgets():
        if tip.windowType() == Qt.WindowType.ToolTip and isinstance(tip, QLabel):
            tip.hide()
            tip.setText("")
    for _ in range(20):  # a menu inside a menu inside a menu: never an endless loop
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()


def first_focus_in(widget: QWidget) -> QWidget | None:
    """Give focus to the first control in `widget` that Tab reaches; returns it (or None)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (widget.isAncestorOf(candidate) and candidate.isVisible() and candidate.isEnabled()
                and candidate.focusPolicy().value & Qt.FocusPolicy.TabFocus.value):
            candidate.setFocus(Qt.FocusReason.OtherFocusReason)
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


class _Emptied:
    """One window with its contents moved out."""

    def __init__(self, window: QWidget, focus: QWidget | None):
        self.window = window
        self.title = window.windowTitle()
        self.focus = focus
        # Whether the window itself was disabled, not whether it reads as disabled: a chooser
        # opened from a dialog the lock had already disabled reads as disabled too, and that,
        # given back, left it disabled for good (the order windows are met in is Qt's own).
        self.enabled = not window.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
        self.holder = QWidget()  # never shown: no window, so on no bus
        self._holders: list[QWidget] = []  # earlier holders, when the window laid itself out anew
        self.words: tuple[str, str] | None = None
        if isinstance(window, QMessageBox):
            # A question's own accessible gives its words as its value and help, whatever its
            # children: blanked while its layout is still there (the box resizes through it).
            self.words = (window.text(), window.informativeText())
            window.setText("")
            if self.words[1]:
                window.setInformativeText("")
        self.kids = [(kid, kid.isVisible(), kid.geometry())
                     for kid in window.children()
                     if isinstance(kid, QWidget) and not kid.isWindow()]
        self.layout = window.layout()
        if self.layout is not None:
            self.holder.setLayout(self.layout)  # takes the layout and every widget it places
        for kid, _shown, _geometry in self.kids:
            if kid.parentWidget() is window:  # placed by hand, not by the layout
                kid.setParent(self.holder)
        window.setWindowTitle(LOCKED_TITLE)
        # A layout of its own meanwhile: Qt's own dialogs ask for theirs (a message box lays
        # itself out again on any layout request, and with none it crashed).
        self.stand_in = QVBoxLayout(window)
        self.stand_in.setContentsMargins(0, 0, 0, 0)
        self.cover: QLabel | None = None
        if window.isVisible():
            self.cover_shown()
        self._kept_empty = _KeptEmpty(self)

    def empty_again(self) -> None:
        """The window made a layout of its own while emptied (a message box does, when the
        style changes: high contrast turned on, by the app or the platform): what it put back
        goes to the holder too, in place of the layout it left there empty."""
        window = self.window
        made = window.layout()
        if made is None or (shiboken6.isValid(self.stand_in) and made is self.stand_in):
            return
        # A holder of its own: the one before keeps the layout left empty, deleted with it
        # by Qt (deleted from Python, its wrapper stayed on the holder's list, and Python
        # crashed as the holder went).
        self._holders.append(self.holder)
        self.holder = QWidget()
        self.layout = made
        self.holder.setLayout(made)  # takes the layout and every widget it places
        self.stand_in = QVBoxLayout(window)
        self.stand_in.setContentsMargins(0, 0, 0, 0)
        if self.cover is not None and shiboken6.isValid(self.cover):
            self.stand_in.addWidget(self.cover)

    def cover_shown(self) -> None:
        """"Locked" where the contents were, the window disabled: for one on screen at the lock,
        or shown later while it lasts (a dialog kept from before, opened again by a timer)."""
        if self.cover is not None:
            return
        self.window.setEnabled(False)
        self.cover = QLabel("Locked")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setAutoFillBackground(True)
        palette = self.cover.palette()  # in the window's disabled state, read as plainly
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window):
            palette.setColor(QPalette.ColorGroup.Disabled, role,
                             palette.color(QPalette.ColorGroup.Active, role))
        self.cover.setPalette(palette)
        self.stand_in.addWidget(self.cover)
        self.cover.show()

    def give_back(self) -> None:
        window = self.window
        if not shiboken6.isValid(window):
            return  # closed while locked (the app quitting): nothing to give back to
        window.removeEventFilter(self._kept_empty)
        if self.cover is not None and shiboken6.isValid(self.cover):
            self.cover.hide()
            self.cover.deleteLater()
        if shiboken6.isValid(self.stand_in):
            shiboken6.delete(self.stand_in)  # the window's own layout goes back in its place
        if self.layout is not None and shiboken6.isValid(self.layout):
            window.setLayout(self.layout)
        if self.words is not None and isinstance(window, QMessageBox):
            window.setText(self.words[0])
            if self.words[1]:
                window.setInformativeText(self.words[1])
        for kid, _shown, geometry in self.kids:
            if shiboken6.isValid(kid) and kid.parentWidget() is not window:
                kid.setParent(window)
                kid.setGeometry(geometry)
        for kid, shown, _geometry in self.kids:
            if shown and shiboken6.isValid(kid) and window.isVisible():
                kid.show()
        window.setWindowTitle(self.title)
        window.setEnabled(self.enabled)
        for holder in (*self._holders, self.holder):
            holder.deleteLater()

    def give_focus_back(self) -> None:
        """Once every window is enabled again (a control in a window still disabled through the
        dialog it came from takes no focus)."""
        window = self.window
        if not shiboken6.isValid(window):
            return
        focus = self.focus
        if focus is not None and shiboken6.isValid(focus) and window.isAncestorOf(focus) \
                and focus.focusPolicy() != Qt.FocusPolicy.NoFocus:
            # Back on the control that had it, even in a window not yet active again: Qt gives
            # a window's keyboard to its focus widget when it is activated.
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        elif window.isVisible():
            _focus_as_shown(window)


class _KeptEmpty(QObject):
    """On an emptied window: a style change (which a message box answers by laying itself out
    anew, its icon, words and buttons back in the window behind the lock) is handled, then the
    window emptied again, before anything is painted or read."""

    def __init__(self, emptied: _Emptied):
        super().__init__(emptied.holder)
        self._emptied = emptied
        emptied.window.installEventFilter(self)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.StyleChange and watched is self._emptied.window:
            watched.event(event)  # the window's own answer first, then emptied again
            self._emptied.empty_again()
            return True
        return False


def _focus_as_shown(window: QWidget) -> None:
    """Where Qt puts the keyboard in a window as it is shown, for one emptied before any
    control had it (opened while locked): a question's default answer, else a dialog's first
    button that Return would press, else its first control."""
    answer = window.defaultButton() if isinstance(window, QMessageBox) else None
    if answer is None and isinstance(window, QDialog):
        candidate = window.nextInFocusChain()
        while candidate is not None and candidate is not window:
            if isinstance(candidate, QPushButton) and candidate.autoDefault() \
                    and candidate.isVisible() and candidate.isEnabled() \
                    and window.isAncestorOf(candidate):
                answer = candidate
                break
            candidate = candidate.nextInFocusChain()
    if answer is not None:
        answer.setFocus(Qt.FocusReason.OtherFocusReason)
    else:
        first_focus_in(window)


class Away:
    """Every window but `main` emptied while locked (visible ones covered), given back on
    `give_back`. Only windows that are on the accessibility bus (that have ever been shown,
    hidden ones too: a closed dialog kept for next time still holds what it showed)."""

    def __init__(self, main: QWidget):
        windows = [window for window in QApplication.topLevelWidgets()
                   if window is not main and window.windowHandle() is not None
                   and window.windowType() not in _POPUPS]
        # Each window's keyboard before any is disabled: disabling a dialog moves the focus out
        # of the chooser it opened (to its first control), so read later it was already lost.
        focus = [window.focusWidget() for window in windows]
        self._emptied = [_Emptied(window, kept) for window, kept in zip(windows, focus)]

    def take(self, window: QWidget) -> None:
        """Empty `window` too, shown while locked (ui.shell.lock_late): covered, as the windows
        on screen at the lock are; one emptied at the lock and shown again gets its cover."""
        for emptied in self._emptied:
            if emptied.window is window:
                emptied.cover_shown()
                return
        self._emptied.append(_Emptied(window, window.focusWidget()))

    def give_back(self) -> None:
        for emptied in self._emptied:
            emptied.give_back()
        for emptied in self._emptied:
            emptied.give_focus_back()
        self._emptied = []


def say_when_active(window: QWidget, text: str, then: Callable[[], None] | None = None) -> None:
    """Announce `text` from `window` once it has the keyboard again (a dialog the lock covered
    is given it back a moment after unlocking): a reader passes over words said in a window
    that is not the active one, as "Unlocked." was over every dialog."""
    app = QApplication.instance()
    if window.isActiveWindow() or app is None:
        announce(window, text)
        if then is not None:
            then()
        return
    said = [False]

    def say(*focus_window: object) -> None:
        if said[0] or (focus_window and shiboken6.isValid(window)
                       and not window.isActiveWindow()):
            return  # the keyboard went somewhere else first (the lock gate going)
        said[0] = True
        try:
            app.focusWindowChanged.disconnect(say)
        except (RuntimeError, TypeError):  # already gone with the application
            pass
        alive = shiboken6.isValid(window) and window.isVisible()
        announce(window if alive else None, text)
        if then is not None:
            then()

    app.focusWindowChanged.connect(say)
    QTimer.singleShot(_LONGEST_WAIT_MS, say)  # never activated (a busy desktop): said anyway


class QuietActions:
    """The actions that name what they would undo or redo ("Undo Delete case C07"), called by
    their verb alone while locked: a menu's items stay on the bus, shown or not."""

    def __init__(self, window: QWidget):
        words = {text for stack in window.findChildren(QUndoStack)
                 for text in (stack.undoText(), stack.redoText()) if text}
        self._named: list[tuple[QAction, str]] = []
        for action in window.findChildren(QAction):
            text = action.text()
            found = next((word for word in words if word in text), None)
            if found:
                self._named.append((action, text))
                action.setText(text.replace(found, "").strip())

    def give_back(self) -> None:
        for action, text in self._named:
            if shiboken6.isValid(action):
                action.setText(text)
        self._named = []
