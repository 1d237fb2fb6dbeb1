"""The summary's 8-week trend as a small image that reads in black and white (bars, hatching, lines)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from core.supervision.summary_model import TrendPoint

INK = QColor("#1A1A1A")
LIGHT = QColor("#C8C8C8")
MID = QColor("#8C8C8C")
LABEL_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                  | Qt.TextFlag.TextWordWrap)


def trend_image(trend: list[TrendPoint], width: int = 300, height: int = 120, scale: int = 3) -> QImage:
    """Bars per week (hatched above 110%), dashed 110% line, dotted 100% line, week labels.

    Drawn at `scale` times the layout size so it stays sharp when printed.
    """
    image = QImage(width * scale, height * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    font = QFont("DejaVu Sans")
    font.setPixelSize(8)
    painter.setFont(font)
    known = [p.percent for p in trend if p.percent is not None]
    top = max(130.0, *(known or [0.0])) * 1.08
    # Two lines under each bar: "7 Dec" and "(so far)" side by side ran into the week before
    # ("4 Dec Dec (so fa").
    left, right, plot_top, plot_bottom = 30.0, width - 4.0, 6.0, height - 22.0

    def y(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * value / top

    align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for level in range(0, int(top) + 1, 50):  # light gridlines with their values
        painter.setPen(QPen(LIGHT, 0.6))
        painter.drawLine(QPointF(left, y(level)), QPointF(right, y(level)))
        painter.setPen(INK)
        painter.drawText(QRectF(0, y(level) - 6, left - 4, 12), align_right, f"{level}%")
    step = (right - left) / max(len(trend), 1)
    for n, point in enumerate(trend):
        x = left + n * step + step * 0.17
        painter.setPen(INK)
        painter.drawText(QRectF(left + n * step + 1, plot_bottom + 2, step - 2, 20),
                         LABEL_FLAGS, point.label.replace(" (", "\n("))
        if point.percent is None:
            painter.drawText(QRectF(x, plot_bottom - 14, step * 0.66, 12),
                             Qt.AlignmentFlag.AlignCenter, "–")
            continue
        bar = QRectF(x, y(point.percent), step * 0.66, plot_bottom - y(point.percent))
        over = point.percent > 110
        painter.setPen(QPen(INK, 0.8))
        painter.setBrush(QBrush(QColor("#DDDDDD") if over else QColor("white")))
        painter.drawRect(bar)
        if over:  # hatching, so "over 110%" never depends on shade alone
            painter.setBrush(QBrush(INK, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(bar)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(INK, 1.4, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(left, y(110)), QPointF(right, y(110)))
    painter.setPen(QPen(INK, 1.0))
    painter.drawLine(QPointF(left, plot_bottom), QPointF(right, plot_bottom))
    painter.end()
    return image
