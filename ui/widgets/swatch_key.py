"""A chart's key as swatches with a few words each, instead of a paragraph about colours.

Every fill in the app's charts has one meaning: `FILLS` names each one, so no two charts use the
same colour and pattern for different things (a test checks the table has no repeats).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

INK = "#1A1A1A"


@dataclass(frozen=True)
class Fill:
    """A colour and a pattern (drawn over white), or a line when `line` is set."""

    colour: str
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern
    line: bool = False

    def brush(self) -> QBrush:
        return QBrush(QColor(self.colour), self.pattern)


# The Time charts' fills: an Okabe-Ito colour the gauge and the trend do not use, grey, or a
# pattern in ink of its own (the gauge's hatching is the other diagonal), so each reads in
# black and white too. The gauge's band colours, the
# trend's blue line and orange diamonds mean what they mean there and nowhere else.
FILLS: dict[str, Fill] = {
    "within contract": Fill("#999999"),
    "over contract": Fill(INK, Qt.BrushStyle.DiagCrossPattern),
    "contracted hours": Fill(INK, line=True),
    "counted by the WMT": Fill("#009E73"),
    "not counted by the WMT": Fill(INK, Qt.BrushStyle.HorPattern),
}


def swatch(fill: Fill, size: int, ratio: float) -> QPixmap:
    """A small square of the fill, outlined in ink (or a thick dash for a line)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if fill.line:
        painter.setPen(QPen(QColor(fill.colour), max(size / 5, 2.5)))
        painter.drawLine(QPointF(1, size / 2), QPointF(size - 1, size / 2))
    else:
        box = QRectF(1, 1, size - 2, size - 2)
        painter.fillRect(box, QColor("white"))
        painter.fillRect(box, fill.brush())
        painter.setPen(QPen(QColor(INK), 1))
        painter.drawRect(box)
    painter.end()
    return pixmap


class SwatchKey(QWidget):
    """One line per item: its swatch, then its words (the words are what a screen reader
    hears; the swatch is decoration)."""

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None):
        """`items`: (a key of FILLS, the words shown beside it)."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.words: list[str] = []
        size = self.fontMetrics().height()
        for key, words in items:
            row = QHBoxLayout()
            row.setSpacing(6)
            mark = QLabel()
            mark.setPixmap(swatch(FILLS[key], size, self.devicePixelRatioF()))
            mark.setFixedSize(size, size)
            mark.setAccessibleName("")
            text = QLabel(words)
            text.setWordWrap(True)
            row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            layout.addLayout(row)
            self.words.append(words)
        self.setAccessibleName("Key: " + "; ".join(self.words))

    def text(self) -> str:
        """The key in words, as a screen reader hears it."""
        return self.accessibleName()
