"""Mark done and Drop on an action carried forward: each is one undo step on the window's stack,
said with how to undo it, focus kept in the table; Drop (it takes the action off the summary)
is never pressed by Return. Before, Return dropped the action silently, focus fell to the Views
list, and Ctrl+Z undid the time logged minutes earlier instead, leaving the action dropped."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.supervision.sessions import open_actions
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from ui.widgets import announce, return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _log_travel(window, db, monkeypatch) -> int:
    """Ctrl+L, "45m travel": a Log time step on the stack before the action is touched."""
    from ui.time.quick_entry_dialog import QuickEntryDialog

    travel = next(a.id for a in list_activities(db) if a.name == "Travel")
    monkeypatch.setattr(QuickEntryDialog, "get_change", staticmethod(
        lambda *_a, **_k: TimeStore(db).log_time(TimeEntry(date.today(), 45, travel))))
    [log] = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    log.trigger()
    return len(list(db.query("SELECT id FROM time_entries")))


def _on_second_action(window):
    window.show_view("supervision")
    view = window.view("supervision")
    view.lower_tabs.setCurrentIndex(0)
    QApplication.processEvents()
    view.action_view.setFocus()
    view.action_view.selectRow(1)
    return view, view.action_view.currentIndex().data(Qt.ItemDataRole.DisplayRole)


def test_return_on_drop_drops_nothing_and_says_press_space(demo_window, db, qtbot, heard):
    return_guard.install()
    view, _text = _on_second_action(demo_window)
    before = open_actions(db)
    assert len(before) == 2
    view.drop_button.setFocus()
    qtbot.keyClick(view.drop_button, Qt.Key.Key_Return)
    assert open_actions(db) == before
    assert heard[-1] == ("Not done yet: press Space to drop. Return alone never deletes or "
                         "overwrites.", True)
    # Mark done changes the action's state, not its place on the summary: Return presses it
    view.done_button.setFocus()
    qtbot.keyClick(view.done_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(open_actions(db)) == 1)


def test_drop_is_said_kept_in_the_table_and_ctrl_z_brings_the_action_back(
        demo_window, db, qtbot, heard, monkeypatch):
    return_guard.install()
    entries = _log_travel(demo_window, db, monkeypatch)
    view, text = _on_second_action(demo_window)
    dropped = view.selected_action()
    view.drop_button.setFocus()
    qtbot.keyClick(view.drop_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(open_actions(db)) == 1)
    assert dropped.id not in [a.id for a in open_actions(db)]
    assert heard[-1] == (f"Dropped “{dropped.text}”. Undo with Ctrl+Z.", False)
    # Focus stays in the table, on the row that took the dropped one's place
    assert QApplication.focusWidget() is view.action_view
    assert view.selected_action() is not None
    assert demo_window.undo_stack.undoText() == "Drop an action"

    demo_window.undo_stack.undo()
    assert dropped.id in [a.id for a in open_actions(db)]
    assert len(list(db.query("SELECT id FROM time_entries"))) == entries  # the time stays
    assert heard[-1] == (f"“{dropped.text}” is open again.", False)
    assert view.action_model.rowCount() == 2
    demo_window.undo_stack.redo()
    assert dropped.id not in [a.id for a in open_actions(db)]
    assert heard[-1] == (f"Dropped “{dropped.text}”.", False)


def test_mark_done_by_space_is_one_undo_step(demo_window, db, qtbot, heard, monkeypatch):
    return_guard.install()
    entries = _log_travel(demo_window, db, monkeypatch)
    view, _text = _on_second_action(demo_window)
    action = view.selected_action()
    view.done_button.setFocus()
    qtbot.keyClick(view.done_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(open_actions(db)) == 1)
    status = db.execute("SELECT status FROM supervision_actions WHERE id = ?",
                        [action.id]).fetchone()[0]
    assert status == "done"
    assert heard[-1] == (f"Marked done “{action.text}”. Undo with Ctrl+Z.", False)
    assert QApplication.focusWidget() is view.action_view
    demo_window.undo_stack.undo()
    assert action.id in [a.id for a in open_actions(db)]
    assert len(list(db.query("SELECT id FROM time_entries"))) == entries
    demo_window.undo_stack.undo()  # the next Ctrl+Z is the time logged, as it should be
    assert len(list(db.query("SELECT id FROM time_entries"))) == entries - 1
