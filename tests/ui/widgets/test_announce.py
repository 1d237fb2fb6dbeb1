"""The one helper every confirmation and error goes through to reach a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from ui.widgets import announce


def test_results_are_polite_and_errors_assertive(qtbot):
    heard: list[tuple[str, bool]] = []
    announce.add_listener(lambda text, assertive: heard.append((text, assertive)))
    try:
        label = QLabel("x")
        qtbot.addWidget(label)
        announce.announce(label, "C99 added")
        announce.announce_error(label, "That passphrase is not right")
        announce.announce(label, "   ")  # nothing to say: nothing said
    finally:
        announce._listeners.clear()
    assert heard == [("C99 added", False), ("That passphrase is not right", True)]


def test_a_closed_or_deleted_widget_is_harmless(qtbot):
    import shiboken6

    label = QLabel("x")
    shiboken6.delete(label)
    announce.announce(label, "Saved summary.pdf")  # no exception, with or without a reader
    announce.announce(None, "Profile saved")


def test_words_after_a_dialog_wait_until_its_window_has_the_keyboard_back(qtbot, monkeypatch):
    # "Added the activity …" was sent while the name's dialog was closing: the window's
    # activation came after it, and Orca 43, with many events to read, dropped the words.
    from PySide6.QtWidgets import QApplication, QWidget

    sent: list[str] = []
    monkeypatch.setattr(announce, "_send", lambda _widget, text, _assertive: sent.append(text))
    window, other = QWidget(), QWidget()
    for widget in (window, other):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    other.hide()  # the dialog closes; the window has not had the keyboard back yet
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None)
    announce.announce(window, "Added the activity Peer mentoring.", after_focus=True)
    announce.announce(window, "Logged 45 minutes of Travel.")
    for _ in range(3):
        QApplication.processEvents()  # the queued send has run, and waits
    assert sent == []
    window.activateWindow()
    qtbot.waitUntil(lambda: sorted(sent) == ["Added the activity Peer mentoring.",
                                             "Logged 45 minutes of Travel."])


def test_words_from_a_window_behind_an_open_dialog_are_said_at_once(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    sent: list[str] = []
    monkeypatch.setattr(announce, "_send", lambda _widget, text, _assertive: sent.append(text))
    window, dialog = QWidget(), QWidget()
    for widget in (window, dialog):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    announce.announce(window, "Saved summary.pdf")
    assert sent == ["Saved summary.pdf"]


def test_words_are_said_even_if_their_window_never_has_the_keyboard_back(qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication, QWidget

    sent: list[str] = []
    monkeypatch.setattr(announce, "_send", lambda _widget, text, _assertive: sent.append(text))
    window, other = QWidget(), QWidget()
    for widget in (window, other):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    other.hide()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None)
    announce.announce(window, "Deleted the activity Peer mentoring.", after_focus=True)
    qtbot.waitUntil(lambda: sent == ["Deleted the activity Peer mentoring."], timeout=5000)


def test_a_sentence_joined_to_another_full_stop_is_said_and_shown_with_one(qtbot):
    """"Now on Nothing logged yet..": a sentence's own full stop and the one after it."""
    from PySide6.QtWidgets import QMainWindow

    from ui.widgets.step_said import say_result, say_step

    heard: list[str] = []
    announce.add_listener(lambda text, _assertive: heard.append(text))
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        say_result(window, "Now on Monday 7 December: nothing logged yet..")
        shown = window.statusBar().currentMessage()
        say_step(window, "Undone: Edit entry (…). Is it right?.")
        announce.announce(window, "Saved notes... in ../home.")  # an ellipsis, a path stay
    finally:
        announce._listeners.clear()
    assert heard == ["Now on Monday 7 December: nothing logged yet.",
                     "Undone: Edit entry (…). Is it right?", "Saved notes... in ../home."]
    assert shown == heard[0]
    assert window.statusBar().currentMessage() == heard[1]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_words_do_not_wait_for_a_window_that_has_the_keyboard_already(qtbot, monkeypatch):
    """The window system had given the window the keyboard, but Qt's widgets were not told:
    the words waited for an activation that never came ("Time view." after Keyboard shortcuts
    closed was never heard). The widgets are told, and the words said after."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLineEdit

    sent: list[tuple[str, bool]] = []
    monkeypatch.setattr(announce, "_BACK_WAIT_MS", 3_600_000)  # no falling back to time
    window = QLineEdit()
    qtbot.addWidget(window)
    monkeypatch.setattr(announce, "_send", lambda _widget, text, _assertive: sent.append(
        (text, window.hasFocus())))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.setActiveWindow(None)
    assert QGuiApplication.focusWindow() is window.windowHandle() and not window.hasFocus()
    announce.announce(window, "Time view.", after_focus=True)
    qtbot.waitUntil(lambda: bool(sent))
    assert sent == [("Time view.", True)] and window.isActiveWindow()
