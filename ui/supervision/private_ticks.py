"""The meeting's "Show to my manager" ticks: the wellbeing check-in, reductions' typed reasons and
case references. Each is private (the first two are health data, the third criminal offence
data), and each sits on the Tab path a stop past the agreed action's Add: so ticking any of them,
by Space, a click or its Alt+letter, asks first, with the answer that keeps it hidden as the
default (Return and Escape give it). The question is asked before the box changes, so nothing
private is on screen while it is asked. Unticking hides at once, without a question. Each
outcome is said to a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QWidget

from ui.widgets import confirm
from ui.widgets.announce import announce

SHOWN_UNTIL = "hidden again when you leave the meeting"


@dataclass(frozen=True)
class Private:
    """What a tick shows, in the words its question and announcements use."""

    label: str  # the tick's own text, with its Alt letter
    title: str  # the question's title
    question: str
    show: str  # the button that shows it
    keep: str  # the default: keeps it hidden
    subject: str  # "The wellbeing check-in is" / "Reduction reasons are"
    stays: str  # said when the question is answered with the default
    shown: str = "now shown"

    def said(self, outcome: str) -> str:
        return f"{self.subject} {outcome}."

    def return_words(self) -> str:
        """What Return on the Show button says: it shows nothing by itself."""
        show = self.show[0].lower() + self.show[1:]
        return (f"Not done yet: press Space to {show}. Return alone never shows your manager "
                "something private.")


WELLBEING = Private(
    "&Wellbeing check-in", "Show the wellbeing check-in?",
    "Show your wellbeing check-in on this screen, where your manager can see it? "
    f"It is {SHOWN_UNTIL}.", "Show the check-in", "Keep it hidden", "The wellbeing check-in is",
    "The wellbeing check-in stays hidden.")
REDUCTIONS = Private(
    "&Reduction reasons", "Show reduction reasons?",
    "Show the reasons you typed for your reductions on this screen, where your manager can "
    f"see them? They are {SHOWN_UNTIL}.", "Show reasons", "Keep them hidden",
    "Reduction reasons are", "Reduction reasons stay hidden.")
CASES = Private(
    "Case re&ferences", "Show case references?",
    "Show case references on this screen, where your manager can see them? "
    f"They are {SHOWN_UNTIL}.", "Show references", "Keep them hidden", "Case references are",
    "Case references stay hidden.", shown="now shown on screen")


class PrivateTick(QCheckBox):
    """A tick that asks before it shows something private; `setChecked` (the idle lock, leaving
    the meeting) changes it without asking."""

    def __init__(self, what: Private, parent: QWidget | None = None):
        super().__init__(what.label, parent)
        self.what = what

    def nextCheckState(self) -> None:  # noqa: N802 - Qt override: runs on Space, click, Alt+letter
        what = self.what
        if self.isChecked():
            self.setChecked(False)
            announce(self, what.said("hidden again"))
        elif confirm.ask(self, what.title, what.question, what.show, what.keep,
                         return_words=what.return_words()):
            self.setChecked(True)
            announce(self, what.said(what.shown))
        else:
            announce(self, what.stays)
