"""Date inputs shared by every form: dd/MM/yyyy with a calendar, an explicit "no date" choice,
and a date-time field; all read a whole date typed over them the same way (WholeDateTyping)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QToolTip, QWidget

from core.common import clock
from ui.widgets.announce import announce
from ui.widgets.qt_guard import qt_override

DISPLAY_FORMAT = "dd/MM/yyyy"
DATE_TIME_FORMAT = "ddd dd/MM/yyyy HH:mm"
_TYPED_CHARS = "0123456789/-.: "
# Day first (UK) with one separator used twice, or ISO; a 2-digit year is 20yy. An optional
# time follows a space (date-time fields).
_UK = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TYPING_PAUSE_MS = 700  # a pause after the last digit typed, not between digits


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def format_date(day: date | None, empty: str = "") -> str:
    """The UK format used across tables and labels. Not strftime: in the window it imports the
    time module through PySide6's import hook on every call (600 cases are 1,800 dates)."""
    return empty if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_words(day: date, at: time | None = None) -> str:
    """A date as it is said: "Sunday 6 December 2026" (with ", 17:00" for a date and time)."""
    words = f"{day:%A} {day.day} {day:%B} {day.year}"
    return f"{words}, {at:%H:%M}" if at is not None else words


def read_typed(text: str) -> tuple[date, time | None] | str | None:
    """Read what was typed over a date field: `01/09/2026`, `1.9.26`, `01-09-2026`,
    `2026-09-01`, optionally followed by ` HH:MM`. A 2-digit year is 20yy.

    Returns (date, time or None) for a real date; a one-line reason (str) for a date that has
    the shape of one but does not exist (29/02/2027, 31/04/2026, 10:75); None when the text is
    not (yet) a whole date.
    """
    day_text, _, time_text = text.strip().partition(" ")
    uk, iso = _UK.match(day_text), _ISO.match(day_text)
    if not (uk or iso):
        return None
    if uk:
        day, _, month, year = uk.groups()
        year = ("20" + year) if len(year) == 2 else year
    else:
        year, month, day = iso.groups()
    at = None
    if time_text:
        clock = _TIME.match(time_text.strip())
        if not clock:
            return None
        try:
            at = time(int(clock[1]), int(clock[2]))
        except ValueError:
            return f"There is no time {time_text.strip()}; use 24-hour HH:MM."
    try:
        return date(int(year), int(month), int(day)), at
    except ValueError:
        return f"There is no date {day_text}; check the day and the month (day comes first)."


_BY_KEYS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason)


