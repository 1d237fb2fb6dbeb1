"""Keys that a field kept for itself: Ctrl+Tab moves to the next tab from a date field too."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from ui.widgets.date_fields import DateField

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_ctrl_tab_from_a_date_field_shows_the_next_tab(themed, qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    page = QWidget()
    field = DateField(date(2026, 12, 1))
    QVBoxLayout(page).addWidget(field)
    tabs.addTab(page, "Week")
    tabs.addTab(QLineEdit(), "Charts")
    tabs.show()
    qtbot.waitExposed(tabs)
    inner = field if field.focusProxy() is None else field.focusProxy()
    inner.setFocus()
    QApplication.processEvents()
    target = QApplication.focusWidget() or inner
    qtbot.keyClick(target, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    tabs.setCurrentIndex(0)
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.currentIndex() == 1  # back from the first is the last


def test_no_page_that_scrolls_is_a_tab_stop(themed, demo_window):
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.app_walk import each_place

    stops = []
    for place in each_place(demo_window):
        stops += [f"{place}: {area.accessibleName() or type(area).__name__}"
                  for area in demo_window.findChildren(QScrollArea)
                  if area.isVisible() and area.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == []
