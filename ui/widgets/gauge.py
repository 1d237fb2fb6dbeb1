"""The band gauges: a labelled horizontal scale with a marker, for weighted workload and caseload.

Painted by hand so it can follow the guide exactly: Okabe-Ito fills outlined in near-black,
hatching on the heaviest bands (so it reads in greyscale and print), band names written on the
scale in the palette's text colour, a marker at the estimate, and no cap: a value past the end
of the scale pins the marker there with an arrow. No animation.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from core.common.exact import half_up, to_fraction
from core.workload.estimate import C_BAND_EDGES, C_BANDS, W_BAND_EDGES, W_BANDS
from core.workload.wording import number

# The scale is labelled with the bands' short words (wording-and-gauge.md, accessibility);
# the codes W1–W5 and C1–C4 stay internal.
W_SCALE_WORDS = {"W1": "Some capacity", "W2": "Fully committed", "W3": "Stretched",
                 "W4": "Over capacity", "W5": "Well over capacity"}
C_SCALE_WORDS = {"C1": "Lighter", "C2": "Steady", "C3": "Full", "C4": "Above manageable"}

SKY, BLUE, ORANGE, VERMILION, OUTLINE = "#56B4E9", "#0072B2", "#E69F00", "#D55E00", "#1A1A1A"
SOLID, HATCHED = Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern


@dataclass(frozen=True)
class Band:
    name: str  # "W1"…, internal
    low: float
    high: float
    colour: str
    hatched: bool
    words: str = ""  # written on the scale: "Over capacity", "Full"…


def weighted_bands() -> list[Band]:
    """W1–W5 on a 60–150% scale (wide enough that most real estimates sit inside it)."""
    edges = (60.0, *(float(e) for e in W_BAND_EDGES), 150.0)  # drawing positions only
    colours = (SKY, BLUE, ORANGE, VERMILION, VERMILION)
    return [Band(name, edges[i], edges[i + 1], colours[i], name in ("W4", "W5"),
                 W_SCALE_WORDS[name]) for i, name in enumerate(W_BANDS)]


# Against a protected ceiling there are three bands: lighter, within it, above it.
CEILING_SCALE_WORDS = {"C1": "Lighter", "C2": "Within protected", "C4": "Above protected"}
CEILING_EDGES = (Fraction(4, 5), Fraction(1))


def caseload_bands(ceiling: bool = False) -> list[Band]:
    """C1–C4 as a share of the caseload reference, from none to 1.6 times it (with a protected
    ceiling, C1, C2 and C4: lighter, within it, above it)."""
    if ceiling:
        edges = (0.0, *(float(e) for e in CEILING_EDGES), 1.6)
        return [Band(name, edges[i], edges[i + 1], colour, name == "C4",
                     CEILING_SCALE_WORDS[name])
                for i, (name, colour) in enumerate((("C1", SKY), ("C2", BLUE),
                                                   ("C4", VERMILION)))]
    edges = (0.0, *(float(e) for e in C_BAND_EDGES), 1.6)  # drawing positions only
    colours = (SKY, BLUE, ORANGE, VERMILION)
    return [Band(name, edges[i], edges[i + 1], colours[i], name == "C4", C_SCALE_WORDS[name])
            for i, name in enumerate(C_BANDS)]


class BandGauge(QProgressBar):
    """A scale of bands with an optional marker; the value is in the bands' own units.

    Words belong beside the gauge (the Overview); the gauge itself shows a number only when
    `set_show_figures(True)`. It is a progress bar painted by hand, so that Qt's own accessible
    progress bar tells screen readers its value (the AT-SPI Value interface: where the marker
    sits between the scale's ends, in `reading_unit`s); its name is its visible label followed
    by the band in words (`set_label`, `set_value_words`), and its description is the
    words-first sentence, so what is heard starts with the words, never with a number.
    """

    def __init__(self, bands: list[Band], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._value_words = ""
        self._label = name
        self._bands = bands
        self._value: float | None = None
        self._value_text = ""
        self._edge_texts: dict[float, str] = {}
        self._show_figures = False
        self._reading_unit = Fraction(1)  # one whole number on the bus is this much of the scale
        self.setTextVisible(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._name()
        self._set_reading()

    # --- state ----------------------------------------------------------------------------
    def set_value(self, value: float | None, text: str = "") -> None:
        """`value` None: no marker (no data, or no capacity expected); `text` is the figure.
        The value only places the marker (the band is decided in core, exactly)."""
        self._value = None if value is None else float(value)
        self._value_text = text
        self._set_reading()
        self.update()

    def value(self) -> float | None:
        return self._value

    def set_edge_texts(self, texts: dict[float, str]) -> None:
        """Labels for the edges between bands, e.g. {100.0: "100%"} or {1.0: "50"}."""
        self._edge_texts = dict(texts)
        self.updateGeometry()
        self.update()

    def set_show_figures(self, on: bool) -> None:
        """Figures on: the marker's figure and the edge labels; off: band words only."""
        self._show_figures = on
        self.updateGeometry()
        self.update()

    def edge_texts(self) -> dict[float, str]:
        """The edge labels drawn now: none while figures are hidden."""
        return dict(self._edge_texts) if self._show_figures else {}

    def scale_words(self) -> list[str]:
        """What is written under each band: its short words, never its code."""
        return [band.words or band.name for band in self._bands]

    def set_description(self, text: str) -> None:
        """The words-first sentence, for screen readers and as the tooltip (the Overview passes
        the sentence without a percentage while figures are hidden)."""
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def set_value_words(self, words: str) -> None:
        """The band in words ("Over capacity"): said straight after the gauge's label, and
        given as the value's text where the platform carries one (the bar's `text()`)."""
        self._value_words = words
        self.setFormat(words.replace("%", "%%"))  # a format's "%p" would become a figure
        self._name()

    def value_words(self) -> str:
        return self._value_words

    def set_label(self, label: str) -> None:
        """The visible words that name the gauge (its card's heading)."""
        self._label = label
        self._name()

    def _name(self) -> None:
        words = self._value_words
        self.setAccessibleName(f"{self._label}: {words}" if words else self._label)

    # --- what the accessible progress bar reads ----------------------------------------------
    def set_reading_unit(self, unit: Fraction) -> None:
        """How much of the scale one whole number on the bus stands for (a case, on a scale of
        shares of the caseload reference)."""
        self._reading_unit = Fraction(unit)
        self._set_reading()

    def reading(self) -> tuple[int, int, int] | None:
        """(current, minimum, maximum) as given to screen readers, or None with no marker. The
        range is the drawn scale, widened to hold a value beyond it: never capped."""
        if self._value is None:
            return None
        low, high, now = (self._whole(v) for v in (self.scale_min, self.scale_max, self._value))
        return now, min(low, now), max(high, now)

    def _whole(self, value: float) -> int:
        return int(half_up(to_fraction(value) / self._reading_unit, 0))

    def _set_reading(self) -> None:
        reading = self.reading()
        if reading is None:  # no marker: the empty bar at the scale's start, the words say why
            low = self._whole(self.scale_min)
            reading = (low, low, self._whole(self.scale_max))
        now, low, high = reading
        QProgressBar.setRange(self, low, high)
        QProgressBar.setValue(self, now)

    def bands(self) -> list[Band]:
        return list(self._bands)

    def band_pattern(self, name: str) -> Qt.BrushStyle:
        """SOLID or HATCHED: the shape cue each band carries besides its colour."""
        band = next(b for b in self._bands if b.name == name)
        return HATCHED if band.hatched else SOLID

    @property
    def scale_min(self) -> float:
        return self._bands[0].low

    @property
    def scale_max(self) -> float:
        return self._bands[-1].high

    def is_beyond_scale(self) -> bool:
        return self._value is not None and self._value > self.scale_max

    def is_below_scale(self) -> bool:
        return self._value is not None and self._value < self.scale_min

    # --- geometry -------------------------------------------------------------------------
    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _bar_rect(self) -> QRectF:
        line = self._metrics().height()
        side = line * 1.2  # room for the end arrow and an edge label at either end
        top = line * 2.4  # room above for the marker and its figure
        return QRectF(side, top, max(self.width() - 2 * side, 10.0), line * 1.5)

    def x_for(self, value: float) -> float:
        """Where `value` sits on the bar, clamped to its ends (never capped in the words)."""
        bar = self._bar_rect()
        fraction = (value - self.scale_min) / (self.scale_max - self.scale_min)
        return bar.left() + bar.width() * min(max(fraction, 0.0), 1.0)

    def marker_x(self) -> float | None:
        """The marker's horizontal position in pixels, or None when there is no marker."""
        return None if self._value is None else self.x_for(self._value)

    # Rows of band words under the bar (they stagger on a narrow gauge), then two of edge labels.
    HEIGHT_LINES = 4.1 + 3 * 0.9 + 2 * 0.9

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self._metrics().height()
        return QSize(int(line * 26), int(line * self.HEIGHT_LINES))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self._metrics().height()
        return QSize(int(line * 14), int(line * self.HEIGHT_LINES))

    def _small_font(self):
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        return small

    def word_rows(self) -> list[tuple[str, QRectF]]:
        """Each band's words and where they go: centred under the band, dropping to the next
        row (of three) when they would touch the words before them, kept inside the widget."""
        metrics = QFontMetricsF(self._small_font())
        top = self._bar_rect().bottom() + self._metrics().height() * 0.15
        row_ends = [float("-inf")] * 3
        placed = []
        for band in self._bands:
            text = band.words or band.name
            width = metrics.horizontalAdvance(text) + 6
            centre = (self.x_for(band.low) + self.x_for(band.high)) / 2
            left = min(max(centre - width / 2, 0.0), max(self.width() - width, 0.0))
            row = next((r for r, end in enumerate(row_ends) if left > end + 2), 2)
            row_ends[row] = left + width
            placed.append((text, QRectF(left, top + row * metrics.height(), width,
                                        metrics.height())))
        return placed

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        bar = self._bar_rect()
        self._paint_bands(painter, bar, ink)
        self._paint_marker(painter, bar, ink)
        if self.hasFocus():
            # A clear ring in the highlight colour: the style's own focus frame is faint here.
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()

    def _paint_bands(self, painter: QPainter, bar: QRectF, ink: QColor) -> None:
        outline = QPen(QColor(OUTLINE), 1.5)
        hatch = QBrush(QColor(OUTLINE), HATCHED)
        for band in self._bands:
            left, right = self.x_for(band.low), self.x_for(band.high)
            rect = QRectF(left, bar.top(), right - left, bar.height())
            painter.fillRect(rect, QColor(band.colour))
            if band.hatched:
                painter.fillRect(rect, hatch)
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        # The bands' words under their segments, in the text colour (never the band colour).
        small = self._small_font()
        painter.setFont(small)
        painter.setPen(ink)
        small_metrics = QFontMetricsF(small)
        rows = self.word_rows()
        for text, rect in rows:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        edge_top = max(rect.bottom() for _, rect in rows) + small_metrics.height() * 0.2
        row_ends = [float("-inf"), float("-inf")]  # right edge of the last label in each row
        for edge, text in sorted(self.edge_texts().items()):
            x = self.x_for(edge)
            width = small_metrics.horizontalAdvance(text) + 4
            # On a narrow gauge, a label that would touch its neighbour drops to a second row.
            row = 0 if x - width / 2 > row_ends[0] + 2 else 1
            row_ends[row] = x + width / 2
            top = edge_top + row * small_metrics.height()
            painter.drawText(QRectF(x - width / 2, top, width, small_metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())

    def _paint_marker(self, painter: QPainter, bar: QRectF, ink: QColor) -> None:
        x = self.marker_x()
        if x is None:
            return
        paper = self.palette().color(QPalette.ColorRole.Window)
        size = self._metrics().height() * 0.45
        # A line through the bar, drawn twice (paper then ink) so it shows on every fill.
        painter.setPen(QPen(paper, 5))
        painter.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom()))
        painter.setPen(QPen(ink, 2.5))
        painter.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom()))
        tip_y = bar.top() - 3
        path = QPainterPath()
        if self.is_beyond_scale() or self.is_below_scale():
            # Pinned at the end: an arrow pointing off the scale says "further than this".
            sign = 1 if self.is_beyond_scale() else -1
            path.moveTo(x + sign * size * 1.6, tip_y - size)
            path.lineTo(x, tip_y - size * 1.9)
            path.lineTo(x, tip_y - size * 0.1)
        else:
            path.moveTo(x, tip_y)
            path.lineTo(x - size, tip_y - size * 1.6)
            path.lineTo(x + size, tip_y - size * 1.6)
        path.closeSubpath()
        painter.setPen(QPen(paper, 1))
        painter.setBrush(ink)
        painter.drawPath(path)
        text = self.marker_text()
        if text:
            self._paint_figure(painter, x, tip_y - size * 1.9, ink, text)

    def marker_text(self) -> str:
        """What is written by the marker: the figure (with figures on), and, when the value
        is off either end of the scale, words saying so: an arrow alone says nothing."""
        figure = self._value_text if self._show_figures else ""
        off = ("below the scale" if self.is_below_scale() else
               "beyond the scale" if self.is_beyond_scale() else "")
        return ", ".join(t for t in (figure, off) if t)

    def _paint_figure(self, painter: QPainter, x: float, bottom: float, ink: QColor,
                      text: str) -> None:
        metrics = self._metrics()
        font = self.font()
        font.setBold(True)
        painter.setFont(font)
        width = QFontMetricsF(font).horizontalAdvance(text) + 6
        left = min(max(x - width / 2, 0.0), self.width() - width)
        # Off the scale the words sit beside the arrow, away from it, inside the widget.
        if self.is_beyond_scale():
            left = min(left, x - width - 2)
        elif self.is_below_scale():
            left = min(x + 2, self.width() - width)
        painter.setPen(ink)
        painter.drawText(QRectF(left, bottom - metrics.height(), width, metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())


class WorkloadGauge(BandGauge):
    """Weighted workload, W1–W5, in percent of available hours."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(weighted_bands(), "Weighted workload", parent)
        self.set_edge_texts({float(edge): f"{number(edge)}%" for edge in W_BAND_EDGES})


class CaseloadGauge(BandGauge):
    """Caseload, C1–C4, as a share of the caseload reference (edges labelled in cases)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(caseload_bands(), "Caseload", parent)

    def set_reference(self, reference, ceiling: bool = False) -> None:
        """Label the edges in cases, e.g. 40, 50 and 60 for a full-time reference of 50
        (shown only with figures; a part-time 30.4 shows 24.3, 30.4 and 36.5); against a
        protected ceiling the scale has its three bands, edged at 0.8 P and P."""
        self._bands = caseload_bands(ceiling)
        self.set_reading_unit(1 / to_fraction(reference))  # read in cases: 1.0 is `reference`
        edges = CEILING_EDGES if ceiling else C_BAND_EDGES
        texts = {float(edge): number(edge * Fraction(reference)) for edge in edges}
        texts[float(edges[-1])] += " cases"  # the unit once, at the last edge
        self.set_edge_texts(texts)
