"""File > Import calendar…: the file read off the window thread, a read after Cancel, Return in a
field, and what was read said to a screen reader."""

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from core.time.time_entries import TimeStore
from tests.ui.time.test_calendar_import_dialog import (  # noqa: F401 - fixtures shared
    NOW, WEEK, cases, dialog, load, shown, week_file)


def test_the_file_is_read_off_the_window_thread_while_the_dialog_says_so(
    qtbot, dialog, week_file, monkeypatch  # noqa: F811 - fixtures
):
    import threading

    import ui.time.calendar_read_job as job_module

    threads = []
    real = job_module.read_calendar_file

    def spy(*args):
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(job_module, "read_calendar_file", spy)
    with qtbot.waitSignal(dialog.fileRead, timeout=10_000):
        dialog.load_file(week_file, *WEEK)
        assert dialog.summary.text() == "Reading calendar.ics…"
        assert not dialog.choose_button.isEnabled() and not dialog.import_button.isEnabled()
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.model.rowCount() == 12 and dialog.choose_button.isEnabled()


def test_a_repeat_every_second_is_one_unticked_row_not_a_refused_file(
    qtbot, dialog, tmp_path, cases  # noqa: F811 - fixtures
):
    path = tmp_path / "secondly.ics"
    path.write_bytes(  # the tester's 160-byte file, and an appointment beside it
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s\r\nDTSTART:20000101T090000Z\r\n"
        b"DTEND:20000101T090001Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:v\r\nDTSTART:20261124T100000Z\r\nDTEND:20261124T110000Z\r\n"
        b"SUMMARY:Home visit C07\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    load(qtbot, dialog, path, date(2026, 11, 23), date(2026, 11, 27))
    assert dialog.file_problem.problems() == []
    assert shown(dialog) == [
        ("Mon 23 Nov", "–", "", "", False,
         "Line 7 of the file: it repeats every second, which no appointment does; log it by hand"),
        ("Tue 24 Nov", "10:00–11:00", "Home visit", "C07", True, ""),
    ]
    dialog.import_button.click()
    saved = TimeStore(cases).entries_between(date(2026, 11, 23), date(2026, 11, 27))
    assert [(e.date, e.start, e.minutes) for e in saved] == [(date(2026, 11, 24), time(10), 60)]


def test_a_read_that_arrives_after_cancel_is_ignored(qtbot, dialog, week_file, monkeypatch):  # noqa: F811 - fixtures
    import threading

    import ui.time.calendar_read_job as job_module

    go_on = threading.Event()
    real = job_module.read_calendar_file
    monkeypatch.setattr(job_module, "read_calendar_file", lambda *a: go_on.wait(10) and real(*a))
    dialog.load_file(week_file, *WEEK)
    with qtbot.waitSignal(dialog._job.signals.finished, timeout=10_000):
        dialog.reject()
        go_on.set()
    assert dialog.model.rowCount() == 0 and dialog.result() == dialog.DialogCode.Rejected


@pytest.mark.qt_log_ignore("does not support")
def test_return_in_the_from_field_presses_import_as_in_any_other_field(qtbot, dialog, week_file,  # noqa: F811 - fixtures
                                                                         cases):  # noqa: F811 - fixtures
    """Return in a date field used to read the file again (Qt repeats an unchanged date on
    Return), which disabled Import just as that Return reached the dialog: nothing happened."""
    from ui.widgets import return_guard

    return_guard.install()
    load(qtbot, dialog, week_file, *WEEK)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.import_button.isVisible)  # shown once a dialog cut to fit is laid out
    dialog.first_field.setFocus()
    qtbot.keyClick(dialog.first_field, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(TimeStore(cases).entries_between(*WEEK)) == 6


def test_what_was_read_is_said_politely_and_a_file_that_cannot_be_read_at_once(qtbot, dialog,  # noqa: F811 - fixtures
                                                                              week_file, tmp_path):  # noqa: F811 - fixtures
    """Import cases said "3 cases ready to import"; Import calendar said nothing once read. The
    reasons are the table's own, in the order its rows give them."""
    from ui.widgets import announce

    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    try:
        load(qtbot, dialog, week_file, *WEEK)
        text, assertive = heard[-1]
        assert not assertive
        assert text.startswith("calendar.ics read: 12 rows, 6 ticked to import "
                               "(9 hours 30 minutes); not ticked: ")
        assert text.endswith("2 need an activity, 1 shown as free, 1 all day: training day?, "
                             "1 declined, 1 outside your working day.")
        bad = tmp_path / "cases.csv"
        bad.write_text("Reference,Tier\nC01,B2\n")
        load(qtbot, dialog, bad)
        assert heard[-1] == (dialog.file_problem.text(), True)
    finally:
        announce.remove_listener(listener)
