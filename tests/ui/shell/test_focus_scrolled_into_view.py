"""The control with the keyboard is on the screen. At 200% (a 1280×800 screen is 640×400 in the
app's own units) Ctrl+4 from the Time table put the keyboard on Supervision's "Supervision meeting"
button at the top of a page scrolled half way down: the focus was off the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.exceptions import TimeoutError

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _shown_in_every_scroll_area(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            port = parent.viewport()
            top_left = widget.mapTo(port, widget.rect().topLeft())
            if not QRect(0, 0, port.width(), port.height()).contains(top_left):
                return False
        parent = parent.parentWidget()
    return True


def test_ctrl_4_from_the_time_table_shows_the_focused_button(demo_window, qtbot):
    window = demo_window
    window.resize(640, 400)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # Supervision scrolled down, as a look at its agenda leaves it.
    window.show_view("supervision")
    QApplication.processEvents()
    window.view_area.verticalScrollBar().setValue(window.view_area.verticalScrollBar().maximum())
    window.show_view("time")
    qtbot.waitUntil(lambda: window.current_key() == "time")
    from PySide6.QtWidgets import QTableView

    window.view("time").findChild(QTableView).setFocus()
    QApplication.processEvents()
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_4,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == "supervision")
    landed = QApplication.focusWidget()
    assert window.view("supervision").isAncestorOf(landed)
    qtbot.waitUntil(lambda: _shown_in_every_scroll_area(QApplication.focusWidget()))


def test_every_control_given_the_keyboard_in_each_view_is_shown(demo_window, qtbot):
    """Focus set by the program, not by Tab, in every view at 200%."""
    window = demo_window
    window.resize(640, 400)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for key in ("overview", "caseload", "time", "supervision", "settings"):
        window.show_view(key)
        QApplication.processEvents()
        view = window.view(key)
        bar = window.view_area.verticalScrollBar()
        widget = view.nextInFocusChain()
        seen = 0
        while widget is not None and widget is not view and seen < 40:
            if view.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                window.nav.setFocus()  # from outside the page, as Ctrl+4 or a dialog closing
                bar.setValue(bar.maximum() if seen % 2 == 0 else 0)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                try:
                    qtbot.waitUntil(lambda w=widget: _shown_in_every_scroll_area(w), timeout=2000)
                except TimeoutError:
                    name = widget.accessibleName() or widget.metaObject().className()
                    raise AssertionError(f"{key}: {name} has the keyboard off the screen") from None
                seen += 1
            widget = widget.nextInFocusChain()
        assert seen, key

