"""Tab leaves a date or time field at once, in every form and in the supervision meeting (a
date field kept focus for three presses, the stale-timer's date and time for six)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from tests.ui.app_walk import each_dialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _stuck(window, qtbot, presses: int = 40) -> list[tuple[str, int]]:
    """Walk Tab from the window's first control; each control holding focus for more than one
    press, with the number of presses it held."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    runs = [(w, len(list(run))) for w, run in itertools.groupby(seen)]
    return [(type(w).__name__ + ":" + w.accessibleName(), n) for w, n in runs if n > 1]


def _forms(db):
    from ui.time.calendar_import_dialog import CalendarImportDialog

    yield from each_dialog(db)  # the stale-timer dialog (a date and time) among them
    yield CalendarImportDialog(db)


def test_tab_leaves_every_date_field_in_every_form(themed, demo_window, db, qtbot):
    walked = 0
    for dialog in _forms(db):
        dialog.show()
        if dialog.findChildren(QDateTimeEdit):
            walked += 1
            assert (dialog.windowTitle(), _stuck(dialog, qtbot)) == (dialog.windowTitle(), [])
        dialog.close()
        dialog.deleteLater()
    assert walked >= 9


def test_tab_leaves_the_meetings_due_date(themed, demo_window, qtbot):
    demo_window.meeting.open()
    view = demo_window.meeting.view
    view.action_bar.text.setFocus()
    assert _stuck(demo_window, qtbot) == []
