"""Settings: one tab per concern (profile, reductions, weightings, data…), added by main.py."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget


class SettingsView(QWidget):
    """A titled tab container; each page is its own module under ui/."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._build_ui()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Settings")
        title.setObjectName("viewTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

    def add_page(self, title: str, page: QWidget) -> None:
        self.tabs.addTab(page, title)

    def show_page(self, title: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "") == title.replace("&", ""):
                self.tabs.setCurrentIndex(index)
                return
