"""A quiet line in the Caseload view asking, once for each case, what to do with a case left open
past its expected end date: close it, or move its end date.

From the day after that date the case scores as an overdue termination, as in today's WMT
(nothing, by default), and the Caseload marks it. The question is asked once per case and end
date (core.caseload.overdue): "Close it…" and "Move end date…" open the usual dialogs, and "Not
now" puts it aside for good; none of them asks again unless a new end date passes too, or Ctrl+Z
takes back the close or the new end date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QWidget
from sqlite_utils import Database

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.caseload.overdue import cases_to_ask, mark_asked
from core.common import clock
from core.workload.wording import NOT_NOW, day_words
from ui.shell.hub import Hub
from ui.widgets.announce import announce
from ui.widgets import reading_accessible
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import note_label


def question_text(case: Case, others: int, today: date) -> str:
    end = day_words(case.expected_end_date, today)
    first = case.expected_end_date + timedelta(days=1)
    # The week's figure is taken on its Friday: a case that ran over at the weekend shows in
    # it from the next Friday, so "now" would not be true of the figure on screen.
    if first.weekday() >= 5:
        friday = first + timedelta(days=4 - first.weekday() + 7)
        when = (f"from {day_words(first, today)} (in the weekly figure from Friday "
                f"{day_words(friday, today)})")
    else:
        when = f"from {day_words(first, today)}"
    text = (f"{case.reference} is still open after its expected end date, {end}, so {when} "
            "it scores as an overdue termination, as in the official tool. Close it, or move "
            "its end date?")
    if others:
        text += f" ({others} more after this one.)"
    return text


class OverdueNotice(QFrame):
    """Shown while an overdue case has not been asked about.

    Signals:
        closeRequested(int): open the close dialog for this case id.
        editRequested(int): open the case (to move its expected end date).
    """

    closeRequested = Signal(int)
    editRequested = Signal(int)

    def __init__(self, db: Database, hub: Hub, today: Callable[[], date] = clock.today,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._today = today
        self.case: Case | None = None
        self._due: list[Case] = []
        self.setObjectName("overdueNotice")
        self.setStyleSheet("QFrame#overdueNotice { border: 0px; "
                           "border-left: 3px solid palette(mid); }")
        reading_accessible.section(self, "A case past its expected end date")
        self.text = note_label("")
        self.close_button = QPushButton("Close it…")
        self.move_button = QPushButton("&Move end date…")
        self.not_now_button = QPushButton(NOT_NOW)
        self.not_now_button.setToolTip("Not asked again about this case and end date")
        # The sentence, then its three answers: beside it on a wide window, below it on a
        # narrow one (a button cut to a sliver at 200% on a 1280x800 screen).
        layout = FlowRow(self, spacing=8, line_spacing=4)
        layout.setContentsMargins(10, 2, 0, 2)
        layout.addWidget(self.text)
        layout.addStretch()
        for button in (self.close_button, self.move_button, self.not_now_button):
            layout.addWidget(button)
        self.close_button.clicked.connect(lambda: self._answer(self.closeRequested))
        self.move_button.clicked.connect(lambda: self._answer(self.editRequested))
        self.not_now_button.clicked.connect(self.not_now)
        for signal in (hub.casesChanged, hub.dataReplaced):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        day = self._today()
        self._due = cases_to_ask(self._db, CaseStore(self._db).list_cases("all"), day)
        self.case = self._due[0] if self._due else None
        if self.case is not None:
            text = question_text(self.case, len(self._due) - 1, day)
            self.text.setText(text)
            reading_accessible.notice(self, self.close_button, text)
        self.setVisible(self.case is not None)

    def _answer(self, signal) -> None:
        """Answered by what the dialog does: a case closed, or given a new end date, is not
        asked about while it stays so, and Ctrl+Z (the case open again, past the same end date)
        brings the question back with it; it had been remembered as answered before the dialog
        opened, and the notice never came back. A dialog left without a change counts as an
        answer, so the question is never asked twice."""
        case = self.case
        if case is None or case.id is None:
            return
        signal.emit(case.id)  # the dialog, modal: it has closed when this returns
        store = CaseStore(self._db)
        now = next((c for c in store.list_cases("all") if c.id == case.id), None)
        if now is not None and now.closed_date is None \
                and now.expected_end_date == case.expected_end_date:
            mark_asked(self._db, [case])
        self.refresh()

    def not_now(self) -> None:
        """The case shown is put aside for this end date; the next one, if any, is asked about."""
        put_off = self.case
        if put_off is not None:
            mark_asked(self._db, [put_off])
        self.refresh()
        if put_off is not None:  # the notice changed or went without a word
            said = f"Not now: {put_off.reference} is not asked about again for this end date."
            announce(self.window(), said + (f" Next: {self.text.text()}" if self.case else ""))
