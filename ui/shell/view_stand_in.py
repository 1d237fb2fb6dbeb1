"""What a view's place shows before the view exists: its title, and after a moment a quiet line
saying the data is being opened (usually the view arrives long before that line would show)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets.labels import note_label, view_title

# Opening normally takes a fraction of a second; only a slow disk or a migration shows the line.
PATIENCE_MS = 700


class ViewStandIn(QWidget):
    """Holds a view's place, laid out like the views so nothing jumps when the real one arrives."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(view_title(title))
        self.waiting = note_label("Opening your data…")
        self.waiting.hide()
        layout.addWidget(self.waiting)
        layout.addStretch(1)
        QTimer.singleShot(PATIENCE_MS, self, self.waiting.show)
