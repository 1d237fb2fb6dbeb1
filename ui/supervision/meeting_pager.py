"""Rows shown a page at a time: as many as fit the height, never a scroll bar.

Page Down / Page Up (or the buttons) turn the page; the page count follows the window's size,
the font size and the scaling, measured from the rows themselves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.supervision.meeting_rows import Row


class PagedRows(QWidget):
    """Holds the rows of one topic; `pages` is a list of row-index ranges."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self.pages: list[range] = [range(0)]
        self.page = 0
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area = QWidget()
        self.area_layout = QVBoxLayout(self.area)
        self.area_layout.setContentsMargins(0, 0, 0, 0)
        self.area_layout.setSpacing(8)
        self.area_layout.addStretch(1)
        layout.addWidget(self.area, 1)
        bar = QHBoxLayout()
        self.previous_button = QPushButton("Previous page")
        self.previous_button.setToolTip("Page Up")
        self.next_button = QPushButton("Next page")
        self.next_button.setToolTip("Page Down")
        self.page_label = QLabel()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        self.bar = QWidget()
        self.bar.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)

    def _connect_signals(self) -> None:
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))

    def set_rows(self, rows: list[Row], keep_page: bool = False) -> None:
        """Replace the rows (the old ones are deleted); back to the first page unless kept."""
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = rows
        for index, row in enumerate(rows):
            self.area_layout.insertWidget(index, row)
        self._paginate(self.page if keep_page else 0)

    def turn(self, step: int) -> None:
        self._paginate(self.page + step)

    def _paginate(self, page: int) -> None:
        width = max(200, self.area.width())
        # The page bar's room is always kept, so showing it never pushes a row out of sight.
        room = self.height() - self.bar.sizeHint().height() - self.layout().spacing()
        height = max(60, room) if self.height() > 0 else 10_000
        spacing = self.area_layout.spacing()
        self.pages, start, used = [], 0, 0
        for index, row in enumerate(self.rows):
            need = row.height_for(width) + spacing
            if index > start and used + need > height:
                self.pages.append(range(start, index))
                start, used = index, 0
            used += need
        self.pages.append(range(start, len(self.rows)))
        self.page = min(max(0, page), len(self.pages) - 1)
        shown = self.pages[self.page]
        for index, row in enumerate(self.rows):
            row.setVisible(index in shown)
        many = len(self.pages) > 1
        self.bar.setVisible(many)
        self.page_label.setText(f"Page {self.page + 1} of {len(self.pages)}")
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < len(self.pages) - 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._paginate(self.page)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.turn(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return
        super().keyPressEvent(event)
