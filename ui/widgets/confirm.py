"""Questions asked before saving: a two-button choice, and "this looks like a name".

Tests replace `ask` (the one place a modal box is opened) to answer without a window.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import QMessageBox, QWidget

from core.common.names import NAME_EDIT, NAME_QUESTION, NAME_SAVE_ANYWAY, name_like


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str,
        default_yes: bool = False, yes_destroys: bool = True, return_words: str = "") -> bool:
    """A question with two named buttons; True when `yes` is chosen. `no` is the default
    and Escape, so nothing is done by accident (and then Return can press nothing else:
    ui.widgets.return_guard). `default_yes` only where `yes` destroys nothing and is what
    the question is for (Save a summary that was fitted on one page). `yes_destroys=False`
    where `yes` deletes and overwrites nothing but is asked so a reflex does not do it (End
    and record, taken back by Ctrl+Z): `no` stays the default, and Return on `yes`, Tabbed
    to, presses it. `return_words`: what Return on `yes` says instead, where it is guarded for
    another reason than deleting (it shows something private)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    from ui.widgets.dialog_keys import DESTROYS, RETURN_WORDS

    if not yes_destroys:
        yes_button.setProperty(DESTROYS, False)  # not one of the question's destructive buttons
    if return_words:
        yes_button.setProperty(RETURN_WORDS, return_words)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def confirm_no_names(parent: QWidget | None, texts: Iterable[str | None]) -> bool:
    """True to go on saving: none of `texts` looks like a name, or the user chose Save anyway.
    False means Edit: the dialog stays open with the words as typed."""
    if not any(name_like(t) for t in texts):
        return True
    return ask(parent, "Keep workload only", NAME_QUESTION, NAME_SAVE_ANYWAY, NAME_EDIT)
