"""Charts of logged time: hours per week against contracted hours, and the activity mix.

Core computes the series (core.time.time_summary); this module only draws them. Each chart has a
one-sentence summary and a "Show as table" toggle, so nothing depends on seeing colour.
"""

from __future__ import annotations

import textwrap

from datetime import datetime, timedelta
from typing import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.time.time_summary import ActivityHours, WeekHours, activity_mix, hours_per_week, hours_text
from core.time.working_week import monday_of
from ui.widgets.list_table_model import Column, ListTableModel, RawSortProxy
from ui.widgets.flow_layout import SideBySide
from ui.widgets.form_helpers import buddy
from ui.widgets.swatch_key import SwatchKey, fill_for
from ui.widgets.lean_imports import import_pyqtgraph
from ui.widgets.qt_guard import qt_override

pg = import_pyqtgraph()  # PySide6 first; without building every Qt class

CHARTS_SIDE_BY_SIDE_FROM = 640  # logical pixels; narrower, one chart above the other
PERIODS = {"This week": 1, "Last 4 weeks": 4, "Last 12 weeks": 12, "Last 26 weeks": 26}
# Each key: a swatch from ui.widgets.swatch_key.FILLS and a few words.
WEEKLY_KEY = [("within contract", "Logged, up to contracted hours"),
              ("over contract", "Logged over contracted hours"),
              ("contracted hours", "Contracted hours that week")]
MIX_KEY = [("counted by the WMT", "Work the WMT counts"),
           ("not counted by the WMT", "Work the WMT does not count")]