class WholeDateTyping:
    """Mixed into a QDateTimeEdit (date or date-time): a whole date typed replaces the value.

    Qt edits one part at a time, so a click on the month turned 01/09/2026 typed over 29/11/2026
    into 29/09/2026, and `01-09-2026` or `01/09/26` did not read at all. Here the characters
    typed since the field took focus are read as a whole (read_typed): a real date in range
    replaces the value as soon as it reads; an impossible one (29/02/2027) or one outside the
    field's range is refused when Enter is pressed or focus leaves: the value from before the
    typing is put back, focus stays, and `problem` (also shown as a tooltip) says why.
    """

    def _setup_typing(self) -> None:
        self._typed = ""  # characters typed since the field got focus
        self._before: datetime | None = None
        self._select_on_click = False
        self.problem = ""
        self.lineEdit().installEventFilter(self)
        self._typing_said = QTimer(self)
        self._typing_said.setSingleShot(True)
        self._typing_said.setInterval(TYPING_PAUSE_MS)
        self._typing_said.timeout.connect(self._say_value)

    def _current(self) -> datetime:
        return self.dateTime().toPython()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        reason = event.reason()
        if reason in _BY_KEYS:
            # Arrived as from a pop-up, so Qt selects nothing while the focus is still on its
            # way to a screen reader; all is selected just after (ui.widgets.tab_into_text).
            event = QFocusEvent(event.type(), Qt.FocusReason.PopupFocusReason)
        super().focusInEvent(event)
        self._typed = ""
        # A click places the cursor after focusing: select all once the click is through.
        self._select_on_click = reason == Qt.FocusReason.MouseFocusReason
        if reason in _BY_KEYS:
            QTimer.singleShot(0, self, self._select_if_focused)
        elif not self._select_on_click:
            self.selectAll()

    def _select_if_focused(self) -> None:
        if self.hasFocus():
            self.selectAll()

    @qt_override
    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        refused = not self._finish_typing()
        super().focusOutEvent(event)
        if refused:  # keep the practitioner here until the date is one that exists
            QTimer.singleShot(0, self, self._refocus)

    def _refocus(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The click lands on the inner line edit; by its release the cursor is placed.
        if event.type() == QEvent.Type.MouseButtonRelease and self._select_on_click:
            self._select_on_click = False
            QTimer.singleShot(0, self, self.selectAll)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        was = self._current()
        try:
            self._typing_key(event)
        finally:
            if self._typed.strip():
                # Typing, Qt changes the date a part at a time and 06/12/20 reads as 2020: the
                # date is said once the typing pauses (or at Return, or on leaving).
                if self._current() != was or self._typing_said.isActive():
                    self._typing_said.start()
            elif self._current() != was and self.hasFocus():
                self._say_value()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        was = self._current()
        super().wheelEvent(event)
        if self._current() != was and self.hasFocus():
            self._say_value()

    def _say_value(self) -> None:
        """The whole new date in words, once for each change the keys made. Orca 43 read a
        date field's Up as "/12/2026 unselected" (the part Qt redrew) and the next Up as
        nothing: Qt gives it no value that changes, so a leave day was saved unheard."""
        self._typing_said.stop()
        value = self._current()
        at = value.time() if self.displayFormat() != DISPLAY_FORMAT else None
        announce(self, date_words(value.date(), at))

    def _typing_key(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and not self._finish_typing():
            event.accept()  # refused: Enter must not also press the dialog's default button
            return
        text = event.text()
        if event.key() == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
        elif text and text in _TYPED_CHARS and event.key() not in _ENTER:
            if not self._typed:
                self._before = self._current()
            self._typed += text
        else:
            self._typed = ""
        super().keyPressEvent(event)
        found = self._read()
        if isinstance(found, datetime):  # a whole date typed: take it as it reads
            self._set_datetime(found)

    def _read(self) -> datetime | str | None:
        """The typed date as the value it would give, a reason it cannot, or None."""
        if not self._typed.strip():
            return None
        found = read_typed(self._typed)
        if found is None or isinstance(found, str):
            return found
        day, at = found
        if at is None:
            at = (self._before or self._current()).time().replace(second=0, microsecond=0)
        value = datetime.combine(day, at)
        low = self.minimumDateTime().toPython()
        high = self.maximumDateTime().toPython()
        if not low <= value <= high:
            return (f"{self._typed.strip()} is outside what this field takes "
                    f"({self._show(low)} to {self._show(high)}).")
        return value

    def _finish_typing(self) -> bool:
        """At Enter or on leaving: False (and the old value back) if the typed date is refused."""
        found, before = self._read(), self._before
        self._typed = ""
        if not isinstance(found, str):
            self.problem = ""
            if self._typing_said.isActive():
                self._say_value()
            return True
        self._typing_said.stop()
        if before is not None:
            self._set_datetime(before)
        self.problem = f"{found} The date stays {self._show(before or self._current())}."
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.problem, self)
        self.refused.emit(self.problem)
        return False

    def _show(self, value: datetime) -> str:
        return value.strftime("%d/%m/%Y" if self.displayFormat() == DISPLAY_FORMAT
                              else "%d/%m/%Y %H:%M")

    def _set_datetime(self, value: datetime) -> None:
        self.setDateTime(QDateTime(QDate(value.year, value.month, value.day),
                                   QTime(value.hour, value.minute)))


class DateField(WholeDateTyping, QDateEdit):
    """A required date: typed as 28/11/2026 (or 28.11.26, 2026-11-28) or picked from the
    calendar (Alt+Down opens it). Typing is read by WholeDateTyping.

    Signals:
        valueChanged: the date changed (only when it did: not on Return).
        refused(str): a typed date was refused; the text says why.
    """

    valueChanged = Signal()
    refused = Signal(str)

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._setup_typing()
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 31))
        self.set_value(value or clock.today())
        self._on_return: QDate | None = None
        self.dateChanged.connect(self._date_changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._on_return = self.date() if event.key() in _ENTER else None
        try:
            super().keyPressEvent(event)
        finally:
            self._on_return = None

    def _date_changed(self, day: QDate) -> None:
        # Qt sends dateChanged again, unchanged, when Return is pressed in the field. Heard as a
        # change, it read Import calendar's file again, which disabled Import just as that
        # Return reached the dialog: Return in "From" did nothing, where in every other field
        # (and in Export's dates) it presses the default button.
        if day != self._on_return:
            self.valueChanged.emit()

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))


class DateTimeField(WholeDateTyping, QDateTimeEdit):
    """A date and time to the minute ("Mon 30/11/2026 17:00"): a whole date typed replaces the
    date and keeps the time; a date and time (`30/11/2026 16:45`) replaces both.

    Signals:
        refused(str): a typed date was refused; the text says why.
    """

    refused = Signal(str)

    def __init__(self, value: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self._setup_typing()
        self.setDisplayFormat(DATE_TIME_FORMAT)
        self.set_value(value)

    def value(self) -> datetime:
        return self.dateTime().toPython().replace(second=0, microsecond=0)

    def set_value(self, value: datetime) -> None:
        self._set_datetime(value)


class OptionalDateField(QWidget):
    """A date that may be left out: a checkbox says whether there is one, so "none" is explicit.

    Space on the checkbox turns the date on or off; Tab moves on to the date itself.

    Signals:
        valueChanged: the date, or whether there is one, changed.
    """

    valueChanged = Signal()

    def __init__(
        self,
        check_text: str,
        value: date | None = None,
        default: date | None = None,
        parent: QWidget | None = None,
        name: str | None = None,
    ):
        super().__init__(parent)
        self._build_ui(check_text, name)
        # Shown when the date is first switched on, so the calendar opens somewhere sensible.
        self.edit.set_value(value or default or clock.today())
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self._connect_signals()

    def _build_ui(self, check_text: str, name: str | None) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text)
        self.edit = DateField()
        # The tick says whether there is a date; the field is that date. One name for both left a
        # screen reader with two controls called "Review due".
        # `name` tells one such field from the others in a dialog that has several in a column
        # (a due date in each action's row), for the tick and the date alike.
        words = name or check_text.replace("&", "").rstrip(": ")
        if name:
            self.check.setAccessibleName(name)
        self.edit.setAccessibleName(f"{words}: date")
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def _connect_signals(self) -> None:
        self.check.toggled.connect(self._toggled)
        self.edit.valueChanged.connect(self.valueChanged)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.valueChanged.emit()

    def value(self) -> date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.set_value(value)
        self.check.setChecked(value is not None)
