"""Ctrl+Z takes back what the practitioner can see, and shows what it took.

* Arrow presses not yet saved (the Working week's Monday stepped up) are the field's to take
  back first: Ctrl+Z there once took back a profile save made on another page and threw the
  stepped value away.
* A run of arrow presses on a setting saved at each press is one step; a value typed later, or
  a press after the keyboard has left the field, is a step of its own.
* Every undo and redo is shown in the status bar, naming the view when it is another one, and a
  page's "Saved. … Undo with Ctrl+Z." line does not outlive the save it offered to undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.caseload.retention import RETENTION_ROWS
from core.store.saved_rows import read_rows
from core.workload.profile import PROFILE_ROWS
from core.workload.weightings import WEIGHTINGS_ROWS
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _page(window, qtbot, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window.findChild(cls)


def _status(window) -> str:
    return window.statusBar().currentMessage()


def test_arrow_steps_not_saved_are_the_fields_to_undo_not_a_save_elsewhere(demo_window, db,
                                                                            qtbot, heard):
    from ui.settings.profile_page import ProfilePage
    from ui.settings.working_pattern_page import WorkingPatternPage

    profile = _page(demo_window, qtbot, "Profile", ProfilePage)
    profile.hours.setFocus()
    profile.hours.selectAll()
    QTest.keyClicks(profile.hours, "30")
    QTest.keyClick(profile.hours, Qt.Key.Key_Return)
    saved = read_rows(db, PROFILE_ROWS)
    assert heard[-1][0].endswith("Undo with Ctrl+Z.")

    week = _page(demo_window, qtbot, "Working week", WorkingPatternPage)
    monday = week.day_hours[0]
    monday.setFocus()
    shown = monday.value()
    QTest.keyClick(monday, Qt.Key.Key_Up)
    QTest.keyClick(monday, Qt.Key.Key_Up)
    stepped = monday.value()
    assert stepped > shown
    QTest.keyClick(monday, Qt.Key.Key_Z, CTRL)
    assert monday.value() == shown  # the steps taken back, in the field
    assert read_rows(db, PROFILE_ROWS) == saved  # the profile save on the other page stays
    QTest.keyClick(monday, Qt.Key.Key_Y, CTRL)
    assert monday.value() == stepped  # and stepped forward again
    assert read_rows(db, PROFILE_ROWS) == saved
    QTest.keyClick(monday, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(monday, Qt.Key.Key_Z, CTRL)  # nothing of its own left: the window's Undo
    assert read_rows(db, PROFILE_ROWS) != saved
    assert _status(demo_window).startswith("Undone: Save the profile")


def test_a_typed_value_after_arrow_steps_is_a_step_of_its_own(demo_window, db, qtbot):
    from ui.settings.data_page import DataPage

    page = _page(demo_window, qtbot, "Data & privacy", DataPage)
    spin = page.retention_days
    spin.setFocus()
    days, before = spin.value(), read_rows(db, RETENTION_ROWS)
    QTest.keyClick(spin, Qt.Key.Key_Up)
    demo_window.show_view("overview")  # away and back: the run of presses has ended
    QApplication.processEvents()
    stepped = read_rows(db, RETENTION_ROWS)  # saved as the keyboard left the field
    assert stepped != before
    page = _page(demo_window, qtbot, "Data & privacy", DataPage)
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "60")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 60
    QTest.keyClick(demo_window, Qt.Key.Key_Z, CTRL)
    assert read_rows(db, RETENTION_ROWS) == stepped  # back to the value in between
    assert spin.value() == days + 1


def test_a_press_after_leaving_the_field_is_a_step_of_its_own(demo_window, db, qtbot):
    from ui.settings.data_page import DataPage

    page = _page(demo_window, qtbot, "Data & privacy", DataPage)
    spin = page.retention_days
    spin.setFocus()
    days = spin.value()
    QTest.keyClick(spin, Qt.Key.Key_Up)
    QTest.keyClick(spin, Qt.Key.Key_Up)  # one run: one step
    page.backup_now.setFocus()  # the keyboard leaves the field
    QApplication.processEvents()
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == days + 3
    QTest.keyClick(spin, Qt.Key.Key_Z, CTRL)
    assert spin.value() == days + 2
    QTest.keyClick(spin, Qt.Key.Key_Z, CTRL)
    assert spin.value() == days


def test_an_undone_save_leaves_no_line_offering_to_undo_it(demo_window, db, qtbot, heard):
    from ui.settings.weightings_page import WeightingsPage

    page = _page(demo_window, qtbot, "Weightings", WeightingsPage)
    field = page.scalars["report.standard"]
    before = read_rows(db, WEIGHTINGS_ROWS)
    field.setText(str(int(float(field.text())) + 12))
    page.save_button.click()
    assert page.saved_label.text().endswith("Undo with Ctrl+Z.")
    QTest.keyClick(demo_window, Qt.Key.Key_Z, CTRL)
    assert read_rows(db, WEIGHTINGS_ROWS) == before
    assert "Undo with Ctrl+Z" not in page.saved_label.text()
    assert page.saved_label.text().startswith("Undone: Save weightings")
    assert _status(demo_window) == heard[-1][0] == page.saved_label.text()  # seen and heard


def test_time_taken_back_from_settings_is_shown_and_named(demo_window, db, qtbot, heard):
    from ui.settings.profile_page import ProfilePage

    demo_window.show_view("time")
    time_view = demo_window.view("time")
    QApplication.processEvents()
    time_view.quick.setFocus()
    QTest.keyClicks(time_view.quick, "45m travel")
    QTest.keyClick(time_view.quick, Qt.Key.Key_Return)
    logged = heard[-1][0]
    assert logged.startswith("Logged 45 minutes of Travel")

    profile = _page(demo_window, qtbot, "Profile", ProfilePage)
    QTest.keyClick(profile.hours, Qt.Key.Key_Z, CTRL)
    said = _status(demo_window)
    assert said == heard[-1][0]
    assert said.startswith("Undone in the Time view: Log time (Travel")  # where, which time


def test_a_date_stepped_with_the_arrows_is_the_fields_to_undo_too(demo_window, db, qtbot):
    from ui.settings.reductions_page import ReductionsPage
    from ui.settings.weightings_page import WeightingsPage

    weightings = _page(demo_window, qtbot, "Weightings", WeightingsPage)
    field = weightings.scalars["report.standard"]
    field.setText(str(int(float(field.text())) + 3))
    weightings.save_button.click()
    saved = read_rows(db, WEIGHTINGS_ROWS)

    page = _page(demo_window, qtbot, "Reductions & reports", ReductionsPage)
    day = page.report_date
    day.setFocus()
    shown = day.value()
    QTest.keyClick(day, Qt.Key.Key_Down)
    assert day.value() != shown
    QTest.keyClick(day, Qt.Key.Key_Z, CTRL)
    assert day.value() == shown
    assert read_rows(db, WEIGHTINGS_ROWS) == saved  # the save on the other page stays
