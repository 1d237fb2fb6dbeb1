"""The status bar's words, wrapped onto as many lines as they need.

QStatusBar draws its message on one line and cuts it at the window's edge, with no way to read
the rest: at 200% on a 1280×800 laptop (640 logical pixels) "Undone in the Time view: Log time
(Multi-agency public protection arrangements meeting prep work, 1" was all that showed of an
undo, and the words that say what was taken back are the end of the line. `install` puts a
word-wrapped label across the bar that shows every message as it changes; the bar's own drawing
of it has no room left (its message is drawn left of the first permanent widget: this one).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

NAME = "statusLine"


def install(bar: QStatusBar) -> QLabel:
    """The bar's wrapping line, made once; shows whatever `showMessage` is given."""
    line = bar.findChild(QLabel, NAME)
    if line is not None:
        return line
    line = QLabel(bar)
    line.setObjectName(NAME)
    line.setWordWrap(True)
    line.setTextFormat(line.textFormat().PlainText)  # a file name is never read as markup
    line.setContentsMargins(4, 1, 4, 1)
    bar.insertPermanentWidget(0, line, 1)  # before any notice that stays (read-only)
    line.setText(bar.currentMessage())
    bar.messageChanged.connect(line.setText)
    return line
