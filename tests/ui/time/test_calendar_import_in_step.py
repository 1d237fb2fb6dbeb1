"""File > Import calendar… on a calendar imported before and changed since: two appointments that
swapped times, and leave moved a day later, as the practitioner sees and ticks them."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt

from core.time.calendar.importer import import_rows
from core.time.calendar.preview import propose, with_tick
from core.time.calendar.reader import read_calendar
from core.time.time_entries import TimeStore
from core.time.working_week import leave_between
from tests.core.time.calendar import ics
from ui.time.calendar_import_dialog import CalendarImportDialog
from ui.time.calendar_rows_model import COL_DATE, COL_TICK, COL_TIME, COL_WHY

NOW = datetime(2026, 11, 27, 12, 0)
WEEK = (date(2026, 11, 16), date(2026, 11, 20))
DAY = date(2026, 11, 18)


@pytest.fixture
def dialog(qtbot, db):
    dlg = CalendarImportDialog(db, lambda: NOW)
    qtbot.addWidget(dlg)
    return dlg


def load(qtbot, dlg, path):
    with qtbot.waitSignal(dlg.fileRead, timeout=10_000):
        dlg.load_file(path, *WEEK)


def shown(dlg):
    m = dlg.model
    return [(m.index(n, COL_DATE).data(), m.index(n, COL_TIME).data(),
             m.index(n, COL_TICK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked,
             m.index(n, COL_WHY).data()) for n in range(m.rowCount())]


def tick(dlg, number, on):
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    dlg.model.setData(dlg.model.index(number, COL_TICK), state.value,
                      Qt.ItemDataRole.CheckStateRole)


def write(tmp_path, *events):
    path = tmp_path / "calendar.ics"
    path.write_bytes(ics.calendar(*events))
    return path


def imported_before(db, *events):
    read = read_calendar(ics.calendar(*events), *WEEK)
    rows = propose(db, read.events, read.first, read.last, NOW.date())
    import_rows(db, [with_tick(r, True) for r in rows], NOW.date())


def pair(court, visit, extra=""):
    return (ics.event("a", "Court duty", f"20261118T{court}0000", f"20261118T{court + 1}0000",
                      extra=extra),
            ics.event("b", "Court duty (remand)", f"20261118T{visit}0000",
                      f"20261118T{visit + 1}0000", extra=extra))


MOVED = "Changed in your calendar: replaces the entry imported before"


def test_swapped_appointments_are_ticked_and_import_swapped(qtbot, dialog, db, tmp_path):
    imported_before(db, *pair(10, 11))
    load(qtbot, dialog, write(tmp_path, *pair(11, 10, "SEQUENCE:1")))
    assert shown(dialog) == [("Wed 18 Nov", "10:00–11:00", True, MOVED),
                             ("Wed 18 Nov", "11:00–12:00", True, MOVED)]
    tick(dialog, 0, False)  # one move alone cannot be imported: the other waits for it
    assert shown(dialog)[1] == (
        "Wed 18 Nov", "11:00–12:00", False,
        "Overlaps 11:00–12:00 Court duty already logged: tick the row that takes it out too")
    assert not dialog.import_button.isEnabled()
    tick(dialog, 0, True)
    assert [r[2] for r in shown(dialog)] == [True, True]
    dialog.import_button.click()
    assert [(e.start, e.end) for e in TimeStore(db).entries_on(DAY)] == [
        (time(10), time(11)), (time(11), time(12))]


def test_leave_moved_a_day_later_is_moved_in_the_leave(qtbot, dialog, db, tmp_path):
    imported_before(db, ics.event("l", "Annual leave", "20261116", "20261118"))
    load(qtbot, dialog, write(tmp_path, ics.event("l", "Annual leave", "20261117", "20261119",
                                                  extra="SEQUENCE:1")))
    assert shown(dialog) == [
        ("Mon 16 Nov", "all day", True,
         "Moved in your calendar: takes this day out of the leave imported before"),
        ("Tue 17 Nov", "all day", False, "Already in your leave"),
        ("Wed 18 Nov", "all day", True, "Moved in your calendar: added to your leave as before"),
    ]
    dialog.import_button.click()
    assert sorted(leave_between(db, *WEEK)) == [date(2026, 11, 17), date(2026, 11, 18)]


def _lines(text, font, width):
    """How many lines Qt's item painter breaks `text` into at `width` (QTextLayout, wrapping at
    word boundaries, as QCommonStyle draws an item view's text)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    count = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        count += 1
    layout.endLayout()
    return count


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_each_reason_has_room_for_every_line_it_is_drawn_on(qtbot, dialog, tmp_path):
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

    load(qtbot, dialog, write(
        tmp_path,
        ics.event("h", "Hydrate", "20261101T090000", "20261101T090500", extra="RRULE:FREQ=HOURLY"),
        ics.event("m", "Home visit", "20261119T100000", "20261120"),
    ))
    dialog.show()
    qtbot.waitExposed(dialog)
    table, style = dialog.table, dialog.table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for width in range(850, 1100, 5):  # the reason column narrows and widens with the window
        dialog.resize(width, 700)
        QApplication.processEvents()
        for number in range(dialog.model.rowCount()):
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = table.visualRect(dialog.model.index(number, COL_WHY))
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            option.text = dialog.model.index(number, COL_WHY).data()
            text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
            lines = _lines(option.text, table.font(), text.width() - 2 * margin)
            if table.rowHeight(number) < lines * table.fontMetrics().lineSpacing():
                cut.append((width, number, lines, table.rowHeight(number)))
    assert cut == []


