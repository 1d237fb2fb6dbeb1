"""Ctrl+1…Ctrl+5 from inside a view say the view the keyboard has arrived in: Ctrl+5 from
Time's quick entry said only "Grade combo box", never "Settings". From the Views list the
view's row is read as it is chosen, so nothing more is said there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")
KEYS = {"overview": Qt.Key.Key_1, "caseload": Qt.Key.Key_2, "time": Qt.Key.Key_3,
        "supervision": Qt.Key.Key_4, "settings": Qt.Key.Key_5}


@pytest.fixture
def heard():
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _ctrl(window, qtbot, key: str) -> None:
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, KEYS[key], Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == key)


def test_ctrl_number_from_a_view_says_the_view_once(demo_window, qtbot, heard):
    window = demo_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _ctrl(window, qtbot, "time")
    window.view("time").setFocus()
    window.focusNextChild()  # the keyboard inside the Time view, not in the Views list
    qtbot.waitUntil(lambda: window.view("time").isAncestorOf(QApplication.focusWidget()))
    for key, title in (("settings", "Settings"), ("caseload", "Caseload"),
                       ("supervision", "Supervision"), ("overview", "Overview")):
        heard.clear()
        _ctrl(window, qtbot, key)
        assert heard == [f"{title} view."], (key, heard)
        landed = QApplication.focusWidget()
        assert landed is not window.nav and window.view(key).isAncestorOf(landed)
    # The view already shown: nothing moved, nothing said.
    heard.clear()
    _ctrl(window, qtbot, "overview")
    assert heard == []


def test_ctrl_number_from_the_views_list_says_nothing_more(demo_window, qtbot, heard):
    window = demo_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    for key in ("caseload", "settings", "overview"):
        heard.clear()
        _ctrl(window, qtbot, key)
        assert heard == [], heard  # the list's row, "Caseload", is what is read
        assert window.nav.hasFocus()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_ctrl_number_with_no_window_active_says_the_view_after_its_control(demo_window, qtbot,
                                                                           monkeypatch):
    """After Escape closed Keyboard shortcuts nothing gave the window the keyboard back, yet
    keys reached it: Ctrl+3 said nothing, and Ctrl+2 then read the Time view's field inside
    "Caseload view.". The window takes the keyboard, and the view is said after its control."""
    window = demo_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _ctrl(window, qtbot, "settings")
    window.view("settings").setFocus()
    window.focusNextChild()
    qtbot.waitUntil(lambda: window.view("settings").isAncestorOf(QApplication.focusWidget()))
    sent: list[tuple[str, object, bool]] = []
    monkeypatch.setattr(announce.QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(announce, "_send", lambda _w, text, _a: sent.append(
        (text, QApplication.focusWidget(), window.isActiveWindow())))
    # The window system has the keyboard on the window, but Qt's widgets were not told (as
    # after a dialog closed under a screen reader): no active widget window.
    QApplication.setActiveWindow(None)
    assert QApplication.activeWindow() is None
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == "time")
    qtbot.waitUntil(lambda: bool(sent), timeout=3000)
    text, focus, active = sent[0]
    assert text == "Time view." and active
    assert focus is not None and window.view("time").isAncestorOf(focus)
