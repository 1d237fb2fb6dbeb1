"""A save that changes nothing makes no undo step and says so: Return on Profile's Grade with
nothing changed said "Profile saved, in force from 07/12/2026. Undo with Ctrl+Z." and Ctrl+Z then
"Undone: Save the profile…", which took back nothing. The working week's total is said as its
hours change (it was shown under the fields and never said)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.settings.test_settings_deletions_by_keyboard import _page, _rows, heard  # noqa: F401
from ui.widgets.deletion_undo import undo_stack_of

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_saving_an_unchanged_profile_makes_no_step(demo_window, db, heard):  # noqa: F811
    from ui.settings.profile_page import ProfilePage

    page = _page(demo_window, "Profile", ProfilePage)
    page.load()
    stack = undo_stack_of(page)
    steps, before = stack.count(), _rows(db, "profile_changes", "profile")
    assert page.save()
    assert stack.count() == steps
    assert _rows(db, "profile_changes", "profile") == before
    assert heard[-1] == ("Nothing to save: no change.", False)
    assert demo_window.statusBar().currentMessage() == "Nothing to save: no change."
    page.hours.setText("30")  # a real change is still a step
    assert page.save()
    assert stack.count() == steps + 1
    assert heard[-1][0].startswith("Profile saved, in force from ")


def test_saving_an_unchanged_working_week_makes_no_step(demo_window, db, heard):  # noqa: F811
    from ui.settings.working_pattern_page import WorkingPatternPage

    page = _page(demo_window, "Working week", WorkingPatternPage)
    stack = undo_stack_of(page)
    steps = stack.count()
    page.save()
    assert stack.count() == steps
    assert heard[-1] == ("Nothing to save: no change.", False)


def test_the_weeks_total_is_said_once_the_hours_settle(qtbot, demo_window, db, heard):  # noqa: F811
    from ui.settings.working_pattern_page import WorkingPatternPage

    page = _page(demo_window, "Working week", WorkingPatternPage)
    monday = page.day_hours[0]
    monday.setFocus()
    qtbot.waitUntil(monday.hasFocus)
    heard.clear()
    for _ in range(2):
        qtbot.keyClick(monday, Qt.Key.Key_Up)
    assert not any("a week" in text for text, _ in heard)  # not at each press
    qtbot.waitUntil(lambda: any(text == page.total.text() for text, _ in heard))
    said = [text for text, _ in heard if "a week" in text]
    assert said == [page.total.text()]
    assert "your profile says" in said[0]  # the days no longer add up to the profile
