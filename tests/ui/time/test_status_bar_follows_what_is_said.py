"""What the Time view says is shown in the status bar too, so no older line stays there: after
Start timer the status bar still read "Undone: Delete entry (…)", and after the misspelt activity's
refusal "Redone: Log time (…)"."""

from __future__ import annotations

import pytest

from tests.ui.time.test_delete_button_by_keyboard import heard  # noqa: F401 - fixture

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_starting_and_stopping_the_timer_is_shown_as_said(demo_window, heard):  # noqa: F811
    demo_window.show_view("time")
    view = demo_window.view("time")
    bar = demo_window.statusBar()
    bar.showMessage("Undone: Delete entry (Travel, Monday 7 December, 30 minutes).")
    view.timer.start()
    said = heard[-1][0]
    assert said.startswith("Timing ")
    assert bar.currentMessage() == said
    view.timer.stop()
    assert "Timer stopped." in bar.currentMessage() or bar.currentMessage().startswith("Logged")


def test_a_refusal_in_the_quick_entry_is_shown_as_said(demo_window, heard):  # noqa: F811
    demo_window.show_view("time")
    view = demo_window.view("time")
    bar = demo_window.statusBar()
    bar.showMessage("Redone: Log time (Travel for C07, Monday 7 December, 20 minutes).")
    view.quick.refused.emit(["'travle' is not one of your activities. Did you mean Travel?"])
    assert heard[-1] == ("'travle' is not one of your activities. Did you mean Travel?", True)
    assert bar.currentMessage() == heard[-1][0]


def test_a_refused_key_in_settings_is_shown_as_said(demo_window, heard):  # noqa: F811
    """The Delete key with nothing chosen, and Return refused in a field ("Not done yet: …"),
    were said alone, the status bar keeping an older line."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.ui.settings.test_settings_deletions_by_keyboard import _page
    from ui.settings.working_pattern_page import WorkingPatternPage

    page = _page(demo_window, "Working week", WorkingPatternPage)
    bar = demo_window.statusBar()
    bar.showMessage("Undone: Save the working week.")
    page.leave_table.setFocus()
    QApplication.processEvents()
    page.remove_leave_button.setEnabled(False)  # as with no row chosen
    page.remove_leave_button.setToolTip("")
    QTest.keyClick(page.leave_table, Qt.Key.Key_Delete)
    assert heard[-1] == ("Nothing is chosen to delete.", True)
    assert bar.currentMessage() == "Nothing is chosen to delete."
