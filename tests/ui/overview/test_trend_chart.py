"""The weekly trend: the chart draws core's series, gaps stay gaps, the table has the same weeks."""

from __future__ import annotations

import math
from datetime import date, timedelta

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt

from core.caseload.cases import CaseStore
from tests.demo_copy import demo_into
from core.workload.estimate import load_inputs
from core.workload.history import weekly_history
from core.caseload.models import Case
from core.workload.official import record_official
from core.workload.history_words import history_sentence
from ui.overview.trend_chart import PERIOD_KEY, TrendChart

TODAY = date(2026, 11, 25)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "trend.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def chart(qtbot, settings):
    widget = TrendChart(settings)
    qtbot.addWidget(widget)
    return widget


def _ys(chart):
    return list(chart.curve.getData()[1])


def test_chart_draws_the_same_weekly_figures_as_core(chart, db):
    demo_into(db, TODAY)
    summaries = weekly_history(load_inputs(db), TODAY, 12)
    chart.set_history(summaries)
    xs, ys = chart.curve.getData()
    assert list(xs) == list(range(12))
    assert [Decimal(str(float(y))) for y in ys] == [s.estimate.capacity_percent for s in summaries]
    assert chart.summary.text() == history_sentence(summaries)


def test_weeks_without_data_are_gaps_not_zeros(chart, db):
    store = CaseStore(db)
    first = store.add_case(Case("C01", "community", "B2", start_date=TODAY - timedelta(weeks=10)))
    store.close_case(first.id, TODAY - timedelta(weeks=6), "completed")
    store.add_case(Case("C02", "licence", "A1", start_date=TODAY - timedelta(weeks=3)))
    summaries = weekly_history(load_inputs(db), TODAY, 12)
    chart.set_history(summaries)
    ys = _ys(chart)
    gaps = [i for i, s in enumerate(summaries) if not s.has_data]
    assert gaps, "the case history above leaves weeks with nothing active"
    assert all(math.isnan(ys[i]) for i in gaps)
    assert not any(y == 0 for y in ys)
    assert chart.curve.opts["connect"] == "finite"
    before = sum(1 for n, g in enumerate(gaps) if g == n)  # before C01 started: not "away"
    assert before and len(gaps) > before
    assert (f"({before} before you set up the app, {len(gaps) - before} away)"
            in chart.summary.text())


def test_official_figures_are_separate_markers(chart, db):
    demo_into(db, TODAY)
    record_official(db, TODAY - timedelta(weeks=1), 131.5, TODAY)
    summaries = weekly_history(load_inputs(db), TODAY, 12)
    chart.set_history(summaries)
    xs, ys = chart.official.getData()
    expected = [(i, s.official_percent) for i, s in enumerate(summaries)
                if s.official_percent is not None]
    assert list(zip(xs, ys)) == expected
    assert (10, 131.5) in expected


def test_table_toggle_shows_the_same_weeks(chart, db, qtbot):
    demo_into(db, TODAY)
    summaries = weekly_history(load_inputs(db), TODAY, 12)
    chart.set_history(summaries)
    chart.show()
    assert chart.plot.isVisible() and not chart.table.isVisible()
    chart.as_table.setChecked(True)
    assert chart.table.isVisible() and not chart.plot.isVisible()
    rows = chart.table_rows()
    assert [r[0] for r in rows] == [s.week for s in summaries]
    assert [r[2] for r in rows] == [f"{s.estimate.capacity_percent:.1f}".removesuffix(".0") + "%"
                                    for s in summaries]


def test_target_band_is_shaded_and_fixed(chart):
    assert tuple(chart.target.getRegion()) == (90.0, 110.0)
    assert not chart.target.movable
    assert chart.overload.value() == 110.0


def test_period_choice_is_remembered_and_announced(chart, settings, qtbot):
    assert chart.weeks() == 12
    with qtbot.waitSignal(chart.periodChanged) as blocker:
        chart.period.setCurrentText("1 year")
    assert blocker.args == [52]
    assert settings.value(PERIOD_KEY) == "1 year"
    again = TrendChart(settings)
    qtbot.addWidget(again)
    assert again.weeks() == 52


def test_without_figures_the_summary_axis_and_table_speak_in_bands_with_no_percent(chart, db):
    demo_into(db, TODAY)
    summaries = weekly_history(load_inputs(db), TODAY, 12)
    chart.set_history(summaries)
    assert "percent of available hours" in chart.summary.text()
    chart.set_show_figures(False)
    text = chart.summary.text()
    assert text == history_sentence(summaries, False)
    assert "percent" not in text and "capacity" in text
    assert chart.axis_texts() == ["Some capacity", "Fully committed", "Stretched",
                                  "Over capacity", "Well over capacity"]
    shown = " ".join(chart.axis_texts() + [chart.key.text()]
                     + [cell for row in chart.table_rows() for cell in row])
    assert "%" not in shown and "percent" not in shown
    chart.set_show_figures(True)
    assert chart.summary.text() == history_sentence(summaries)
    assert chart.axis_texts() == ["90%", "100%", "110%", "120%"]
    assert any(cell.endswith("%") for row in chart.table_rows() for cell in row)


def test_the_key_names_each_line_by_shape_and_meaning_not_colour_only(qtbot):
    """Read in greyscale or by someone who cannot tell blue from orange, the key still says
    which mark is which: shapes first, colours only in brackets."""
    import re

    from ui.overview.trend_chart import TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    key = chart.key.text().lower()  # read as words, whatever the capitals
    shapes = {"o": "round dots", "d": "diamonds"}
    assert shapes[chart.curve.opts["symbol"]] in key
    assert shapes[chart.official.opts["symbol"]] in key
    assert chart.overload.pen.style() == Qt.PenStyle.DashLine and "dashed line" in key
    assert "shaded band" in key
    without_colours = re.sub(r"\s*\((blue|orange)\)", "", key)
    assert not re.search(r"\b(blue|orange|red|green)\b", without_colours, re.IGNORECASE)


@pytest.mark.parametrize("bottom, top, line", [(75, 140, 4.0), (25, 190, 9.0), (55, 140, 6.0)])
def test_band_names_never_touch_and_sit_inside_the_axis_and_their_band(bottom, top, line):
    """"Well over capacity" was cut at the top, "Stretched" touched "Fully committed", and a
    light week drew below the "Some capacity" mark, as if below every band."""
    from ui.overview.trend_chart import BAND_EDGES, band_ticks

    edges, names = band_ticks(bottom, top, line)
    places = [place for place, _ in names]
    assert [name for _, name in names][0] == "Some capacity"
    assert all(b - a >= line for a, b in zip(places, places[1:]))  # a line apart at least
    assert bottom + line / 2 <= places[0] and places[-1] <= top - line / 2  # whole, inside
    assert [edge for edge, text in edges] == list(BAND_EDGES) and not any(t for _, t in edges)
    if line * 1.1 * 5 < top - bottom - 45:  # room enough: each name inside its own band
        lows, highs = (bottom, *BAND_EDGES), (*BAND_EDGES, top)
        assert places[0] == (bottom + 95) / 2  # "Some capacity" is the whole band below 95
        assert all(lo - line <= p <= hi + line for p, lo, hi in zip(places, lows, highs))


def test_without_figures_no_cell_a_screen_reader_reaches_holds_a_percent(chart, db):
    """A view's hidden column is still read, cell by cell, by a screen reader's table commands:
    with figures hidden the table has no Estimate or Official figure column at all. (Qt's
    accessible table reads every column of the view's model, hidden or not: tests/atspi
    reads it on the bus.)"""
    demo_into(db, TODAY)
    chart.set_history(weekly_history(load_inputs(db), TODAY, 12))
    chart.as_table.setChecked(True)

    def cells() -> list[str]:
        model = chart.table.model()
        columns = range(model.columnCount())
        return [model.headerData(column, Qt.Orientation.Horizontal) for column in columns] + [
            str(model.index(row, column).data() or "")
            for row in range(model.rowCount()) for column in columns]

    chart.set_show_figures(False)
    assert cells()[:4] == ["Week", "Friday", "Cases", "In words"]
    assert not [cell for cell in cells() if "%" in cell or "percent" in cell.lower()]
    chart.set_show_figures(True)
    assert cells()[:6] == ["Week", "Friday", "Estimate", "Official figure", "Cases", "In words"]
    assert any(cell.endswith("%") for cell in cells())
