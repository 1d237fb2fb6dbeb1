"""New case checks the form as it is typed in and shows what is missing, but says it only when
the user tries to add the case: on opening, and at every key typed in Reference, it
interrupted a screen reader's echo of the key with some 30 assertive words (the tier hint
each time). The tester's keys: C, 9, 8, Backspace x3, x."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.caseload.cases import CaseStore
from ui.caseload.case_dialog import CaseDialog
from ui.widgets import announce, return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_typing_a_reference_says_nothing_and_return_says_what_is_missing(qtbot, db, heard):
    return_guard.install()
    dialog = CaseDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert heard == []  # nothing on opening but the dialog itself
    field = dialog.reference
    field.selectAll()
    for key in (Qt.Key.Key_C, Qt.Key.Key_9, Qt.Key.Key_8, Qt.Key.Key_Backspace,
                Qt.Key.Key_Backspace, Qt.Key.Key_Backspace, Qt.Key.Key_X):
        qtbot.keyClick(field, key)
    assert field.text() == "x"
    assert heard == []
    assert "digit" in dialog.problems.text() and dialog.problems.isVisible()  # shown, though
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # tries to add the case
    assert dialog.isVisible()
    assert len(heard) == 1 and heard[0][1] and "digit" in heard[0][0]
    assert "tier" in heard[0][0]  # what else is missing, in the same one message


def test_adding_with_problems_says_them(qtbot, db, heard):
    dialog = CaseDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    dialog.reference.setText("")
    assert heard == []
    dialog.accept()
    assert len(heard) == 1 and heard[0][1] and "short reference" in heard[0][0]
