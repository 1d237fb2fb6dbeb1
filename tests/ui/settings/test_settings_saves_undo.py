"""Every save in Settings is one undo step in the window: the profile from a date, the working
week, the weightings (saved or restored to the published defaults), the retention period and
the backup folder. Ctrl+Z puts back the stored rows exactly (the profile's dated history too)
and the fields with them; Ctrl+Y saves it again; each way is said. Undo after a change made
elsewhere since keeps that change. They were saved with nothing for Ctrl+Z to take back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from core.caseload.models import Profile
from core.caseload.retention import RETENTION_ROWS
from core.store.backup import BACKUP_FOLDER_ROWS
from core.store.saved_rows import read_rows
from core.time.working_week import PATTERN_ROWS
from core.workload.profile import PROFILE_ROWS, save_profile
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


def _page(window, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    QApplication.processEvents()
    return window.findChild(cls)


def _keys(window, qtbot, key: Qt.Key, focus=None) -> None:
    """Ctrl+`key` where the keyboard is (`focus`, or the window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    if focus is not None:
        focus.setFocus()
    QTest.keyClick(focus or window, key, CTRL)


def test_a_profile_saved_from_a_date_comes_back_with_its_history(demo_window, db, qtbot, heard):
    from ui.settings.profile_page import ProfilePage

    overview = demo_window.view("overview").workload
    words = overview.words.text()
    page = _page(demo_window, "Profile", ProfilePage)
    before, hours_before = read_rows(db, PROFILE_ROWS), page.hours.text()
    since = date.today()
    page.hours.setText("18")  # fewer hours: the same work is heavier this week
    page.effective_from.set_value(since)
    page.save_button.click()
    after = read_rows(db, PROFILE_ROWS)
    assert after != before and len(after.rows("profile_changes")) == \
        len(before.rows("profile_changes")) + 1  # a dated change added, the history kept
    assert heard[-1][0].startswith(f"Profile saved, in force from {since:%d/%m/%Y}.")
    assert heard[-1][0].endswith("Undo with Ctrl+Z.")
    assert overview.words.text() != words

    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, PROFILE_ROWS) == before
    assert page.hours.text() == hours_before
    assert overview.words.text() == words  # the Overview is worked out again, as it was
    assert heard[-1] == (f"Undone: Save the profile, in force from {since:%d/%m/%Y}.", False)

    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert read_rows(db, PROFILE_ROWS) == after
    assert page.hours.text() == "18"
    assert heard[-1][0].startswith("Redone: Save the profile")


def test_return_in_the_hours_field_saves_and_ctrl_z_there_takes_it_back(demo_window, db, qtbot):
    """The keyboard stays in the field Return saved from; Ctrl+Z there reached only the field
    (which had nothing of its own to undo), never the save."""
    from ui.settings.profile_page import ProfilePage

    page = _page(demo_window, "Profile", ProfilePage)
    before, hours_before = read_rows(db, PROFILE_ROWS), page.hours.text()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    page.hours.setFocus()
    page.hours.selectAll()
    QTest.keyClicks(page.hours, "31")
    QTest.keyClick(page.hours, Qt.Key.Key_Return)
    assert read_rows(db, PROFILE_ROWS) != before
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=page.hours)
    assert read_rows(db, PROFILE_ROWS) == before
    assert page.hours.text() == hours_before


def test_undo_after_the_profile_changed_elsewhere_keeps_that_change(demo_window, db, qtbot,
                                                                      heard):
    from ui.settings.profile_page import ProfilePage

    page = _page(demo_window, "Profile", ProfilePage)
    page.hours.setText("30")
    page.save_button.click()
    save_profile(db, Profile("PSO", None, None), date.today() + timedelta(days=30))  # a command
    elsewhere = read_rows(db, PROFILE_ROWS)
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, PROFILE_ROWS) == elsewhere
    text, assertive = heard[-1]
    assert assertive and "changed since" in text and "not undone" in text


