"""File > Import calendar…: choose an .ics file and dates, check the proposed rows, import.

Nothing is saved until Import; the import is all or nothing and one undo step. Subjects are
shown to help choose an activity and are never saved (see core/time/calendar).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)
from sqlite_utils import Database

from core.time.calendar.attendance import (
    attendance_for,
    check_address,
    has_my_address,
    remember_my_address,
)
from core.time.calendar.importer import CalendarImport, import_rows
from core.time.calendar.checks import nothing_ready, plan
from core.time.calendar.preview import ProposedRow, propose
from core.time.calendar.reader import CalendarRead
from core.common.clock import now as clock_now
from core.common.errors import ValidationError
from core.time.time_summary import hours_text
from ui.time.calendar_delegates import ActivityDelegate, CaseDelegate, ReasonDelegate
from ui.time.calendar_read_job import CalendarReadJob
from ui.widgets.kept_jobs import start_kept
from ui.time.calendar_rows_model import (
    COL_ACTIVITY,
    COL_CASE,
    COL_NOTE,
    COL_TIME,
    COL_WHY,
    CalendarRowsModel,
)
from ui.widgets import return_guard
from ui.widgets.announce import announce, announce_error
from ui.widgets.column_widths import keep_columns_fitted
from ui.widgets.date_fields import DateField
from ui.widgets.form_helpers import ProblemsLabel, buddy, configure_table, dialog_layout, note_label
from ui.widgets.line_field import LineField
from ui.widgets.named_editor import NamedEditorDelegate

HELP = (
    "In Outlook choose File > Save Calendar (with the dates you want); Google Calendar and "
    "Thunderbird export .ics files too. Subjects are shown here only to help you choose: they "
    "are never saved, and an entry has a note only if you type one. Activities come from your "
    "keywords (Settings > Activities) or what you chose last time; to change one, double-click "
    "it or press F2 on it."
)


class CalendarImportDialog(QDialog):
    """Use `CalendarImportDialog.get_import(parent, db)`; returns what was imported, or None.

    The file is read on `pool` (off the UI thread) while the dialog says it is reading.

    Signals:
    fileRead: the file chosen (or its dates) has been read and its rows, or its problem, shown.
    """

    fileRead = Signal()

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = clock_now,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._pool = pool or QThreadPool.globalInstance()
        self._job: CalendarReadJob | None = None
        self._asked = 0  # the number of the latest read asked for; older results are ignored
        self._today = clock().date()
        self._path: Path | None = None
        self._read: CalendarRead | None = None
        self.result_import: CalendarImport | None = None
        self._reading = False
        self._build_ui()
        self._connect_signals()
        self._update()

    @staticmethod
    def get_import(
        parent: QWidget | None, db: Database, clock: Callable[[], datetime] = clock_now
    ) -> CalendarImport | None:
        dialog = CalendarImportDialog(db, clock, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_import

    def _build_ui(self) -> None:
        self.setWindowTitle("Import calendar")
        self.resize(980, 560)
        layout = dialog_layout(self)
        layout.addWidget(note_label(HELP))
        self.choose_button = QPushButton("&Choose file…")
        self.path_label = QLabel("No file chosen")
        self.first_field = DateField(self._today - timedelta(days=self._today.weekday() + 7))
        self.last_field = DateField(self._today)
        self.first_field.setAccessibleName("From")
        self.last_field.setAccessibleName("To")
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.path_label, 1)
        file_row.addWidget(buddy("&From", self.first_field))
        file_row.addWidget(self.first_field)
        file_row.addWidget(buddy("&To", self.last_field))
        file_row.addWidget(self.last_field)
        layout.addLayout(file_row)
        self.me_field = LineField()
        self.me_field.setPlaceholderText(
            "remembered (type to change)" if has_my_address(self._db) else "name@example.org"
        )
        self.me_field.setToolTip(
            "So that only your own answer marks a meeting declined, not an invitee's. Kept as "
            "a keyed code once you import, never as the address."
        )
        self.me_field.setAccessibleName("Your e-mail address in invitations")
        me_row = QHBoxLayout()
        me_row.addWidget(buddy("Your e-&mail address in invitations (optional)", self.me_field))
        me_row.addWidget(self.me_field, 1)
        layout.addLayout(me_row)
        self.file_problem = ProblemsLabel()
        layout.addWidget(self.file_problem)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What will be imported")
        layout.addWidget(self.summary)
        self.model = CalendarRowsModel(self._db, self)
        self.table = QTableView()
        configure_table(self.table, "calendarRows")
        self.table.setAccessibleName("Calendar events to import")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_ACTIVITY, ActivityDelegate(self._db, self.table))
        self.table.setItemDelegateForColumn(COL_CASE, CaseDelegate(self._db, self.table))
        self.table.setItemDelegateForColumn(COL_NOTE, NamedEditorDelegate(self.table))
        self.table.setEditTriggers(
            self.table.EditTrigger.DoubleClicked
            | self.table.EditTrigger.EditKeyPressed
            | self.table.EditTrigger.SelectedClicked
        )
        # Each column as wide as what it holds (a subject, an activity on one line, not two
        # squeezed into a row), none wider than a quarter of the table; the reason a row is
        # not proposed takes what is left, and wraps: a reason such as "Overlaps 09:15–09:45
        # Appointment / direct contact" is read whole, not cut.
        # A row's time is never cut ("09:30–10:…" at 150% on a 1280x800 screen): the columns
        # whose words wrap give way.
        keep_columns_fitted(self.table, COL_WHY, widest=0.25, whole=(COL_TIME,))
        self.table.setItemDelegateForColumn(COL_WHY, ReasonDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.tick_all_button = self.buttons.addButton(
            "Tick &all ready", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout.addWidget(self.buttons)
        self.choose_button.setFocus()

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.first_field.valueChanged.connect(self._reread)
        self.last_field.valueChanged.connect(self._reread)
        self.me_field.editingFinished.connect(self._propose)
        self.model.changed.connect(self._update)
        self.tick_all_button.clicked.connect(self.model.tick_all_ready)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a calendar file", start, "Calendar files (*.ics);;All files (*)"
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path, first: date | None = None, last: date | None = None) -> None:
        """Read the file for the dates shown (or those given) and show the proposed rows."""
        self._path = path
        self.path_label.setText(path.name)
        self.path_label.setToolTip(str(path))
        for field, value in ((self.first_field, first), (self.last_field, last)):
            if value is not None:
                field.blockSignals(True)
                field.set_value(value)
                field.blockSignals(False)
        self._reread()

    def _reread(self) -> None:
        """Read the file for the dates shown, off the UI thread; `_read_done` shows the rows."""
        if self._path is None:
            return
        self._read = None
        self._asked += 1
        self.file_problem.show_problems([])
        self.problems.show_problems([])
        self.model.set_rows([])
        first, last = self.first_field.value(), self.last_field.value()
        if first > last:
            self.file_problem.show_problems(["The From date is after the To date."])
            self._update()
            self.fileRead.emit()
            return
        self._job = CalendarReadJob(self._asked, self._path, first, last)
        self._job.signals.finished.connect(self._read_done)
        self._job.signals.failed.connect(self._read_failed)
        self._set_reading(True)
        start_kept(self._job, self._pool)  # held until it ends, whatever the dialog does

    def _set_reading(self, reading: bool) -> None:
        self._reading = reading
        self.choose_button.setEnabled(not reading)
        self._update()

    # Slots declared up front: connecting a plain method at run time adds it to the dialog's
    # meta-object, and Qt then gives the open dialog a new accessible object, so Orca read
    # the whole dialog a second time when the keyboard came back to it.
    @Slot(int, object)
    def _read_done(self, number: int, read: CalendarRead) -> None:
        if number != self._asked:
            return  # the dates or the file changed while it was being read
        self._read = read
        self._set_reading(False)
        self._propose()
        announce(self, self.read_words())  # seen in the table and the summary; now heard too
        self.fileRead.emit()

    @Slot(int, str)
    def _read_failed(self, number: int, problem: str) -> None:
        if number != self._asked:
            return
        self._set_reading(False)
        self.file_problem.show_problems([problem])
        announce_error(self, problem)
        self.fileRead.emit()

    def read_words(self) -> str:
        """What the file read holds, in the dialog's own words: "calendar.ics read: 3 rows,
        2 ticked to import (1 hour); not ticked: 1 needs an activity."."""
        name = self._path.name if self._path else "The file"
        rows = self.model.rows()
        ticked = [r for r in rows if r.ticked]
        if not rows or not ticked:
            return f"{name} read. {self.summary.text()}"
        why: dict[str, int] = {}
        for row in rows:
            if not row.ticked:
                reason = row.reason or "left unticked"
                why[reason] = why.get(reason, 0) + 1
        said = [f"{n} need{'s' if n == 1 else ''} an activity" if r == "Choose an activity"
                else f"{n} {r[:1].lower()}{r[1:]}" for r, n in why.items()]
        left = "; not ticked: " + ", ".join(said) if said else ""
        return (f"{name} read: {len(rows)} row{'s' if len(rows) != 1 else ''}, {len(ticked)} "
                f"ticked to import ({hours_text(plan(rows).minutes / 60)}){left}.")

    def _propose(self) -> None:
        """Propose the rows of the file read, for the practitioner's address as typed."""
        self.problems.show_problems([])
        if self._read is None:
            return
        try:
            told = self._told()
        except ValidationError as exc:  # said, and the remembered address (if any) is used
            self.problems.show_problems(exc.problems[:1])
            told = None
        now = self._clock()
        attendance = attendance_for(self._db, self._read, told)
        read = self._read
        rows = propose(self._db, read.events, read.first, read.last, now.date(), now, attendance)
        self.model.set_rows(rows)

    def _told(self) -> str | None:
        """The address typed for this import (checked), or None to use the remembered one."""
        text = self.me_field.text().strip()
        return check_address(text) if text else None

    def _update(self) -> None:
        rows = self.model.rows()
        ticked = [r for r in rows if r.ticked]
        # Import is what the dialog is for, and its default, until it would replace or take
        # out entries an earlier import saved: then Return never imports (Space, Alt+I or a
        # click do, and Undo takes the whole import back out).
        return_guard.set_destructive(self, self.import_button, any(r.replaces for r in ticked))
        self.import_button.setEnabled(bool(ticked))
        self.import_button.setText(
            f"&Import {len(ticked)} row{'s' if len(ticked) != 1 else ''}" if ticked else "&Import"
        )
        if self._path is None:
            self.summary.setText("Choose a calendar file to see its events.")
        elif self._reading:
            self.import_button.setEnabled(False)
            self.summary.setText(f"Reading {self._path.name}…")
        elif self._read is None:
            self.summary.setText("Nothing to show.")
        elif not rows:
            self.summary.setText("The calendar has no events in these dates.")
        elif not ticked:
            self.summary.setText(
                f"No row is ticked: {nothing_ready(rows)}. Tick any you want; nothing is saved "
                "until you choose Import."
            )
        else:
            planned = plan(rows)  # counted as the import counts what it did
            leave = planned.leave_days
            days = f" and {leave} leave day{'s' if leave != 1 else ''}" if leave else ""
            out = planned.taken_out
            days += f"; takes out {out} moved away or cancelled since the last import" if out else ""
            self.summary.setText(
                f"{len(ticked)} of {len(rows)} rows ticked: "
                f"{hours_text(planned.minutes / 60)}{days}. "
                "Rows not proposed say why; tick any you want. Nothing is saved until you choose "
                "Import, and Undo takes the whole import back out."
            )

    def why_return_does_nothing(self) -> str:
        """Return with Import greyed out (ui.widgets.return_guard): what the summary says."""
        if self.import_button.isEnabled():
            return ""
        shown = self.summary.text().strip()
        if self._path is None:
            return "Nothing to import yet: choose a calendar file first (Alt+C)."
        return f"Nothing imported: {shown[:1].lower()}{shown[1:]}" if shown else ""

    def done(self, result: int) -> None:
        """Closing while a file is still being read: its result is no longer wanted."""
        self._asked += 1
        super().done(result)

    def rows(self) -> list[ProposedRow]:
        return self.model.rows()

    def accept(self) -> None:
        try:
            told = self._told()
            if self._read is None:
                raise ValidationError("Choose a calendar file first.")
            self.result_import = import_rows(self._db, self.model.rows(), self._today)
            if told:
                remember_my_address(self._db, told)
        except ValidationError as exc:
            self.problems.show_problems(exc.problems[:1])
            return
        super().accept()
