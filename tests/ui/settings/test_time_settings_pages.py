"""Settings pages for time: activities (add, rename, hide, delete only unused) and the working week."""

from __future__ import annotations

from datetime import date, time

import pytest

from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import get_pattern, leave_between
from ui.settings.activities_page import ActivitiesPage
from ui.shell.hub import Hub
from ui.settings.working_pattern_page import WorkingPatternPage
from ui.widgets import text_question

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def select(page, name):
    for row, activity in enumerate(page.model.items()):
        if activity.name == name:
            page.table.selectRow(row)
            return activity
    raise AssertionError(name)


def test_activities_add_rename_hide_and_keep_used_ones(qtbot, db, monkeypatch):
    page = ActivitiesPage(db, Hub())
    qtbot.addWidget(page)
    monkeypatch.setattr(text_question, "ask_text", lambda *a, **k: ("Induction", True))
    page.add()
    assert "Induction" in [a.name for a in list_activities(db)]
    select(page, "Induction")
    monkeypatch.setattr(text_question, "ask_text", lambda *a, **k: ("Inductions", True))
    page.rename()
    select(page, "Inductions")
    page.toggle_hidden()
    assert "Inductions" not in [a.name for a in list_activities(db)]
    travel = select(page, "Travel")
    TimeStore(db).log_time(TimeEntry(date(2026, 11, 24), 30, travel.id, time(9), time(9, 30)))
    page.refresh()
    select(page, "Travel")
    assert not page.delete_button.isEnabled()
    select(page, "Inductions")
    assert page.delete_button.isEnabled()
    page.delete()
    assert "Inductions" not in [a.name for a in list_activities(db, include_hidden=True)]


def test_working_week_saves_a_part_time_pattern_and_leave(qtbot, db):
    hub = Hub()
    page = WorkingPatternPage(db, hub)
    qtbot.addWidget(page)
    for spin, hours in zip(page.day_hours, (7.5, 7.5, 7.5, 0, 0, 0, 0), strict=True):
        spin.setValue(hours)
    with qtbot.waitSignal(hub.timeLogged):
        page.save()
    assert get_pattern(db).weekly_hours == 22.5
    assert "22 hours 30 minutes a week" in page.total.text()
    page.leave_date.set_value(date.today())
    page.add_leave()
    assert date.today() in leave_between(db, date.today(), date.today())


def test_a_day_s_hours_read_as_hours_and_minutes_never_as_a_clock(qtbot, db):
    """7.4 hours is 7 h 24 min: a field never shows "7.40 hours", which reads as 7:40."""
    page = WorkingPatternPage(db, Hub())
    qtbot.addWidget(page)
    monday = page.day_hours[0]
    monday.setValue(7.4)
    assert monday.text() == "7 h 24 min"
    for typed, hours in (("7:30", 7.5), ("6 h 15 min", 6.25), ("4.44", 4.44), ("5h", 5)):
        monday.lineEdit().selectAll()
        qtbot.keyClicks(monday, typed)
        monday.interpretText()
        assert abs(monday.value() - hours) < 1e-6, typed
    assert page.day_hours[4].text() != "" and "." not in page.day_hours[4].text()


def test_hours_changed_without_the_days_are_said_in_the_time_view_and_not_cut_off(qtbot, db,
                                                                                   monkeypatch):
    """22.2 hours on Mon/Tue/Wed, then the profile changed to 29.6: the Time view still said
    "of 22 hours 12 minutes contracted" with no word, and the Working week tab's sentence was
    cut at 1024 wide: "22 hours 12 minutes a week (your profile says 29 ho"."""
    from datetime import datetime
    from decimal import Decimal

    from PySide6.QtGui import QUndoStack

    from core.caseload.models import Profile
    from core.time.working_week import WorkingPattern, save_pattern
    from core.workload.profile import save_profile
    from ui.time.time_view import TimeView

    set_up, now = date(2026, 11, 30), datetime(2026, 12, 7, 9, 0)
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", now.isoformat())
    save_profile(db, Profile("PO", Decimal("22.2")), today=set_up)
    save_pattern(db, WorkingPattern(hours=(7.4, 7.4, 7.4, 0, 0, 0, 0)))
    view = TimeView(db, Hub(), QUndoStack(), clock=lambda: now)
    qtbot.addWidget(view)
    view.refresh()
    assert "profile says" not in view.week_label.text()
    save_profile(db, Profile("PO", Decimal("29.6")), effective_from=now.date(), today=now.date())
    view.refresh()
    assert ("Your working week adds up to 22 hours 12 minutes but your profile says 29 hours "
            "36 minutes; change the days in Settings, Working week.") in view.week_label.text()
    page = WorkingPatternPage(db, Hub())
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    total = page.total
    assert "your profile says 29 hours 36 minutes" in total.text()
    assert total.wordWrap()
    needed = total.heightForWidth(total.width())
    assert total.height() >= needed and total.width() <= page.width()
