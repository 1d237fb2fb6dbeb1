"""The Overview's "Add to supervision notes" is taken back by Ctrl+Z, as a note added in the
Supervision view is, and its button can be pressed again once the note has gone."""

from __future__ import annotations

import pytest

from core.supervision.agenda import delete_agenda_item, open_agenda

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_ctrl_z_takes_back_this_weeks_note(demo_window, db):
    demo_window.show_view("overview")
    view = demo_window.view("overview")
    for item in open_agenda(db, "workload"):  # this week's point not yet on the agenda
        delete_agenda_item(db, item.id)
    before = [i.id for i in open_agenda(db)]
    assert view.add_to_notes()
    assert len(open_agenda(db)) == len(before) + 1
    assert not view.workload.add_button.isEnabled()
    assert demo_window.undo_stack.undoText() == "Add the note"
    demo_window.undo_stack.undo()
    assert [i.id for i in open_agenda(db)] == before
    assert view.workload.add_button.isEnabled()
    demo_window.undo_stack.redo()
    assert len(open_agenda(db)) == len(before) + 1
    assert not view.workload.add_button.isEnabled()
    view.add_to_notes()  # the same point is never on the agenda twice
    assert len(open_agenda(db)) == len(before) + 1