class ChartPanel(QWidget):
    """A titled chart with its summary sentence and a table of the same numbers."""

    def __init__(self, title: str, columns: list[Column], key: list[tuple[str, str]],
                 parent: QWidget | None = None, table_text: str = "Show as &table"):
        """`table_text` is the tick box's label: each chart on a page needs its own Alt letter."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        heading = QLabel(f"<b>{title}</b>")
        heading.setWordWrap(True)  # half of a 1024-pixel screen is narrower than a long title
        bold = QFont(heading.font())
        bold.setBold(True)  # yet never squeezed to a word a line beside the chart's controls
        heading.setMinimumWidth(min(QFontMetrics(bold).horizontalAdvance(title) // 2 + 8, 160))
        self.controls = QHBoxLayout()
        self.as_table = QCheckBox(table_text)
        # Two charts share a page: each tick says which chart it turns into a table.
        self.as_table.setAccessibleName(f"{table_text.replace('&', '')}: {title}")
        header.addWidget(heading, 1)
        header.addLayout(self.controls)
        header.addWidget(self.as_table)
        layout.addLayout(header)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.first_stop: QWidget = self.as_table  # where Tab meets the chart first
        # Built without the right-click menu it would only disable again (~4 ms a chart).
        self.plot = pg.PlotWidget(enableMenu=False)
        self.plot.setBackground(None)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setAccessibleName(title)
        # Keyboard users have the table and the summary; the drawing itself is no Tab stop.
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.viewport().setAccessibleName(f"{title}, drawing")
        for side in ("left", "bottom", "top", "right"):
            # No axis has units, and every range starts at 0 and reaches past 1, so no SI prefix
            # is ever shown; not working one out at each range change saves its label re-layout.
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self._paint_axes()
        self.model = ListTableModel(columns, self)
        proxy = RawSortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(f"{title} as a table")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.key = SwatchKey(key)
        layout.addWidget(self.key)
        self.as_table.toggled.connect(self._show_table)

    def _paint_axes(self) -> None:
        ink = self.palette().color(self.foregroundRole())
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setTextPen(ink)
            axis.setPen(ink)

    def paint_inks(self) -> None:
        """Axes, bar outlines, hatching and lines in the palette's text colour (ink drawn
        near-black vanished on a dark window); each chart adds its own items."""
        self._paint_axes()

    def _outline(self) -> QPen:
        pen = QPen(QColor(self._ink()))
        pen.setCosmetic(True)
        return pen

    def _ink(self) -> str:
        return fill_for("contracted hours", self.palette()).colour  # ink, or the text colour

    @qt_override
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "key"):
            self.paint_inks()

    def _show_table(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self.key.setVisible(not on)  # the key describes the drawing; the table needs none

    def say(self, sentence: str) -> None:
        """The chart's sentence, shown, and the description of the first control Tab meets on
        the chart: said on the way in, and (a new period's) as it changes there, once."""
        self.summary.setText(sentence)
        self.first_stop.setAccessibleDescription(sentence)


class WeeklyHoursChart(ChartPanel):
    """Bars of hours logged each week (the part over contract hatched), with contracted hours."""

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("Week beginning", lambda w: f"{w.monday:%d %b %Y}", lambda w: w.monday),
            Column("Logged", lambda w: hours_text(w.logged_hours), lambda w: w.logged_hours),
            Column(
                "Contracted", lambda w: hours_text(w.contracted_hours), lambda w: w.contracted_hours
            ),
            Column(
                "Over contract",
                lambda w: hours_text(w.over_contract_hours) if w.over_contract_hours else "",
                lambda w: w.over_contract_hours,
            ),
        ]
        super().__init__("Hours each week against contracted hours", columns, WEEKLY_KEY,
                         parent, "Show &as table")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first, as in the chart
        self.within_bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.over_bars = pg.BarGraphItem(x=[], height=[], y0=[], width=0.6)
        # A short dash in ink across each bar marks that week's contracted hours.
        self.contracted_curve = pg.PlotDataItem([], [], connect="pairs")
        for item in (self.within_bars, self.over_bars, self.contracted_curve):
            self.plot.addItem(item)
        self.paint_inks()
        self.plot.setLabel("left", "Hours")
        self.series: list[WeekHours] = []

    def paint_inks(self) -> None:
        super().paint_inks()
        palette, pen = self.palette(), self._outline()
        self.within_bars.setOpts(brush=fill_for("within contract", palette).brush(), pen=pen)
        self.over_bars.setOpts(brush=fill_for("over contract", palette).brush(), pen=pen)
        self.contracted_curve.setPen(pg.mkPen(self._ink(), width=3))

    def set_series(self, series: list[WeekHours]) -> None:
        self.series = series
        xs = list(range(len(series)))
        within = [
            min(w.logged_hours, w.contracted_hours) if w.contracted_hours else w.logged_hours
            for w in series
        ]
        over = [w.logged_hours - h for w, h in zip(series, within)]
        self.within_bars.setOpts(x=xs, height=within, width=0.6)
        self.over_bars.setOpts(x=xs, height=over, y0=within, width=0.6)
        dash_x = [x + d for x in xs for d in (-0.42, 0.42)]
        dash_y = [w.contracted_hours for w in series for _ in (0, 1)]
        self.contracted_curve.setData(dash_x, dash_y)
        step = 1 if len(series) <= 8 else 2
        self.plot.getAxis("bottom").setTicks(
            [[(i, f"{w.monday.day} {w.monday:%b}") for i, w in enumerate(series) if i % step == 0]]
        )
        top = max([w.logged_hours for w in series] + [w.contracted_hours for w in series] + [1])
        self.plot.setYRange(0, top * 1.25, padding=0)
        self.plot.setXRange(-0.6, max(len(series) - 0.4, 0.4), padding=0)
        self.model.set_items(series)
        self.say(weekly_sentence(series))


def weekly_sentence(series: list[WeekHours]) -> str:
    if not any(w.logged_hours for w in series):
        return "No time logged in these weeks yet."
    logged = sum(w.logged_hours for w in series)
    contracted = sum(w.contracted_hours for w in series)
    over_weeks = [w for w in series if w.over_contract_hours > 0]
    over = sum(w.over_contract_hours for w in over_weeks)
    text = (
        f"Over the last {len(series)} weeks, {hours_text(logged)} logged against "
        f"{hours_text(contracted)} contracted"
    )
    if over_weeks:
        return (
            text + f"; {len(over_weeks)} of those weeks went over contract, "
            f"by {hours_text(over)} in all."
        )
    return text + "; no week went over contract."


