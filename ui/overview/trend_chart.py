"""The weekly trend of the estimate: a chart, the same numbers as a table, and one sentence.

Core computes the weeks (core.workload.history.weekly_history); this module only draws them. pyqtgraph
is imported here, so the Overview can create this widget after its first paint.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.workload.history import WeekSummary
from core.workload.history_words import history_sentence
from core.workload.wording import number, workload_words
from ui.widgets.list_table_model import Column, ListTableModel, RawSortProxy
from ui.overview.overview_cards import CHART_MIN_HEIGHT
from ui.overview.overview_texts import TREND_TITLE
from ui.widgets.swatch_key import SwatchKey, fill_for
from ui.widgets.lean_imports import import_pyqtgraph
from ui.widgets.qt_guard import qt_override

pg = import_pyqtgraph()  # PySide6 first; without building every Qt class

PERIODS = {"12 weeks": 12, "6 months": 26, "1 year": 52, "2 years": 104}
DEFAULT_PERIOD = "12 weeks"
PERIOD_KEY = "overview/trend_period"
ORANGE, OUTLINE = "#E69F00", "#1A1A1A"
TARGET_BAND = (90.0, 110.0)  # the classic WMT target range, shaded
OVERLOAD_LINE = 110.0
# With figures shown the axis marks these reference levels; hidden, it names the bands instead
# (at each band's middle), as the gauge's scale does: no percentage on screen.
REFERENCE_TICKS = [(v, f"{v}%") for v in (90, 100, 110, 120)]
# Each band's name sits in the middle of the part of the band that is on the chart, with a
# plain tick at each edge between bands, so a light week reads as inside "Some capacity", and
# the top name is never at the chart's edge. Names a line apart at most are nudged apart.
BAND_EDGES = (95.0, 100.0, 110.0, 120.0)
BAND_NAMES = ("Some capacity", "Fully committed", "Stretched", "Over capacity",
              "Well over capacity")
TOP_MIN = 140.0  # the chart reaches at least this far up: room for "Well over capacity"


def band_ticks(bottom: float, top: float, units_per_line: float) -> list[list[tuple[float, str]]]:
    """[edges without words, band names] for a y axis from `bottom` to `top`, the names kept
    at least `units_per_line` apart (one line of text, in axis units) and inside the axis."""
    lows, highs = (bottom, *BAND_EDGES), (*BAND_EDGES, top)
    places = [(max(lo, bottom) + min(hi, top)) / 2 for lo, hi in zip(lows, highs)]
    gap = units_per_line * 1.1
    for i in range(1, len(places)):  # upwards: each name at least a line above the last
        places[i] = max(places[i], places[i - 1] + gap)
    overflow = places[-1] - (top - units_per_line * 0.6)
    if overflow > 0:  # pushed past the top: the whole column moves down, as far as it may
        places = [p - overflow for p in places]
        for i in range(len(places) - 2, -1, -1):
            places[i] = min(places[i], places[i + 1] - gap)
    edges = [(edge, "") for edge in BAND_EDGES if bottom < edge < top]
    return [edges, list(zip(places, BAND_NAMES))]
# Shape and meaning first, colour only in brackets: each line a swatch and a few words, and the
# whole key read out in words (SwatchKey's accessible name), so it reads in greyscale too.
_BREAK = ("", "A break in the line: a week away, or one without a figure.")
KEY_FIGURES = [("estimate", "Line with round dots (purple): this app's estimate each Friday"),
               ("official figure", "Diamonds (orange): the official figure you entered"),
               ("target range", "Shaded band: the 90 to 110% target range"),
               ("over capacity line", "Dashed line: 110%"), _BREAK]
KEY_WORDS = [("estimate", "Line with round dots (purple): this app's estimate each Friday"),
             ("official figure", "Diamonds (orange): the official figure you entered"),
             ("target range", "Shaded band: the target range"),
             ("over capacity line", "Dashed line: where over capacity begins"), _BREAK]
FIGURE_COLUMNS = (2, 3)  # Estimate and Official figure: shown with figures only


def _capacity(summary: WeekSummary) -> float | None:
    est = summary.estimate
    return est.capacity_percent if est.has_data else None


def _words(summary: WeekSummary) -> str:
    return workload_words(summary.estimate).headline if summary.has_data else "No data this week"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{number(value)}%"


class _FiguresProxy(RawSortProxy):
    """The table's columns, without the percentages while figures are hidden: a hidden column
    of a view is still read, cell by cell, by a screen reader's table commands."""

    figures = True

    def filterAcceptsColumn(self, column: int, parent) -> bool:  # noqa: N802 - Qt override
        return self.figures or column not in FIGURE_COLUMNS

    def set_figures(self, on: bool) -> None:
        self.beginFilterChange()
        self.figures = on
        self.endFilterChange(self.Direction.Columns)