def test_the_result_says_what_an_import_replaced(qtbot, dialog, db, tmp_path):
    """"Imported 2 entries" hid that the two entries imported before were replaced."""
    from ui.time.calendar_import_action import imported_message

    imported_before(db, *pair(10, 11))
    load(qtbot, dialog, write(tmp_path, *pair(11, 10, "SEQUENCE:1")))
    dialog.import_button.click()
    assert imported_message(dialog.result_import) == (
        "Imported 2 entries (2 hours) from your calendar, replacing 2 entries it imported "
        "before. Ctrl+Z undoes it.")


@pytest.mark.qt_log_ignore("does not support")
def test_return_in_a_field_while_the_import_would_replace_says_how_to_import(qtbot, dialog, db,
                                                                             tmp_path):
    """Importing again over entries imported before, Return is never the import; it did
    nothing and said nothing. It now says why and what to press, and imports nothing; the same
    words show beside the field, for whoever does not hear them."""
    from PySide6.QtWidgets import QToolTip

    from ui.widgets import announce, return_guard

    return_guard.install()
    imported_before(db, *pair(10, 11))
    load(qtbot, dialog, write(tmp_path, *pair(11, 10, "SEQUENCE:1")))
    before = [(e.start, e.end) for e in TimeStore(db).entries_on(DAY)]
    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    try:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()  # as the practitioner types in it (arriving, focus hides a tip)
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.waitUntil(dialog.import_button.isVisible)  # as a dialog cut to fit lays it out
        dialog.me_field.setFocus()
        qtbot.keyClick(dialog.me_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(heard))
    finally:
        announce.remove_listener(listener)
    assert heard == [("Not done yet: Return alone never deletes or overwrites. To import 2 rows, "
                      "Tab to “Import 2 rows” and press Space.", True)]
    assert QToolTip.isVisible() and QToolTip.text() == heard[0][0]
    assert dialog.isVisible() and [(e.start, e.end) for e in TimeStore(db).entries_on(DAY)] == before


@pytest.mark.qt_log_ignore("does not support")
def test_return_with_nothing_ticked_says_why_nothing_was_imported(qtbot, dialog, db, tmp_path):
    """Importing the same calendar again, every row already imported and Import greyed out:
    Return in the To field did nothing and said nothing."""
    from PySide6.QtWidgets import QToolTip

    from ui.widgets import announce, return_guard

    return_guard.install()
    imported_before(db, *pair(10, 11))
    load(qtbot, dialog, write(tmp_path, *pair(10, 11)))
    assert not dialog.import_button.isEnabled()
    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    try:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.last_field.setFocus()
        qtbot.keyClick(dialog.last_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(heard))
    finally:
        announce.remove_listener(listener)
    [(text, _)] = heard
    assert text.startswith("Nothing imported: no row is ticked: every event in these dates is "
                           "already imported.")
    assert QToolTip.isVisible() and QToolTip.text() == text
    assert dialog.isVisible() and len(TimeStore(db).entries_on(DAY)) == 2


@pytest.mark.qt_log_ignore("does not support")
def test_the_dialog_names_the_key_that_changes_an_activity_and_the_key_does(qtbot, dialog,
                                                                             tmp_path):
    from PySide6.QtWidgets import QLabel

    from ui.time.calendar_rows_model import COL_ACTIVITY

    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "double-click it or press F2 on it" in words
    load(qtbot, dialog, write(tmp_path, *pair(10, 11)))
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(0, COL_ACTIVITY))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState
