"""Tab into a one-line field: the field's arrival comes first, its text is selected just after,
and typing still types over it. Qt selected the text (and moved the caret) while the focus was
arriving, before a screen reader heard of the focus: Orca, a moment behind after F11 opened the
meeting, took the caret move for the arrival, quietly, and said nothing of "Agreed action" and
"Owner" (tests/atspi/test_orca_after_f11.py hears it with Orca itself)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.widgets import tab_into_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _form(qtbot):  # type: ignore[no-untyped-def]
    tab_into_text.install()
    form = QWidget()
    layout = QVBoxLayout(form)
    first, second = QLineEdit(), QLineEdit("45m travel")
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    first.setFocus()
    return form, first, second


def test_the_text_is_selected_after_the_field_has_the_focus_and_typed_over(qtbot):
    _form_kept, first, second = _form(qtbot)
    QTest.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus()
    assert not second.hasSelectedText()  # nothing moved in the field as the focus arrived
    qtbot.waitUntil(second.hasSelectedText)
    assert second.selectedText() == "45m travel"
    QTest.keyClicks(second, "1h recording")
    assert second.text() == "1h recording"  # typed over, as before


def test_back_by_shift_tab_and_a_click_are_as_before(qtbot):
    _form_kept, first, second = _form(qtbot)
    first.setText("yesterday")
    second.setFocus()
    QTest.keyClick(second, Qt.Key.Key_Backtab)
    assert first.hasFocus()
    qtbot.waitUntil(first.hasSelectedText)
    second.deselect()
    QTest.mouseClick(second, Qt.MouseButton.LeftButton)
    assert second.hasFocus() and not second.hasSelectedText()  # a click places the caret


@pytest.mark.parametrize("kind", ["date", "hours", "minutes"])
def test_a_date_or_number_is_selected_after_its_arrival_too(qtbot, kind):
    """Back to back after F11, Orca said "10/12/2026 selected" for the meeting's Due date, not
    its name: Qt selected the date as the focus was arriving, as it did a line edit's text."""
    from datetime import date

    from PySide6.QtWidgets import QSpinBox

    from ui.widgets.date_fields import DateField
    from ui.widgets.hours_spin import HoursSpinBox

    form, first, _second = _form(qtbot)
    field = {"date": lambda: DateField(date(2026, 12, 10)), "hours": HoursSpinBox,
             "minutes": QSpinBox}[kind]()
    field.setValue(7) if kind != "date" else None
    form.layout().addWidget(field)
    field.show()
    qtbot.waitUntil(field.isVisible)
    QWidget.setTabOrder(first, field)
    first.setFocus()
    QTest.keyClick(first, Qt.Key.Key_Tab)
    assert field.hasFocus()
    assert not field.lineEdit().hasSelectedText()  # nothing moved as the focus arrived
    qtbot.waitUntil(field.lineEdit().hasSelectedText)
    assert field.lineEdit().selectedText() == field.lineEdit().text()  # all: typed over
