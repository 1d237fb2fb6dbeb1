"""Ctrl+L "Log time": Return logs the line (once), and a refused line stays to be corrected."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from core.time.time_entries import TimeStore
from ui.time.quick_entry_dialog import QuickEntryDialog
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")

NOW = datetime(2026, 11, 25, 16, 30)


def _open(qtbot, db):
    dialog = QuickEntryDialog(db, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_log_is_the_default_and_waits_for_words(qtbot, db):
    dialog = _open(qtbot, db)
    assert dialog.log_button.isDefault()
    assert not dialog.log_button.isEnabled()
    qtbot.keyClicks(dialog.line, "45m travel")
    assert dialog.log_button.isEnabled()


def test_return_on_a_refused_line_keeps_the_dialog_and_says_why(qtbot, db, monkeypatch):
    offered: list[str] = []
    monkeypatch.setattr("ui.time.new_activity_offer.offer_new_activity",
                        lambda parent, db, refusal: offered.append(str(refusal)) or False)
    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    try:
        dialog = _open(qtbot, db)
        qtbot.keyClicks(dialog.line, "45m nosuchactivity")
        qtbot.keyClick(dialog.line, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.result() == 0
        assert dialog.problems.isVisible() and dialog.problems.text()
        assert heard and heard[-1][1] is True  # the refusal is said at once
        assert len(offered) == 1  # adding the activity was offered, and declined
        assert TimeStore(db).entries_on(date(2026, 11, 25)) == []
    finally:
        announce.remove_listener(listener)


def test_return_logs_the_line_exactly_once(qtbot, db):
    dialog = _open(qtbot, db)
    qtbot.keyClicks(dialog.line, "45m travel")
    qtbot.keyClick(dialog.line, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.change is not None
    assert [e.minutes for e in TimeStore(db).entries_on(date(2026, 11, 25))] == [45]
