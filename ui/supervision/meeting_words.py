"""What the meeting says, in its own words and within its "Show to my manager" ticks.

Everything here is built from what the meeting shows (case references already "[a case]"
unless ticked, the wellbeing topic only while ticked), so what is heard never goes beyond
what is on screen:

* as it opens: "Supervision meeting, 8 November 2026 to 7 December 2026." (F11 said only
  "Topics. List with 8 items.");
* a topic of sentences (The month, Where the time went) has them as its description, so Up
  and Down on the topics read them, as Tab once round the Overview reads its cards: they hold
  no control for Tab to reach, and were never heard;
* an action agreed with Return: "Agreed: Review [a case] risk plan (SPO, due 10/12/2026)."
  (the line only cleared before).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from core.supervision.meeting_content import redact_action
from core.supervision.sessions import Action
from ui.widgets.announce import announce, one_stop
from ui.widgets.date_fields import format_date

EMPTY = {  # a topic with nothing in it
    "going_well": "Nothing noted this time.",
    "cases": "No cases were marked for discussion.",
    "requests": "No requests noted.",
    "reflection": "No reflection this time.",
    "learning": "Nothing noted this time.",
    "wellbeing": "No check-in this time.",
    "actions": "No actions carried forward. Agree one on the line below.",
}


def tab_stops(holder: QWidget) -> list[QWidget]:
    """The controls Tab stops at inside `holder`, in the order they were made (their parts,
    such as a date field's text, excluded)."""
    def own(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not holder:
            if isinstance(parent, (QAbstractSpinBox, QComboBox)):
                return False
            parent = parent.parentWidget()
        return True

    return [w for w in holder.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and own(w)]


def opened_words(period: str) -> str:
    return f"Supervision meeting, {period}." if period else "Supervision meeting."


def topic_words(lines: list[tuple[str, str]]) -> str:
    """The sentences of a topic that holds no control, as its rows show them (a line's hours
    after it), in order."""
    parts = []
    for words, right in lines:
        words = words.strip()
        line = f"{words}: {right}" if right else words
        if not line:
            continue
        parts.append(line if line.endswith((".", "?", "!", ":")) else f"{line}.")
    return one_stop(" ".join(parts))


def agreed_words(action: Action, references: set[str]) -> str:
    """The action as the meeting's rows show it (a hidden reference stays hidden)."""
    shown = redact_action(action, references)
    owner = shown.owner or "no owner"
    due = f", due {format_date(shown.due_date)}" if shown.due_date else ""
    return f"Agreed: {shown.text} ({owner}{due})."


def tell(view: Any, text: str, assertive: bool = False) -> None:
    """Show `text` on the meeting's own line (under the Agreed action line) and say it.
    `view`: the meeting view (not named: it imports this module)."""
    line = view.action_bar.message
    line.setText(one_stop(text))
    line.show()
    announce(view.action_bar, line.text(), assertive=assertive)
