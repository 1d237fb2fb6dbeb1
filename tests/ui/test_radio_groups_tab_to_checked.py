"""Tab enters every group of radio buttons at the checked one, and an amount says its unit.

In "Add a reduction" Tab went from "Amount 80.0" to "Hours a week", unchecked, and passed over
the checked "% of contracted hours"; a Space there turned 80% into 80 hours a week, and the
amount was said with no unit at all (24h, F10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QButtonGroup, QWidget

from tests.ui.app_walk import each_place
from tests.ui.test_keyboard_first_and_own_words import every_dialog

pytestmark = pytest.mark.qt_log_ignore("does not support")


def wrong_tab_stops(window: QWidget) -> list[str]:
    found = []
    for group in window.findChildren(QButtonGroup):
        shown = [b for b in group.buttons() if b.isVisibleTo(window) and b.isEnabled()]
        stops = [b.text().replace("&", "") for b in shown
                 if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
        checked = group.checkedButton()
        if checked not in shown:
            continue  # on a page not showing (the welcome's other steps)
        if stops != [checked.text().replace("&", "")]:
            found.append(f"Tab reaches {stops}, the checked one is "
                         f"{checked.text().replace('&', '')!r}")
    return found


def test_tab_reaches_only_the_checked_radio_button_in_every_group(demo_window, db, tmp_path):
    problems = []
    for place in each_place(demo_window):
        problems += [f"{place}: {line}" for line in wrong_tab_stops(demo_window)]
    for name, dialog in every_dialog(db, demo_window, tmp_path):
        dialog.show()
        QApplication.processEvents()
        steps = getattr(dialog, "stack", None) if hasattr(dialog, "_show_step") else None
        for step in range(steps.count() if steps is not None else 1):
            if steps is not None:
                dialog._show_step(step)
                QApplication.processEvents()
            problems += [f"{name}: {line}" for line in wrong_tab_stops(dialog)]
        dialog.close()
        dialog.deleteLater()
    assert problems == [], "\n".join(problems)


def test_add_a_reduction_tabs_to_the_chosen_unit_and_says_it_with_the_amount(qtbot):
    from ui.settings.reduction_dialog import ReductionDialog

    dialog = ReductionDialog(37.0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.amount.setFocus()
    assert dialog.by_percent.isChecked() and dialog.amount.value() == 80.0
    assert dialog.amount.text() == "80.0%"  # its unit shown, and said with the value
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.by_percent
    qtbot.keyClick(dialog.by_percent, Qt.Key.Key_Space)  # the tester's stray Space
    reduction = dialog.reduction()
    assert dialog.by_percent.isChecked() and reduction.hours_per_week is None
    qtbot.keyClick(dialog.by_percent, Qt.Key.Key_Left)  # the arrows still choose
    assert dialog.by_hours.isChecked()
    assert dialog.amount.text().endswith(" hours")
    qtbot.keyClick(dialog.by_hours, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.by_hours
