"""Tab enters a group of radio buttons at the checked one, as the arrow keys then move along it.

Qt makes a Tab stop of the radio button that last had focus, and before any has had it, of
every one: in "Add a reduction" Tab went from the amount to "Hours a week", unchecked, and passed
over the checked "% of contracted hours", so a Space there turned 80% into 80 hours a week.
Here only the checked button is a Tab stop, whenever the choice changes (by arrows, a click or
the program); the others are still reached with the arrow keys and the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QButtonGroup


def tab_to_checked(group: QButtonGroup) -> QButtonGroup:
    """Keep the checked button of `group` its only Tab stop; returns `group`."""

    def follow(*_args: object) -> None:
        checked = group.checkedButton()
        for button in group.buttons():
            _tab_stop(button, button is checked or checked is None)

    group.buttonToggled.connect(follow)
    follow()
    return group


def _tab_stop(button: QAbstractButton, stop: bool) -> None:
    policy, tab = button.focusPolicy().value, Qt.FocusPolicy.TabFocus.value
    button.setFocusPolicy(Qt.FocusPolicy(policy | tab if stop else policy & ~tab))
