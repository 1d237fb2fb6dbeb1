"""Tab into the Overview's weekly trend before it is built (it is made when first seen): the
first pass stopped on the bare "Weekly trend" panel and then went on to the what-if, missing
the trend's Period and "Show as table", the chart's accessible alternative."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.demo_copy import demo_into
from tests.ui.overview.test_overview import TODAY, hub, make_view, settings  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_first_tab_into_the_unbuilt_trend_reaches_its_period_then_show_as_table(
        db, make_view, qtbot):  # noqa: F811 - fixtures
    demo_into(db, TODAY)
    view = make_view()
    view.resize(1024, 420)  # the trend below the fold: not built until reached
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: view.what_if is not None)
    assert view.trend is None
    view.caseload.gauge.last_tab_stop().setFocus()
    for card in (view.drivers, view.not_seen):  # the cards of sentences, then the trend
        QTest.keyClick(view.windowHandle(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is card.heading
    QTest.keyClick(view.windowHandle(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.trend is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.trend.period)
    QTest.keyClick(view.windowHandle(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.trend.as_table
