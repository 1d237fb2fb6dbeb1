"""A one-line question (ui.widgets.text_question) answers as QInputDialog.getText did: the text
offered is held selected and typed over, Return gives what is typed and True, Escape "" and
False; its field is one Orca reads whole (a LineField), where Qt's was read one short."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.widgets.line_field import LineField
from ui.widgets.text_question import TextQuestion, ask_text

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _answer(qtbot, keys: list, seen: list) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TextQuestion):
            QTimer.singleShot(10, answer)
            return
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        seen.append((type(dialog.field), dialog.field.selectedText()))
        for key in keys:
            if isinstance(key, str):
                QTest.keyClicks(dialog.field, key)
            else:
                QTest.keyClick(dialog.field, key)

    QTimer.singleShot(0, answer)


def test_return_gives_the_text_typed_over_what_was_offered(qtbot):
    seen: list = []
    _answer(qtbot, ["17:30", Qt.Key.Key_Return], seen)
    assert ask_text(None, "Stop at", "Stop the timer at:", "17:05") == ("17:30", True)
    assert seen == [(LineField, "17:05")]


def test_escape_gives_nothing(qtbot):
    _answer(qtbot, ["Travel time", Qt.Key.Key_Escape], [])
    assert ask_text(None, "Rename activity", "New name:", "Travel") == ("", False)
