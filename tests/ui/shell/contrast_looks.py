"""What the contrast tests share: the four looks the app can be in, and contrast measured from
the rendered pixels (WCAG 2.2's relative luminance)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from ui.shell.theme import apply_theme

SCHEMES = {"light": (Qt.ColorScheme.Light, False), "dark": (Qt.ColorScheme.Dark, False),
           "high contrast": (Qt.ColorScheme.Light, True),
           "high contrast dark": (Qt.ColorScheme.Dark, True)}


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def pixels(image: QImage, rect: QRect) -> Counter:
    return Counter(image.pixel(x, y) for x in range(rect.left(), rect.right() + 1)
                   for y in range(rect.top(), rect.bottom() + 1))


def text_contrast(image: QImage, rect: QRect) -> float:
    """The commonest colour in `rect` is the background; the ink is the colour furthest from it
    (anti-aliased edges are in between)."""
    seen = pixels(image, rect)
    background = QColor.fromRgb(seen.most_common(1)[0][0])
    return max(contrast(background, QColor.fromRgb(p)) for p in seen)


def in_scheme(qapp, name):  # type: ignore[no-untyped-def]
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    scheme, high_contrast = SCHEMES[name]
    apply_theme(qapp, scheme, high_contrast=high_contrast)
    QApplication.processEvents()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)
