"""Typing a whole date into a date field replaces the date shown, wherever the click landed."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets import announce
from ui.widgets.date_fields import DateField, DateTimeField, OptionalDateField

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")  # offscreen only


@pytest.fixture
def form(qtbot, request):
    """A field beside a button that has the focus first, as in any dialog."""
    window = QWidget()
    layout = QVBoxLayout(window)
    first = QPushButton("First")
    field = DateField(date(2026, 11, 29))
    optional = OptionalDateField("Ends", date(2026, 11, 29))
    for widget in (first, field, optional):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    first.setFocus()
    request.node.window = window  # kept alive for the test
    return field, optional


def type_into(qtbot, field: DateField, x: int, text: str) -> None:
    edit = field.findChild(QLineEdit)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(x, edit.height() // 2))
    QApplication.processEvents()
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize("x", [4, 14, 30, 48, 70], ids=["day", "day end", "month", "year", "end"])
@pytest.mark.parametrize("typed, expected", [
    ("01/09/2026", date(2026, 9, 1)),
    ("1/9/2026", date(2026, 9, 1)),
    ("2027-02-03", date(2027, 2, 3)),
])
def test_a_whole_date_typed_replaces_the_date_wherever_the_click_landed(qtbot, form, x, typed,
                                                                        expected):
    field, _ = form
    type_into(qtbot, field, x, typed)
    assert field.value() == expected


def test_the_optional_field_replaces_too(qtbot, form):
    _, optional = form
    type_into(qtbot, optional.edit, 30, "01/09/2026")
    assert optional.value() == date(2026, 9, 1)


def test_tabbing_in_and_typing_a_date_replaces_it(qtbot, form):
    field, _ = form
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "05/10/2026")
    assert field.value() == date(2026, 10, 5)


@pytest.mark.parametrize("x", [4, 30, 48], ids=["day", "month", "year"])
@pytest.mark.parametrize("typed, expected", [
    ("01/09/26", date(2026, 9, 1)),  # the usual UK short form: 20yy
    ("01-09-2026", date(2026, 9, 1)),
    ("01.09.2026", date(2026, 9, 1)),
    ("1.9.26", date(2026, 9, 1)),
    ("31/12/2026", date(2026, 12, 31)),
])
def test_short_years_and_other_separators_read_as_typed(qtbot, form, x, typed, expected):
    field, _ = form
    type_into(qtbot, field, x, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == expected
    assert field.problem == ""


@pytest.mark.parametrize("typed", ["29/02/2027", "31/04/2026", "30.02.26"])
def test_an_impossible_date_is_refused_with_a_reason_and_focus_stays(qtbot, form, typed):
    field, _ = form
    type_into(qtbot, field, 30, typed)
    with qtbot.waitSignal(field.refused) as refused:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == date(2026, 11, 29)  # not 28/02/2027: the old date is kept
    assert typed in refused.args[0] and "29/11/2026" in refused.args[0]
    assert field.hasFocus()


def test_leaving_after_an_impossible_date_keeps_focus_and_the_old_date(qtbot, form):
    field, _ = form
    type_into(qtbot, field, 4, "29/02/2027")
    window = field.window()
    first = window.findChild(QPushButton)
    first.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(field.hasFocus)
    assert field.value() == date(2026, 11, 29) and "29/02/2027" in field.problem


def test_the_stale_timer_date_time_field_reads_whole_dates_the_same_way(qtbot):
    from datetime import datetime

    from core.time.timer import RunningTimer
    from ui.time.stale_timer_dialog import StaleTimerDialog

    timer = RunningTimer(1, datetime(2026, 11, 20, 9, 0), activity_name="Travel")
    dialog = StaleTimerDialog(timer, datetime(2026, 11, 30, 8, 0))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field = dialog.until_edit
    assert field.value() == datetime(2026, 11, 20, 17, 0)
    for typed, expected in (("23/11/26", datetime(2026, 11, 23, 17, 0)),
                            ("24-11-2026 12:30", datetime(2026, 11, 24, 12, 30))):
        field.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert field.value() == expected
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "31/11/2026")  # no such day
    with qtbot.waitSignal(field.refused):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == datetime(2026, 11, 24, 12, 30) and dialog.isVisible()
    qtbot.keyClicks(field, "01/12/2026")  # after "now": outside what the field takes
    with qtbot.waitSignal(field.refused) as refused:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "outside" in refused.args[0] and dialog.isVisible()
    assert dialog.choice().until == datetime(2026, 11, 24, 12, 30)


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_each_arrow_press_says_the_whole_new_date_in_words_politely_once(qtbot, form, heard):
    field, _ = form
    field.set_value(date(2026, 12, 7))
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    heard.clear()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Down):
        qtbot.keyClick(field, key)
    assert heard == [("Tuesday 8 December 2026", False), ("Wednesday 9 December 2026", False),
                     ("Tuesday 8 December 2026", False)]
    heard.clear()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # no change: nothing said
    assert heard == []


def test_a_whole_date_typed_is_said_in_words_once(qtbot, form, heard):
    field, _ = form
    type_into(qtbot, field, 70, "06/12/2026")
    assert field.value() == date(2026, 12, 6)
    assert heard == []  # not 06/12/20 as 2020 on the way
    qtbot.waitUntil(lambda: heard == [("Sunday 6 December 2026", False)])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert heard == [("Sunday 6 December 2026", False)]


def test_return_straight_after_typing_says_the_date_once(qtbot, form, heard):
    field, _ = form
    type_into(qtbot, field, 70, "06/12/2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert heard == [("Sunday 6 December 2026", False)]


def test_the_optional_field_and_the_date_time_field_say_their_change(qtbot, form, heard):
    _, optional = form
    optional.check.setChecked(True)
    optional.edit.setFocus()
    qtbot.waitUntil(optional.edit.hasFocus)
    heard.clear()
    qtbot.keyClick(optional.edit, Qt.Key.Key_Down)
    assert heard == [("Saturday 28 November 2026", False)]
    stamp = DateTimeField(datetime(2026, 11, 30, 17, 0))
    qtbot.addWidget(stamp)
    stamp.show()
    stamp.setFocus()
    qtbot.waitUntil(stamp.hasFocus)
    heard.clear()
    stamp.setCurrentSection(DateTimeField.Section.DaySection)
    qtbot.keyClick(stamp, Qt.Key.Key_Down)
    assert heard == [("Sunday 29 November 2026, 17:00", False)]
