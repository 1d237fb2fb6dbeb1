"""The labels every view shares: a view's title, a quiet note, wrapping words.

Kept apart from ui.widgets.form_helpers (which re-exports them) because the window's first
frame uses them: importing a Qt class by name sets up its enums in Python, so this module
names only QLabel, QColor and QPalette, and `words` shows plain text without naming the `Qt`
namespace at all (setting up its 93 enums costs 20-25 ms, a sixth of a bare window's start).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel


def note_label(text: str) -> QLabel:
    """A quiet explanatory line under a form."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("note")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    # Muted by mixing the theme's own text and background, so it stays readable in dark mode too.
    palette = label.palette()
    ink, paper = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        *(round(a * 0.72 + b * 0.28) for a, b in
          ((ink.red(), paper.red()), (ink.green(), paper.green()), (ink.blue(), paper.blue())))
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)
    return label


def view_title(text: str) -> QLabel:
    """A view's title: larger and bold (the theme's stylesheet styles objectName viewTitle)."""
    title = QLabel(text)
    title.setObjectName("viewTitle")
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    title.setFont(font)
    return title


def _sized(label: QLabel, scale: float, bold: bool) -> QLabel:
    label.setWordWrap(True)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def wrapped(text: str = "", scale: float = 1.0, bold: bool = False,
            selectable: bool = True) -> QLabel:
    """A plain-text label that wraps, its font `scale` times the usual (and bold if asked);
    selectable with the mouse unless `selectable` is False."""
    from PySide6.QtCore import Qt

    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return _sized(label, scale, bold)


def could_read_as_markup(text: str) -> bool:
    """Whether Qt might take `text` for markup: it does so only for a `<` (a tag) or an `&`
    (`&lt;`) before the first line break, so text with neither always reads as plain text."""
    return "<" in text or "&" in text


def plain(text: str) -> QLabel:
    """A label showing `text` as plain text, for the first frame: Qt.TextFormat (the `Qt`
    namespace) is named only when something in `text` could be taken for markup."""
    label = QLabel(text)
    if could_read_as_markup(text):
        from PySide6.QtCore import Qt

        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def words(text: str, scale: float = 1.0, bold: bool = False) -> QLabel:
    """`wrapped(text, scale, bold, selectable=False)`, for the first frame (see `plain`)."""
    return _sized(plain(text), scale, bold)
