"""The tray icon is outside the lock: anyone at the desk, and a screen reader, reads its tooltip
and its menu. While the window is locked they say only that it is locked, whatever the timer is
doing or a change made beside the window says, and its messages wait until unlocked."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from core.time.timer import start_timer
from tests.ui.time.test_time_view import act
from ui.time.tray import LOCKED_WORDS

# The offscreen platform has no window manager; harmless and not about the tray.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def _menu_words(tray) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in tray.menu.actions() if a.isVisible() and a.text()]


def test_locked_the_tray_says_only_that_and_its_messages_wait(demo_window, db, qtbot,
                                                                monkeypatch):
    win = demo_window
    tray = win.time_tray
    shown: list[tuple[str, str]] = []
    icon = type("Icon", (), {"showMessage": lambda _self, t, m: shown.append((t, m)),
                             "setIcon": lambda _self, _i: None,
                             "setToolTip": lambda _self, _t: None})
    monkeypatch.setattr(tray, "icon", icon())
    monkeypatch.setattr(win.idle_lock, "_verify", lambda p: p == "right")
    start_timer(db, act(db, "Travel"), now=datetime.now().replace(microsecond=0))
    win.hub.timeLogged.emit()  # the timer started (here: as if from the command line)
    assert "Travel" in tray.tip and any("Travel" in w for w in _menu_words(tray))

    win.idle_lock.lock()
    assert tray.tip == LOCKED_WORDS
    assert _menu_words(tray) == [LOCKED_WORDS, "Show Caseload Companion"]
    win.hub.timeLogged.emit()  # a change made beside the window, seen by the data watch
    tray.refresh()  # and the timer's own tick
    assert tray.tip == LOCKED_WORDS and _menu_words(tray)[0] == LOCKED_WORDS
    tray.notify("Timer", "Travel still running")
    assert shown == []
    # Opened from the tray while locked, the menu stays open (the lock closes other popups).
    tray.menu.popup(QPoint(10, 10))
    qtbot.waitUntil(tray.menu.isVisible)
    QApplication.processEvents()
    assert tray.menu.isVisible() and tray.menu.actions()[-1].isEnabled()
    tray.menu.close()

    win.idle_lock.screen.field.setText("right")
    win.idle_lock.screen.button.click()
    assert "Travel" in tray.tip and any("Travel" in w for w in _menu_words(tray))
    assert shown == [("Timer", "Travel still running")]
    assert tray.start_action.isVisible() and tray.start_action.isEnabled()
