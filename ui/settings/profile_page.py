"""Settings page "Profile": grade, contracted hours and an optional protected caseload ceiling,
each change applying from a date (past weeks keep the profile they had)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.common.errors import ValidationError
from core.caseload.models import DEFAULT_HOURS, GRADE_LABELS, GRADES, Profile
from core.common.exact import plain, to_decimal
from core.common.hours import hours_text
from core.time.working_week import (
    PATTERN_ROWS,
    get_pattern,
    pattern_mismatch,
    save_pattern,
    spread_over_worked_days,
)
from core.workload.profile import (
    PROFILE_ROWS,
    get_profile,
    has_profile,
    load_profile_timeline,
    profile_problems,
    save_profile,
)
from ui.widgets.date_fields import DateField, format_date
from ui.widgets.line_field import LineField
from ui.widgets.save_undo import NOTHING_TO_SAVE, save_undoably
from ui.widgets.step_said import say_result
from ui.widgets.form_helpers import (ProblemsLabel, buddy, form_layout, note_label, select_data,
                                     unit_label)
from ui.shell.hub import Hub
from ui.widgets.arrival_words import said_with
from ui.widgets.return_saves import return_presses

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

HOURS_NOTE = (
    "Leave contracted hours blank for full time ({hours:g} hours a week). Part-time hours scale "
    "the caseload reference and the hours the estimate expects of you."
)
FROM_NOTE = (
    "A change applies from the date you choose (today unless you say otherwise). Weeks before "
    "it keep the grade, hours and ceiling they had, so your history is not rewritten."
)
CEILING_NOTE = (
    "A protected caseload ceiling is a number of cases agreed with your manager, for example while "
    "newly qualified or on a phased return. Leave it blank if you have none."
)


def _number(text: str) -> Decimal | None:
    """The hours exactly as typed (22.2 stays 22.2); raises ValueError for other text."""
    text = text.strip().replace(",", ".")
    return to_decimal(text) if text else None


class ProfilePage(QWidget):
    """Saves to the database and emits hub.profileChanged."""

    def __init__(self, db: Database, hub: Hub, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._spread_weekly = 0.0
        self._build_ui()
        self._connect_signals()
        self.load()

    def _build_ui(self) -> None:
        form = form_layout()
        self.grade = QComboBox()
        for key in GRADES:
            self.grade.addItem(GRADE_LABELS[key], key)
        form.addRow("&Grade", self.grade)
        self.hours = LineField()
        self.hours.setPlaceholderText(f"{DEFAULT_HOURS:g} (full time)")
        self.hours.setValidator(QDoubleValidator(0.0, 99.0, 2, self.hours))
        self.hours.setFixedWidth(120)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours)
        hours_row.addSpacing(6)
        hours_note = HOURS_NOTE.format(hours=DEFAULT_HOURS)
        hours_row.addWidget(unit_label(self.hours, "hours a week", hours_note))
        hours_row.addStretch(1)
        form.addRow(buddy("Contracted ho&urs", self.hours), hours_row)
        self.ceiling = LineField()
        self.ceiling.setPlaceholderText("none")
        self.ceiling.setValidator(QIntValidator(0, 999, self.ceiling))
        self.ceiling.setFixedWidth(120)
        ceiling_row = QHBoxLayout()
        ceiling_row.addWidget(self.ceiling)
        ceiling_row.addSpacing(6)
        ceiling_row.addWidget(unit_label(self.ceiling, "cases", CEILING_NOTE))
        ceiling_row.addStretch(1)
        form.addRow(buddy("Protected &ceiling", self.ceiling), ceiling_row)
        self.effective_from = DateField(clock.today())
        self.effective_from.setAccessibleName("Applies from")
        from_row = QHBoxLayout()
        from_row.addWidget(self.effective_from)
        from_row.addStretch(1)
        form.addRow(buddy("Applies f&rom", self.effective_from), from_row)
        self.problems = ProblemsLabel()
        self.save_button = QPushButton("&Save profile")
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        # Offered after a save whose hours the working week no longer adds up to.
        self.spread_button = QPushButton()
        self.spread_button.hide()
        spread_row = QHBoxLayout()
        spread_row.addWidget(self.spread_button)
        spread_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 16, 8, 8)
        layout.setSpacing(12)
        layout.addLayout(form)
        # Each note is heard with the field it explains (Tab passes notes by): the hours' and
        # the ceiling's after their units (unit_label).
        for text in (hours_note, CEILING_NOTE):
            layout.addWidget(note_label(text))
        from_note = note_label(FROM_NOTE)
        layout.addWidget(from_note)
        said_with(self.effective_from, from_note)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        layout.addLayout(spread_row)
        layout.addStretch(1)
        # Return in any field saves, as in the Working week's and Weightings' fields.
        return_presses(self, self.save_button,
                       [self.grade, self.hours, self.ceiling, self.effective_from])

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.spread_button.clicked.connect(self.spread_hours)
        self._hub.dataReplaced.connect(self.load)
        self._hub.profileChanged.connect(self.load)  # e.g. set during the welcome tour
        for signal in (self.grade.currentIndexChanged, self.hours.textEdited,
                       self.ceiling.textEdited):
            signal.connect(lambda *_: self._clear_saved())

    def load(self) -> None:
        profile = get_profile(self._db)
        select_data(self.grade, profile.grade)
        self.hours.setText("" if profile.contracted_hours is None else plain(profile.contracted_hours, 2))
        self.ceiling.setText("" if profile.protected_ceiling is None else str(profile.protected_ceiling))
        self.effective_from.set_value(clock.today())
        self.problems.show_problems([])
        self._clear_saved()

    def _clear_saved(self) -> None:
        self.saved_label.clear()
        self.spread_button.hide()

    def profile(self) -> Profile:
        """The profile the form describes; raises ValidationError for text that is not a number."""
        try:
            hours = _number(self.hours.text())
        except ValueError:
            raise ValidationError(
                "Contracted hours should be a number, such as 30 or 22.2.") from None
        ceiling_text = self.ceiling.text().strip()
        if ceiling_text and not ceiling_text.isdigit():
            raise ValidationError("The protected ceiling should be a whole number of cases.")
        ceiling = int(ceiling_text) if ceiling_text else None
        return Profile(self.grade.currentData(), hours, ceiling)

    def save(self) -> bool:
        try:
            profile = self.profile()
            problems = profile_problems(profile)
            if problems:
                raise ValidationError(problems)
            since = self.effective_from.value()
            if has_profile(self._db) and load_profile_timeline(self._db).as_of(since) == profile:
                # Return on an unchanged page made an undo step that took back nothing.
                self.saved_label.setText(say_result(self, NOTHING_TO_SAVE))
                return True
            # One undo step: Ctrl+Z puts back the dated profiles as they were.
            said = save_undoably(self, self._db, PROFILE_ROWS,
                          lambda: save_profile(self._db, profile, since),
                          f"Save the profile, in force from {format_date(since)}", "the profile",
                          self._hub.profileChanged.emit,  # reloads this page too
                          lambda: self._saved_words(since))
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            self._clear_saved()
            return False
        self.saved_label.setText(said)  # shown as said, with its undo
        return True

    def _saved_words(self, since: date) -> str:
        """Shown and said once the page has reloaded after a save."""
        text = f"Profile saved, in force from {format_date(since)}."
        mismatch = pattern_mismatch(self._db, max(since, clock.today()))
        if mismatch:  # hours changed, days not: the Time view would still count the old week
            text += (f" Your working week still adds up to {hours_text(mismatch[0])}: change its "
                     "days in the Working week tab.")
        if mismatch:
            self._offer_spread(mismatch[1])
        return text

    def _worked_days(self) -> list[str]:
        return [DAY_NAMES[d][:3] for d, hours in enumerate(get_pattern(self._db).hours) if hours > 0]

    def _offer_spread(self, weekly: float) -> None:
        days = self._worked_days()
        if not days:
            return
        self.spread_button.setText(
            f"S&pread {hours_text(weekly)} over {', '.join(days)}")
        self.spread_button.setAccessibleDescription(
            f"Sets each working day to {hours_text(weekly / len(days))}; the days stay as they are.")
        self._spread_weekly = weekly  # the hours just saved (the form reloads after a save)
        self.spread_button.show()

    def spread_hours(self) -> None:
        """Shares the hours now in force evenly over the days the working week has hours on."""
        weekly = self._spread_weekly

        def changed() -> None:
            self._hub.profileChanged.emit()  # the Working week tab and the views reload
            self._hub.timeLogged.emit()  # contracted hours in the Time view follow the week

        def words() -> str:
            pattern = get_pattern(self._db)
            days = [DAY_NAMES[d][:3] for d, hours in enumerate(pattern.hours) if hours > 0]
            each = next(hours for hours in pattern.hours if hours > 0)
            return (f"Working week set to {hours_text(each)} a day on {', '.join(days)}: "
                    f"{hours_text(pattern.weekly_hours)} a week.")

        try:  # one undo step, as a save of the Working week tab is
            said = save_undoably(self, self._db, PATTERN_ROWS, lambda: save_pattern(
                self._db, spread_over_worked_days(get_pattern(self._db), weekly)),
                f"Spread {hours_text(weekly)} over the working days", "the working week",
                changed, words)
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return
        self.saved_label.setText(said)
