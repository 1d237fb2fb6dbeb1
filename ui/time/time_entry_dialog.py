"""Add or edit one time entry (also used to fill a gap: "what were you doing 10:40–12:15?")."""

from __future__ import annotations

from datetime import date, time
from typing import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.common import clock
from core.time.entry_clock import entry_minutes, span_minutes
from core.time.time_entries import NOTE_MAX, TimeEntry, TimeStore
from ui.widgets.confirm import confirm_no_names
from ui.widgets.date_fields import DateField
from ui.widgets.unit_suffix import unit_suffix
from ui.widgets.form_helpers import ProblemsLabel, form_layout, range_to, select_data
from ui.widgets.line_field import LineField
from ui.widgets.typed_time_field import TypedTimeField
from ui.widgets.typed_words import KeepsTypedWords


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class TimeEntryDialog(KeepsTypedWords):
    """Returns a TimeEntry to save; the caller saves it (and handles overlaps)."""

    def __init__(
        self,
        db: Database,
        entry: TimeEntry | None = None,
        *,
        day: date | None = None,
        start: time | None = None,
        end: time | None = None,
        prompt: str | None = None,
        parent: QWidget | None = None,
        save: Callable[[TimeEntry], str | None] | None = None,
    ):
        super().__init__(parent)
        self._save = save  # saves while the dialog is open; a refusal keeps it open
        self._db = db
        self._store = TimeStore(db)
        self._entry = entry
        self._build_ui(prompt)
        self._load(entry, day or clock.today(), start, end)
        self._connect_signals()
        self.keep_typed_words([self.note])

    @staticmethod
    def get_entry(
        parent: QWidget | None, db: Database, entry: TimeEntry | None = None, **kwargs: object
    ) -> TimeEntry | None:
        dialog = TimeEntryDialog(db, entry, parent=parent, **kwargs)  # type: ignore[arg-type]
        return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _build_ui(self, prompt: str | None) -> None:
        self.setWindowTitle("Edit time" if self._entry else "Log time")
        layout = QVBoxLayout(self)
        if prompt:
            heading = QLabel(prompt)
            heading.setWordWrap(True)
            layout.addWidget(heading)
        form = form_layout()
        self.date_edit = DateField()
        form.addRow("&Date", self.date_edit)
        self.timed = QCheckBox("&Clock times")
        self.start_edit = TypedTimeField()
        self.end_edit = TypedTimeField(end=True)
        for edit, name in ((self.start_edit, "Start"), (self.end_edit, "End")):
            edit.setAccessibleName(name)
        self.start_edit.setToolTip("Type 14:30, 1430, 2.30pm or noon; Up and Down move it by "
                                   "5 minutes.")
        self.end_edit.setToolTip("Type 15:00, 3pm or noon; 24:00 is midnight at the end of the "
                                 "day. Up and Down move it by 5 minutes.")
        self.end_edit.setAccessibleDescription(self.end_edit.toolTip())
        times = QHBoxLayout()
        times.addWidget(self.timed)
        times.addWidget(self.start_edit)
        times.addWidget(range_to())
        times.addWidget(self.end_edit)
        times.addStretch(1)
        form.addRow("Time", times)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setSingleStep(5)
        unit_suffix(self.minutes, "minute")
        form.addRow("D&uration", self.minutes)  # named by it: "minutes" is in its own text
        self.activity = QComboBox()
        self.activity.setAccessibleName("Activity")
        form.addRow("&Activity", self.activity)
        self.case = QComboBox()
        self.case.setAccessibleName("Case")
        form.addRow("Ca&se", self.case)
        self.note = LineField()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText("Optional, short; no names or identifiers")
        self.note.setMinimumWidth(320)
        form.addRow("&Note", self.note)
        layout.addLayout(form)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)

    def _load(
        self, entry: TimeEntry | None, day: date, start: time | None, end: time | None
    ) -> None:
        activities = list_activities(self._db, include_hidden=True)
        current_activity = entry.activity_id if entry else None
        for activity in activities:
            if not activity.hidden or activity.id == current_activity:
                self.activity.addItem(activity.name, activity.id)
        self.case.addItem("No case", None)
        cases = CaseStore(self._db).list_cases("all")
        for case in cases:
            if case.closed_date is None or (entry and entry.case_id == case.id):
                self.case.addItem(case.reference, case.id)
        if entry is not None:
            day, start, end = entry.date, entry.start, entry.end
            select_data(self.activity, entry.activity_id)
            select_data(self.case, entry.case_id)
            self.note.setText(entry.note)
            self.minutes.setValue(entry.minutes)
        self.date_edit.set_value(day)
        self.timed.setChecked(start is not None)
        self.start_edit.setTime(_qtime(start or time(9, 0)))
        self.end_edit.setTime(_qtime(end or time(10, 0)))
        if start is not None and end is not None:
            self.minutes.setValue(max(1, span_minutes(start, end)))
        self._timed_changed()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.timed.toggled.connect(self._timed_changed)
        self.start_edit.timeChanged.connect(self._times_changed)
        self.end_edit.timeChanged.connect(self._times_changed)

    def _timed_changed(self) -> None:
        on = self.timed.isChecked()
        self.start_edit.setEnabled(on)
        self.end_edit.setEnabled(on)
        self.minutes.setEnabled(not on)
        self._times_changed()

    def _times_changed(self) -> None:
        if self.timed.isChecked():
            span = span_minutes(_pytime(self.start_edit.time()), _pytime(self.end_edit.time()))
            if span > 0:
                self.minutes.setValue(span)

    def entry(self) -> TimeEntry:
        timed = self.timed.isChecked()
        start = _pytime(self.start_edit.time()) if timed else None
        end = _pytime(self.end_edit.time()) if timed else None
        day = self.date_edit.value()
        if start is None or end is None:
            minutes = self.minutes.value()
        elif self._entry is not None and (day, start, end) == (
            self._entry.date, self._entry.start, self._entry.end
        ):
            minutes = self._entry.minutes  # as lived: a repeated hour's times may mean either
        else:
            minutes = entry_minutes(day, start, end)  # real time, across a clock change too
        return TimeEntry(
            date=day,
            minutes=minutes,
            activity_id=self.activity.currentData(),
            start=start,
            end=end,
            case_id=self.case.currentData(),
            note=self.note.text().strip(),
            id=self._entry.id if self._entry else None,
        )

    def _time_problems(self) -> list[str]:
        if not self.timed.isChecked():
            return []
        found = []
        for edit in (self.start_edit, self.end_edit):
            problem = edit.problem()
            if problem:
                found.append(f"{edit.accessibleName()}: {problem}")
        return found

    def accept(self) -> None:
        problems = self._time_problems()
        if problems:  # nothing read from a time that is not one
            self.problems.show_problems(problems)
            (self.start_edit if self.start_edit.problem() else self.end_edit).setFocus()
            return
        entry = self.entry()
        problems = self._store.problems(entry)
        self.problems.show_problems(problems)
        if not problems and confirm_no_names(self, [entry.note]):
            # Saved from here, so a refusal (No to shortening what it overlaps) comes back to
            # the form with everything as typed, and says why nothing was saved.
            refused = self._save(entry) if self._save is not None else None
            if refused:
                self.problems.show_problems([refused])
                self.start_edit.setFocus() if self.timed.isChecked() else self.minutes.setFocus()
                return
            super().accept()
