"""The Time view: quick entry and timer on top, the week by day with gaps to fill, and charts."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.common.errors import ValidationError
from core.time.time_entries import TimeChange, TimeEntry, TimeStore
from core.time.timer import RunningTimer, get_timer, stale_timer
from core.time.working_week import Gap, monday_of, pattern_mismatch, week_summary
from ui.widgets.announce import announce
from ui.widgets.arrival_words import said_with
from ui.widgets.step_said import say_result
from ui.widgets.vanished_row import placed_by_caller
from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import ProblemsLabel, add_named_tab, name_tabs, note_label, view_title
from ui.shell.hub import Hub
from ui.time.quick_entry_line import QuickEntryLine
from ui.time.time_operations import apply_with_trim, record
from ui.time.time_table_model import COL_TIME, ROW_ROLE, TimeTableModel
from ui.time.time_week_table import lay_out_rows, week_table
from ui.time.time_wording import UNCHANGED, change_message, deleted_message, week_sentence
from ui.widgets.midnight import MidnightWatch
from ui.time.timer_controls import TimerControls

if TYPE_CHECKING:
    from ui.time.time_charts import TimeCharts


def _get_entry(*args, **kwargs) -> TimeEntry | None:  # type: ignore[no-untyped-def]
    """TimeEntryDialog.get_entry, with the dialog imported when first used (a quicker first opening)."""
    from ui.time.time_entry_dialog import TimeEntryDialog

    return TimeEntryDialog.get_entry(*args, **kwargs)


NOT_TRIMMED = ("Nothing was saved yet: the time overlaps what is already logged. Change the "
               "times, or save again and choose Yes to shorten the other entries.")

# A person takes longer than this to reach the Charts tab; a view merely passed through on
# the way elsewhere is hidden again by then, and builds nothing.
CHARTS_AHEAD_MS = 300


class TimeView(QWidget):
    """Talks to core for its own changes, to other views only through the hub."""

    def __init__(
        self,
        db: Database,
        hub: Hub,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime] = clock_now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._store = TimeStore(db)
        self.undo_stack = undo_stack
        self._clock = clock
        self._monday = monday_of(clock().date())
        self._asked_about_stale = False
        self.midnight = MidnightWatch(clock, self)
        self._new_day_unseen = False
        self._build_ui()
        self._connect_signals()
        self.refresh()
        self._scrolled_once = False

    # --- layout -------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        title = view_title("Time")
        layout.addWidget(title)
        self.quick = QuickEntryLine(self._db, self._clock)
        self.log_button = QPushButton("&Log")
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.quick, 1)
        entry_row.addWidget(self.log_button)
        layout.addLayout(entry_row)
        self.problems = ProblemsLabel()
        self.message = note_label("")
        self.message.hide()
        layout.addWidget(self.problems)
        layout.addWidget(self.message)
        self.timer = TimerControls(self._db, self._clock)
        layout.addWidget(self.timer)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        name_tabs(self.tabs, "Time pages")  # what it is, not the page it is on
        add_named_tab(self.tabs, self._build_week_page(), "&Week")
        # The charts (and pyqtgraph with numpy) are built when the tab is first opened, not
        # at start-up: they took ~200 ms of every start, before the window could appear.
        self._charts: TimeCharts | None = None
        self._charts_page = QWidget()
        QVBoxLayout(self._charts_page).setContentsMargins(0, 0, 0, 0)
        add_named_tab(self.tabs, self._charts_page, "&Charts")
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.quick)

    @property
    def charts(self) -> TimeCharts:
        """The Charts tab's content, built and filled on first use."""
        if self._charts is None:
            from ui.time.time_charts import TimeCharts

            self._charts = TimeCharts(self._db, self._clock)
            self._charts_page.layout().addWidget(self._charts)
            self._charts.show()  # added to a page already on screen: show it now, not next loop
            self._charts.refresh()
        return self._charts

    def _build_week_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        nav = FlowRow()  # the week's words under its buttons on a narrow window
        self.prev_button = QPushButton("◀ &Previous week")
        self.this_button = QPushButton("This wee&k")
        self.next_button = QPushButton("&Next week ▶")
        self.week_label = QLabel()
        self.week_label.setWordWrap(True)
        nav.addGroup(self.prev_button, self.this_button, self.next_button)
        nav.addWidget(self.week_label)
        layout.addLayout(nav)
        self.model = TimeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)  # chronological: the day structure is the order
        self.proxy.setSourceModel(self.model)
        self.table = week_table(self.proxy)
        layout.addWidget(self.table, 1)
        actions = FlowRow()
        self.add_button = QPushButton("&Add entry…")
        self.edit_button = QPushButton("Ed&it…")
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setProperty(DESTROYS, True)  # Space deletes; Return says so
        self.delete_button.setToolTip("Delete the selected entry (Delete); Ctrl+Z brings it back")
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.delete_action = QAction("Delete entry", self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        return page

    def _connect_signals(self) -> None:
        self.quick.logged.connect(self._quick_logged)
        self.quick.refused.connect(self._show_problems)
        self.log_button.clicked.connect(self.quick.submit)
        self.timer.changed.connect(self._timer_changed)
        self.timer.problem.connect(self._show_problems)
        self.prev_button.clicked.connect(lambda: self.show_week(self._monday - timedelta(weeks=1)))
        self.next_button.clicked.connect(lambda: self.show_week(self._monday + timedelta(weeks=1)))
        self.this_button.clicked.connect(lambda: self.show_week(self._clock().date()))
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.tabs.currentChanged.connect(
            lambda index: self.charts if self.tabs.widget(index) is self._charts_page else None
        )
        for signal in (
            self._hub.timeLogged,
            self._hub.casesChanged,
            self._hub.profileChanged,
            self._hub.settingsChanged,
        ):
            signal.connect(self.refresh)
        self._hub.dataReplaced.connect(self._data_replaced)
        self.midnight.dayChanged.connect(self._new_day)

    def _new_day(self, today: date) -> None:
        """At midnight: a view showing the week that has just ended moves on to the new one."""
        yesterday = today - timedelta(days=1)
        if self._monday == monday_of(yesterday):
            self._monday = monday_of(today)
        if self.isVisible():
            self.refresh()
        else:
            self._new_day_unseen = True  # refreshed when next shown

    # --- refresh -----------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self._clock()
        week = week_summary(self._db, self._monday, now)
        self.model.set_week(week)
        self._lay_out_rows()
        shown_day = min(self._monday + timedelta(days=6), now.date())  # hours in force then
        self.week_label.setText(week_sentence(week, pattern_mismatch(self._db, shown_day)))
        said_with(self.prev_button, self.week_label)  # the week's line, heard as Tab arrives
        self.this_button.setEnabled(self._monday != monday_of(now.date()))
        self.next_button.setEnabled(self._monday < monday_of(now.date()))
        self.quick.reload_choices()
        self.timer.reload_choices()
        self.timer.refresh()
        if self._charts is not None:
            self._charts.refresh()
        self._update_buttons()

    def _lay_out_rows(self) -> None:
        lay_out_rows(self.table, self.model, self.proxy, self.fill_gap)

    def show_week(self, any_day: date) -> None:
        self._monday = monday_of(any_day)
        self.refresh()
        self.scroll_to_latest_day()
        announce(self, self.week_label.text())  # the week now shown, as its buttons move it

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._new_day_unseen:
            self._new_day_unseen = False
            self.refresh()
        if not self._scrolled_once:  # rows have their sizes only once shown
            self._scrolled_once = True
            self.scroll_to_latest_day()
        if self._charts is None:
            QTimer.singleShot(CHARTS_AHEAD_MS, self, self._build_charts_ahead)

    def _build_charts_ahead(self) -> None:
        """Build the Charts tab while the week is being read, so opening it shows them at once.

        This runs a while after it was asked for: by then the view may be hidden (another view,
        the idle lock) or the data file closed for a restore, so it checks both and otherwise
        leaves the charts to be built when their tab is first opened.
        """
        if self._charts is not None or not self.isVisible():
            return
        try:
            self.charts  # noqa: B018 - builds and fills them
        except sqlite3.ProgrammingError:  # closed: a restore is under way; build them later
            if self._charts is not None:
                self._charts.setParent(None)
                self._charts.deleteLater()
                self._charts = None

    def scroll_to_latest_day(self) -> None:
        """Open on the most recent day shown, where time is most likely to be logged next."""
        today = self._clock().date()
        days = [i for i, r in enumerate(self.model.rows()) if r.kind == "day" and r.day <= today]
        if days:
            self.table.scrollTo(
                self.proxy.index(days[-1], COL_TIME), QAbstractItemView.ScrollHint.PositionAtTop
            )

    def monday(self) -> date:
        return self._monday

    def _update_buttons(self) -> None:
        has_entry = self.selected_entry() is not None
        self.edit_button.setEnabled(has_entry)
        self.delete_button.setEnabled(has_entry)

    def _data_replaced(self) -> None:
        self.undo_stack.clear()  # the rows the stack knows about are gone
        self.refresh()

    # --- actions -------------------------------------------------------------------------------
    def selected_entry(self) -> TimeEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = rows[0].data(ROW_ROLE)
        return item if isinstance(item, TimeEntry) else None

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, TimeEntry):
            self.edit_selected()
        elif isinstance(item, Gap):
            self.fill_gap(item)

    def _show_problems(self, problems: list[str]) -> None:
        self._say("")
        self.problems.show_problems(problems)

    def _say(self, text: str) -> None:
        self._show(text)
        say_result(self, text)

    def _show(self, text: str) -> None:
        """On the line under the quick line, unsaid (an undo is said by ui.widgets.step_said)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _apply_done(
        self, change: TimeChange | None, text: str, stopped: RunningTimer | None = None
    ) -> None:
        if change is None:
            return
        self.problems.show_problems([])
        record(self.undo_stack, self._db, self._hub, change, text, stopped=stopped,
               say=self._show, parent=self)
        self._say(change_message(change) if text != "Delete entry" else "")

    def _timer_changed(self, change: TimeChange | None) -> None:
        """A stop (or switch) goes on the undo stack with its timer, so undo restarts it."""
        stopped = self.timer.stopped
        text = "Log timer time"
        if stopped is not None:
            text = "Switch timer" if get_timer(self._db) is not None else "Stop timer"
        self._apply_done(change, text, stopped)

    def _quick_logged(self, change: TimeChange) -> None:
        entry = change.added[0]
        if monday_of(entry.date) != self._monday:
            self._monday = monday_of(entry.date)  # show where the time went
        self._apply_done(change, "Log time")

    def _save(self, entry: TimeEntry, text: str) -> str | None:
        """Save from the open dialog: None when saved, else why not (the dialog stays open
        with what was typed)."""
        action = self._store.update_entry if entry.id is not None else self._store.log_time
        try:
            change = apply_with_trim(self, lambda trim: action(entry, trim=trim))
        except ValidationError as error:
            return " ".join(error.problems)
        if change is None:
            return NOT_TRIMMED
        self._apply_done(change, text)
        return None

    def _saving(self, text: str):  # type: ignore[no-untyped-def]
        return lambda entry: self._save(entry, text)

    def add_entry(self) -> None:
        day = min(self._clock().date(), self._monday + timedelta(days=4))
        _get_entry(self, self._db, day=day, save=self._saving("Log time"))

    def fill_gap(self, gap: Gap) -> None:
        prompt = f"What were you doing {gap.start:%H:%M}–{gap.end:%H:%M} on {gap.date:%A %d %B}?"
        _get_entry(self, self._db, day=gap.date, start=gap.start, end=gap.end, prompt=prompt,
                   save=self._saving("Fill gap"))

    def edit_selected(self) -> None:
        current = self.selected_entry()
        if current is None:
            return
        save = self._saving("Edit entry")

        # Return on an unchanged form closed it in silence; now it says so.
        _get_entry(self, self._db, current, save=lambda entry: save(entry) if entry != current
                   else self._say(UNCHANGED))

    def delete_selected(self) -> None:
        current = self.selected_entry()
        if current is None or current.id is None:
            return
        change = self._store.delete_entry(current.id)
        # Said first, then the keyboard lands on the next row, which a screen reader reads as it
        # lands: in that order, each once ("Now on …" before "Deleted …" was heard).
        words = deleted_message(current)
        say_result(self, words)
        # From the Delete button too, the keyboard stays in the table, on the next entry: the
        # button is disabled once its row has gone, and focus fell to whatever came next.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        with placed_by_caller(self.table):
            self._apply_done(change, "Delete entry")
        self._show(words)

    def check_stale_timer(self) -> None:
        """Run once when the window opens: a timer left running is never logged without asking."""
        if self._asked_about_stale or stale_timer(self._db, self._clock()) is None:
            return
        self._asked_about_stale = True
        try:
            change = self.timer.resolve_stale()
        except ValidationError as error:
            self._show_problems(list(error.problems))
            return
        self.timer.refresh()
        self._apply_done(change, "Stop timer", self.timer.stopped)

    def focus_quick_entry(self) -> None:
        self.quick.setFocus()
        self.quick.selectAll()
