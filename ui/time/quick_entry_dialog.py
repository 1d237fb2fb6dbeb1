"""Quick entry from anywhere (Ctrl+L, or the tray menu): one line, Enter, done."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.time.time_entries import TimeChange
from ui.widgets.form_helpers import ProblemsLabel, note_label
from ui.time.quick_entry_line import QuickEntryLine


class QuickEntryDialog(QDialog):
    """Stays open while the line is refused, so the words can be corrected in place."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = clock_now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.change: TimeChange | None = None
        self.setWindowTitle("Log time")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        self.line = QuickEntryLine(db, clock)
        layout.addWidget(self.line)
        layout.addWidget(
            note_label(
                "Examples: 09:30-10:15 home visit @C07 · -20 recording @C12 (the last 20 minutes)"
                " · "
                "45m travel · yesterday 14:00-15:00 mappa"
            )
        )
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_button = buttons.addButton("Log", QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.log_button.clicked.connect(self.line.submit)
        self.line.logged.connect(self._logged)
        self.line.refused.connect(self.problems.show_problems)
        # Log is what the dialog is for: the default (Return logs, a refused line stays to be
        # corrected), enabled once there is something to log. Cancel is never the default.
        for button in buttons.buttons():
            button.setAutoDefault(False)
        self.log_button.setDefault(True)
        self.line.textChanged.connect(self._can_log)
        self._can_log()

    def _can_log(self) -> None:
        self.log_button.setEnabled(bool(self.line.text().strip()))

    def _logged(self, change: TimeChange) -> None:
        self.change = change
        self.accept()

    @staticmethod
    def get_change(
        parent: QWidget | None, db: Database, clock: Callable[[], datetime] = clock_now
    ) -> TimeChange | None:
        dialog = QuickEntryDialog(db, clock, parent)
        dialog.exec()
        return dialog.change
