"""The trend chart (and the chart library, some 50 MB) is made only when its card is about to be
seen: scrolled into view, the window made taller, or reached with Tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.demo_copy import demo_into
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
TODAY = date(2026, 11, 25)


@pytest.fixture
def short_view(qtbot, db, tmp_path):
    demo_into(db, TODAY)
    view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat),
                        today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1000, 420)  # the cards fill the view; the chart is well below
    view.show()
    qtbot.waitUntil(lambda: view.what_if is not None)  # what lies below the fold is set up
    QApplication.processEvents()
    return view


def test_the_chart_waits_below_the_fold_until_scrolled_to(short_view, qtbot):
    assert short_view.trend is None
    bar = short_view.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: short_view.trend is not None)
    assert len(short_view.trend.summaries) == 12


def test_a_taller_window_brings_the_chart(short_view, qtbot):
    short_view.resize(1000, 1400)
    qtbot.waitUntil(lambda: short_view.trend is not None)


def test_tab_reaches_the_chart_controls_before_it_was_ever_seen(short_view, qtbot):
    short_view.caseload.gauge.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(short_view.caseload.gauge.hasFocus)
    # Tab from the last card on: the chart's place, then its period box, before the what-if.
    seen = []
    for _ in range(3):
        short_view.focusNextChild()
        for _ in range(3):  # the zero timer that fills the place, and the focus it passes on
            QApplication.processEvents()
        seen.append(QApplication.focusWidget())
    assert short_view.trend is not None
    assert short_view.trend.period in seen
