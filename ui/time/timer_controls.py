"""Timer controls: start, stop, switch in one step, "started N minutes ago" and "stop at 17:05"."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.clock import minutes_before, now as clock_now
from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.time.quick_entry import parse_time_of_day
from core.time.time_entries import TimeChange
from core.time.time_summary import hours_text
from core.time.timer import (
    RunningTimer,
    StaleTimerError,
    get_timer,
    stale_limit_hours,
    start_timer,
    stop_timer,
)
from ui.widgets import text_question
from ui.widgets.step_said import say_result
from ui.widgets.arrival_words import said_with
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import buddy, select_data
from ui.time.stale_timer_dialog import StaleTimerDialog
from ui.time.time_operations import apply_with_trim
from ui.widgets.qt_guard import qt_override


def timer_text(db: Database, now: datetime, with_case: bool = True) -> str:
    """The running timer in words; `with_case=False` leaves out its case reference (the tray's
    tooltip while the supervision meeting is on screen)."""
    timer = get_timer(db)
    if timer is None:
        return "No timer running."
    case = f" · {timer.case_reference}" if timer.case_reference and with_case else ""
    return (
        f"Timing {timer.activity_name}{case} since {timer.started_at:%H:%M} "
        f"({hours_text(timer.elapsed_minutes(now) / 60)})"
    )


class TimerControls(QWidget):
    """Signals:
    changed(object): the timer started or stopped; the TimeChange holds any time logged, and
        `stopped` is then the timer that action stopped (None if none was), for undo to restart.
    problem(list): sentences explaining why the last action did nothing.
    """

    changed = Signal(object)
    problem = Signal(list)

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = clock_now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.stopped: RunningTimer | None = None
        self._build_ui()
        self._connect_signals()
        self.reload_choices()
        self.refresh()

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        layout = FlowRow()  # each choice with its label, wrapping on a narrow window
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.activity = QComboBox()
        self.activity.setAccessibleName("Activity to time")
        # Wide enough for every built-in name ("Appointment / direct contact") but no wider:
        # growing to a 60-character name of the practitioner's own pushed the row past a
        # 1024-pixel screen. A longer name is read whole in the list and in the tooltip.
        self.activity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activity.setMinimumContentsLength(len("Appointment / direct contact") + 1)
        self.activity.currentTextChanged.connect(self.activity.setToolTip)
        self.case = QComboBox()
        self.case.setAccessibleName("Case to time")
        self.ago = QSpinBox()
        self.ago.setRange(0, 600)
        self.ago.setSingleStep(5)
        self.ago.setSpecialValueText("starting now")
        self.ago.setPrefix("started ")
        self.ago.setSuffix(" min ago")
        self.ago.setAccessibleName("Started this many minutes ago")
        self.start_button = QPushButton("Start &timer")
        self.stop_button = QPushButton("St&op")
        self.stop_at_button = QPushButton("Stop at…")
        # The running timer's line with what acts on it (Stop, Stop at…); below, what to time
        # next. One row for all of it needed 860 pixels with the longest names allowed and was
        # squeezed on a 1024-pixel screen.
        running_row = FlowRow()
        running_row.addWidget(self.status)
        running_row.addStretch()
        running_row.addWidget(self.stop_button)
        running_row.addWidget(self.stop_at_button)
        # Each choice with its visible label: a screen reader names a combo box by its label.
        layout.addGroup(buddy("Activity", self.activity), self.activity)
        layout.addGroup(buddy("Case", self.case), self.case)
        layout.addWidget(self.ago)
        layout.addWidget(self.start_button)
        outer.addLayout(running_row)
        outer.addLayout(layout)
        # Tab still goes as before: what to time, start, then stop.
        order = (self.activity, self.case, self.ago, self.start_button, self.stop_button,
                 self.stop_at_button)
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(lambda: self.stop())
        self.stop_at_button.clicked.connect(self.stop_at)
        self._tick.timeout.connect(self.refresh)

    def reload_choices(self) -> None:
        # Filled again only when the choices differ: every time logged or deleted reads the
        # view again, and clearing and refilling both boxes sent a screen reader twenty-odd
        # events each time, enough with the week's own for Orca 43 to drop the words saying
        # what had just been deleted.
        activities = [(a.name, a.id) for a in list_activities(self._db)]
        cases = [("No case", None)] + [
            (c.reference, c.id) for c in CaseStore(self._db).list_cases("active")]
        for box, choices in ((self.activity, activities), (self.case, cases)):
            if _choices(box) != choices:
                chosen = box.currentData()
                box.clear()
                for text, data in choices:
                    box.addItem(text, data)
                select_data(box, chosen)
        # As far back as core lets a timer start: the same working-week rule as a stale timer.
        self.ago.setMaximum(int(stale_limit_hours(self._db) * 60))

    def refresh(self) -> None:
        now = self._clock()
        running = get_timer(self._db) is not None
        self.status.setText(timer_text(self._db, now))
        said_with(self.activity, self.status)  # the timer's line, heard as Tab arrives
        font = self.status.font()
        font.setBold(running)  # a running timer is worth noticing; an idle one is not
        self.status.setFont(font)
        # Alt+T either way: the same button, and Alt+W is the Week tab's.
        self.start_button.setText("Swi&tch" if running else "Start &timer")
        self.start_button.setToolTip(
            "Stop the running timer and start this one" if running else "Start timing this activity"
        )
        self.stop_button.setEnabled(running)
        self.stop_at_button.setEnabled(running)
        # The running time ticks on only while it can be seen; showing it again refreshes it.
        if running and self.isVisible() and not self._tick.isActive():
            self._tick.start()
        elif not running:
            self._tick.stop()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    @qt_override
    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._tick.stop()
        super().hideEvent(event)

    def _run(self, action: Callable[[bool], TimeChange]) -> None:
        before, self.stopped = get_timer(self._db), None
        try:
            try:
                change = apply_with_trim(self, action)
            except StaleTimerError:
                change = self.resolve_stale()
        except ValidationError as error:
            self.problem.emit(list(error.problems))
            return
        self.stopped = before if before is not None and get_timer(self._db) != before else None
        self.ago.setValue(0)
        self.refresh()
        after = get_timer(self._db)
        if after is not None and after != before:
            # "Timing Travel since 09:10", shown in the status bar too (an older "Undone: …"
            # stayed there)
            say_result(self, self.status.text())
        elif after is None and before is not None:
            # A stop with time says "Logged …" (the Time view); one within the first minute
            # logs nothing, and says so, with the way back to the timer.
            said = "Timer stopped." if change is None or change.added else (
                "Timer stopped. It ran under a minute, so no time was logged; "
                "Ctrl+Z starts it again.")
            say_result(self, said)
        self.changed.emit(change or TimeChange())

    def start(self) -> None:
        now = self._clock()
        ago = self.ago.value()
        started = minutes_before(now, ago) if ago else None
        activity_id, case_id = self.activity.currentData(), self.case.currentData()
        running = get_timer(self._db)
        if running is not None and not ago and (running.activity_id, running.case_id) == (
                activity_id, case_id):
            # Switch to what is already timed changed nothing and said nothing.
            say_result(self, f"Already timing {running.activity_name} since "
                             f"{running.started_at:%H:%M}: choose another activity or case to "
                             "switch to, or Stop.")
            return
        self._run(
            lambda _trim: start_timer(
                self._db, activity_id, now=now, case_id=case_id, started_at=started
            )
        )

    def stop(self, at: datetime | None = None) -> None:
        now = self._clock()
        self._run(lambda trim: stop_timer(self._db, now=now, at=at, trim=trim))

    def stop_at(self) -> None:
        now = self._clock()
        text, ok = text_question.ask_text(
            self, "Stop at", "Stop the timer at (for example 17:05 or 5.05pm):", text=f"{now:%H:%M}"
        )
        if not ok:
            return
        timer = get_timer(self._db)
        try:
            minutes = parse_time_of_day(text, end=True)  # 17:05, 5.05pm, 5pm, noon, 24:00
        except ValidationError as exc:
            self.problem.emit(exc.problems)
            return
        if minutes == 24 * 60:  # midnight at the end of the start's day
            day = now.date() if timer is None else timer.started_at.date()
            self.stop(datetime.combine(day + timedelta(days=1), time(0)))
            return
        clock = time(minutes // 60, minutes % 60)
        day = now.date() if timer is None else max(timer.started_at.date(), now.date())
        self.stop(datetime.combine(day, clock))

    def resolve_stale(self) -> TimeChange | None:
        """Ask what to keep of a stale timer; None when the user decides later."""
        timer, now = get_timer(self._db), self._clock()
        self.stopped = None
        if timer is None:
            return None
        choice = StaleTimerDialog.get_choice(self.window(), timer, now)
        if choice is None:
            return None
        change = apply_with_trim(
            self,
            lambda trim: stop_timer(
                self._db, now=now, at=choice.until, keep=choice.keep, trim=trim
            ),
        )
        self.stopped = timer if change is not None else None
        return change


def _choices(box: QComboBox) -> list[tuple[str, object]]:
    """The items `box` offers, as (text, data) pairs."""
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]
