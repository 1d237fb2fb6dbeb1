"""Work put off until the first paint (the Overview's chart) waits for it, then runs once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.shell.first_paint import after_first_paint

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_on_a_shown_window_the_work_runs_after_it_paints_and_only_once(qtbot):
    window = QWidget()
    child = QLabel("Overview", window)
    QVBoxLayout(window).addWidget(child)
    qtbot.addWidget(window)
    window.show()
    calls: list[str] = []
    after_first_paint(child, lambda: calls.append("chart"))
    assert calls == []  # not before the window has painted
    window.update()
    qtbot.waitUntil(lambda: calls == ["chart"])
    window.repaint()  # a later paint does not run it again
    QApplication.processEvents()
    assert calls == ["chart"]


def test_a_window_not_on_screen_gets_the_work_straight_away(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("chart"))
    assert calls == ["chart"]
