"""A supervision note added from the Caseload (Add to supervision notes) is taken back by Ctrl+Z,
as one added in the Supervision view is (README): it could only be deleted from Supervision."""

from __future__ import annotations

import pytest

from core.supervision.agenda import open_agenda
from ui.caseload.case_note_dialog import CaseNoteDialog
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_ctrl_z_takes_back_a_note_added_from_the_caseload(demo_window, db, monkeypatch):
    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    case = view.model.items()[0]
    assert view.select_case(case.id)
    before = [i.id for i in open_agenda(db)]
    monkeypatch.setattr(CaseNoteDialog, "get_note", staticmethod(
        lambda _parent, ref: ("decision needed", f"Discuss {ref} before the review")))
    try:
        view.add_to_notes()
        assert len(open_agenda(db)) == len(before) + 1
        assert heard[-1] == (f"{case.reference} added to your supervision notes. "
                             "Undo with Ctrl+Z.")
        assert demo_window.undo_stack.undoText() == "Add the note"
        demo_window.undo_stack.undo()
        assert [i.id for i in open_agenda(db)] == before
        assert demo_window.view("supervision").agenda_model.rowCount() == len(before)
        demo_window.undo_stack.redo()
        assert len(open_agenda(db)) == len(before) + 1
    finally:
        announce.remove_listener(listener)
