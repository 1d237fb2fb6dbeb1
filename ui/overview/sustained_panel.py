"""The calm panel shown once per episode of sustained overload (not a pop-up); one per trigger.

It carries the words from core.workload.wording.sustained_text and three choices; the Overview decides
what each does and whether the panel is due.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from core.workload.wording import ADD_TO_NOTES, NOT_NOW, WHAT_DOES_THIS_MEAN
from ui.widgets import reading_accessible
from ui.widgets.flow_layout import FlowRow


def _mnemonic(text: str, letter: str) -> str:
    """Put the Alt+letter marker before the first `letter` (the Overview keeps them unique)."""
    index = text.find(letter)
    return text if index < 0 else text[:index] + "&" + text[index:]


class SustainedPanel(QFrame):
    """Signals:
        addToNotesClicked: the practitioner wants it in the notes for supervision.
        notNowClicked: close it for this episode.
        explainClicked: show what it means and where support is.
    """

    addToNotesClicked = Signal()
    notNowClicked = Signal()
    explainClicked = Signal()

    def __init__(self, parent: QWidget | None = None, name: str = "Workload over several weeks",
                 letters: str = "sNm"):
        """`letters`: the Alt+letter of Add, Not now and What does this mean? (the Overview
        shows one panel per trigger and keeps the letters unique)."""
        super().__init__(parent)
        self.setObjectName("sustainedPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A thick edge in the weighted scale's heaviest colour, plus the words: never colour alone.
        self.setStyleSheet(
            "QFrame#sustainedPanel { border: 1px solid palette(mid); "
            "border-left: 6px solid #D55E00; border-radius: 4px; background: palette(base); }"
        )
        reading_accessible.section(self, name)
        self.text = QLabel()
        self.text.setWordWrap(True)
        add, not_now, explain = letters
        self.add_button = QPushButton(_mnemonic(ADD_TO_NOTES, add))
        self.not_now_button = QPushButton(_mnemonic(NOT_NOW, not_now))
        self.explain_button = QPushButton(_mnemonic(WHAT_DOES_THIS_MEAN, explain))
        buttons = FlowRow()  # below one another on a narrow window
        for button in (self.add_button, self.not_now_button, self.explain_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.addToNotesClicked)
        self.not_now_button.clicked.connect(self.notNowClicked)
        self.explain_button.clicked.connect(self.explainClicked)
        self.hide()

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        reading_accessible.notice(self, self.add_button, text)
