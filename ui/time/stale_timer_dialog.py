"""Asked once when the app opens and a timer has run overnight or too long: what should be kept?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.time.time_summary import hours_text
from core.time.timer import RunningTimer
from ui.widgets.date_fields import DateTimeField
from ui.widgets.radio_tab import tab_to_checked


@dataclass(frozen=True)
class StaleChoice:
    keep: str  # "all", "until" or "none"
    until: datetime | None = None


def _default_until(timer: RunningTimer) -> datetime:
    """A sensible guess: the end of that working day, or an hour after starting if later."""
    end_of_day = timer.started_at.replace(hour=17, minute=0)
    return end_of_day if end_of_day > timer.started_at else timer.started_at + timedelta(hours=1)


class StaleTimerDialog(QDialog):
    def __init__(self, timer: RunningTimer, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self._timer = timer
        self._now = now
        self._build_ui()
        self._connect_signals()

    @staticmethod
    def get_choice(
        parent: QWidget | None, timer: RunningTimer, now: datetime
    ) -> StaleChoice | None:
        dialog = StaleTimerDialog(timer, now, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _build_ui(self) -> None:
        self.setWindowTitle("A timer is still running")
        timer, elapsed = self._timer, self._timer.elapsed_minutes(self._now)
        case = f" for {timer.case_reference}" if timer.case_reference else ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"The timer for {timer.activity_name}{case} has been running since "
            f"{timer.started_at:%A %d %B at %H:%M}, {hours_text(elapsed / 60)} ago. "
            "Nothing has been logged from it yet. How much of that time should be kept?"
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(460)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.keep_until = QRadioButton("Keep it &until")
        start, now = self._timer.started_at, self._now
        self.until_edit = DateTimeField(min(_default_until(self._timer), now))
        self.until_edit.setAccessibleName("Keep the time until")
        self.until_edit.setMinimumDateTime(QDateTime(start))
        self.until_edit.setMaximumDateTime(QDateTime(now))
        row = QHBoxLayout()
        row.addWidget(self.keep_until)
        row.addWidget(self.until_edit)
        row.addStretch(1)
        self.keep_all = QRadioButton(
            f"Keep &all of it ({hours_text(elapsed / 60)}, split at midnight)"
        )
        self.keep_none = QRadioButton("Keep &none of it (stop the timer, log nothing)")
        layout.addLayout(row)
        layout.addWidget(self.keep_all)
        layout.addWidget(self.keep_none)
        for button in (self.keep_until, self.keep_all, self.keep_none):
            self.group.addButton(button)
        self.keep_until.setChecked(True)
        tab_to_checked(self.group)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Decide later", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.keep_until.toggled.connect(self.until_edit.setEnabled)

    def choice(self) -> StaleChoice:
        if self.keep_all.isChecked():
            return StaleChoice("all")
        if self.keep_none.isChecked():
            return StaleChoice("none")
        return StaleChoice(
            "until", self.until_edit.value())
