"""The Overview: this week's workload in words beside the gauges, what drives it, what it misses,
the trend, a what-if, and the calm sustained-overload panel.

All maths and wording come from core (estimate, history, wording, drivers, what_if, time_summary);
the inputs are loaded once per refresh.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.clock import today as clock_today
from core.workload.drivers import driver_sentences, untiered_sentence
from core.workload.estimate import EstimateInputs, load_inputs
from core.workload.profile import has_profile
from core.workload.history import (
    CASELOAD,
    WEIGHTED,
    SustainedEpisode,
    WeekSummary,
    snapshot_day,
    sustained_panel_due,
    weekly_history,
    workload_status,
)
from core.time.time_summary import logged_hours, not_counted_hours, not_counted_sentence
from core.workload.status_words import StatusWords, status_words
from core.workload.week_words import week_line
from core.workload.wording import ADD_TO_NOTES
from ui.widgets.arrival_words import FirstShown
from ui.widgets.midnight import MidnightWatch
from ui.shell.first_paint import after_first_paint
from ui.widgets.flow_layout import FlowRow, SideBySide
from ui.widgets.form_helpers import view_title
from ui.widgets.step_said import say_result
from ui.shell.hub import Hub
from ui.overview.overview_cards import (
    CHART_MIN_HEIGHT,
    Card,
    CaseloadCard,
    ListCard,
    WorkloadCard,
    wrapped,
)
from ui.overview.overview_texts import (
    EMPTY_TEXT,
    EMPTY_TEXT_WITH_PROFILE,
    NO_DRIVERS,
    NOT_SEEN_EMPTY,
    NOT_SEEN_NOTE,
    TREND_TITLE,
    WHAT_IF_TITLE,
)
from ui.overview.gap_card import GapCard
from ui.overview.overview_actions import OverviewActions
from ui.overview.sustained_panel import SustainedPanel
from ui.overview.when_seen import when_seen

if TYPE_CHECKING:  # imported when first opened or after the first paint
    from ui.overview.what_if_panel import WhatIfPanel

FIGURES_KEY = "overview/show_figures"
PAIRS_FROM = 600  # logical pixels: narrower, the cards go one above the other


class OverviewView(OverviewActions, QWidget):
    """Signals:
        openRequested(str, str): show another view (key) and, for Settings, a page title.
        refreshed(): the week was worked out again from the data (its words kept for next start).
    """

    openRequested = Signal(str, str)
    setupRequested = Signal()  # "Finish setting up" on the empty Overview: the welcome again
    refreshed = Signal()

    def __init__(self, db: Database, hub: Hub, settings: QSettings,
                 today: Callable[[], date] = clock_today, parent: QWidget | None = None,
                 figures_key: str = FIGURES_KEY):
        super().__init__(parent)
        self._figures_key = figures_key  # kept per data folder (window_state.folder_key)
        self._db = db
        self._hub = hub
        self._settings = settings
        self._today = today
        self._inputs: EstimateInputs | None = None
        self.summary: WeekSummary | None = None
        self.words: StatusWords | None = None
        self.episode: SustainedEpisode | None = None  # the weighted trigger's, while due
        self.caseload_episode: SustainedEpisode | None = None
        self._shown_on: date | None = None
        # Made after the first paint, each in a frame of its own: the what-if, then the chart.
        self.what_if: WhatIfPanel | None = None
        self.trend = None
        self.midnight = MidnightWatch(parent=self)
        self._build_ui()
        self._connect_signals()
        self.refresh()
        QTimer.singleShot(0, self, lambda: after_first_paint(self, self._below_the_fold))

    # --- layout -------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        title = view_title("Overview")
        self.week_line = QLabel()
        self.show_figures = QCheckBox("Show fi&gures")
        self.show_figures.setToolTip("Show the figures and points behind the words")
        self.show_figures.setChecked(self._settings.value(self._figures_key, False, type=bool))
        self.method_button = QPushButton("How is this &worked out?")
        self.week_line.setWordWrap(True)  # on a narrow window it wraps under the title
        header = FlowRow(spacing=16, line_spacing=6)  # buttons go below the words when narrow
        header.addWidget(title)
        header.addWidget(self.week_line)
        header.addStretch()
        header.addWidget(self.show_figures)
        header.addWidget(self.method_button)

        self.sustained = SustainedPanel()
        # Only one "Add to supervision notes" shows at a time (the panel's, or the card's once
        # the panel is closed), so both answer to the same Alt+A.
        self.sustained.add_button.setText("&" + ADD_TO_NOTES)
        # The caseload trigger has a panel of its own, with its own "Not now".
        self.sustained_caseload = SustainedPanel(name="Caseload over several weeks",
                                                 letters="dhe")
        self.workload = WorkloadCard()
        self.caseload = CaseloadCard()
        self.gap = GapCard()  # only while the official figure is more than 5 points away
        self.drivers = ListCard("What's driving it")
        self.not_seen = ListCard("What the estimate doesn't see")
        self.trend_card = Card(TREND_TITLE)
        self.what_if_card = Card(WHAT_IF_TITLE)
        # Both are made just after the first paint: keep their room (a row of controls, a
        # sentence or two, the chart and its five-line key) so nothing moves when they arrive.
        line = self.fontMetrics().lineSpacing()
        self.trend_card.reserve(CHART_MIN_HEIGHT + round(9.3 * line))
        self.what_if_card.reserve(round(3.05 * line))
        # Cards in pairs while the window is wide enough, one above the other on a narrow
        # one (640 pixels at 200% on a 1280x800 screen), so nothing is cut at its edge.
        grid = QVBoxLayout()
        grid.setSpacing(14)
        for left, right in ((self.workload, self.caseload), (self.gap, None),
                            (self.drivers, self.not_seen), (self.trend_card, None),
                            (self.what_if_card, None)):
            if right is None:
                grid.addWidget(left)
                continue
            pair = SideBySide(wide_from=PAIRS_FROM)
            pair.add(left, 3)
            pair.add(right, 2)
            grid.addLayout(pair)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 8, 0)
        content_layout.setSpacing(14)
        content_layout.addWidget(self.sustained)
        content_layout.addWidget(self.sustained_caseload)
        content_layout.addLayout(grid)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        # A Tab stop (Page Up and Page Down scroll it), so it is named for what it holds.
        scroll.setAccessibleName("This week in words and charts")
        self.scroll = scroll

        self.empty = Card("Nothing to estimate yet")
        self.empty_text = wrapped(EMPTY_TEXT)
        self.empty.body.addWidget(self.empty_text)
        self.go_caseload = QPushButton("Go to &Caseload")
        self.go_profile = QPushButton("Open Settings > &Profile")
        self.finish_setup = QPushButton("Finish &setting up")  # the welcome, again
        self.finish_setup.setVisible(False)  # shown once the welcome is wired to it
        empty_buttons = QHBoxLayout()
        empty_buttons.addWidget(self.finish_setup)
        empty_buttons.addWidget(self.go_caseload)
        empty_buttons.addWidget(self.go_profile)
        empty_buttons.addStretch(1)
        self.empty.body.addLayout(empty_buttons)
        # The card's words, said with the first of its buttons Tab meets (a card is passed over).
        self.empty_words = FirstShown([self.finish_setup, self.go_caseload, self.go_profile],
                                      self.empty)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(scroll)
        self.pages.addWidget(empty_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 16, 12)
        layout.setSpacing(12)
        layout.addLayout(header)
        self.notice = wrapped("")  # a word of what just happened, e.g. demo data added
        self.notice.setAccessibleName("What just happened")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        # The two cards of sentences are Tab stops (their headings) after the gauges.
        QWidget.setTabOrder(self.caseload.gauge, self.drivers.heading)
        QWidget.setTabOrder(self.drivers.heading, self.not_seen.heading)

    def _connect_signals(self) -> None:
        for signal in self._hub.workload_inputs_changed():
            signal.connect(self.refresh)
        self._hub.timeLogged.connect(self._refresh_not_seen)
        self.show_figures.toggled.connect(self._figures_toggled)
        self.method_button.clicked.connect(lambda: self.open_method())
        self.workload.addToNotesClicked.connect(lambda: self.add_to_notes())
        self.workload.officialClicked.connect(self.enter_official)
        self.sustained.addToNotesClicked.connect(self._panel_add)
        self.sustained.notNowClicked.connect(self._panel_not_now)
        self.sustained.explainClicked.connect(self.open_support)
        self.sustained_caseload.addToNotesClicked.connect(self._caseload_panel_add)
        self.sustained_caseload.notNowClicked.connect(self._caseload_panel_not_now)
        self.sustained_caseload.explainClicked.connect(self.open_support)
        self.gap.openCase.connect(lambda ref: self.openRequested.emit("caseload", ref))
        self.gap.openSettings.connect(lambda page: self.openRequested.emit("settings", page))
        self.gap.addToNotesClicked.connect(self.add_to_notes)
        self.go_caseload.clicked.connect(lambda: self.openRequested.emit("caseload", ""))
        self.finish_setup.clicked.connect(self.setupRequested)
        self.go_profile.clicked.connect(lambda: self.openRequested.emit("settings", "Profile"))
        # Hidden, it moves on when next shown (showEvent); seen, it moves on at midnight.
        self.midnight.dayChanged.connect(lambda _day: self.isVisible() and self._move_on())

    # --- refresh ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Work everything out again from one load of the inputs."""
        day = self._today()
        self._shown_on = day
        self._inputs = load_inputs(self._db)
        # The week's figure: its Friday's, or today's until Friday comes (core.workload.history).
        self.summary = workload_status(self._inputs, day)
        empty = not self._inputs.cases
        self.pages.setCurrentIndex(1 if empty else 0)
        if empty:  # once grade and hours are given (the welcome, Settings), stop asking for them
            profile_given = has_profile(self._db)
            self.empty_text.setText(EMPTY_TEXT_WITH_PROFILE if profile_given else EMPTY_TEXT)
            self.go_profile.setVisible(not profile_given)
            self.empty_words.set(f"{self.empty.heading.text()}. {self.empty_text.text()}")
        self.show_figures.setVisible(not empty)
        self._show_words()
        self._refresh_not_seen()
        if self.what_if is not None:
            self.what_if.set_inputs(self._inputs, snapshot_day(day))
        self._refresh_trend()
        self.refreshed.emit()

    def _show_words(self) -> None:
        """Every sentence for the week, with percentages only while "Show figures" is on."""
        assert self.summary is not None
        figures = self.show_figures.isChecked()
        self.words = status_words(self.summary, self._today(), figures)
        est = self.summary.estimate
        self.week_line.setText(week_line(self.summary, self.words))
        # Said with the header's first Tab stop (Show figures, before what the box does; with
        # no cases, How is this worked out?).
        line, tip = f"{self.week_line.text()}.", self.show_figures.toolTip()
        boxed = not self.show_figures.isHidden()
        self.show_figures.setAccessibleDescription(f"{line} {tip}" if boxed else tip)
        self.method_button.setAccessibleDescription("" if boxed else line)
        self.workload.show_words(self.words, est)
        self.caseload.show_words(self.words, est)
        self.gap.show_gap(self.words.official_gap, est.week)
        self._set_figures(figures)
        sentences = driver_sentences(est, figures=figures) or [NO_DRIVERS]
        untiered = untiered_sentence(est)  # worth no points: said, never silently left out
        self.drivers.set_lines(sentences + ([untiered] if untiered else []))
        self._refresh_sustained()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Left open overnight or over a weekend: coming back to the Overview shows today.
        self._move_on()
        super().showEvent(event)

    def _move_on(self) -> None:
        """Show today if the figures are from an earlier day (at midnight, or on coming back)."""
        if self.summary is not None and self._shown_on != self._today():
            self.refresh()

    def _refresh_not_seen(self) -> None:
        day = self._today()
        logged = logged_hours(self._db, day, 5)
        if not logged:
            self.not_seen.set_lines([NOT_SEEN_EMPTY])
            return
        self.not_seen.set_lines([not_counted_sentence(not_counted_hours(self._db, day))],
                                NOT_SEEN_NOTE)

    def _refresh_sustained(self) -> None:
        """One panel per trigger, each shown once per episode until its own "Not now"."""
        assert self.summary is not None and self.words is not None
        self.episode = sustained_panel_due(self._db, self.summary, WEIGHTED)
        self.caseload_episode = sustained_panel_due(self._db, self.summary, CASELOAD)
        for panel, episode, text in (
                (self.sustained, self.episode, self.words.sustained),
                (self.sustained_caseload, self.caseload_episode, self.words.sustained_caseload)):
            showing = episode is not None and bool(text)
            if showing:
                panel.set_text(text or "")
            panel.setVisible(showing)
        self._action_in_panels()

    def _action_in_panels(self) -> None:
        self.workload.set_action_in_panel(
            not self.sustained.isHidden() or not self.sustained_caseload.isHidden())
        self.workload.set_weighted_panel_open(not self.sustained.isHidden())

    def _below_the_fold(self) -> None:
        self.ensure_what_if()
        when_seen(self.scroll, self.trend_card, self.ensure_trend, self.not_seen.heading)

    def ensure_what_if(self) -> WhatIfPanel:
        """Create the what-if once (called after the first paint); it follows the cards."""
        if self.what_if is None:
            from ui.overview.what_if_panel import WhatIfPanel

            self.what_if = WhatIfPanel()
            self.what_if_card.fill(self.what_if)
            QWidget.setTabOrder(self.not_seen.heading, self.what_if.case_type)
            if self._inputs is not None:
                self.what_if.set_inputs(self._inputs, self._today())
        return self.what_if

    def ensure_trend(self) -> None:
        """Create the chart (pyqtgraph, ~50 MB) and the what-if once, as the chart nears view."""
        what_if = self.ensure_what_if()
        if self.trend is not None:
            return
        from ui.overview.trend_chart import TrendChart

        self.trend = TrendChart(self._settings)
        self.trend.set_show_figures(self.show_figures.isChecked())
        self.trend_card.fill(self.trend)
        self.trend.periodChanged.connect(lambda _weeks: self._refresh_trend())
        # Made last, so put it back in reading order: after the cards, before the what-if.
        chain = [self.not_seen.heading, self.trend.period, self.trend.as_table,
                 self.trend.table, what_if.case_type]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._refresh_trend()

    def _refresh_trend(self) -> None:
        if self.trend is None or self._inputs is None:
            return
        self.trend.set_history(weekly_history(self._inputs, self._today(), self.trend.weeks()))

    def show_notice(self, text: str) -> None:
        """Say in one calm sentence what just happened (stays until the next notice)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        say_result(self, text)

    # --- actions ------------------------------------------------------------------------------
    def _figures_toggled(self, on: bool) -> None:
        self._settings.setValue(self._figures_key, on)
        if self.summary is not None:
            self._show_words()  # the sentences themselves change: percentages or band words
        self._hub.settingsChanged.emit()

    def _set_figures(self, on: bool) -> None:
        self.workload.set_show_figures(on)
        self.caseload.set_show_figures(on)
        if self.trend is not None:
            self.trend.set_show_figures(on)
