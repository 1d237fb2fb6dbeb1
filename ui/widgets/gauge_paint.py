"""Painting a `GaugeScale`: a labelled horizontal scale with a marker, shared by the gauge's two
faces (ui.widgets.gauge) so that they look exactly alike.

Painted by hand so it can follow the guide exactly: Okabe-Ito fills outlined in near-black,
hatching on the heaviest bands (so it reads in greyscale and print), band names written on the
scale in the palette's text colour, a marker at the estimate, and no cap: a value past the end
of the scale pins the marker there with an arrow. No animation.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen

from ui.widgets.gauge_scale import HATCHED, OUTLINE, GaugeScale


class ScalePainting:
    """Mixed into a QWidget (before it in the bases) that sets `self.scale`, a GaugeScale."""

    scale: GaugeScale

    # Rows of band words under the bar (they stagger on a narrow gauge), then two of edge labels.
    HEIGHT_LINES = 4.1 + 3 * 0.9 + 2 * 0.9

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
        fraction = (value - self.scale.low) / (self.scale.high - self.scale.low)
        return bar.left() + bar.width() * min(max(fraction, 0.0), 1.0)

    def marker_x(self) -> float | None:
        """The marker's horizontal position in pixels, or None when there is no marker."""
        return None if self.scale.value is None else self.x_for(self.scale.value)

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
        for band in self.scale.bands:
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
        for band in self.scale.bands:
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
        for edge, text in sorted(self.scale.shown_edge_texts().items()):
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
        if self.scale.beyond() or self.scale.below():
            # Pinned at the end: an arrow pointing off the scale says "further than this".
            sign = 1 if self.scale.beyond() else -1
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
        text = self.scale.marker_text()
        if text:
            self._paint_figure(painter, x, tip_y - size * 1.9, ink, text)

    def _paint_figure(self, painter: QPainter, x: float, bottom: float, ink: QColor,
                      text: str) -> None:
        metrics = self._metrics()
        font = self.font()
        font.setBold(True)
        painter.setFont(font)
        width = QFontMetricsF(font).horizontalAdvance(text) + 6
        left = min(max(x - width / 2, 0.0), self.width() - width)
        # Off the scale the words sit beside the arrow, away from it, inside the widget.
        if self.scale.beyond():
            left = min(left, x - width - 2)
        elif self.scale.below():
            left = min(x + 2, self.width() - width)
        painter.setPen(ink)
        painter.drawText(QRectF(left, bottom - metrics.height(), width, metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())
