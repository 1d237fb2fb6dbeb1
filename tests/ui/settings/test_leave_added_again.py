"""Add leave on a day that has the very same leave changes nothing and says so: Orca heard
"Changed Mon 07 Dec 2026 from annual leave to annual leave.", a change that was none. The same
kind with other hours says what changed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.time.working_week import LeaveDay, add_leave
from tests.ui.settings.test_settings_deletions_by_keyboard import _page, _rows, heard  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("does not support")
DAY = date.today() + timedelta(days=9)


def _page_with_leave(window, db, hours):  # type: ignore[no-untyped-def]
    from ui.settings.working_pattern_page import WorkingPatternPage

    add_leave(db, LeaveDay(DAY, "annual leave", hours))
    page = _page(window, "Working week", WorkingPatternPage)
    page.refresh()
    page.leave_date.set_value(DAY)
    page.leave_kind.setCurrentText("annual leave")
    page.leave_hours.setValue(0)  # the whole day
    return page


def test_the_same_leave_again_changes_nothing_and_says_so(demo_window, db, heard):  # noqa: F811
    page = _page_with_leave(demo_window, db, None)
    before = _rows(db, "leave_days")
    page.add_leave_button.click()
    assert _rows(db, "leave_days") == before
    said, assertive = heard[-1]
    assert not assertive
    assert said.startswith(f"{DAY:%a %d %b %Y} already has annual leave: nothing changed.")
    # What to do instead, as the README promises ("Tab to Add leave").
    assert "Tab to “Add leave” and press Space" in said
    assert "press Delete" in said


def test_the_same_kind_with_other_hours_says_what_changed(demo_window, db, heard):  # noqa: F811
    page = _page_with_leave(demo_window, db, 3.5)
    page.add_leave_button.click()
    assert heard[-1][0].startswith(
        f"Changed the annual leave on {DAY:%a %d %b %Y} from 3 hours 30 minutes to the whole "
        "day.")
