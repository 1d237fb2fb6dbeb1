"""Escape or Cancel in a dialog holding words the person typed asks "Discard your note?" first,
with Keep writing the default: Keep writing leaves the dialog open with the words and the keyboard
in them; Discard closes it. A dialog where nothing was typed closes at once, without a question.
(A supervision note typed and dropped by one Escape, with no way back, is what this is for.)"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from ui.caseload.case_note_dialog import CaseNoteDialog
from ui.supervision.agenda_note_dialog import AgendaNoteDialog
from ui.supervision.session_dialog import SessionDialog
from ui.time.time_entry_dialog import TimeEntryDialog
from ui.widgets.typed_words import DISCARD, KEEP, QUESTION_TITLE

pytestmark = pytest.mark.qt_log_ignore("does not support")
WORDS = "Five new cases this week incl C03"


def _workload(db):
    return AgendaNoteDialog("workload", ["C03"]), lambda d: d.text


def _reflection(db):
    return AgendaNoteDialog("reflection", ["C03"]), lambda d: d.stages["Experience"]


def _session(db):
    return SessionDialog([], date(2026, 12, 7)), lambda d: d.agreed


def _case_note(db):
    return CaseNoteDialog("C03"), lambda d: d.text


def _time_entry(db):
    return TimeEntryDialog(db, day=date(2026, 12, 7)), lambda d: d.note


DIALOGS = [_workload, _reflection, _session, _case_note, _time_entry]


@pytest.fixture
def questions(monkeypatch):
    """Stands in for ui.widgets.confirm.ask: records each question and answers as told."""
    asked: list[tuple[str, str, str]] = []
    answer = {"discard": False}

    def ask(parent, title, text, yes, no, default_yes=False, *args, **kwargs):
        # Keep writing (`no`) is the default and Escape: Return never discards.
        asked.append((title, yes, no) if not default_yes else ("Discard is the default", yes, no))
        return answer["discard"]

    monkeypatch.setattr("ui.widgets.confirm.ask", ask)
    return asked, answer


def _open(qtbot, make, db):
    dialog, field_of = make(db)
    qtbot.addWidget(dialog)
    dialog.show()
    field = field_of(dialog)
    field.setFocus()
    QApplication.processEvents()
    return dialog, field


def _type(qtbot, field):
    if hasattr(field, "selectAll"):
        field.selectAll()
    qtbot.keyClicks(field, WORDS)


def _words(field) -> str:
    return field.toPlainText() if hasattr(field, "toPlainText") else field.text()


@pytest.mark.parametrize("make", DIALOGS, ids=lambda m: m.__name__.strip("_"))
def test_escape_after_typing_asks_and_keep_writing_keeps_the_words(qtbot, db, questions, make):
    asked, _answer = questions
    dialog, field = _open(qtbot, make, db)
    _type(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert asked == [(QUESTION_TITLE, DISCARD, KEEP)]
    assert dialog.isVisible()
    assert WORDS in _words(field)
    assert QApplication.focusWidget() is field


@pytest.mark.parametrize("make", DIALOGS, ids=lambda m: m.__name__.strip("_"))
def test_cancel_after_typing_asks_and_discard_closes(qtbot, db, questions, make):
    asked, answer = questions
    answer["discard"] = True
    dialog, field = _open(qtbot, make, db)
    _type(qtbot, field)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    cancel.click()
    assert asked == [(QUESTION_TITLE, DISCARD, KEEP)]
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("make", DIALOGS, ids=lambda m: m.__name__.strip("_"))
def test_escape_with_nothing_typed_closes_without_a_question(qtbot, db, questions, make):
    asked, _answer = questions
    dialog, field = _open(qtbot, make, db)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert asked == []
    assert not dialog.isVisible()


def test_a_close_the_program_makes_asks_nothing(qtbot, db, questions):
    """The app ending (or a test cleaning up) closes the dialog without a question to answer."""
    asked, _answer = questions
    dialog, field = _open(qtbot, _workload, db)
    _type(qtbot, field)
    dialog.close()
    assert asked == [] and not dialog.isVisible()


def test_a_note_dialog_is_freed_as_soon_as_it_is_let_go(qapp):
    """The question's memory of the words holds the dialog weakly: a cycle through it kept each
    note dialog, and its fields, for the collector, past Qt deleting them, and a later test in
    the same process crashed inside Qt (a segfault painting an unrelated widget)."""
    import gc
    import weakref

    from ui.caseload.case_note_dialog import CaseNoteDialog

    was = gc.isenabled()
    gc.disable()  # only reference counting may free it here
    try:
        dialog = CaseNoteDialog("C07")
        gone = weakref.ref(dialog)
        del dialog
        assert gone() is None, "the dialog was kept alive by its own memory of the words"
    finally:
        if was:
            gc.enable()
