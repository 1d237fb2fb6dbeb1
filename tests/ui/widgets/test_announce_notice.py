"""A screen reader that does not listen for announcements (Orca 43) is shown each one as a
notification instead, and only then: a reader that listens hears it once, as an announcement.
(tests/atspi/test_orca_speaks.py checks what Orca itself says.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets import announce_notice
from ui.widgets.announce_notice import Notice, forget_notices, show_notice

LOGGED = "Logged 45 minutes of Travel. Undo with Ctrl+Z."


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.show()
    yield widget
    forget_notices()


def _listening(monkeypatch, *events: str) -> None:
    monkeypatch.setattr(announce_notice, "_listened_events", lambda: list(events))


def _notices(window: QWidget) -> list[Notice]:
    return [n for n in window.findChildren(Notice) if n.isVisible()]


def test_a_reader_deaf_to_announcements_is_shown_a_notification(window, monkeypatch):
    _listening(monkeypatch, "object:state-changed:showing", "window:activate", "focus:")
    show_notice(window, LOGGED)
    [notice] = _notices(window)
    accessible = QAccessible.queryAccessibleInterface(notice)
    assert accessible.role() == QAccessible.Role.Notification
    assert accessible.text(QAccessible.Text.Name) == LOGGED
    # Not the window: a reader would say the window and all its text again with the words.
    assert accessible.parent().object() is QApplication.instance()
    # Never seen, never in the way: no size, no focus, no clicks.
    assert notice.geometry().isEmpty()
    assert notice.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("events", [("object:announcement",), ("Object:Announcement:",),
                                    ("object:",), ("",)])
def test_a_reader_that_listens_for_announcements_is_shown_nothing_more(
        window, monkeypatch, events):
    _listening(monkeypatch, "object:state-changed:showing", *events)
    show_notice(window, LOGGED)
    assert _notices(window) == []


def test_when_the_bus_cannot_be_asked_the_words_are_still_said_once(window, monkeypatch):
    def no_bus() -> list[str]:
        raise OSError("no accessibility bus")

    monkeypatch.setattr(announce_notice, "_listened_events", no_bus)
    show_notice(window, LOGGED)
    assert [n.accessibleName() for n in _notices(window)] == [LOGGED]


def test_only_the_last_two_are_kept_and_the_lock_takes_them_all(window, monkeypatch, qtbot):
    _listening(monkeypatch, "object:state-changed:showing")
    for text in ("C97 added.", "C98 added.", "C99 added."):
        show_notice(window, text)
    qtbot.waitUntil(lambda: len(window.findChildren(Notice)) == 2)
    assert [n.accessibleName() for n in _notices(window)] == ["C98 added.", "C99 added."]
    forget_notices()
    assert _notices(window) == []
    qtbot.waitUntil(lambda: not window.findChildren(Notice))
