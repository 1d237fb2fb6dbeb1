"""The band gauges are read as a level: Qt's own progress bar gives screen readers a value
(where the marker sits between the scale's ends) and the name says the band in words."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtGui import QAccessible

from ui.widgets.gauge import CaseloadGauge, WorkloadGauge

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _reading(gauge) -> tuple[int, int, int]:
    value = QAccessible.queryAccessibleInterface(gauge).valueInterface()
    assert value is not None, "no value for a screen reader"
    return value.currentValue(), value.minimumValue(), value.maximumValue()


@pytest.mark.parametrize("kind", [WorkloadGauge, CaseloadGauge])
def test_a_gauge_has_a_role_screen_readers_announce(qtbot, kind):
    gauge = kind()
    qtbot.addWidget(gauge)
    face = QAccessible.queryAccessibleInterface(gauge)
    assert face.role() == QAccessible.Role.ProgressBar


def test_the_weighted_value_is_percent_of_hours_rounded_half_up_and_never_capped(qtbot):
    gauge = WorkloadGauge()
    qtbot.addWidget(gauge)
    gauge.set_value(111.5, "111.5%")
    assert _reading(gauge) == (112, 60, 150)
    gauge.set_value(187.5, "187.5%")
    assert _reading(gauge) == (188, 60, 188)  # past the drawn scale, the range holds it
    gauge.set_value(52.0)
    assert _reading(gauge) == (52, 52, 150)


def test_the_caseload_value_is_in_cases(qtbot):
    gauge = CaseloadGauge()
    qtbot.addWidget(gauge)
    gauge.set_reference(Fraction(304, 10))  # part time: 30.4 cases is the reference
    gauge.set_value(23 / 30.4, "23 cases")
    assert _reading(gauge) == (23, 0, 49)  # to 1.6 times the reference, 48.64


def test_the_name_is_the_label_then_the_band_in_words(qtbot):
    gauge = WorkloadGauge()
    qtbot.addWidget(gauge)
    gauge.set_label("This week's estimate")
    gauge.set_value(114.0, "114%")
    gauge.set_value_words("Over capacity")
    gauge.set_description("Over capacity, about 4 extra hours a week.")
    face = QAccessible.queryAccessibleInterface(gauge)
    assert face.text(QAccessible.Text.Name) == "This week's estimate: Over capacity"
    assert face.text(QAccessible.Text.Description).startswith("Over capacity")
    assert gauge.text() == "Over capacity"  # the bar's own text: words, never the figure


def test_the_overview_gauges_are_named_by_their_cards_and_band_words(demo_window):
    view = demo_window.view("overview")
    for card in (view.workload, view.caseload):
        face = QAccessible.queryAccessibleInterface(card.gauge)
        words = card.headline.text()
        assert words
        assert face.text(QAccessible.Text.Name) == f"{card.heading.text()}: {words}"
        assert face.text(QAccessible.Text.Description).startswith(words)
        assert card.heading.buddy() is card.gauge
