"""The Overview's "Why does my figure differ from the official one?" card.

Shown only when the official figure a manager gave for the week and the app's estimate are more
than 5 points apart. Every sentence comes from core.workload.official_gap; each reason carries
its one useful action, and the whole explanation can go into the supervision notes. The estimate
is never changed to match.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from core.workload.official_gap import (
    CHECK_REDUCTION,
    CHECK_REPORTS,
    CHECK_STATE,
    CHECK_WEIGHTINGS,
    CLOSE_OR_MOVE,
    TIER_A_CASE,
    GapExplanation,
    gap_note,
)
from core.workload.wording import ADD_TO_NOTES
from ui.overview.overview_cards import ADDED, Card, wrapped
from ui.widgets.step_said import say_result

TITLE = "Why does my figure differ from the official one?"
# Where each action leads: the Caseload at the first case named, or a Settings page.
CASE_ACTIONS = (TIER_A_CASE, CLOSE_OR_MOVE, CHECK_STATE)
REDUCTIONS_PAGE = "Reductions && reports"
SETTINGS_PAGES = {CHECK_REDUCTION: REDUCTIONS_PAGE, CHECK_REPORTS: REDUCTIONS_PAGE,
                  CHECK_WEIGHTINGS: "Weightings"}


class GapCard(Card):
    """Signals:
        openCase(str): show this case in the Caseload (tier it, close it, move its end date).
        openSettings(str): open this Settings page (reductions, weightings).
        addToNotesClicked(str): put this text on the agenda for the next supervision.
    """

    openCase = Signal(str)
    openSettings = Signal(str)
    addToNotesClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(TITLE, parent)
        self.intro = wrapped()
        self.body.addWidget(self.intro)
        self._reason_widgets: list[QWidget] = []
        self.add_button = QPushButton(ADD_TO_NOTES + " (this explanation)")
        self.add_button.setAccessibleName(f"{ADD_TO_NOTES}: why the figures differ")
        self.status = wrapped()
        self.status.setVisible(False)
        self._buttons = QHBoxLayout()
        self._buttons.addWidget(self.add_button)
        self._buttons.addStretch(1)
        self.body.addLayout(self._buttons)
        self.body.addWidget(self.status)
        self.add_button.clicked.connect(self._add)
        self.gap: GapExplanation | None = None
        self.setVisible(False)

    def show_gap(self, gap: GapExplanation | None, week: str = "") -> None:
        """The explanation for the week, or hide when the two figures agree within 5 points."""
        self.gap, self._week = gap, week
        for widget in self._reason_widgets:
            self.body.removeWidget(widget)
            widget.setParent(None)  # gone at once, not at the next turn of the event loop
            widget.deleteLater()
        self._reason_widgets = []
        self.setVisible(gap is not None)
        if gap is None:
            return
        self.intro.setText(gap.intro)
        at = self.body.indexOf(self.intro) + 1
        for reason in gap.reasons:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(12, 0, 0, 0)
            text = wrapped("• " + reason.text)
            layout.addWidget(text, 1)
            if reason.action:
                button = QPushButton(reason.action + ("…" if reason.references else ""))
                button.setAccessibleName(f"{reason.action}: {reason.text}")
                button.clicked.connect(lambda _=False, r=reason: self._act(r))
                layout.addWidget(button)
            self.body.insertWidget(at, row)
            row.show()  # at once, as the sentences above it change
            at += 1
            self._reason_widgets.append(row)
        self.add_button.setEnabled(True)
        self.status.setVisible(False)

    def _act(self, reason) -> None:
        if reason.action in CASE_ACTIONS and reason.references:
            self.openCase.emit(reason.references[0])
        elif reason.action in SETTINGS_PAGES:
            self.openSettings.emit(SETTINGS_PAGES[reason.action])

    def note_text(self) -> str:
        return "" if self.gap is None else gap_note(self.gap, self._week)

    def _add(self) -> None:
        self.addToNotesClicked.emit(self.note_text())

    def notes_added(self) -> None:
        self.status.setText(ADDED)
        self.status.setVisible(True)
        say_result(self, ADDED)  # shown in the status bar too
        self.add_button.setEnabled(False)
