"""The Add/Edit time dialog takes times as the one-line entry does (issue 26): 2pm, 2.30pm,
2:30 pm and noon, typed from the keyboard, with 24:00 as the end of the day; anything else is
refused in one clear line and nothing is saved."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from ui.time.time_entry_dialog import TimeEntryDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def typed(qtbot, db, start: str, end: str) -> TimeEntryDialog:
    dialog = TimeEntryDialog(db, day=date(2026, 11, 18))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.timed.setChecked(True)
    for edit, text in ((dialog.start_edit, start), (dialog.end_edit, end)):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        qtbot.keyClicks(edit, text)
        # leaving the field (offscreen windows never become active, so say it went)
        QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    return dialog


@pytest.mark.parametrize(
    ("start", "end", "span", "minutes"),
    [
        ("2pm", "3pm", (time(14, 0), time(15, 0)), 60),
        ("2.30pm", "3:15 pm", (time(14, 30), time(15, 15)), 45),
        ("11am", "noon", (time(11, 0), time(12, 0)), 60),
        ("noon", "1.05pm", (time(12, 0), time(13, 5)), 65),
        ("22:30", "24:00", (time(22, 30), time(0, 0)), 90),
        ("2230", "midnight", (time(22, 30), time(0, 0)), 90),
    ],
)
def test_times_typed_as_people_say_them_are_saved(qtbot, db, start, end, span, minutes):
    dialog = typed(qtbot, db, start, end)
    assert dialog.minutes.value() == minutes  # the duration follows as the times are typed
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    entry = dialog.entry()
    assert (entry.start, entry.end, entry.minutes) == (*span, minutes)


def test_a_typed_time_is_shown_back_on_the_24_hour_clock(qtbot, db):
    dialog = typed(qtbot, db, "2.30pm", "24:00")
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("14:30", "24:00")


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("teatime", "3pm", "Start: 'teatime' is not a time of day; use 17:05 or 5.05pm."),
        ("2pm", "13pm", "End: 13pm is not a time of day; use 1am to 12.59pm, or 13:00."),
        ("25:00", "3pm", "Start: 25:00 is not a time of day"),
        ("", "3pm", "Start: type a time, e.g. 17:05 or 5.05pm."),
    ],
)
def test_nonsense_is_refused_in_one_line_and_nothing_is_read(qtbot, db, start, end, said):
    dialog = typed(qtbot, db, start, end)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.isVisible()
    assert len(dialog.problems.problems()) == 1
    assert dialog.problems.problems()[0].startswith(said)
    field = dialog.start_edit if said.startswith("Start") else dialog.end_edit
    assert dialog.focusWidget() is field and field.text() == (start if field is dialog.start_edit else end)


def test_24_00_is_only_an_end(qtbot, db):
    dialog = typed(qtbot, db, "24:00", "1am")
    dialog.accept()
    assert dialog.problems.problems()[0].startswith("Start: 24:00 is not a time of day")


def test_an_entry_ending_at_midnight_opens_with_24_00(qtbot, db):
    dialog = TimeEntryDialog(db, day=date(2026, 11, 18), start=time(23, 0), end=time(0, 0))
    qtbot.addWidget(dialog)
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("23:00", "24:00")
    assert dialog.minutes.value() == 60


def test_arrow_keys_move_a_time_as_the_clock_field_did(qtbot, db):
    dialog = typed(qtbot, db, "2pm", "23:30")
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_PageDown)
    for _ in range(7):
        qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Up)  # stops at the end of the day
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("13:05", "24:00")
    assert dialog.minutes.value() == 10 * 60 + 55
    entry = dialog.entry()
    assert (entry.start, entry.end) == (time(13, 5), time(0, 0))
