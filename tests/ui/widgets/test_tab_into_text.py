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
