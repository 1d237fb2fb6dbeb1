"""A chart's key as swatches with a few words each, instead of a paragraph about colours.

Every fill in the app's charts has one meaning: `FILLS` names each one, so no two charts use the
same colour and pattern for different things (a test checks the table has no repeats).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget
from ui.widgets.qt_guard import qt_override

INK = "#1A1A1A"


@dataclass(frozen=True)
class Fill:
    """A colour and a pattern (drawn over white), or a line when `line` is set."""

    colour: str
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern
    line: bool = False
    marker: str = ""  # "o" round dots on the line, "d" a diamond on its own
    dashed: bool = False
    alpha: int = 255  # a shaded band is drawn see-through

    def brush(self) -> QBrush:
        return QBrush(QColor(self.colour), self.pattern)


# The Time charts' fills: an Okabe-Ito colour the gauge and the trend do not use, grey, or a
# pattern in ink of its own (the gauge's hatching is the other diagonal), so each reads in
# black and white too. The gauge's band colours, the trend's purple line and orange diamonds
# mean what they mean there and nowhere else (the line was the gauge's "Fully committed" blue).
FILLS: dict[str, Fill] = {
    "within contract": Fill("#999999"),
    "over contract": Fill(INK, Qt.BrushStyle.DiagCrossPattern),
    "contracted hours": Fill(INK, line=True),
    "counted by the WMT": Fill("#009E73"),
    "not counted by the WMT": Fill(INK, Qt.BrushStyle.HorPattern),
    # The Overview's weekly trend.
    "estimate": Fill("#AA4499", line=True, marker="o"),  # Paul Tol's colour-blind-safe purple
    "official figure": Fill("#E69F00", marker="d"),
    "target range": Fill("#56B4E9", alpha=60),
    "over capacity line": Fill(INK, line=True, dashed=True),
}

# On the dark palette: the same meaning, lighter, so the line stands 3:1 from a dark field
# (and from the target range's shading on it).
ON_DARK: dict[str, Fill] = {
    "estimate": Fill("#DDA0DD", line=True, marker="o"),
}


def fill_for(key: str, palette: QPalette) -> Fill:
    """The fill `key` is drawn with on `palette`: lighter on a dark one, and a line or pattern
    in ink in the palette's own text colour (near-black ink vanished on dark, and in high
    contrast: the Time chart's contracted-hours dashes and its hatching for hours over
    contract were about 1.1:1 on the dark window)."""
    fill = FILLS[key]
    if is_dark_palette(palette):
        fill = ON_DARK.get(key, fill)
    if fill.colour == INK:
        text = palette.color(QPalette.ColorRole.WindowText).name()
        fill = Fill(text, fill.pattern, fill.line, fill.marker, fill.dashed, fill.alpha)
    return fill


def is_dark_palette(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.WindowText).lightness() > palette.color(
        QPalette.ColorRole.Window).lightness()


def swatch(fill: Fill, size: int, ratio: float, ground: QColor | None = None,
           edge: QColor | None = None) -> QPixmap:
    """A small square of the fill on `ground` (white), outlined in `edge` (ink), or a thick
    dash for a line: on a dark palette, the window and its text colour, as the chart draws."""
    ground = ground if ground is not None else QColor("white")
    edge = edge if edge is not None else QColor(INK)
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    middle = size / 2
    if fill.line:
        pen = QPen(QColor(fill.colour), max(size / 8, 1.5) if fill.dashed else max(size / 5, 2.5))
        if fill.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(1, middle), QPointF(size - 1, middle))
    if fill.marker == "o":
        painter.setPen(QPen(QColor(INK), 1))
        painter.setBrush(QColor(fill.colour))
        painter.drawEllipse(QPointF(middle, middle), size / 5, size / 5)
    elif fill.marker == "d":
        painter.setPen(QPen(QColor(INK), 1.2))
        painter.setBrush(QColor(fill.colour))
        painter.drawPolygon([QPointF(middle, 2), QPointF(size - 3, middle),
                             QPointF(middle, size - 2), QPointF(3, middle)])
    elif not fill.line:
        box = QRectF(1, 1, size - 2, size - 2)
        colour = QColor(fill.colour)
        colour.setAlpha(fill.alpha)
        painter.fillRect(box, ground)
        painter.fillRect(box, QBrush(colour, fill.pattern))
        painter.setPen(QPen(edge, 1))
        painter.drawRect(box)
    painter.end()
    return pixmap


class SwatchKey(QWidget):
    """One line per item: its swatch, then its words (the words are what a screen reader
    hears; the swatch is decoration)."""

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None):
        """`items`: (a key of FILLS, or "" for a line of words alone; the words beside it)."""
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.words: list[str] = []
        self.set_items(items)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Show these items instead (the words change with Show figures, say)."""
        while self._layout.count():
            row = self._layout.takeAt(0)
            inner = row.layout()
            while inner is not None and inner.count():
                widget = inner.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
        self._items = list(items)
        size = self.fontMetrics().height()
        palette = self.palette()
        self._inks = _inks(palette)
        self.words = []
        for key, words in items:
            row = QHBoxLayout()
            row.setSpacing(6)
            mark = QLabel()
            if key:
                mark.setPixmap(swatch(fill_for(key, palette), size, self.devicePixelRatioF(),
                                      *_ground_and_edge(palette)))
            mark.setFixedSize(size, size)
            text = QLabel(words)
            text.setWordWrap(True)
            row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            self._layout.addLayout(row)
            self.words.append(words)
        self.setAccessibleName("Key: " + "; ".join(self.words))

    def text(self) -> str:
        """The key in words, as a screen reader hears it."""
        return self.accessibleName()

    @qt_override
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Swatches drawn again in a new palette's colours (View > High contrast, dark mode)."""
        super().changeEvent(event)
        if (event.type() == QEvent.Type.PaletteChange and hasattr(self, "_inks")
                and _inks(self.palette()) != self._inks):
            self.set_items(self._items)


def _ground_and_edge(palette: QPalette) -> tuple[QColor | None, QColor | None]:
    """What a swatch is drawn on and outlined with: white and ink, or on a dark palette the
    window and the text colour, as the charts draw their bars."""
    if not is_dark_palette(palette):
        return None, None
    return (palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.WindowText))


def _inks(palette: QPalette) -> tuple[str, str]:
    return (palette.color(QPalette.ColorRole.WindowText).name(),
            palette.color(QPalette.ColorRole.Window).name())