class ActivityMixChart(ChartPanel):
    """Horizontal bars of hours per activity; activities the WMT does not count are hatched."""

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("Activity", lambda a: a.name),
            Column("Hours", lambda a: hours_text(a.hours), lambda a: a.hours),
            Column(
                "Counted by the WMT", lambda a: "Counted" if a.counted_by_wmt else "Not counted"
            ),
        ]
        super().__init__("Where the time went", columns, MIX_KEY, parent, "Show as ta&ble")
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # most hours first
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.period.addItems(list(PERIODS))
        self.period.setCurrentText("Last 4 weeks")
        self.controls.addWidget(buddy("Period", self.period))  # the name a screen reader says
        self.controls.addWidget(self.period)
        self.first_stop = self.period
        self.counted_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self.uncounted_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self.plot.addItem(self.counted_bars)
        self.plot.addItem(self.uncounted_bars)
        self.paint_inks()
        self.plot.setLabel("bottom", "Hours")
        self.mix: list[ActivityHours] = []

    def paint_inks(self) -> None:
        super().paint_inks()
        palette, pen = self.palette(), self._outline()
        self.counted_bars.setOpts(brush=fill_for("counted by the WMT", palette).brush(), pen=pen)
        self.uncounted_bars.setOpts(brush=fill_for("not counted by the WMT", palette).brush(),
                                    pen=pen)

    def set_mix(self, mix: list[ActivityHours]) -> None:
        self.mix = mix
        rows = list(reversed(mix))  # most hours at the top
        counted = [(i, a.hours) for i, a in enumerate(rows) if a.counted_by_wmt]
        uncounted = [(i, a.hours) for i, a in enumerate(rows) if not a.counted_by_wmt]
        self.counted_bars.setOpts(
            x0=[0] * len(counted),
            y=[i for i, _ in counted],
            width=[h for _, h in counted],
            height=0.6,
        )
        self.uncounted_bars.setOpts(
            x0=[0] * len(uncounted),
            y=[i for i, _ in uncounted],
            width=[h for _, h in uncounted],
            height=0.6,
        )
        labels = [wrap_name(a.name) for a in rows]
        self.plot.getAxis("left").setTicks([list(enumerate(labels))])
        # As wide as the longest line of a wrapped name (wrap_name), in the font in use.
        lines = [line for label in labels for line in label.split("\n")] or ["Hours"]
        metrics = self.fontMetrics()
        self.plot.getAxis("left").setWidth(max(map(metrics.horizontalAdvance, lines)) + 16)
        self.plot.setYRange(-0.6, max(len(rows) - 0.4, 0.4), padding=0)
        self.plot.setXRange(0, max([a.hours for a in rows] + [1]) * 1.3, padding=0)
        self.model.set_items(mix)
        self.say(mix_sentence(mix, self.period.currentText().lower()))


def wrap_name(name: str, width: int = 24) -> str:
    """An activity's name on lines of about `width` characters for the chart's axis, whole:
    "One-to-one work in place of an intervention" was cut to "One-to-one work in place of
    a…". Activity names are at most 60 characters (core.time.activities.NAME_MAX), so three
    lines at most."""
    return "\n".join(textwrap.wrap(name, width, break_long_words=True)) or name


def mix_sentence(mix: list[ActivityHours], period: str) -> str:
    total = sum(a.hours for a in mix)
    if not total:
        return f"No time logged {period} yet."
    uncounted = sum(a.hours for a in mix if not a.counted_by_wmt)
    top = mix[0]
    return (
        f"{period.capitalize()}, most time went on {top.name} ({hours_text(top.hours)}); "
        f"{hours_text(uncounted)} ({uncounted / total:.0%}) went on work the WMT does not count."
    )


class TimeCharts(QWidget):
    """Both charts, side by side in the Time view's Charts tab."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = clock_now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        # Side by side on a wide window, one above the other on a narrow one.
        layout = SideBySide(wide_from=CHARTS_SIDE_BY_SIDE_FROM)
        self.setLayout(layout)
        self.weekly = WeeklyHoursChart()
        self.mix = ActivityMixChart()
        layout.add(self.weekly, 1)
        layout.add(self.mix, 1)
        self.mix.period.currentTextChanged.connect(lambda _t: self.refresh())

    def refresh(self) -> None:
        today = self._clock().date()
        self.weekly.set_series(hours_per_week(self._db, today, 12))
        weeks = PERIODS[self.mix.period.currentText()]
        first = monday_of(today) - timedelta(weeks=weeks - 1)
        self.mix.set_mix(activity_mix(self._db, first, today + timedelta(days=6 - today.weekday())))
