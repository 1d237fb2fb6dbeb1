"""A quiet one-line offer in the Caseload view to delete cases closed longer than the retention
period, so a practitioner who never opens Settings is still offered it.

It asks nothing by itself: "Review and delete…" opens the same confirmation as Settings, Data &
privacy, and "Not now" puts the offer off for a week (stored in the database, core.caseload.retention).
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QWidget
from sqlite_utils import Database

from core.common import clock
from core.caseload.retention import OFFER_SNOOZE_DAYS, count_to_offer, get_retention_days, snooze_offer
from core.workload.wording import NOT_NOW
from ui.widgets.step_said import say_result
from ui.widgets import reading_accessible
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import note_label
from ui.shell.hub import Hub
from core.common.words import plural, plural_noun
from ui.widgets.qt_guard import qt_override


def today() -> date:
    """The notice's clock; tests give the notice their own."""
    return clock.today()


AGAIN = (f"This offer comes back in {OFFER_SNOOZE_DAYS} days; Settings, Data & privacy can "
         "delete them at any time.")


def offer_text(count: int, days: int) -> str:
    many = count != 1
    return (f"{plural(count, 'case')} closed more than {plural(days, 'day')} ago "
            f"{'are' if many else 'is'} still stored on this computer.")


class RetentionNotice(QFrame):
    """Shown only while cases are past the retention period and "Not now" is not holding.

    Signals:
        casesDeleted(str): cases were deleted from here; the sentence says which.
        answered(str): the offer was put off (Keep them, Not now); the sentence says so, and
            until when. Said as it is sent: the notice hides, and with it what had the focus.
    """

    casesDeleted = Signal(str)
    answered = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        clock: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._clock = clock
        self._checked_on: date | None = None
        self._build_ui()
        self._connect_signals()
        if parent is not None:
            # Settings changes the retention period without a hub signal, and the day can turn
            # while the app is open: look again whenever the Caseload view comes into sight.
            parent.installEventFilter(self)
        self.refresh()

    def _build_ui(self) -> None:
        self.setObjectName("retentionNotice")
        # A thin neutral edge, as quiet as the app's notes: this is housekeeping, not a warning.
        self.setStyleSheet("QFrame#retentionNotice { border: 0px; "
                           "border-left: 3px solid palette(mid); }")
        reading_accessible.section(self, "Closed cases still stored")
        self.text = note_label("")
        self.review_button = QPushButton("Review and dele&te…")
        self.review_button.setAccessibleName("Review and delete closed cases")
        self.review_button.setToolTip("See which cases, then confirm before anything is deleted")
        self.not_now_button = QPushButton(NOT_NOW.replace("now", "no&w"))
        self.not_now_button.setAccessibleName(f"Not now: hide this for {OFFER_SNOOZE_DAYS} days")
        self.not_now_button.setToolTip(f"Offer again in {OFFER_SNOOZE_DAYS} days. Settings, "
                                       "Data & privacy can delete them at any time.")
        # The choices sit by the sentence they answer, or below it when the window is narrow.
        layout = FlowRow(self, spacing=8, line_spacing=4)
        layout.setContentsMargins(10, 2, 0, 2)
        layout.addWidget(self.text)
        layout.addWidget(self.review_button)
        layout.addWidget(self.not_now_button)

    def _connect_signals(self) -> None:
        self.review_button.clicked.connect(self.review_and_delete)
        self.not_now_button.clicked.connect(self.not_now)
        for signal in (self._hub.casesChanged, self._hub.dataReplaced, self._hub.settingsChanged):
            signal.connect(self.refresh)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Changes arrive through the hub; only a new day needs a fresh look on showing.
        if event.type() == QEvent.Type.Show and self._checked_on != self._today():
            self.refresh()
        return False

    def _today(self) -> date:
        return self._clock() if self._clock is not None else today()

    def refresh(self) -> None:
        """Show the offer when cases are due and it has not been put off, else hide."""
        self._checked_on = self._today()
        due = count_to_offer(self._db, self._checked_on)
        if due:
            text = offer_text(due, get_retention_days(self._db))
            self.text.setText(text)
            reading_accessible.notice(self, self.review_button, text)
            self.not_now_button.show()
        else:  # hidden, with no words left about cases no longer there (Delete all my data)
            self.text.setText("")
            reading_accessible.notice(self, self.review_button, "")
        self.setVisible(bool(due))

    def review_and_delete(self) -> None:
        # Imported when used: Data & privacy's actions pull in encryption and backups.
        from ui.settings.data_actions import delete_closed_after_confirming, references_text

        due = count_to_offer(self._db, self._today())
        deleted = delete_closed_after_confirming(self.window(), self._db, self._hub,
                                                 self._today(), kept_then=" " + AGAIN)
        if due and not deleted:  # "Keep them" answers the offer as "Not now" does: for a week
            from ui.settings.data_actions import kept_text

            # Said already, where it was answered. The notice stays until it is next read,
            # saying what was answered, so the keyboard comes back to Review and delete…
            # where it was: hidden at once, it took the keyboard with it to "Show active
            # cases", and the user had to find their place again.
            snooze_offer(self._db, self._today())
            answer = kept_text(due, " " + AGAIN)
            self.text.setText(answer)
            # Not the button's description as well: the keyboard lands on it as the answer is
            # said, and Orca read the sentence twice.
            reading_accessible.notice(self, self.review_button, "")
            self.setAccessibleDescription(answer)
            self.not_now_button.hide()  # answered: there is nothing to put off now
            return
        if deleted:  # the hub has already told every view, this one included
            text = f"Deleted {len(deleted)} closed {plural_noun(len(deleted), 'case')}"
            # A few are named; a long list was just read in the confirmation, so it is counted.
            # Already said by delete_closed_after_confirming: this is the line shown.
            short = len(deleted) <= 3
            self.casesDeleted.emit(f"{text}: {references_text(deleted)}." if short else f"{text}.")
            self.refresh()

    def not_now(self) -> None:
        """Put the offer off, and say so: the notice went without a word."""
        said = f"Not now: nothing deleted. {AGAIN}"
        self._put_off(said)
        say_result(self.window(), said)

    def _put_off(self, said: str) -> None:
        snooze_offer(self._db, self._today())
        self.hide()
        self.answered.emit(said)
