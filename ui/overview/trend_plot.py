"""The drawing of the Overview's weekly trend, painted with Qt itself.

A handful of weeks, one shaded band, one dashed line, dots and diamonds: Qt's painter draws all
of it. A chart library (pyqtgraph, which brings numpy) kept some 28 MiB resident for this one
drawing; the Time view's charts still use it, loaded only when that view is opened.

The marks keep the names the chart's checks read: `getData()` for a series' points, `opts` for
its symbol, pen and joining, `getRegion()` for the band and `value()` for the line.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

TICK = 5  # px: each axis mark's length, outside the drawing


class Series:
    """Points on the chart: joined by a line (broken where a week has no figure) or not."""

    def __init__(self, symbol: str, size: float, pen: QPen | None, brush: QColor,
                 outline: QPen):
        self.opts = {"symbol": symbol, "symbolSize": size, "pen": pen, "symbolBrush": brush,
                     "symbolPen": outline, "connect": "finite" if pen is not None else None}
        self.xs: list[float] = []
        self.ys: list[float] = []

    def getData(self) -> tuple[list[float], list[float]]:  # noqa: N802 - as the checks read it
        return self.xs, self.ys

    def setData(self, xs: list[float], ys: list[float]) -> None:  # noqa: N802
        self.xs, self.ys = list(xs), list(ys)


class Band:
    """A shaded range of the y axis: a reference, not a control."""

    movable = False

    def __init__(self, low: float, high: float, colour: QColor):
        self._region, self.colour = (low, high), colour

    def getRegion(self) -> tuple[float, float]:  # noqa: N802
        return self._region


class Level:
    """A line across the chart at one y value, its words just above it at the left."""

    def __init__(self, value: float, pen: QPen, label: str):
        self._value, self.pen, self.label = value, pen, label

    def value(self) -> float:
        return self._value


class TrendPlot(QWidget):
    """Axes, the band, the line and the marks, in the palette's base and ink colours.

    Signals:
        resized(): the drawing area changed size (band names are placed for its height).
    """

    resized = Signal()

    def __init__(self, target: Band, overload: Level, series: list[Series],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.target, self.overload, self.series = target, overload, series
        self.x_range, self.y_range = (-0.5, 0.5), (75.0, 140.0)
        self.bottom_ticks: list[tuple[float, str]] = []
        self.left_ticks: list[list[tuple[float, str]]] = []
        self.left_label = ""
        self.ink = QColor(Qt.GlobalColor.black)
        self._background = QColor(Qt.GlobalColor.white)

    # --- what is drawn ------------------------------------------------------------------------
    def setBackground(self, colour: QColor | str) -> None:  # noqa: N802 - as QGraphicsView's
        self._background = QColor(colour)
        self.update()

    def backgroundBrush(self) -> QBrush:  # noqa: N802
        return QBrush(self._background)

    def set_ink(self, colour: QColor | str) -> None:
        self.ink = QColor(colour)
        self.update()

    def set_ranges(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        self.x_range, self.y_range = x_range, y_range
        self.update()

    def set_ticks(self, bottom: list[tuple[float, str]] | None = None,
                  left: list[list[tuple[float, str]]] | None = None) -> None:
        if bottom is not None:
            self.bottom_ticks = bottom
        if left is not None:
            self.left_ticks = left
        self.update()

    def set_left_label(self, text: str) -> None:
        self.left_label = text
        self.update()

    def area_height(self) -> float:
        return self._area().height()

    # --- layout -------------------------------------------------------------------------------
    def _area(self) -> QRectF:
        """The drawing inside the axes: room at the left for the rotated title, the widest
        tick label and the marks; below for one line of week labels."""
        metrics = self.fontMetrics()
        line = metrics.height()
        texts = [text for level in self.left_ticks for _, text in level if text] or ["0"]
        left = line + 6 + max(metrics.horizontalAdvance(text) for text in texts) + 4 + TICK
        last = self.bottom_ticks[-1][1] if self.bottom_ticks else ""
        right = max(10.0, metrics.horizontalAdvance(last) / 2 + 2)
        top = line / 2 + 2
        bottom = TICK + 2 + line + 2
        return QRectF(left, top, max(self.width() - left - right, 1.0),
                      max(self.height() - top - bottom, 1.0))

    def _point(self, area: QRectF, x: float, y: float) -> QPointF:
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        return QPointF(area.left() + (x - x0) / ((x1 - x0) or 1) * area.width(),
                       area.bottom() - (y - y0) / ((y1 - y0) or 1) * area.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.resized.emit()

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._area()
        painter.save()
        painter.setClipRect(area)
        self._draw_band_and_level(painter, area)
        for series in self.series:
            self._draw_series(painter, area, series)
        painter.restore()
        self._draw_axes(painter, area)
        painter.end()

    def _draw_band_and_level(self, painter: QPainter, area: QRectF) -> None:
        low, high = self.target.getRegion()
        top, bottom = self._point(area, 0, high).y(), self._point(area, 0, low).y()
        painter.fillRect(QRectF(area.left(), top, area.width(), bottom - top),
                         self.target.colour)
        y = self._point(area, 0, self.overload.value()).y()
        painter.setPen(self.overload.pen)
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        if self.overload.label:
            painter.setPen(self.ink)
            painter.drawText(QPointF(area.left() + area.width() * 0.03,
                                     y - self.fontMetrics().descent() - 1), self.overload.label)

    def _draw_series(self, painter: QPainter, area: QRectF, series: Series) -> None:
        points = [None if math.isnan(y) else self._point(area, x, y)
                  for x, y in zip(series.xs, series.ys)]
        pen = series.opts["pen"]
        if pen is not None:  # joined, broken where a week has no figure
            path, drawing = QPainterPath(), False
            for point in points:
                if point is None:
                    drawing = False
                elif drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.setPen(series.opts["symbolPen"])
        painter.setBrush(series.opts["symbolBrush"])
        half = series.opts["symbolSize"] / 2
        for point in points:
            if point is None:
                continue
            if series.opts["symbol"] == "d":
                painter.drawPolygon(QPolygonF([point + QPointF(0, -half), point + QPointF(half, 0),
                                               point + QPointF(0, half),
                                               point + QPointF(-half, 0)]))
            else:
                painter.drawEllipse(point, half, half)

    def _draw_axes(self, painter: QPainter, area: QRectF) -> None:
        metrics = self.fontMetrics()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(self.ink, 1))
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        low, high = self.y_range
        for level in self.left_ticks:
            for value, text in level:
                if not low <= value <= high:
                    continue
                y = self._point(area, 0, value).y()
                painter.drawLine(QPointF(area.left() - TICK, y), QPointF(area.left(), y))
                if text:
                    width = metrics.horizontalAdvance(text)
                    painter.drawText(QPointF(area.left() - TICK - 4 - width,
                                             y + (metrics.ascent() - metrics.descent()) / 2), text)
        for value, text in self.bottom_ticks:
            x = self._point(area, value, 0).x()
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + TICK))
            painter.drawText(QPointF(x - metrics.horizontalAdvance(text) / 2,
                                     area.bottom() + TICK + 2 + metrics.ascent()), text)
        if self.left_label:
            painter.save()
            painter.translate(2, area.center().y() + metrics.horizontalAdvance(self.left_label) / 2)
            painter.rotate(-90)
            painter.drawText(QPointF(0, metrics.ascent()), self.left_label)
            painter.restore()
