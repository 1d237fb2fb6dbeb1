"""Help > About: the version, the promise never to connect to a network, where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from core.common.paths import shown_path
from core.common.privacy_text import NETWORK_STATEMENT, STORAGE_STATEMENT


class AboutDialog(QDialog):
    def __init__(self, version: str, data_path: Path, encrypted: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Caseload Companion")
        layout = QVBoxLayout(self)
        title = QLabel(f"Caseload Companion {version}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        layout.addWidget(title)
        tagline = QLabel("Your caseload, time and workload in plain words, for supervision.")
        layout.addWidget(tagline)
        self.network = QLabel(NETWORK_STATEMENT)
        self.network.setObjectName("networkStatement")
        layout.addWidget(self.network)
        self.storage = QLabel(
            f"{STORAGE_STATEMENT}\n\nWhere your data lives: {shown_path(data_path)}\n"
            f"Encryption: {'on' if encrypted else 'off'}."
        )
        self.storage.setObjectName("dataLocation")
        self.storage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.storage)
        for label in (tagline, self.network, self.storage):
            label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
