"""One meaning per colour and pattern across the app's charts, and keys that are swatches with
a few words rather than paragraphs about colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ui.time.time_charts import ActivityMixChart, WeeklyHoursChart
from ui.widgets.gauge import CaseloadGauge, WorkloadGauge
from ui.widgets.swatch_key import FILLS, SwatchKey

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _fill_of(brush) -> tuple[str, object]:
    return QColor(brush.color()).name().upper(), brush.style()


def test_each_fill_in_the_time_charts_means_one_thing_and_none_is_the_gauges(qtbot):
    weekly, mix = WeeklyHoursChart(), ActivityMixChart()
    for widget in (weekly, mix):
        qtbot.addWidget(widget)
    drawn = {
        "within contract": weekly.within_bars.opts["brush"],
        "over contract": weekly.over_bars.opts["brush"],
        "counted by the WMT": mix.counted_bars.opts["brush"],
        "not counted by the WMT": mix.uncounted_bars.opts["brush"],
    }
    fills = {meaning: _fill_of(brush) for meaning, brush in drawn.items()}
    assert len(set(fills.values())) == len(fills), fills  # the issue: one hatched orange twice
    gauge_fills = set()
    for gauge in (WorkloadGauge(), CaseloadGauge()):
        for band in gauge.bands():
            gauge_fills.add((QColor(band.colour).name().upper(), gauge.band_pattern(band.name)))
    assert not set(fills.values()) & gauge_fills, "a time chart fill reuses a gauge band's"


def test_the_keys_are_swatches_with_a_few_words(qtbot):
    for chart in (WeeklyHoursChart(), ActivityMixChart()):
        qtbot.addWidget(chart)
        assert isinstance(chart.key, SwatchKey)
        assert all(len(words.split()) <= 6 for words in chart.key.words), chart.key.words
        assert chart.key.text().startswith("Key: ")


def test_the_key_goes_with_the_drawing_not_the_table(qtbot):
    chart = WeeklyHoursChart()
    qtbot.addWidget(chart)
    chart.show()
    chart.as_table.setChecked(True)
    assert not chart.key.isVisible()
    chart.as_table.setChecked(False)
    assert chart.key.isVisible()


def test_every_named_fill_is_distinct():
    pairs = [(f.colour.upper(), f.pattern, f.line, f.marker, f.dashed, f.alpha)
             for f in FILLS.values()]
    assert len(set(pairs)) == len(pairs)
