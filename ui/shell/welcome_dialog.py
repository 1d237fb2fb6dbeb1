"""The first-run welcome: what the app is for and never does, grade and hours, and how to start."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.store.database import is_empty
from core.common.errors import ValidationError
from core.caseload.models import DEFAULT_HOURS, GRADE_LABELS, GRADES, Profile
from core.time.working_week import WorkingPattern, save_pattern
from core.workload.profile import MAX_HOURS, get_profile, save_profile
from core.store.settings import get_setting, set_setting
from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow
from ui.shell.working_days import WorkingDays
from ui.widgets import reading_accessible
from ui.widgets.announce import announce, announce_error
from ui.widgets.radio_tab import tab_to_checked

WELCOME_DONE_KEY = "welcome_done"
DEMO_ADDED = ("Demo data added: invented cases, twelve weeks of time and months of history, to "
              "look around. When you are done, Settings > Data & privacy > Delete all my data "
              "clears it for your own.")
START_EMPTY, START_IMPORT, START_DEMO, START_WMT = "empty", "import", "demo", "wmt"

_PURPOSE = (
    "A private place to keep track of your caseload and your time, to see how heavy your "
    "workload is in plain words, and to prepare a one-page summary for supervision."
)
_NEVER = (
    "It never connects to the internet: no updates, no tracking, no cloud.",
    "It is not a monitoring tool: there is no manager view and no remote access.",
    "Nothing is shared unless you export it yourself.",
    "Cases need only a short reference such as C07, never a name or other identifying detail.",
)
_HOURS_HINT = (
    "Your hours scale the caseload reference and the time your estimate allows. "
    "You can change both later in Settings."
)


@dataclass(frozen=True)
class WelcomeResult:
    """What the practitioner chose: their saved profile and how they want to start."""

    profile: Profile
    start: str  # START_EMPTY, START_WMT, START_IMPORT or START_DEMO


def _wrapped(text: str, describes: QWidget | None = None) -> QLabel:
    """Words that wrap; if they are `describes`'s description, related to it as that before Qt
    first asks about them, so they are heard with it and not again with the dialog."""
    label = QLabel()
    if describes is not None:
        reading_accessible.describes(label, describes)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WelcomeDialog(QDialog):
    """Three calm steps; finishing saves the profile, any demo data, and that it is done."""

    def __init__(self, db: Database, can_import: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._can_import = can_import
        self._empty = is_empty(db)
        self.result_value: WelcomeResult | None = None
        self._build_ui()
        self._connect_signals()
        self._show_step(0)

    # Layout -------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.setWindowTitle("Welcome to Caseload Companion")
        # About 70 characters a line, whatever the system font size.
        self.setMinimumWidth(max(520, self.fontMetrics().averageCharWidth() * 70))
        self.step_label = QLabel()
        self.step_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._welcome_page())
        self.stack.addWidget(self._role_page())
        self.stack.addWidget(self._start_page())
        self.skip_button = QPushButton("S&kip set-up")
        self.back_button = QPushButton("&Back")
        self.next_button = QPushButton("&Next")
        # Return goes on to the next step: skipping is a deliberate click (or Alt+K), never the
        # default nor the button that has focus when the welcome opens.
        for button in (self.skip_button, self.back_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        # Fields first, then Skip set-up, Back, Next: the keyboard waits on Next after a step,
        # and Tab from there goes on to the new page's fields, not to Back and Skip set-up.
        QWidget.setTabOrder(self.skip_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.next_button)

    def _page(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        heading = QLabel(title)
        heading.setObjectName("viewTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        page.setProperty("stepTitle", title)  # said with the step number when the step changes
        return page, layout

    def _welcome_page(self) -> QWidget:
        page, layout = self._page("Welcome to Caseload Companion")
        layout.addWidget(_wrapped(_PURPOSE))
        layout.addWidget(_wrapped("<b>What it never does</b>"))
        items = "".join(f"<li style='margin-bottom:4px'>{line}</li>" for line in _NEVER)
        never = _wrapped(f"<ul style='margin-left:-20px'>{items}</ul>")
        never.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(never)
        layout.addWidget(_wrapped("Your data stays in a private folder on this computer."))
        layout.addStretch(1)
        return page

    def _role_page(self) -> QWidget:
        page, layout = self._page("About your role")
        profile = get_profile(self._db)
        self.grade_combo = QComboBox()
        for grade in GRADES:
            self.grade_combo.addItem(GRADE_LABELS[grade], grade)
        self.grade_combo.setCurrentIndex(GRADES.index(profile.grade))
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setRange(0.5, float(MAX_HOURS))
        self.hours_spin.setDecimals(1)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setSuffix(" hours a week")
        self.hours_spin.setValue(float(profile.hours))
        form = QFormLayout()
        form.addRow("&Grade", self.grade_combo)
        form.addRow("&Contracted hours", self.hours_spin)  # its name: the label, said once
        layout.addLayout(form)
        layout.addWidget(_wrapped(_HOURS_HINT))
        self.working_days = WorkingDays()  # asked only when the hours are not full time
        policy = self.working_days.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.working_days.setSizePolicy(policy)
        layout.addWidget(self.working_days)
        self._hours_changed()
        self.problem_label = _wrapped("")
        self.problem_label.setVisible(False)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        return page

    def _start_page(self) -> QWidget:
        page, layout = self._page("How would you like to start?")
        self.start_group = QButtonGroup(self)
        first = "Start with an empty caseload" if self._empty else "Carry on with what I have"
        choices = [
            (START_EMPTY, first, "Add cases one at a time, whenever suits you."),
            (START_WMT, "Set up from my &WMT caseload",
             "Type the counts your WMT caseload page shows, by case type and tier; the cases "
             "are made in one step (C01, C02 …), to name, date or flag whenever suits you."),
            (START_IMPORT, "Import your cases from a spreadsheet",
             "CSV or Excel .xlsx, with a reference, case type, tier and start date."),
            (START_DEMO, "Try it with demo data",
             "Made-up cases (C01, C02 …) with a few months of history, so you can look around. "
             "Best tried before you add real cases." if self._empty else
             "Demo data only goes into an empty data folder, so nothing of yours is mixed "
             "with it."),
        ]
        for key, text, hint in choices:
            button = QRadioButton(text)
            button.setObjectName(f"start_{key}")
            self.start_group.addButton(button)
            button.setProperty("start", key)
            layout.addWidget(button)
            hint_label = _wrapped(hint, describes=button)  # not again with the dialog's words
            button.setAccessibleDescription(hint)  # the words under it, said with it
            hint_label.setContentsMargins(24, 0, 0, 6)
            hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(hint_label)
            if key == START_IMPORT and not self._can_import:
                button.setVisible(False)
                hint_label.setVisible(False)
            if key == START_DEMO and not self._empty:
                button.setEnabled(False)
        self.start_group.buttons()[0].setChecked(True)
        tab_to_checked(self.start_group)
        layout.addStretch(1)
        return page

    def _hours_changed(self) -> None:
        hours = Decimal(str(round(self.hours_spin.value(), 1)))
        self.working_days.set_hours(hours)
        self.working_days.setVisible(hours < DEFAULT_HOURS)

    def part_time_pattern(self) -> WorkingPattern | None:
        """The days ticked, when the hours are not full time (None otherwise)."""
        return self.working_days.pattern() if not self.working_days.isHidden() else None

    def _connect_signals(self) -> None:
        self.hours_spin.valueChanged.connect(self._hours_changed)
        self.skip_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self._show_step(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self._next)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # QStackedWidget does not pass on height-for-width, so wrapped text on a page could be
        # cut off (large fonts, 200% scaling): make room for the tallest page at this width.
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()
        tallest = max(
            self.stack.widget(i).layout().totalHeightForWidth(width)
            for i in range(self.stack.count())
        )
        self.stack.setMinimumHeight(tallest)
        self.adjustSize()
        super().showEvent(event)
        self.next_button.setFocus()  # Return goes on; Tab reaches the rest

    # Behaviour ----------------------------------------------------------------------------
    def _show_step(self, index: int, say: bool = True) -> None:
        index = max(0, min(index, self.stack.count() - 1))
        changed = index != self.stack.currentIndex()
        last = index == self.stack.count() - 1
        self.next_button.setText("&Get started" if last else "&Next")
        # Return in a field of the page being left (Contracted hours) pressed Next: the field
        # went with its page and Qt gave the keyboard to the new page's first control, read
        # before "Step 3 of 3: …". The keyboard waits on Next, as after Return on it, and the
        # step is said before anything on its page.
        leaving = self.stack.currentWidget()
        if changed and leaving is not None and leaving.isAncestorOf(QApplication.focusWidget()):
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.stack.setCurrentIndex(index)
        self.step_label.setText(f"Step {index + 1} of {self.stack.count()}")
        if say and changed:  # the new page is seen at once; a screen reader is told, too
            title = self.stack.widget(index).property("stepTitle")
            announce(self, f"{self.step_label.text()}: {title}")
        self.back_button.setEnabled(index > 0)

    def _next(self) -> None:
        if self.stack.currentIndex() < self.stack.count() - 1:
            self._show_step(self.stack.currentIndex() + 1)
        else:
            self.accept()

    def chosen_start(self) -> str:
        button = self.start_group.checkedButton()
        return str(button.property("start")) if button else START_EMPTY

    def chosen_profile(self) -> Profile:
        current = get_profile(self._db)
        return Profile(
            grade=str(self.grade_combo.currentData()),
            contracted_hours=round(self.hours_spin.value(), 1),
            protected_ceiling=current.protected_ceiling,
        )

    def accept(self) -> None:
        """Save everything in one go; a problem sends the practitioner back to the step to fix."""
        start, profile = self.chosen_start(), self.chosen_profile()
        pattern = self.part_time_pattern()
        try:
            if not self.working_days.isHidden() and pattern is None:
                raise ValidationError("Tick the days you work.")
            with self._db.atomic():
                if start == START_DEMO and is_empty(self._db):
                    from core.demo.caseload_demo import fill_demo  # ~25 ms of imports, only when asked for

                    fill_demo(self._db)  # writes its own profile: the practitioner's replaces it
                saved = save_profile(self._db, profile)
                if pattern is not None:
                    save_pattern(self._db, pattern)
                set_setting(self._db, WELCOME_DONE_KEY, True)
        except ValidationError as exc:
            self.problem_label.setText(" ".join(exc.problems))
            self.problem_label.setVisible(True)
            self._show_step(1, say=False)
            announce_error(self, f"{self.step_label.text()}: {self.problem_label.text()}")
            return
        self.result_value = WelcomeResult(saved, start)
        super().accept()

    def reject(self) -> None:
        """Skipping counts as done: the welcome is not pressed on anyone twice (Help reopens it)."""
        set_setting(self._db, WELCOME_DONE_KEY, True)
        super().reject()

    @staticmethod
    def run(parent: QWidget | None, db: Database, can_import: bool = False) -> WelcomeResult | None:
        """Show the welcome modally; the choices made, or None if it was skipped."""
        dialog = WelcomeDialog(db, can_import, parent)
        dialog.exec()
        result = dialog.result_value
        dialog.deleteLater()  # reopened from Help any number of times: never pile up
        return result


# Wiring into the main window (called from main.py) ----------------------------------------
def should_show_welcome(db: Database) -> bool:
    """First start: nothing stored yet and the welcome never finished or skipped."""
    return is_empty(db) and not get_setting(db, WELCOME_DONE_KEY, False)


def _import_dialog_available() -> bool:
    return importlib.util.find_spec("ui.caseload.import_dialog") is not None


def show_welcome(window: QWidget, db: Database, hub: Hub) -> WelcomeResult | None:
    """Run the welcome over `window`, tell every view what changed, and start an import if asked."""
    result = WelcomeDialog.run(window, db, can_import=_import_dialog_available())
    if result is None:
        return None
    if result.start == START_DEMO:
        hub.dataReplaced.emit()
    hub.profileChanged.emit()
    if result.start == START_DEMO and hasattr(window, "show_view"):
        window.show_view("overview")  # whichever view was last used, the demo starts here
        overview = window.view("overview")
        if hasattr(overview, "show_notice"):
            overview.show_notice(DEMO_ADDED)
    if result.start == START_WMT and hasattr(window, "show_view"):
        window.show_view("caseload")
        caseload = window.view("caseload")
        if hasattr(caseload, "set_up_from_wmt"):
            caseload.set_up_from_wmt()
    if result.start == START_IMPORT and _import_dialog_available():
        from core.caseload.cases import CaseStore
        from ui.caseload.import_dialog import ImportDialog

        if ImportDialog.import_cases(window, CaseStore(db)):
            hub.casesChanged.emit()
    return result


def maybe_show_welcome(window: QWidget, db: Database, hub: Hub) -> None:
    """On first start, open the welcome once the window has appeared (so it sits on top of it)."""
    if should_show_welcome(db):
        QTimer.singleShot(0, window, lambda: show_welcome(window, db, hub))


def install_welcome(window: MainWindow, db: Database, hub: Hub) -> QAction:
    """Help > Welcome tour, so the welcome can be seen again at any time."""
    action = QAction("Welcome &tour", window)
    action.setObjectName("welcomeTourAction")
    action.triggered.connect(lambda: show_welcome(window, db, hub))
    window.menu("&Help").addAction(action)
    overview = window.view("overview") if window.has_view("overview") else None
    if overview is not None and hasattr(overview, "setupRequested"):
        overview.setupRequested.connect(lambda: show_welcome(window, db, hub))
        overview.finish_setup.setVisible(True)  # on its empty page, beside Go to Caseload
    return action
