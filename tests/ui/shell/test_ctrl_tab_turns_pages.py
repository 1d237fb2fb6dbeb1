"""Ctrl+Tab turns the tabs of the page on screen from anywhere in the window: from the Time
view's timer row it did nothing, and from a control on the page, focus went to the Views list
before the new page (a screen reader said "Views, list" at every turn)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture(autouse=True)
def _no_modifier_left(demo_window):
    """Ctrl is not left held for the tests that follow (a table's selectRow reads it)."""
    yield
    QTest.keyRelease(demo_window.windowHandle(), Qt.Key.Key_Control)


def _time_view(win, qtbot):
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    for index in range(win.nav.count()):
        if win.nav.item(index).text().replace("&", "") == "Time":
            win.nav.setCurrentRow(index)
    QApplication.processEvents()
    view = win.view("time")
    qtbot.waitUntil(view.isVisible)
    return view


def test_ctrl_tab_from_the_timer_row_turns_the_time_views_tabs(demo_window, qtbot):
    view = _time_view(demo_window, qtbot)
    tabs = view.tabs
    start = tabs.currentIndex()
    view.timer.case.setFocus()
    QTest.keyClick(demo_window.windowHandle(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == (start + 1) % tabs.count()
    QTest.keyClick(demo_window.windowHandle(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.currentIndex() == start


def test_ctrl_tab_from_a_page_never_sends_focus_to_the_views_list(demo_window, qtbot):
    view = _time_view(demo_window, qtbot)
    tabs = view.tabs
    page = tabs.currentWidget()
    inside = next(w for w in page.findChildren(QWidget)
                  if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    inside.setFocus()
    qtbot.waitUntil(inside.hasFocus)
    visited = []
    QApplication.instance().focusChanged.connect(lambda _old, new: visited.append(new))
    QTest.keyClick(demo_window.windowHandle(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is not page
    assert demo_window.nav not in visited
    assert QApplication.focusWidget() is not None




def test_ctrl_tab_from_the_views_list_says_the_page_it_turned_to(demo_window, qtbot):
    """From the Views list the keyboard stays in the list, and the page turned without a
    word (Orca says a page tab only while its bar has the keyboard)."""
    from ui.widgets import announce

    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        view = _time_view(demo_window, qtbot)
        tabs = view.tabs
        demo_window.nav.setFocus()
        qtbot.waitUntil(demo_window.nav.hasFocus)
        start = tabs.currentIndex()
        QTest.keyClick(demo_window.windowHandle(), Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ControlModifier)
        turned = tabs.tabText(tabs.currentIndex()).replace("&", "")
        assert tabs.currentIndex() != start and demo_window.nav.hasFocus()
        assert heard == [f"{turned} page."]
        heard.clear()
        tabs.tabBar().setFocus()  # on the bar, the tab itself is read as it turns
        qtbot.waitUntil(tabs.tabBar().hasFocus)
        QTest.keyClick(demo_window.windowHandle(), Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentIndex() == start and heard == []
    finally:
        announce.remove_listener(listener)
