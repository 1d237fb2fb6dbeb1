"""The one-line field a screen reader reads whole (ui.widgets.line_field) behaves as a line edit
for the keyboard and the eye: Return reaches the dialog's default button and is never typed,
pasted lines join with spaces, Tab moves on and selects on arrival, the size and pixels are a
line edit's. (tests/atspi/test_line_fields_read_whole.py and test_orca_line_fields.py read it
through the bus and with Orca.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.line_field import LineField

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _dialog(qtbot, field: QWidget):  # type: ignore[no-untyped-def]
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field.setFocus()
    return dialog


def test_return_is_not_typed_and_presses_the_dialogs_default_button(qtbot):
    field = LineField("C07")
    dialog = _dialog(qtbot, field)
    pressed, finished = [], []
    field.returnPressed.connect(lambda: pressed.append(field.text()))
    field.editingFinished.connect(lambda: finished.append(field.text()))
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "C07" and field.document().blockCount() == 1
    assert pressed == ["C07"] and finished == ["C07"]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_shift_return_and_enter_add_no_line_either(qtbot):
    field = LineField("C07")
    _kept = _dialog(qtbot, field)
    for key, held in ((Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier),
                      (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)):
        QTest.keyClick(field, key, held)
    assert field.text() == "C07" and field.document().blockCount() == 1


def test_pasted_lines_join_with_spaces_and_the_length_is_kept(qtbot):
    field = LineField()
    field.setMaxLength(12)
    _kept = _dialog(qtbot, field)
    data = QMimeData()
    data.setText("20m\ntravel\r\nto court")
    field.insertFromMimeData(data)
    assert field.text() == "20m travel t"  # one line, cut at the field's length
    QTest.keyClicks(field, "xyz")
    assert field.text() == "20m travel t"


def test_typing_is_edited_setting_is_not_and_leaves_nothing_to_undo(qtbot):
    field = LineField()
    _kept = _dialog(qtbot, field)
    edited = []
    field.textEdited.connect(edited.append)
    assert not field.isUndoAvailable()  # nothing typed: Ctrl+Z is the window's
    field.setText("C07")
    assert edited == [] and not field.isUndoAvailable()
    assert field.cursorPosition() == 3  # the caret at the end, as a line edit's
    QTest.keyClicks(field, "a")
    assert edited == ["C07a"] and field.isUndoAvailable()
    field.setText("")
    assert not field.isUndoAvailable()


def test_a_validator_refuses_what_a_line_edit_would(qtbot):
    field = LineField()
    field.setValidator(QIntValidator(0, 999, field))
    _kept = _dialog(qtbot, field)
    QTest.keyClicks(field, "1a2")
    assert field.text() == "12"


def test_tab_moves_on_and_the_text_is_selected_after_arrival(qtbot):
    form = QWidget()
    layout = QVBoxLayout(form)
    first, second = LineField(), LineField("45m travel")
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    first.setFocus()
    QTest.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus() and first.text() == ""  # no tab typed
    assert not second.hasSelectedText()  # said first, selected just after
    qtbot.waitUntil(second.hasSelectedText)
    QTest.keyClicks(second, "1h")
    assert second.text() == "1h"
    QTest.keyClick(second, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert first.hasFocus() and not second.hasSelectedText()  # left behind unselected


@pytest.mark.parametrize("scale_text", ["20m trav", ""])
def test_it_is_drawn_as_a_line_edit_is(qtbot, scale_text):
    pictures = []
    for kind in (QLineEdit, LineField):
        window = QWidget()
        form = QFormLayout(window)
        field = kind()
        field.setText(scale_text)
        field.setPlaceholderText("e.g. C07")
        form.addRow("Reference", field)
        qtbot.addWidget(window)
        window.resize(300, 60)
        window.show()
        QApplication.processEvents()
        assert field.sizeHint() == QLineEdit().sizeHint()
        pictures.append(window.grab().toImage())
    assert pictures[0] == pictures[1]


def test_text_selected_before_the_keyboard_comes_is_shown_selected_once_it_does(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = LineField(), LineField("Discuss C07")
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    second.selectAll()  # as a dialog does before it is shown: a line edit draws no selection
    assert second.hasSelectedText() and not second.textCursor().hasSelection()
    second.setFocus()
    assert second.textCursor().selectedText() == "Discuss C07"
    QTest.keyClicks(second, "C08")
    assert second.text() == "C08"


def test_the_clear_button_clears_undoably_and_says_it_was_edited(qtbot):
    field = LineField("C07")
    field.setClearButtonEnabled(True)
    _kept = _dialog(qtbot, field)
    edited = []
    field.textEdited.connect(edited.append)
    button = field.findChild(QToolButton)
    assert button.isVisible() and button.accessibleName() == "Clear text"
    button.click()
    assert field.text() == "" and edited == [""] and not button.isVisible()
    field.undo()
    assert field.text() == "C07"
