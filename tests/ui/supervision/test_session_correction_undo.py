"""Correcting a past session (its date, who, notes) is one undo step: Ctrl+Z puts the session,
its actions' dates and the agenda notes the new date marked or unmarked back exactly as they
were. Before, the correction overwrote the session for good and Ctrl+Z reached past it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.common import clock
from core.supervision.agenda import open_agenda
from ui.supervision.session_dialog import SessionDialog
from ui.widgets import announce
from ui.widgets.date_fields import format_date

pytestmark = pytest.mark.qt_log_ignore("does not support")
TABLES = ("supervision_sessions", "supervision_actions", "agenda_items")


def _rows(db):
    return [sorted(map(repr, db.query(f"SELECT * FROM {t} ORDER BY 1"))) for t in TABLES]


def test_moving_a_session_to_today_then_ctrl_z_puts_everything_back(
        demo_window, db, qtbot, monkeypatch):
    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    panel = view.past_sessions
    view.lower_tabs.setCurrentWidget(panel)
    before, notes = _rows(db), len(open_agenda(db))
    assert notes > 0
    panel.table.setFocus()
    panel.table.selectRow(0)
    session = panel.selected_session()
    today = clock.today()
    monkeypatch.setattr(SessionDialog, "edit_session", staticmethod(
        lambda _p, s, today=None: replace(s, held_on=clock.today(), agreed="Moved")))
    try:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
        assert open_agenda(db) == []  # the notes gathered up to today are marked discussed
        assert heard[-1] == (f"Saved the session of {format_date(today)}. Undo with Ctrl+Z.",
                             False)
        assert QApplication.focusWidget() is panel.table
        assert panel.selected_session().id == session.id
        demo_window.undo_stack.undo()
        assert _rows(db) == before
        assert heard[-1] == (f"The session of {format_date(session.held_on)} is back as it "
                             "was.", False)
        assert view.agenda_model.rowCount() == notes
        demo_window.undo_stack.redo()
        assert open_agenda(db) == [] and _rows(db) != before
    finally:
        announce.remove_listener(listener)
