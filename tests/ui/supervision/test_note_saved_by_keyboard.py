"""A supervision note typed in its field is saved with Ctrl+Return (it did nothing: Tab and Space
on Save were the only way), the note added is said to a screen reader with how to take it back,
and Ctrl+Z takes it back. Ctrl+Return never presses a button that cancels or deletes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.supervision.agenda import open_agenda
from ui.widgets import announce, return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_ctrl_return_in_the_note_field_adds_the_note_and_says_so(demo_window, db, qtbot, heard):
    win = demo_window
    win.show_view("supervision")
    view = win.view("supervision")
    before = [i.text for i in open_agenda(db)]
    typed: list[str] = []

    def type_the_note() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, type_the_note)
            return
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        field = dialog.text  # the Note field (Alt+N), as the user reaches it
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        if QApplication.focusWidget() is field:
            QTest.keyClicks(field, "Two parole reports due in the same fortnight")
            typed.append(field.toPlainText())
            QTest.keyClick(field, Qt.Key.Key_Return, CTRL)
        if dialog.isVisible():  # not saved: leave, so the test can say so
            dialog.reject()

    QTimer.singleShot(0, type_the_note)
    view.add_buttons["workload"].click()
    assert typed == ["Two parole reports due in the same fortnight"]
    after = [i.text for i in open_agenda(db)]
    assert after == before + typed
    assert heard == [("Workload note added to the agenda. Undo with Ctrl+Z.", False)]
    assert typed[0] in [i.text for i in view.agenda_model.items()]

    heard.clear()
    win.undo_stack.undo()
    assert [i.text for i in open_agenda(db)] == before
    assert typed[0] not in [i.text for i in view.agenda_model.items()]
    assert heard == [("Took back the note.", False)]
    win.undo_stack.redo()
    assert [i.text for i in open_agenda(db)] == before + typed


def _dialog(qtbot, buttons) -> tuple[QDialog, QPlainTextEdit, QDialogButtonBox]:  # type: ignore[no-untyped-def]
    return_guard.install()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QPlainTextEdit()
    box = QDialogButtonBox(buttons)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(box)
    dialog.show()
    field.setFocus()
    field.setPlainText("half a note")
    return dialog, field, box


def test_ctrl_return_never_cancels_deletes_or_saves_a_form_that_cannot_be_saved(qtbot):
    S = QDialogButtonBox.StandardButton
    pressed: list[str] = []
    dialog, field, box = _dialog(qtbot, S.Cancel)  # the only default cancels: typing kept
    box.button(S.Cancel).setDefault(True)
    box.rejected.connect(lambda: pressed.append("cancel"))
    QTest.keyClick(field, Qt.Key.Key_Return, CTRL)
    assert pressed == [] and dialog.isVisible() and field.toPlainText() == "half a note"

    dialog, field, box = _dialog(qtbot, S.Save | S.Cancel)
    box.accepted.connect(lambda: pressed.append("save"))
    box.button(S.Save).setEnabled(False)  # the form is not ready to save
    QTest.keyClick(field, Qt.Key.Key_Return, CTRL)
    assert pressed == [] and dialog.isVisible()
    return_guard.set_destructive(dialog, box.button(S.Save), True)  # this Save overwrites
    box.button(S.Save).setEnabled(True)
    QTest.keyClick(field, Qt.Key.Key_Return, CTRL)
    assert pressed == [] and dialog.isVisible()

    dialog, field, box = _dialog(qtbot, S.Ok | S.Cancel)
    box.accepted.connect(lambda: pressed.append("ok"))
    QTest.keyClick(field, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert pressed == ["ok"]


def test_ctrl_return_outside_a_text_field_is_left_alone(qtbot):
    S = QDialogButtonBox.StandardButton
    dialog, _field, box = _dialog(qtbot, S.Save | S.Cancel)
    pressed: list[str] = []
    box.accepted.connect(lambda: pressed.append("save"))
    other = QWidget(dialog)
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    dialog.layout().addWidget(other)
    other.show()
    other.setFocus()
    QTest.keyClick(other, Qt.Key.Key_Return, CTRL)
    assert pressed == []


def test_ctrl_return_in_a_one_line_note_adds_it_too(demo_window, db, qtbot, heard):
    """"Add to supervision notes…" from the Caseload: its Note is one line, and Ctrl+Return
    there did nothing without a word, where the Supervision note's field saves with it."""
    win = demo_window
    win.show_view("caseload")
    view = win.view("caseload")
    view.table.setFocus()
    view.table.selectRow(0)
    reference = view.selected_case().reference
    before = [i.text for i in open_agenda(db)]
    typed: list[str] = []

    def type_the_note() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, type_the_note)
            return
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        field = dialog.text
        assert QApplication.focusWidget() is field  # the keyboard starts in the note
        QTest.keyClick(field, Qt.Key.Key_End)  # after the words it opens with, selected
        QTest.keyClicks(field, " before the review")
        typed.append(field.text())
        QTest.keyClick(field, Qt.Key.Key_Return, CTRL)
        if dialog.isVisible():  # not saved: leave, so the test can say so
            dialog.reject()

    QTimer.singleShot(0, type_the_note)
    view.note_button.click()
    assert typed == [f"Discuss {reference} before the review"]
    assert [i.text for i in open_agenda(db)] == before + typed
    assert (f"{reference} added to your supervision notes. Undo with Ctrl+Z.", False) in heard
