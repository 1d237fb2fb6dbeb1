"""Telling a screen reader what just happened: one place for every confirmation, result and error.

A label or the status bar changing is seen, not heard. `announce` sends the same words to
assistive technology as an announcement (Qt 6.8 and later: `QAccessibleAnnouncementEvent`,
AT-SPI `object:announcement`), polite for results so speech is not cut off, assertive for
errors. Where Qt is older or no screen reader listens, it does nothing harmful. A screen reader
that does not listen for announcements (Orca before 46) is shown the words as a notification
instead (ui.widgets.announce_notice), so that every reader says them once.

Tests (and anything else that wants to know) register with `add_listener`; every announcement
is passed to them, whether or not a screen reader is running.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.announce_notice import show_notice

try:  # Qt 6.8+
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    _POLITE = QAccessible.AnnouncementPoliteness.Polite
    _ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive
except (ImportError, AttributeError):  # pragma: no cover - older Qt: seen, not heard
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

Listener = Callable[[str, bool], None]
# A sentence that ends in its own full stop (or question mark) joined to a full stop of the
# sentence built around it ("Now on Nothing logged yet.."): one mark, as written by hand. An
# ellipsis ("...") and a path ("../notes") are left alone.
_DOUBLED_STOP = re.compile(r"(?<![.])([.?!])\.(?=\s|$)")


def one_stop(text: str) -> str:
    """`text` with each doubled full stop made one ("yet.." -> "yet.", "now?." -> "now?")."""
    return _DOUBLED_STOP.sub(r"\1", text)
_listeners: list[Listener] = []
# Each gate may keep an announcement back (True): the supervision meeting holds what the rest
# of the app says while the manager is looking (ui.supervision.meeting_screen).
Gate = Callable[[object, str, bool], bool]
_gates: list[Gate] = []
# While locked: the one widget still heard (the lock screen), and what others said meanwhile.
_speaker: QWidget | None = None
_held: list[tuple[QObject | None, str, bool]] | None = None


def add_gate(gate: Gate) -> None:
    """`gate(widget, text, assertive)` is asked before each announcement is said; True keeps
    it back (the gate says it later, or not at all)."""
    _gates.append(gate)


def remove_gate(gate: Gate) -> None:
    if gate in _gates:
        _gates.remove(gate)


def add_listener(listener: Listener) -> None:
    """`listener(text, assertive)` is called for every announcement until removed."""
    _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _source(widget: QObject | None) -> QObject | None:
    """The object the announcement comes from: the widget if it is on screen, else its window,
    else the active window (a dialog that has just closed cannot speak for itself)."""
    if isinstance(widget, QWidget):
        try:
            if widget.isVisible():
                return widget
            window = widget.window()
            if window is not None and window.isVisible():
                return window
        except RuntimeError:  # the C++ widget is already gone
            pass
    elif widget is not None:
        return widget
    return QApplication.activeWindow()


def announce(widget: QObject | None, text: str, assertive: bool = False,
             after_focus: bool = False) -> None:
    """Say `text` to a screen reader: polite (after what it is saying) for results and
    confirmations, `assertive=True` (at once) for errors. Empty text says nothing.

    `after_focus`: sent once the events queued now have run (a table's rows read again, the
    keyboard put back on a row) and, when a dialog has just closed, once its window has the
    keyboard back: a screen reader says a focus change at once, cutting off what it was
    saying, and Orca 43, with many events still to read, drops a notification that came before
    a focus change or a window's activation (it heard "Activities you log time against. table
    with 15 rows…" and never "Deleted the activity …", nor "Added the activity …" after the
    name was typed in its own dialog)."""
    text = one_stop((text or "").strip())
    if not text:
        return
    if _held is not None and not _within(widget, _speaker):
        _held.append((widget, text, assertive))
        return
    if any(gate(widget, text, assertive) for gate in list(_gates)):
        return
    for listener in list(_listeners):
        listener(text, assertive)
    if QAccessibleAnnouncementEvent is None:
        return
    if after_focus:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _once_window_is_back(widget, lambda: _send(
            widget, text, assertive)))
        return
    # A result said as its dialog closes ("Logged 45 minutes of Travel" after Log time's Return)
    # waits for the window to have the keyboard back, or Orca 43 drops it as it reads the window.
    _once_window_is_back(widget, lambda: _send(widget, text, assertive))


def hold_announcements(speaker: QWidget) -> None:
    """From now on only `speaker` (and what is inside it) is heard; everything else said waits
    for `release_announcements`. The lock: a result a worker reports while it is on ("Saved
    supervision-2026-12-07.pdf", "Read 3 events: Home visit C07 …") is neither heard behind
    the lock screen nor shown to a screen reader as a notice in a window it hides."""
    global _speaker, _held
    _speaker = speaker
    if _held is None:
        _held = []
    # A lock that ends with its window (the app closing) holds nothing any more.
    speaker.destroyed.connect(lambda *_: _speaker_gone(speaker))


def _speaker_gone(speaker: object) -> None:
    global _speaker, _held
    if _speaker is speaker:
        _speaker, _held = None, None


def release_announcements() -> Callable[[], None]:
    """Stop holding; returns what says, in order and from where it was said, everything that
    waited since `hold_announcements` (called once the lock's own "Unlocked." has been said)."""
    global _speaker, _held
    waiting, _held, _speaker = _held or [], None, None

    def say() -> None:
        for widget, text, assertive in waiting:
            gone = isinstance(widget, QObject) and not _alive(widget)
            announce(None if gone else widget, text, assertive=assertive, after_focus=True)

    return say


def _alive(widget: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def _within(widget: QObject | None, speaker: QWidget | None) -> bool:
    """`widget` is `speaker` or inside it (through windows opened from it, too)."""
    try:
        while isinstance(widget, QWidget) and speaker is not None:
            if widget is speaker:
                return True
            widget = widget.parentWidget()
    except RuntimeError:  # gone: not the speaker
        pass
    return False


_BACK_WAIT_MS = 1000  # a window the system never gives the keyboard back to is said from anyway


def _once_window_is_back(widget: QObject | None, send: Callable[[], None]) -> None:
    """`send()` now, unless the keyboard is between windows (a dialog has just closed and
    `widget`'s window has not had it back yet: no window of the app is active, or only the
    hidden dialog still is): then once that window is active, after the focus that comes with
    it, the window system giving it back a moment later."""
    try:
        window = widget.window() if isinstance(widget, QWidget) else None
        active = QApplication.activeWindow()
        waiting = (window is not None and window.isVisible() and not window.isActiveWindow()
                   and (active is None or not active.isVisible()))
    except RuntimeError:  # the C++ widget is already gone
        window, waiting = None, False
    from PySide6.QtGui import QGuiApplication

    if waiting and window.windowHandle() is QGuiApplication.focusWindow():
        # The window system gave the window the keyboard already and no activation is coming,
        # but Qt's widgets were not told: the words waited, and a screen reader heard neither
        # them nor the focus ("Time view." after Keyboard shortcuts closed). Told now.
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)
        waiting = not window.isActiveWindow()
    if not waiting:
        send()
        return
    from PySide6.QtCore import QTimer

    app = QGuiApplication.instance()
    timer = QTimer(app)
    timer.setSingleShot(True)
    done = []

    def fire() -> None:
        if done:
            return
        done.append(True)
        app.focusWindowChanged.disconnect(back)  # type: ignore[union-attr]
        timer.stop()
        timer.deleteLater()
        send()

    def back(_window: object) -> None:
        try:
            active = window.isActiveWindow()  # type: ignore[union-attr]
        except RuntimeError:
            active = True  # gone: nothing to wait for
        if active:
            QTimer.singleShot(0, fire)  # after the focus the window's activation brings

    app.focusWindowChanged.connect(back)  # type: ignore[union-attr]
    timer.timeout.connect(fire)
    timer.start(_BACK_WAIT_MS)


def _send(widget: QObject | None, text: str, assertive: bool) -> None:
    source = _source(widget)
    if source is None or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(_ASSERTIVE if assertive else _POLITE)
    QAccessible.updateAccessibility(event)
    window = source.window() if isinstance(source, QWidget) else None
    if window is not None:
        show_notice(window, text)  # for a reader deaf to the event above, and only then


def announce_error(widget: QObject | None, text: str) -> None:
    """An error or refusal, said at once."""
    announce(widget, text, assertive=True)