TABLE_COLUMNS = [
    Column("Week", lambda s: s.week, lambda s: s.day),
    # A week's figure is its Friday's; the current week's, before Friday, is today's and says so.
    Column("Friday", lambda s: f"{s.day.day} {s.day:%b %Y}"
           + (f" ({s.day:%A}, so far this week)" if s.so_far else ""), lambda s: s.day),
    Column("Estimate", lambda s: _percent(_capacity(s)), _capacity, align_right=True),
    Column("Official figure", lambda s: _percent(s.official_percent),
           lambda s: s.official_percent, align_right=True),
    Column("Cases", lambda s: str(s.estimate.caseload_count) if s.has_data else "",
           lambda s: s.estimate.caseload_count if s.has_data else None, align_right=True),
    Column("In words", _words),
]


class TrendChart(QWidget):
    """Weekly capacity with the 90–110% range shaded and a line at 110%.

    Signals:
        periodChanged(int): the number of weeks chosen; the owner supplies them with set_history.
    """

    periodChanged = Signal(int)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.summaries: list[WeekSummary] = []
        self._figures = True
        self._y_range = (75.0, TOP_MIN)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.period = QComboBox()
        self.period.addItems(list(PERIODS))
        self.period.setAccessibleName("Trend period")
        saved = self._settings.value(PERIOD_KEY, DEFAULT_PERIOD) if self._settings else None
        self.period.setCurrentText(saved if saved in PERIODS else DEFAULT_PERIOD)
        period_label = QLabel("&Period")
        period_label.setBuddy(self.period)
        self.as_table = QCheckBox("Show as &table")
        header.addWidget(period_label)
        header.addWidget(self.period)
        header.addStretch(1)
        header.addWidget(self.as_table)
        layout.addLayout(header)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        # No context menu: made without one, so pyqtgraph builds none to hide.
        self.plot = pg.PlotWidget(enableMenu=False)
        # The card's own background, so the chart sits calmly inside it in light and dark mode.
        self.plot.setBackground(self.palette().color(QPalette.ColorRole.Base))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        # Keyboard users have the table instead; the drawing area is no Tab stop either.
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.viewport().setAccessibleName("Weekly estimate chart, drawing")
        self.plot.setAccessibleName("Weekly estimate chart")
        self.plot.setAccessibleDescription(
            "The same weeks are in the table and the sentence above.")
        self.plot.setMinimumHeight(CHART_MIN_HEIGHT)
        # pyqtgraph's first size hint (480 px) is not the one it settles on; taking the minimum
        # from the start keeps the card from growing for a frame and then shrinking.
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        ink = self.palette().color(self.foregroundRole())
        # Purple, lighter on dark: never the gauge's "Fully committed" blue (FILLS says why).
        line = fill_for("estimate", self.palette()).colour
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setTextPen(ink)
            axis.setPen(ink)
        self.plot.setLabel("left", "Percent of available hours")
        # The target range is shaded, not interactive: it is a reference, not a control.
        self.target = pg.LinearRegionItem(
            values=TARGET_BAND, orientation="horizontal", movable=False,
            brush=pg.mkBrush(86, 180, 233, 60), pen=pg.mkPen(None),
        )
        self.target.setZValue(-10)
        self.overload = pg.InfiniteLine(
            pos=OVERLOAD_LINE, angle=0, movable=False,
            pen=pg.mkPen(ink, width=1.5, style=Qt.PenStyle.DashLine),
            label="110%", labelOpts={"position": 0.03, "color": ink, "anchors": [(0, 1), (0, 1)]},
        )
        # connect="finite": a week without data (NaN) is a gap in the line, not a zero.
        self.curve = pg.PlotDataItem(
            [], [], connect="finite", pen=pg.mkPen(line, width=2.5),
            symbol="o", symbolSize=7, symbolBrush=line, symbolPen=pg.mkPen(OUTLINE),
            name="This app's estimate",
        )
        # Official figures: hollow orange diamonds, distinct in shape as well as colour.
        self.official = pg.PlotDataItem(
            [], [], pen=None, symbol="d", symbolSize=12, symbolBrush=pg.mkBrush(ORANGE),
            symbolPen=pg.mkPen(OUTLINE, width=1.5), name="Official figure",
        )
        for item in (self.target, self.overload, self.curve, self.official):
            self.plot.addItem(item)
        self._inks = self._ink_colours()

        self.model = ListTableModel(TABLE_COLUMNS, self)
        self.proxy = proxy = _FiguresProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first, as in the chart
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAccessibleName("Weekly estimate as a table")
        self.table.setMinimumHeight(CHART_MIN_HEIGHT)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.key = SwatchKey(KEY_FIGURES)
        layout.addWidget(self.key)

    def _ink_colours(self) -> tuple[str, str, str]:
        palette = self.palette()
        return (palette.color(QPalette.ColorRole.Base).name(),
                palette.color(self.foregroundRole()).name(), fill_for("estimate", palette).colour)

    @qt_override
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Light, dark or high contrast changed while the window is open (View > High
        contrast): the drawing takes the new colours as the words around it do."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_inks"):
            inks = self._ink_colours()
            if inks != self._inks:
                self._inks = inks
                base, ink, line = inks
                self.plot.setBackground(base)
                for side in ("left", "bottom"):
                    self.plot.getAxis(side).setTextPen(ink)
                    self.plot.getAxis(side).setPen(ink)
                self.overload.setPen(pg.mkPen(ink, width=1.5, style=Qt.PenStyle.DashLine))
                self.overload.label.setColor(ink)
                self.curve.setPen(pg.mkPen(line, width=2.5))
                self.curve.setSymbolBrush(line)

    def _connect_signals(self) -> None:
        self.plot.getViewBox().sigResized.connect(lambda _box: self._place_left_ticks())
        self.as_table.toggled.connect(self._show_table)
        self.period.currentTextChanged.connect(self._period_changed)

    def _show_table(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self.key.setVisible(not on)  # the key describes the drawing; the table needs none

    def weeks(self) -> int:
        return PERIODS[self.period.currentText()]

    def _period_changed(self, text: str) -> None:
        if self._settings is not None:
            self._settings.setValue(PERIOD_KEY, text)
        self.periodChanged.emit(PERIODS[text])

    def set_history(self, summaries: list[WeekSummary]) -> None:
        """Draw these weeks (oldest first); x is the week's position, 0 for the oldest."""
        self.summaries = list(summaries)
        xs = list(range(len(summaries)))
        ys = [math.nan if _capacity(s) is None else float(_capacity(s)) for s in summaries]
        if all(math.isnan(y) for y in ys):  # nothing to draw (pyqtgraph warns on all-NaN data)
            self.curve.setData([], [])
        else:
            self.curve.setData(xs, ys)
        marks = [(x, s.official_percent) for x, s in zip(xs, summaries)
                 if s.official_percent is not None]
        self.official.setData([x for x, _ in marks], [y for _, y in marks])
        self._set_axes(summaries, ys, [y for _, y in marks])
        self.model.set_items(summaries)
        self._say(history_sentence(summaries, self._figures))

    def set_show_figures(self, on: bool) -> None:
        """Without figures the sentence speaks in band words and the axis marks only the
        reference levels; the table stays one deliberate click away."""
        self._figures = on
        self._place_left_ticks()
        self.plot.setLabel("left", "Percent of available hours" if on else "Weighted estimate")
        self.overload.label.setFormat("110%" if on else "over capacity above")
        self.key.set_items(KEY_FIGURES if on else KEY_WORDS)
        self.proxy.set_figures(on)
        self._say(history_sentence(self.summaries, on))

    def _say(self, sentence: str) -> None:
        """The chart's sentence, shown, and (after the card's title) the description of the
        period choice, the first thing Tab meets on the card: a screen reader passes over the
        card itself."""
        self.summary.setText(sentence)
        self.period.setAccessibleDescription(f"{TREND_TITLE}. {sentence}")

    def axis_texts(self) -> list[str]:
        """The left axis's labels as drawn now (for checks)."""
        ticks = self.plot.getAxis("left")._tickLevels
        return [text for level in ticks or [] for _, text in level if text]

    def _set_axes(self, summaries: list[WeekSummary], ys: list[float],
                  official: list[float]) -> None:
        step = max(1, math.ceil(len(summaries) / 8))
        ticks = [(i, f"{s.day.day} {s.day:%b}" + (f" {s.day:%y}" if len(summaries) > 26 else ""))
                 for i, s in enumerate(summaries) if (len(summaries) - 1 - i) % step == 0]
        self.plot.getAxis("bottom").setTicks([ticks])
        values = [y for y in ys if not math.isnan(y)] + official
        low = min(values + [80.0])
        high = max(values + [125.0])
        self._y_range = (math.floor(low / 10) * 10 - 5.0,
                         max(math.ceil(high / 10) * 10 + 5.0, TOP_MIN))
        self.plot.setYRange(*self._y_range, padding=0)
        self.plot.setXRange(-0.5, max(len(summaries) - 0.5, 0.5), padding=0)
        self._place_left_ticks()

    def _place_left_ticks(self) -> None:
        """Percentages with figures; band names without, placed for the chart's height now."""
        axis = self.plot.getAxis("left")
        if self._figures:
            axis.setTicks([REFERENCE_TICKS])
            return
        bottom, top = self._y_range
        height = max(self.plot.getViewBox().height(), 1.0)
        line = self.plot.fontMetrics().height()
        axis.setTicks(band_ticks(bottom, top, line * (top - bottom) / height))

    def table_rows(self) -> list[list[str]]:
        """What the table shows, row by row in view order (for checks and copying)."""
        view_model = self.table.model()
        columns = [c for c in range(view_model.columnCount()) if not self.table.isColumnHidden(c)]
        return [[str(view_model.index(r, c).data() or "") for c in columns]
                for r in range(view_model.rowCount())]
