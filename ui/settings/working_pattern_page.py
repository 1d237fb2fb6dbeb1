"""Settings page "Working week": hours per weekday, the usual working day, and leave days."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.time.bank_holidays import bank_holidays_between
from core.common.errors import ValidationError
from core.workload.profile import get_profile
from core.time.working_week import (
    LEAVE_KINDS,
    LEAVE_ROWS,
    PATTERN_ROWS,
    LeaveDay,
    WorkingPattern,
    add_leave,
    get_pattern,
    leave_between,
    remove_leave,
    save_pattern,
)
from ui.widgets.date_fields import DateField
from ui.widgets.deletion_undo import delete_key, delete_undoably
from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.save_undo import NOTHING_TO_SAVE, save_undoably
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import ProblemsLabel, buddy, note_label, range_to
from core.common.hours import hours_text
from ui.shell.hub import Hub
from ui.widgets.hours_spin import HoursSpinBox
from ui.widgets.arrival_words import said_with
from ui.widgets.settled_words import SaidWhenSettled
from ui.widgets.step_said import say_result
from ui.widgets.return_saves import return_presses
from ui.widgets.list_table_model import OBJECT_ROLE, Column, ListTableModel, RawSortProxy

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class WorkingPatternPage(QWidget):
    def __init__(self, db: Database, hub: Hub, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        pattern_box = QGroupBox("Hours each day")
        grid = QGridLayout(pattern_box)
        self.day_hours: list[QDoubleSpinBox] = []
        days = FlowRow(spacing=12)  # a week of days in two rows on a narrow window
        for name in DAYS:
            spin = HoursSpinBox()
            spin.setAccessibleName(f"{name} hours")
            day = QWidget()
            column = QVBoxLayout(day)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(name))
            column.addWidget(spin)
            days.addWidget(day)
            self.day_hours.append(spin)
        grid.addLayout(days, 0, 0, 2, 7)
        self.day_start, self.day_end = QTimeEdit(), QTimeEdit()
        for edit, name in ((self.day_start, "Usual start"), (self.day_end, "Usual finish")):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        times = FlowRow()  # the button under the times on a narrow window
        times.addGroup(QLabel("Usual working day"), self.day_start, range_to(), self.day_end)
        times.addStretch()
        self.save_button = QPushButton("&Save working week")
        times.addWidget(self.save_button)
        grid.addLayout(times, 2, 0, 1, 7)
        # Its own row, wrapped: "… (your profile says 29 hours 36 minutes; …)" was cut off.
        self.total = QLabel()
        self.total.setWordWrap(True)
        grid.addWidget(self.total, 3, 0, 1, 7)
        self.saved_label = QLabel()  # "Working week saved: … Undo with Ctrl+Z.", shown as said
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()  # empty, it was read as its group ("Hours each day")
        grid.addWidget(self.saved_label, 4, 0, 1, 7)
        layout.addWidget(pattern_box)
        self.week_note = note_label(
            "Bank holidays in England and Wales are taken off contracted hours when they fall on "
            "a working day. The usual working day is only used to spot gaps worth filling in.")
        layout.addWidget(self.week_note)
        self.holidays = note_label("")
        layout.addWidget(self.holidays)
        leave_box = QGroupBox("Leave days")
        leave_layout = QVBoxLayout(leave_box)
        add_row = FlowRow()  # wraps on a narrow window, each field with its label
        self.leave_date = DateField()
        self.leave_kind = QComboBox()
        self.leave_kind.addItems(list(LEAVE_KINDS))
        self.leave_hours = HoursSpinBox()
        self.leave_hours.setSpecialValueText("whole day")
        self.leave_hours.setAccessibleName("Hours of leave (whole day if none)")
        self.add_leave_button = QPushButton("&Add leave")
        self.remove_leave_button = QPushButton("&Remove")
        self.remove_leave_button.setProperty(DESTROYS, True)  # Space removes; Return says so
        self.leave_kind.setAccessibleName("Kind of leave")
        # The date is named by its own label: unlabelled, Qt named it by its group box ("Leave
        # days"), the name of the table of leave below it too.
        add_row.addGroup(buddy("Date", self.leave_date), self.leave_date)
        add_row.addGroup(buddy("Kind", self.leave_kind), self.leave_kind)
        add_row.addWidget(self.leave_hours)
        add_row.addWidget(self.add_leave_button)
        add_row.addStretch()
        add_row.addWidget(self.remove_leave_button)
        leave_layout.addLayout(add_row)
        self.leave_model: ListTableModel[LeaveDay] = ListTableModel(
            [
                Column("Date", lambda d: f"{d.date:%a %d %b %Y}", lambda d: d.date),
                Column("Kind", lambda d: d.kind),
                Column(
                    "Hours",
                    lambda d: "Whole day" if d.hours is None else hours_text(d.hours),
                    lambda d: d.hours or 99,
                ),
            ],
            self,
        )
        proxy = RawSortProxy(self)
        proxy.setSourceModel(self.leave_model)
        self.leave_table = QTableView()
        self.leave_table.setAccessibleName("Leave days")
        self.leave_table.setModel(proxy)
        self.leave_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.leave_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leave_table.verticalHeader().hide()
        self.leave_table.horizontalHeader().setStretchLastSection(True)
        self.leave_table.setColumnWidth(0, 180)
        self.leave_table.setColumnWidth(1, 160)
        leave_layout.addWidget(self.leave_table, 1)
        layout.addWidget(leave_box, 1)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)

    def _connect_signals(self) -> None:
        # The week's total, and whether it differs from the profile's hours, said once the
        # presses or typing in a day's hours stop: it was shown under the fields, never said.
        self._total_said = SaidWhenSettled(self, self.total.text)
        for spin in self.day_hours:
            spin.valueChanged.connect(self._update_total)
            spin.valueChanged.connect(
                lambda *_, spin=spin: spin.hasFocus() and self._total_said.changed())
            spin.valueChanged.connect(lambda *_: self._show_saved(""))  # edited since
        self.save_button.clicked.connect(self.save)
        self.add_leave_button.clicked.connect(self.add_leave)
        self.remove_leave_button.clicked.connect(self.remove_selected_leave)
        delete_key(self.leave_table, self.remove_leave_button)  # Delete in the table does the same
        self.leave_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_remove())
        # Return in an hours or time field saves the week, as Save does (and as Return in
        # Profile's hours saves the profile); in the leave fields it adds the leave, unless
        # that would change leave the day already has.
        return_presses(self, self.save_button, [*self.day_hours, self.day_start, self.day_end])
        return_presses(self, self.add_leave_button,
                       [self.leave_date, self.leave_kind, self.leave_hours], self._leave_changes)
        self._hub.profileChanged.connect(self.refresh)
        self._hub.dataReplaced.connect(self.refresh)

    def refresh(self) -> None:
        self._show_saved("")  # read again (an undo, another page): no longer just saved
        pattern = get_pattern(self._db)
        for spin, hours in zip(self.day_hours, pattern.hours):
            spin.setValue(hours)
        self.day_start.setTime(QTime(pattern.day_start.hour, pattern.day_start.minute))
        self.day_end.setTime(QTime(pattern.day_end.hour, pattern.day_end.minute))
        today = clock.today()
        self.leave_model.set_items(
            list(
                leave_between(
                    self._db, today - timedelta(days=365), today + timedelta(days=365)
                ).values()
            )
        )
        self._update_remove()
        upcoming = list(bank_holidays_between(today, today + timedelta(days=365)).items())[:3]
        self.holidays.setText(
            "Next bank holidays: "
            + "; ".join(f"{name} ({day:%a %d %b %Y})" for day, name in upcoming)
        )
        # The notes under the week, heard with its first field (Tab passes notes by).
        said_with(self.day_hours[0], self.week_note, self.holidays)
        self._update_total()

    def _update_remove(self) -> None:
        """Remove only once a leave day is chosen: pressed with none, it did nothing, and
        said nothing."""
        self.remove_leave_button.setEnabled(
            bool(self.leave_table.selectionModel().selectedRows()))

    def _update_total(self) -> None:
        total = sum(s.value() for s in self.day_hours)
        text = f"{hours_text(total)} a week"
        profile_hours = float(get_profile(self._db).hours)  # time is planned in float hours
        if abs(total - profile_hours) > 0.01:
            text += (f" (your profile says {hours_text(profile_hours)}; the WMT estimate uses "
                     "the profile)")
        self.total.setText(text)
        said_with(self.save_button, self.total)  # and heard with the button that saves it

    def _done(self, action) -> object:  # type: ignore[no-untyped-def]
        try:
            result = action()
        except ValidationError as error:
            self.problems.show_problems(list(error.problems))
            return None
        self.problems.show_problems([])
        self.refresh()
        self._hub.timeLogged.emit()  # contracted hours shown with the time change
        return result

    def save(self) -> None:
        start, end = self.day_start.time(), self.day_end.time()
        pattern = WorkingPattern(
            hours=tuple(s.value() for s in self.day_hours),
            day_start=time(start.hour(), start.minute()),
            day_end=time(end.hour(), end.minute()),
        )
        if _same_week(get_pattern(self._db), pattern):  # Return on the page as it is
            self.problems.show_problems([])
            self._show_saved(say_result(self, NOTHING_TO_SAVE))
            return
        # One undo step (Ctrl+Z puts back the days as they were), said with the week's hours.
        said = self._done(lambda: save_undoably(
            self, self._db, PATTERN_ROWS, lambda: save_pattern(self._db, pattern),
            "Save the working week", "the working week", self._after_undo,
            f"Working week saved: {hours_text(pattern.weekly_hours)} a week."))
        self._show_saved(said if isinstance(said, str) else "")

    def _show_saved(self, text: str) -> None:
        self.saved_label.setText(text)
        self.saved_label.setVisible(bool(text))

    def add_leave(self) -> None:
        hours = self.leave_hours.value() or None
        leave = LeaveDay(self.leave_date.value(), self.leave_kind.currentText(), hours)
        day = f"{leave.date:%a %d %b %Y}"
        # One undo step, said: a day that had leave already is changed (and said so: "Added
        # sickness" hid the annual leave it replaced), and Ctrl+Z puts it back.
        had = leave_between(self._db, leave.date, leave.date).get(leave.date)
        said = _leave_said(had, leave, day)
        self._done(lambda: save_undoably(
            self, self._db, LEAVE_ROWS, lambda: add_leave(self._db, leave),
            f"Add leave on {day}", "your leave", self._after_undo, said, unchanged=None))

    def _leave_changes(self) -> str | None:
        """Why Return does not add the leave typed: the day has other leave, which it would
        replace (Add leave still does, with Space)."""
        day = self.leave_date.value()
        had = leave_between(self._db, day, day).get(day)
        hours = self.leave_hours.value() or None
        if had is None or (had.kind, had.hours) == (self.leave_kind.currentText(), hours):
            return None
        return (f"Not done yet: {day:%a %d %b %Y} already has {had.kind}. Return alone never "
                "overwrites: to change it, Tab to “Add leave” and press Space.")

    def remove_selected_leave(self) -> None:
        rows = self.leave_table.selectionModel().selectedRows()
        if rows:
            day: LeaveDay = rows[0].data(OBJECT_ROLE)
            try:  # not through _done: the page read again after the words were said
                delete_undoably(self, self._db, f"the leave on {day.date:%a %d %b %Y}",
                                lambda: remove_leave(self._db, day.date), self._after_undo,
                                self.leave_table)
            except ValidationError as error:
                self.problems.show_problems(list(error.problems))
                return
            self.problems.show_problems([])

    def _after_undo(self) -> None:
        self.refresh()
        self._hub.timeLogged.emit()


def _leave_said(had: LeaveDay | None, leave: LeaveDay, day: str) -> str:
    """What adding `leave` did to a day that had `had`: the same leave again changes nothing,
    and says so (it said "Changed … from annual leave to annual leave.")."""
    if had is None:
        return f"Added {leave.kind} on {day}."
    if (had.kind, had.hours) == (leave.kind, leave.hours):
        # What to do instead, as Return's refusal says it (README: "Tab to Add leave").
        return (f"{day} already has {leave.kind}: nothing changed. To change it, choose another "
                "kind or hours, then Tab to “Add leave” and press Space; to take it off, choose "
                "it in the Leave days table and press Delete.")
    if had.kind == leave.kind:
        return f"Changed the {leave.kind} on {day} from {_span(had)} to {_span(leave)}."
    return f"Changed {day} from {had.kind} to {leave.kind}."


def _same_week(stored: WorkingPattern, shown: WorkingPattern) -> bool:
    """The week shown is the one stored, to the minute (a spin box holds 7.4 as 7.400000)."""
    return ([round(h * 60) for h in stored.hours] == [round(h * 60) for h in shown.hours]
            and (stored.day_start, stored.day_end) == (shown.day_start, shown.day_end))


def _span(leave: LeaveDay) -> str:
    return "the whole day" if leave.hours is None else hours_text(leave.hours)
