"""'What if I took another case?': pick a case type and tier, read the before and after in words.

Nothing is saved: core.workload.what_if works it out from the inputs the Overview already loaded.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.common.errors import ValidationError
from core.workload.estimate import EstimateInputs
from core.caseload.models import (
    CASE_TYPE_LABELS,
    CASE_TYPES,
    SUPERVISED_TIERS,
    UNSUPERVISED_TIERS,
    UNTIERED,
)
from core.workload.what_if import what_if, what_if_sentence
from ui.widgets.announce import announce
from ui.widgets.arrival_words import ArrivalWords
from ui.overview.overview_texts import WHAT_IF_TITLE
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import whole_letters

DEFAULT_TIER = "C2"  # a middling tier, so the first sentence is neither the lightest nor heaviest


class WhatIfPanel(QWidget):
    """Case type, tier and young adult (T2A) controls over one sentence that follows them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._inputs: EstimateInputs | None = None
        self._day: date | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = FlowRow()  # each label with its field, wrapping on a narrow window
        self.case_type = QComboBox()
        for key in CASE_TYPES:
            self.case_type.addItem(CASE_TYPE_LABELS[key], key)
        self.tier = QComboBox()
        for tier in SUPERVISED_TIERS:
            self.tier.addItem(f"Tier {tier}", tier)
        for tier in UNSUPERVISED_TIERS:
            self.tier.addItem(f"Tier {tier} (unsupervised)", tier)
        self.tier.addItem("Untiered", UNTIERED)
        self.tier.setCurrentIndex(self.tier.findData(DEFAULT_TIER))
        self.t2a = QCheckBox("&Young adult (T2A)")
        type_label = QLabel("&Case type")
        type_label.setBuddy(self.case_type)
        tier_label = whole_letters(QLabel("Tie&r"))
        tier_label.setBuddy(self.tier)
        row.addGroup(type_label, self.case_type)
        row.addGroup(tier_label, self.tier)
        row.addWidget(self.t2a)
        layout.addLayout(row)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        layout.addWidget(self.sentence)
        # The card's title and its answer, said as Tab arrives on Case type, the first thing
        # it meets in the card (a card's own words are passed over); a changed answer is
        # announced, so it waits there for the next arrival.
        self.arrival = ArrivalWords(self.case_type)

    def _connect_signals(self) -> None:
        self.case_type.currentIndexChanged.connect(lambda _i: self._asked())
        self.tier.currentIndexChanged.connect(lambda _i: self._asked())
        self.t2a.toggled.connect(lambda _on: self._asked())

    def _asked(self) -> None:
        """The user changed the question: the new answer is shown and said, after the change
        itself: Qt tells a screen reader of a list's new item only once its own signal has run,
        so the answer said from it came first ("If you took another licence case …", then
        "Licence.")."""
        self.update_sentence()
        announce(self, self.sentence.text(), after_focus=True)

    def set_inputs(self, inputs: EstimateInputs, day: date) -> None:
        """The estimate's inputs as the Overview last loaded them."""
        self._inputs = inputs
        self._day = day
        self.update_sentence()

    def update_sentence(self) -> None:
        self._show(self._answer())

    def _answer(self) -> str:
        if self._inputs is None:
            return ""
        try:
            result = what_if(self._inputs, self.case_type.currentData(), self.tier.currentData(),
                             self.t2a.isChecked(), self._day)
        except ValidationError as exc:  # not reachable from the combos; kept calm regardless
            return " ".join(exc.problems)
        return what_if_sentence(result)

    def _show(self, text: str) -> None:
        self.sentence.setText(text)
        self.arrival.set(f"{WHAT_IF_TITLE} {text}".strip())
