"""Return on the overlap question's default answer (No: leave the other entries as they are)
goes back to the Log time form with everything as typed, and says that nothing was saved;
before, both closed and the six typed fields were lost without a word."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.time.time_entries import TimeStore
from tests.ui.time.test_time_view import NOW, entry_rows, log, view  # noqa: F401 - fixture
from ui.time.time_entry_dialog import TimeEntryDialog
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_no_to_shortening_returns_to_the_form_with_the_entry_intact(
        qtbot, view, db, monkeypatch, answer):  # noqa: F811 - the fixture
    log(db, NOW.date(), (10, 0), (12, 0), "Home visit")
    view.refresh()
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or answer)
    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    seen = {}

    def fill_in():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TimeEntryDialog):
            QTimer.singleShot(10, fill_in)
            return
        dialog.timed.setChecked(True)
        dialog.start_edit.setTime(QTime(10, 0))
        dialog.end_edit.setTime(QTime(11, 0))
        dialog.note.setText("Test entry")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        seen["note"] = dialog.note.text()
        seen["times"] = (dialog.start_edit.time(), dialog.end_edit.time())
        seen["problems"] = dialog.problems.text()
        if dialog.isVisible():
            dialog.done(0)  # closed by the test: no question about the typed note

    QTimer.singleShot(0, fill_in)
    try:
        view.add_entry()
    finally:
        announce.remove_listener(listener)
    assert len(questions) == 1 and "overlaps" in questions[0]
    saved = [e for e in TimeStore(db).entries_on(NOW.date())
             if e.note == "Test entry"]
    if answer == QMessageBox.StandardButton.No:
        assert seen["open"] and seen["note"] == "Test entry"
        assert seen["times"] == (QTime(10, 0), QTime(11, 0))
        assert "Nothing was saved" in seen["problems"]
        assert any("Nothing was saved" in text and assertive for text, assertive in heard)
        assert saved == []
    else:
        assert not seen["open"]
        assert [(e.start, e.end) for e in saved] == [(time(10), time(11))]
        assert any(text.startswith("Logged") and not assertive for text, assertive in heard)
