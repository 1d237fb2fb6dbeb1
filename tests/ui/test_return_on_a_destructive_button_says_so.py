"""Return on a focused destructive button neither deletes nor closes the dialog in silence (the
user believed it pressed): the dialog stays open and says, shown and announced at once, "press
Space to …" in the button's words. A near-miss typed confirmation says what is wrong. Every
completed deletion of closed cases is said politely, with its undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolTip, QWidget

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from ui.shell.hub import Hub
from ui.widgets import announce, return_guard
from ui.widgets.deletion_undo import undo_stack_of
from ui.widgets.line_field import LineField

pytestmark = pytest.mark.qt_log_ignore("does not support")
TODAY = date.today()


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


@pytest.fixture
def closed_cases(db):
    store = CaseStore(db)
    for n in range(5):
        case = store.add_case(Case(f"C1{n}", "community", "B2", date(2024, 1, 8)))
        store.close_case(case.id, TODAY - timedelta(days=400 + n), "completed")
    return store


def on_the_question(act):
    """Run `act(dialog)` once the modal question is on screen; what it saw is returned."""
    seen: dict[str, object] = {}

    def poke() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, poke)
            return
        act(dialog, seen)
        if dialog.isVisible():
            QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, poke)
    return seen


def press_return_on(label_start: str):
    def act(dialog, seen):
        for field in dialog.findChildren(LineField):
            field.setText("DELETE")
        button = next(b for b in dialog.findChildren(QPushButton)
                      if b.text().replace("&", "").startswith(label_start))
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        seen["tip"] = QToolTip.text()
    return act


def test_return_on_delete_n_cases_keeps_the_dialog_open_and_says_press_space(
        qtbot, db, closed_cases, heard, tmp_path):
    from ui.settings.data_actions import DataActions

    return_guard.install()
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = DataActions(parent, db, Hub(), tmp_path / "caseload.db", tmp_path)
    before = closed_cases.references()
    seen = on_the_question(press_return_on("Delete 5 cases"))
    assert actions.delete_closed_cases() is False
    assert closed_cases.references() == before
    said = "Not done yet: press Space to delete 5 cases. Return alone never deletes or overwrites."
    assert seen["open"] is True and seen["tip"] == said
    assert (said, True) in heard


def test_return_on_yes_in_a_question_that_deletes_says_press_space(qtbot, heard):
    return_guard.install()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = on_the_question(press_return_on("Yes"))
    no = QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, "Delete note", "Delete this note?",
                                  QMessageBox.StandardButton.Yes | no, no)
    assert answer == no  # Escape, afterwards: nothing was deleted
    assert seen["open"] is True
    assert ('Not done yet: press Space to choose “Yes”. Return alone never deletes or '
            'overwrites.', True) in heard


@pytest.mark.parametrize("typed, expected", [
    ("delete", "Nothing is deleted yet: type DELETE in capitals to confirm."),
    ("", "Nothing is deleted. To delete everything, type DELETE in capitals."),
    ("DELET", "Nothing is deleted: “DELET” is not DELETE. Type DELETE to confirm."),
    ("DELETE", "Nothing is deleted yet: Tab to “Delete all my data” and press Space. "
               "Return alone never deletes."),
])
def test_return_in_delete_all_says_what_is_missing_and_stays_open(qtbot, heard, typed,
                                                                  expected):
    from ui.settings.delete_all_dialog import DeleteAllDialog

    return_guard.install()
    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, typed)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problems.text() == expected and dialog.problems.isVisible()
    assert heard == [(expected, True)]
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # said again, not only shown
    assert heard == [(expected, True)] * 2


def test_deleting_closed_cases_is_said_with_its_undo_and_brought_back_without_a_stray_dot(
        qtbot, db, closed_cases, heard, tmp_path):
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

    from ui.settings.data_actions import DataActions

    window = QMainWindow()
    qtbot.addWidget(window)
    stack = QUndoStack(window)
    window.undo_stack = stack  # as the main window holds it
    assert undo_stack_of(window) is stack
    actions = DataActions(window, db, Hub(), tmp_path / "caseload.db", tmp_path)

    def delete(dialog, seen):
        button = next(b for b in dialog.findChildren(QPushButton)
                      if b.text().replace("&", "").startswith("Delete"))
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Space)

    on_the_question(delete)
    assert actions.delete_closed_cases() is True
    assert not closed_cases.references()
    assert heard[-1] == ("Deleted 5 closed cases. Undo with Ctrl+Z.", False)
    stack.undo()
    text, assertive = heard[-1]
    assert not assertive and text.startswith("Brought back 5 closed cases: ")
    assert text.endswith(" and more.") and "…" not in text
