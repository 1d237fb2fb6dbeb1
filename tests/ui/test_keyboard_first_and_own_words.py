"""What a keyboard and a screen reader meet first, in every view and dialog.

* A check box or radio button is named by its own words. A label that is its buddy names it
  instead (Orca prefers "labelled by"), so "Domestic abuse" was heard as "Flags check box":
  a row's label belongs to the group of boxes, never to its first box.
* A dialog gives the keyboard first to the field the user came to type in, never to a list or
  combo box that a typed letter would change: a note opened from "Workload…" started on its
  Kind list, so typing "Weekend work" turned it into a private wellbeing note and the words
  were lost.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtWidgets import (QApplication, QCheckBox,
                               QComboBox, QLabel, QListView, QRadioButton,
                               QWidget)

from tests.ui.app_walk import each_dialog, each_place

pytestmark = pytest.mark.qt_log_ignore("does not support")


def buttons_named_by_a_buddy(window: QWidget) -> list[str]:
    found = []
    for label in window.findChildren(QLabel):
        mate = label.buddy()
        if isinstance(mate, (QCheckBox, QRadioButton)):
            found.append(f'"{mate.text().replace("&", "")}" is labelled by '
                         f'"{label.text().replace("&", "")}"')
    return found


def typed_letter_changes(widget: QWidget | None) -> bool:
    """A letter typed here changes a choice instead of writing words (a table's letters only
    move the keyboard along its rows, and change nothing)."""
    if isinstance(widget, QComboBox):
        return not widget.isEditable()
    return isinstance(widget, QListView)


def every_dialog(db, window, tmp_path):  # type: ignore[no-untyped-def]
    from core.caseload.cases import CaseStore
    from core.time.activities import list_activities
    from core.time.timer import get_timer, start_timer
    from tests.ui.fit_report import dialogs

    store = CaseStore(db)
    now = datetime.combine(datetime.now().date(), time(12))
    start_timer(db, list_activities(db)[0].id, now=now)
    for name, make, _steps in dialogs(db, tmp_path, store, window, get_timer(db), now):
        yield name, make()
    for dialog in each_dialog(db):
        yield f"{type(dialog).__name__} {dialog.windowTitle()}", dialog


def test_no_check_box_or_radio_button_is_named_by_another_label(demo_window, db, tmp_path):
    problems = []
    for place in each_place(demo_window):
        problems += [f"{place}: {line}" for line in buttons_named_by_a_buddy(demo_window)]
    for name, dialog in every_dialog(db, demo_window, tmp_path):
        problems += [f"{name}: {line}" for line in buttons_named_by_a_buddy(dialog)]
        dialog.deleteLater()
    assert problems == [], "\n".join(problems)


def test_no_dialog_opens_on_a_choice_a_typed_letter_would_change(demo_window, db, tmp_path):
    problems = []
    for name, dialog in every_dialog(db, demo_window, tmp_path):
        dialog.show()
        dialog.activateWindow()
        QApplication.processEvents()
        first = dialog.focusWidget()
        if typed_letter_changes(first):
            problems.append(f"{name}: opens on {type(first).__name__} "
                            f"{first.accessibleName() or first.objectName()}")
        dialog.close()
        dialog.deleteLater()
    assert problems == [], "\n".join(problems)


def test_a_workload_note_typed_at_once_keeps_its_kind_and_its_words(qtbot):
    """The tester's keys: "Workload…", then typing the note straight away."""
    from ui.supervision.agenda_note_dialog import AgendaNoteDialog

    dialog = AgendaNoteDialog("workload", ["C01"])
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    qtbot.keyClicks(dialog.focusWidget(), "Weekend work")
    draft = dialog.draft()
    assert (draft.kind, draft.text) == ("workload", "Weekend work")


def test_the_flags_label_takes_alt_g_to_the_first_flag_which_says_its_own_words(qtbot, db):
    from PySide6.QtCore import Qt

    from core.caseload.cases import CaseStore
    from ui.caseload.case_dialog import CaseDialog

    dialog = CaseDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    first = dialog.focusWidget()
    assert isinstance(first, QCheckBox) and first.text() == "Domestic abuse"
    assert buttons_named_by_a_buddy(dialog) == []
