"""The band gauges are announced as a level with the band in words, not as a generic panel."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from ui.widgets.gauge import CaseloadGauge, WorkloadGauge

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.mark.parametrize("kind", [WorkloadGauge, CaseloadGauge])
def test_a_gauge_has_a_role_screen_readers_announce(qtbot, kind):
    gauge = kind()
    qtbot.addWidget(gauge)
    face = QAccessible.queryAccessibleInterface(gauge)
    assert face.role() == QAccessible.Role.ProgressBar


def test_its_value_is_the_band_in_words_and_its_description_starts_with_them(qtbot):
    gauge = WorkloadGauge()
    qtbot.addWidget(gauge)
    gauge.set_value(114.0, "114%")
    gauge.set_value_words("Over capacity")
    gauge.set_description("Over capacity, about 114 percent of available hours.")
    face = QAccessible.queryAccessibleInterface(gauge)
    assert face.text(QAccessible.Text.Value) == "Over capacity"  # words, never the figure
    assert face.text(QAccessible.Text.Name) == "Weighted workload"
    assert face.text(QAccessible.Text.Description).startswith("Over capacity")


def test_the_overview_gauges_carry_this_weeks_band_words(demo_window):
    view = demo_window.view("overview")
    for card in (view.workload, view.caseload):
        face = QAccessible.queryAccessibleInterface(card.gauge)
        words = face.text(QAccessible.Text.Value)
        assert words and words == card.headline.text()
        assert face.text(QAccessible.Text.Description).startswith(words)
