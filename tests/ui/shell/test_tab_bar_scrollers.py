"""A tab bar too narrow for its tabs (Settings' six pages on a 1280×800 screen at 200%) shows
Scroll Left and Scroll Right buttons: Tab stopped on them, and a screen reader user met two
more "tabs" than the page has. Every tab bar in the app, in the views and in dialogs, keeps
them out of the Tab order, and Ctrl+Tab turns through the pages only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget, QToolButton

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _scrolling(tabs: QTabWidget) -> list[QToolButton]:
    """The tab bar made too narrow for its tabs, so its scroll buttons show."""
    bar = tabs.tabBar()
    bar.setUsesScrollButtons(True)
    tabs.setFixedWidth(max(60, bar.sizeHint().width() // 3))
    if tabs.parentWidget().layout() is not None:
        tabs.parentWidget().layout().activate()
    QApplication.processEvents()
    shown = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert shown, (f"{tabs.accessibleName()}: no scroll buttons at {bar.width()} in "
                   f"{tabs.width()} of {bar.sizeHint().width()}")
    return shown


def _tab_walk(window, start, steps: int) -> list:
    start.setFocus()
    QApplication.processEvents()
    seen = []
    for _ in range(steps):
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def _every_tab_widget(demo_window):
    """Each tab widget of each view, its view on screen while the caller looks at it."""
    for key in ("time", "supervision", "settings"):
        demo_window.show_view(key)
        QApplication.processEvents()
        for tabs in demo_window.view(key).findChildren(QTabWidget):
            if tabs.isVisible():
                yield key, tabs


def test_tab_never_stops_on_a_tab_bars_scroll_buttons(demo_window, themed, qtbot):
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    checked = 0
    for key, tabs in _every_tab_widget(demo_window):
        buttons = _scrolling(tabs)
        seen = _tab_walk(demo_window, tabs.tabBar(), 60)
        landed = [b.accessibleName() or b.objectName() for b in buttons if b in seen]
        assert not landed, f"{key}: Tab stopped on {landed}"
        tabs.setMinimumWidth(0)
        tabs.setMaximumWidth(16777215)
        checked += 1
    assert checked >= 3


def test_ctrl_tab_turns_through_the_pages_only(demo_window, themed, qtbot):
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    demo_window.show_view("settings")
    tabs = demo_window.view("settings").tabs
    _scrolling(tabs)
    tabs.tabBar().setFocus()
    shown = []
    for _ in range(tabs.count()):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ControlModifier)
        shown.append(tabs.currentIndex())
        assert isinstance(QApplication.focusWidget(), QTabBar) or \
            tabs.currentWidget().isAncestorOf(QApplication.focusWidget()), \
            f"Ctrl+Tab left focus on {QApplication.focusWidget()!r}"
    assert sorted(shown) == list(range(tabs.count()))
    QTest.keyRelease(demo_window.windowHandle(), Qt.Key.Key_Control)


def test_the_wmt_setup_dialogs_tabs_keep_their_scroll_buttons_out_of_tab(qtbot, db, themed):
    from core.caseload.cases import CaseStore
    from ui.caseload.wmt_setup_dialog import WmtSetupDialog

    dialog = WmtSetupDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = _scrolling(dialog.tabs)
    seen = _tab_walk(dialog, dialog.tabs.tabBar(), 30)
    assert not [b for b in buttons if b in seen]