def test_the_working_week_comes_back_as_it_was(demo_window, db, qtbot, heard):
    from ui.settings.working_pattern_page import WorkingPatternPage

    page = _page(demo_window, "Working week", WorkingPatternPage)
    before = read_rows(db, PATTERN_ROWS)
    monday = page.day_hours[0].value()
    page.day_hours[0].setValue(monday + 1)
    page.save_button.click()
    after = read_rows(db, PATTERN_ROWS)
    assert after != before
    assert heard[-1][0].startswith("Working week saved:")
    assert heard[-1][0].endswith("Undo with Ctrl+Z.")
    assert page.saved_label.text() == heard[-1][0]  # seen as well as heard
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, PATTERN_ROWS) == before
    assert page.day_hours[0].value() == monday
    assert heard[-1][0] == "Undone: Save the working week."
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert read_rows(db, PATTERN_ROWS) == after
    assert page.day_hours[0].value() == monday + 1


def test_weightings_saved_or_restored_come_back(demo_window, db, qtbot, heard, monkeypatch):
    from ui.settings.weightings_page import WeightingsPage

    page = _page(demo_window, "Weightings", WeightingsPage)
    field = page.scalars["report.standard"]
    before, shown = read_rows(db, WEIGHTINGS_ROWS), field.text()
    field.setText(str(int(float(shown)) + 10))
    page.save_button.click()
    saved = read_rows(db, WEIGHTINGS_ROWS)
    assert saved != before and heard[-1][0].endswith("Undo with Ctrl+Z.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.restore()
    restored = read_rows(db, WEIGHTINGS_ROWS)
    assert restored != saved
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, WEIGHTINGS_ROWS) == saved
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, WEIGHTINGS_ROWS) == before
    assert field.text() == shown
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert read_rows(db, WEIGHTINGS_ROWS) == saved


def test_retention_changed_arrow_by_arrow_is_one_step(demo_window, db, qtbot, heard):
    from ui.settings.data_page import DataPage

    page = _page(demo_window, "Data & privacy", DataPage)
    before, days = read_rows(db, RETENTION_ROWS), page.retention_days.value()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    page.retention_days.setFocus()
    for _ in range(3):
        QTest.keyClick(page.retention_days, Qt.Key.Key_Up)
    QTest.keyClick(page.retention_days, Qt.Key.Key_Return)  # saved as the user settles
    after = read_rows(db, RETENTION_ROWS)
    assert after != before and page.retention_days.value() == days + 3
    assert any(text.endswith("Undo with Ctrl+Z.") for text, _ in heard)
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=page.retention_days)
    assert read_rows(db, RETENTION_ROWS) == before
    assert page.retention_days.value() == days
    assert heard[-1][0] == "Undone: Change the retention period."
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert read_rows(db, RETENTION_ROWS) == after
    assert page.retention_days.value() == days + 3


def test_the_backup_folder_comes_back(demo_window, db, qtbot, heard, tmp_path):
    from ui.settings.data_page import DataPage

    page = _page(demo_window, "Data & privacy", DataPage)
    before, note = read_rows(db, BACKUP_FOLDER_ROWS), page.backup_note.text()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    page._set_folder(elsewhere)
    assert str(elsewhere) in page.backup_note.text()
    assert heard[-1][0] == f"Backups are made in {elsewhere}. Undo with Ctrl+Z."
    _keys(demo_window, qtbot, Qt.Key.Key_Z)
    assert read_rows(db, BACKUP_FOLDER_ROWS) == before
    assert page.backup_note.text() == note
    _keys(demo_window, qtbot, Qt.Key.Key_Y)
    assert str(elsewhere) in page.backup_note.text()


def test_typing_not_yet_saved_is_the_fields_own_to_undo_first(demo_window, db, qtbot):
    from ui.settings.profile_page import ProfilePage

    page = _page(demo_window, "Profile", ProfilePage)
    page.hours.setText("30")
    page.save_button.click()
    saved = read_rows(db, PROFILE_ROWS)
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    page.hours.setFocus()
    page.hours.end(False)
    QTest.keyClicks(page.hours, ".5")
    assert page.hours.text() == "30.5"
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=page.hours)
    assert page.hours.text() == "30"  # the typing, not the save
    assert read_rows(db, PROFILE_ROWS) == saved
    _keys(demo_window, qtbot, Qt.Key.Key_Z, focus=page.hours)  # nothing of its own left
    assert read_rows(db, PROFILE_ROWS) != saved
