"""Changing a supervision note's words is one undo step: Ctrl+Z puts the old words back, and
focus stays on the note changed. Before, Ctrl+Z after "Note saved." did nothing at all and focus
went to the table's first row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.supervision.agenda import open_agenda
from ui.supervision.agenda_note_dialog import AgendaNoteDialog, NoteDraft
from ui.supervision.supervision_models import COL_NOTE
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _text_of(db, item_id: int) -> str:
    return next(i.text for i in open_agenda(db) if i.id == item_id)


def test_return_edit_ctrl_return_then_ctrl_z_brings_the_old_words_back(
        demo_window, db, qtbot, heard, monkeypatch):
    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    table = view.agenda_view
    assert table.model().rowCount() > 3
    table.setFocus()  # a note down the table, not its first row
    table.selectRow(3)
    item = view.selected_note()
    old = item.text

    def typed(_parent, kind, _refs, draft=None):
        assert draft is not None and draft.text == old
        return NoteDraft(kind, draft.text + " EXTRA", draft.case_reference, draft.reason)

    monkeypatch.setattr(AgendaNoteDialog, "get_note", staticmethod(typed))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert _text_of(db, item.id) == old + " EXTRA"
    assert heard[-1] == ("Note changed. Undo with Ctrl+Z.", False)
    assert QApplication.focusWidget() is table
    assert view.selected_note().id == item.id  # on the note changed, not the first row
    assert "EXTRA" in str(table.currentIndex().siblingAtColumn(COL_NOTE).data())
    assert demo_window.undo_stack.undoText() == "Change a note"

    demo_window.undo_stack.undo()
    assert _text_of(db, item.id) == old
    assert heard[-1] == ("The note's words are back as they were.", False)
    shown = [str(view.agenda_proxy.index(r, COL_NOTE).data(Qt.ItemDataRole.DisplayRole))
             for r in range(view.agenda_proxy.rowCount())]
    assert not any("EXTRA" in words for words in shown)
    demo_window.undo_stack.redo()
    assert _text_of(db, item.id) == old + " EXTRA"


def test_saving_the_same_words_adds_no_undo_step(demo_window, db, qtbot, heard, monkeypatch):
    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    view.agenda_view.setFocus()
    view.agenda_view.selectRow(0)
    count = demo_window.undo_stack.count()
    monkeypatch.setattr(AgendaNoteDialog, "get_note", staticmethod(
        lambda _p, kind, _r, draft=None: draft))
    qtbot.keyClick(view.agenda_view, Qt.Key.Key_Return)
    assert heard[-1] == ("Note unchanged.", False)
    assert demo_window.undo_stack.count() == count
