"""The one-line time entry box, with whole-line completion of activities and case references.

A one-line field that a screen reader reads whole (ui.widgets.line_field): as a line edit,
Orca read "20m trav" as "20m tra.". The completion list is the one a line edit would show:
offered as the line is typed, each highlighted line shown in the box, a chosen one put there."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QWidget
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.time.completion import suggest
from core.time.quick_entry import EXAMPLE, UnknownActivity, log_quick_entry, quick_entry_note
from core.time.time_entries import TimeChange
from ui.time.time_operations import apply_with_trim
from ui.widgets.confirm import confirm_no_names
from ui.widgets.line_field import LineField

PLACEHOLDER = (
    "What did you do?  e.g. 2pm-3pm home visit @C07   ·   -20 recording (the last 20 minutes)"
    "   ·   45m travel"
)


class QuickEntryLine(LineField):
    """Type a line and press Enter.

    Signals:
        logged(object): a TimeChange that has been saved (the line is then cleared).
        refused(list): the problems with the line, as sentences; nothing was saved.
    """

    logged = Signal(object)
    refused = Signal(list)

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = clock_now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent=parent)
        self._db = db
        self._clock = clock
        self.setPlaceholderText(PLACEHOLDER)
        self.setAccessibleName("Quick time entry")
        self.setAccessibleDescription(f"Type what you did, {EXAMPLE}, then press Enter.")
        self.setClearButtonEnabled(True)
        self._suggestions = QStringListModel(self)
        self._completer = QCompleter(self._suggestions, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setWidget(self)
        self._completer.highlighted[str].connect(self._put)
        self._completer.activated[str].connect(self._put)
        self._activities = list_activities(db)
        self._refs: set[str] = set()
        self.reload_choices()
        self.textEdited.connect(self._update_suggestions)
        self.returnPressed.connect(self.submit)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Return submits the line once: the key stops here, so a dialog around the line does not
        also press its default button (which submitted a refused line twice)."""
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()

    def reload_choices(self) -> None:
        """Activities and case references may have changed elsewhere."""
        self._activities = list_activities(self._db)
        self._refs = {c.reference for c in CaseStore(self._db).list_cases("active")}

    def _update_suggestions(self, text: str) -> None:
        self._suggestions.setStringList(suggest(text, self._activities, self._refs))
        self._completer.setCompletionPrefix(text)
        if text and self._completer.completionCount():
            self._completer.complete()  # under the line, as wide as it
        else:
            self._completer.popup().hide()

    def _put(self, text: str) -> None:
        """A line highlighted or chosen in the list, put in the box."""
        if text and text != self.text():
            self.setText(text)

    def submit(self) -> TimeChange | None:
        if self._completer.popup().isVisible():
            self._completer.popup().hide()
        line = self.text().strip()
        now = self._clock()
        if not confirm_no_names(self, [quick_entry_note(self._db, line, now=now)]):
            return None  # Edit: the line stays as typed
        try:
            change = apply_with_trim(
                self, lambda trim: log_quick_entry(self._db, line, now=now, trim=trim)
            )
        except UnknownActivity as error:
            self.refused.emit(list(error.problems))
            from ui.time.new_activity_offer import offer_new_activity

            if not offer_new_activity(self, self._db, error):
                return None  # the line stays as typed, to be edited
            self.reload_choices()
            return self.submit()
        except ValidationError as error:
            self.refused.emit(list(error.problems))
            return None
        if change is None:
            self.refused.emit(["Nothing was saved; the time you already logged is unchanged."])
            return None
        # Emptied with its history: clear() would keep the typed line as an edit of its own,
        # and Ctrl+Z here would bring the words back instead of taking back what they logged.
        self.setText("")
        self.logged.emit(change)
        return change
