"""Return in a field of a Settings page does what its form's button does: a tester pressed Up,
Up, Return in Working week's Monday hours and heard nothing and saved nothing, where Return in
Profile's Contracted hours saves. Now every field of the hours (and the usual day) saves the
week, said and shown, one Ctrl+Z step; the leave fields add the leave, never over leave the
day already has; Profile, Weightings and the court report fields the same; nothing is deleted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.store.saved_rows import read_rows
from core.time.working_week import LEAVE_ROWS, PATTERN_ROWS, leave_between
from core.workload.profile import PROFILE_ROWS
from core.workload.weightings import WEIGHTINGS_ROWS
from tests.ui.settings.test_settings_saves_undo import _keys, _page, heard  # noqa: F401
from ui.widgets.save_undo import NOTHING_TO_SAVE

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _focus(window, qtbot, field) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(lambda: field.hasFocus() or field.isAncestorOf(window.focusWidget()))


def _week(window):
    from ui.settings.working_pattern_page import WorkingPatternPage

    return _page(window, "Working week", WorkingPatternPage)


def test_return_in_an_hours_field_saves_the_week_said_shown_and_undone(
        demo_window, db, qtbot, heard):  # noqa: F811
    page = _week(demo_window)
    monday, before = page.day_hours[0], read_rows(db, PATTERN_ROWS)
    hours = monday.value()
    _focus(demo_window, qtbot, monday)
    QTest.keyClick(monday, Qt.Key.Key_Up)
    QTest.keyClick(monday, Qt.Key.Key_Up)
    assert read_rows(db, PATTERN_ROWS) == before  # not saved by the arrows
    QTest.keyClick(monday, Qt.Key.Key_Return)
    assert read_rows(db, PATTERN_ROWS) != before
    said = [text for text, _ in heard]
    assert len(said) == 1 and said[0].startswith("Working week saved: ")
    assert said[0].endswith("Undo with Ctrl+Z.")
    assert page.saved_label.text() == said[0] and not page.saved_label.isHidden()  # shown
    assert demo_window.statusBar().currentMessage() == said[0]
    assert monday.value() == hours + 0.5
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=monday)
    assert read_rows(db, PATTERN_ROWS) == before and monday.value() == hours


def test_return_in_each_field_of_the_week_saves_it(demo_window, db, qtbot, heard):  # noqa: F811
    page = _week(demo_window)
    for field in [*page.day_hours, page.day_start, page.day_end]:
        heard.clear()
        _focus(demo_window, qtbot, field)
        QTest.keyClick(field, Qt.Key.Key_Return)
        # The week as it is: saved once, or, unchanged, nothing saved and said so (no step).
        assert [t for t, _ in heard if t.startswith(("Working week saved: ", NOTHING_TO_SAVE))
                ], field.accessibleName()


def test_return_in_the_leave_fields_adds_leave_but_never_over_other_leave(
        demo_window, db, qtbot, heard):  # noqa: F811
    page = _week(demo_window)
    day = date.today() + timedelta(days=200)
    while leave_between(db, day, day):
        day += timedelta(days=1)
    page.leave_date.set_value(day)
    page.leave_kind.setCurrentIndex(0)
    before = read_rows(db, LEAVE_ROWS)
    _focus(demo_window, qtbot, page.leave_date)
    QTest.keyClick(page.leave_date, Qt.Key.Key_Return)
    added = leave_between(db, day, day)[day]
    assert added.kind == page.leave_kind.itemText(0)
    assert heard[-1][0].startswith(f"Added {added.kind} on ")
    # Another kind on the same day would replace it: Return says so and changes nothing.
    page.leave_kind.setCurrentIndex(1)
    _focus(demo_window, qtbot, page.leave_kind)
    QTest.keyClick(page.leave_kind, Qt.Key.Key_Return)
    assert leave_between(db, day, day)[day] == added
    text, assertive = heard[-1]
    assert assertive and text.startswith("Not done yet: ") and "Add leave" in text
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=page.leave_date)
    assert read_rows(db, LEAVE_ROWS) == before


def test_return_in_the_leave_table_deletes_nothing(demo_window, db, qtbot, heard):  # noqa: F811
    page = _week(demo_window)
    assert page.leave_model.rowCount()
    before = read_rows(db, LEAVE_ROWS)
    _focus(demo_window, qtbot, page.leave_table)
    page.leave_table.selectRow(0)
    QTest.keyClick(page.leave_table, Qt.Key.Key_Return)
    QTest.keyClick(page.remove_leave_button, Qt.Key.Key_Return)
    assert read_rows(db, LEAVE_ROWS) == before


def test_return_saves_the_profile_once_from_any_of_its_fields(
        demo_window, db, qtbot, heard):  # noqa: F811
    from ui.settings.profile_page import ProfilePage

    page = _page(demo_window, "Profile", ProfilePage)
    for field in (page.grade, page.hours, page.ceiling, page.effective_from):
        heard.clear()
        _focus(demo_window, qtbot, field)
        QTest.keyClick(field, Qt.Key.Key_Return)
        saves = [t for t, _ in heard if t.startswith(("Profile saved", NOTHING_TO_SAVE))]
        assert len(saves) == 1, (field.accessibleName(), heard)
    page.hours.setText("30")
    before = read_rows(db, PROFILE_ROWS)
    _focus(demo_window, qtbot, page.hours)
    QTest.keyClick(page.hours, Qt.Key.Key_Return)
    assert read_rows(db, PROFILE_ROWS) != before
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=page.hours)
    assert read_rows(db, PROFILE_ROWS) == before


def test_return_in_a_weightings_number_saves_them(demo_window, db, qtbot, heard):  # noqa: F811
    from ui.settings.weightings_page import WeightingsPage

    page = _page(demo_window, "Weightings", WeightingsPage)
    field = next(iter(page.scalars.values()))
    before = read_rows(db, WEIGHTINGS_ROWS)
    _focus(demo_window, qtbot, field)
    field.lineEdit().selectAll()
    QTest.keyClicks(field, "139")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert read_rows(db, WEIGHTINGS_ROWS) != before
    assert heard[-1][0].startswith("Saved. The new values apply from ")
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, WEIGHTINGS_ROWS) == before


def test_return_in_the_report_date_adds_the_report(demo_window, db, qtbot, heard):  # noqa: F811
    from ui.settings.reductions_page import ReductionsPage

    page = _page(demo_window, "Reductions && reports", ReductionsPage)
    reports = page.reports_model.rowCount()
    _focus(demo_window, qtbot, page.report_date)
    QTest.keyClick(page.report_date, Qt.Key.Key_Return)
    assert page.reports_model.rowCount() == reports + 1
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert page.reports_model.rowCount() == reports
