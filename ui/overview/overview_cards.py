"""The Overview's cards: a titled panel helper, the weighted workload card and the caseload card.

Every sentence comes from core.workload.wording.StatusWords; the cards only place them beside the gauges.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.workload.estimate import Estimate
from core.common.words import plural
from core.workload.status_words import StatusWords
from core.workload.wording import ADD_TO_NOTES, number
from ui.widgets.form_helpers import note_label, wrapped
from ui.widgets import reading_accessible
from ui.widgets.step_said import say_result
from ui.widgets.gauge import BandGauge, CaseloadGauge, WorkloadGauge
from ui.widgets.qt_guard import qt_override

ADDED = "Added to your supervision notes."


# The trend chart's plot is never shorter than this; the Overview keeps room for it.
CHART_MIN_HEIGHT = 220


class Card(QFrame):
    """A quiet panel with a heading; `body` is the layout to fill."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewCard")
        self.setStyleSheet(
            "QFrame#overviewCard { border: 1px solid palette(mid); border-radius: 6px; "
            "background: palette(base); }"
        )
        self.heading = QLabel()
        reading_accessible.mark(self.heading, reading_accessible.HEADING_PROPERTY)
        self.heading.setText(title)
        self.heading.setObjectName("cardHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        reading_accessible.section(self, title)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.body.addWidget(self.heading)
        self._room: QWidget | None = None

    def name_by_heading(self, gauge: BandGauge) -> None:
        """The heading is the gauge's visible label: a screen reader hears it first, then the
        band in words, each once."""
        gauge.set_heading(self.heading)

    def reserve(self, height: int) -> None:
        """Hold `height` pixels for content made after the first paint, so that the cards
        below do not jump down when it arrives."""
        self._room = QWidget()
        self._room.setFixedHeight(height)
        self.body.addWidget(self._room)

    def fill(self, widget: QWidget) -> None:
        """Put the late content where `reserve` held room for it."""
        if self._room is not None:
            self.body.removeWidget(self._room)
            self._room.deleteLater()
            self._room = None
        self.body.addWidget(widget)


def escape(text: str) -> str:
    """Plain text for rich-text labels (the `html` module costs ~10 ms to import at start)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _set(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def shown_words(*labels: QLabel) -> str:
    """The words of each label not hidden, in order: what a sighted user reads on the card."""
    return " ".join(label.text() for label in labels if label.text() and not label.isHidden())


class WorkloadCard(Card):
    """Headline and body beside the weighted gauge, with the one optional action.

    Signals:
        addToNotesClicked: add this week's workload to the notes for supervision.
        officialClicked: enter the official figure a manager gave.
    """

    addToNotesClicked = Signal()
    officialClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("This week's estimate", parent)
        self.headline = wrapped(scale=1.35, bold=True)
        self.words = wrapped()
        self.trend = wrapped()
        self.gauge = WorkloadGauge()
        self.name_by_heading(self.gauge)
        self.figures = note_label("")
        self.official = wrapped()
        self.add_button = QPushButton("&" + ADD_TO_NOTES)
        self.official_button = QPushButton("Enter &official figure…")
        self.official_button.setToolTip("Type the official WMT figure your manager gave you")
        # What an action did ("Added to your supervision notes.") goes under the buttons and
        # wraps: beside them, unwrapped, it widened the card and pushed the Overview sideways.
        self.status = wrapped()
        self.status.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.official_button)
        buttons.addStretch(1)
        for widget in (self.headline, self.words, self.trend, self.gauge, self.figures,
                       self.official):
            self.body.addWidget(widget)
        self.body.addLayout(buttons)
        self.body.addWidget(self.status)
        self.add_button.clicked.connect(self.addToNotesClicked)
        self.official_button.clicked.connect(self.officialClicked)
        self._figures_on = False
        self._figures_text = ""
        self._heavy = False
        self._action_in_panel = False
        self._panel_open = False
        self._words: StatusWords | None = None
        self._has_data = False

    def show_words(self, words: StatusWords, est: Estimate) -> None:
        self.headline.setText(words.headline)
        self._words, self._has_data = words, est.has_data
        self._show_body()
        capacity = est.capacity_percent
        self.gauge.set_value(capacity, "" if capacity is None else f"{number(capacity)}%")
        self.gauge.set_value_words(words.headline)
        self._figures_text = words.figures if est.has_data else ""
        _set(self.official, words.official)
        self._heavy = est.has_data and bool(words.action or words.caseload_action)
        self._show_add_button()
        self.add_button.setEnabled(True)
        _set(self.status, "")
        self.set_show_figures(self._figures_on)

    def set_show_figures(self, on: bool) -> None:
        """The figures line holds its text only while shown: a hidden label is still in the
        tree a screen reader can walk."""
        self._figures_on = on
        self.gauge.set_show_figures(on)
        _set(self.figures, self._figures_text if on else None)
        self._describe()

    def _describe(self) -> None:
        """The card's sentences, as shown, are the gauge's description: Tab stops on the gauge
        first, which says its heading and band (its name) and then these, each once. (A
        sentence of its own, in other words, left the card's sentence unsaid.)"""
        self.gauge.set_description(shown_words(self.words, self.trend, self.figures,
                                               self.official))

    def set_weighted_panel_open(self, on: bool) -> None:
        """With the over-capacity panel open above, the card does not repeat its run of weeks
        or its HMPPS sentence (StatusWords.beside_panel)."""
        self._panel_open = on
        self._show_body()

    def _show_body(self) -> None:
        if self._words is None:
            return
        body, recent = self._words.beside_panel(self._panel_open)
        self.words.setText(body)
        notes = " ".join(t for t in (self._words.recovery, self._words.trend, recent) if t)
        _set(self.trend, notes if self._has_data else None)
        self._describe()

    def set_action_in_panel(self, on: bool) -> None:
        """While the sustained-overload panel is open it carries the one "Add to supervision
        notes" button, just above this card; the card offers it again once the panel closes."""
        self._action_in_panel = on
        self._show_add_button()

    def _show_add_button(self) -> None:
        self.add_button.setVisible(self._heavy and not self._action_in_panel)

    def notes_added(self) -> None:
        """Say so calmly, and avoid adding the same week twice by accident."""
        _set(self.status, ADDED)
        say_result(self, ADDED)  # shown in the status bar too
        self.add_button.setEnabled(False)


class CaseloadCard(Card):
    """The caseload band in words beside its smaller gauge."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Caseload", parent)
        self.headline = wrapped(scale=1.15, bold=True)
        self.words = wrapped()
        self.gauge = CaseloadGauge()
        self.name_by_heading(self.gauge)
        self.figures = note_label("")
        for widget in (self.headline, self.words, self.gauge, self.figures):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self._figures_on = False
        self._figures_text = ""

    def show_words(self, words: StatusWords, est: Estimate) -> None:
        self.headline.setText(words.caseload_headline)
        self.words.setText(words.caseload_body)
        self.gauge.set_reference(est.caseload_reference, est.caseload_reference_is_ceiling)
        count = est.caseload_count
        self.gauge.set_value(est.caseload_ratio if est.has_data else None, plural(count, "case"))
        self.gauge.set_value_words(words.caseload_headline)
        self._figures_text = words.caseload_figures
        self.set_show_figures(self._figures_on)

    def set_show_figures(self, on: bool) -> None:
        self._figures_on = on
        self.gauge.set_show_figures(on)
        _set(self.figures, self._figures_text if on else None)
        # The card's sentence (and the figures while shown), said after the gauge's name.
        self.gauge.set_description(shown_words(self.words, self.figures))


class ListCard(Card):
    """A card of sentences, with an optional explanation underneath.

    It holds no control, so its heading is its Tab stop (with a ring in the highlight colour,
    as a gauge has): a screen reader says the heading and then the card's sentences, its
    description. Without it, Tab passed the card by and its sentences were never heard."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.heading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.heading.installEventFilter(self)  # its ring is drawn by the card, outside it
        self.lines = wrapped()
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = note_label("")
        self.body.addWidget(self.lines)
        self.body.addWidget(self.explanation)
        self.body.addStretch(1)
        self.sentences: list[str] = []

    def set_lines(self, lines: list[str], explanation: str = "") -> None:
        if len(lines) > 1:
            text = "<ul style='margin-left:-20px'>" + "".join(
                f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
        else:
            text = escape(lines[0]) if lines else ""
        self.lines.setText(text)
        self.sentences = list(lines)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.heading.setAccessibleDescription(" ".join([*lines, explanation]).strip())

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.heading and event.type() in (QEvent.Type.FocusIn,
                                                         QEvent.Type.FocusOut):
            self.update()
        return super().eventFilter(watched, event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A 2-pixel ring in the highlight colour round the heading while it has focus, drawn
        in the card's margin so the heading's words stay in line with the card's."""
        super().paintEvent(event)
        if not self.heading.hasFocus():
            return
        geometry = self.heading.geometry()
        width = min(self.heading.fontMetrics().horizontalAdvance(self.heading.text()),
                    geometry.width())
        ring = QRect(geometry.left(), geometry.top(), width, geometry.height())
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(ring.adjusted(-5, -3, 5, 3))
        painter.end()
