"""Ctrl+Z and Ctrl+Y change every line that showed the step, in every view.

After Ctrl+Z brought back ten deleted closed cases, the status bar said so, but the Caseload's
own line above its buttons still said "Deleted 10 closed cases." (24h, F9). Each step on the
window's Undo that deletes or overwrites is made through the app (tests/ui/undo_walk*.py): any
line in the window (any view or page, the status bar) that the step changed must change again
when it is undone, and again when it is redone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.ui.test_every_undo_step_keeps_a_later_change import _keys
from tests.ui.undo_walk import DELETIONS
from tests.ui.undo_walk_changes import CHANGES

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _lines(window) -> dict[int, tuple[QLabel, str]]:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    return {id(label): (label, label.text()) for label in window.findChildren(QLabel)}


def _where(label: QLabel) -> str:
    names, widget = [], label
    while widget is not None and len(names) < 4:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names))


def _left_as_they_were(shown: str, made: dict, now: dict, before: dict) -> list[str]:
    """Lines that showed what the step did (`shown`, the status bar's words, or the same
    words with more detail) and still do."""
    said = shown.split()[:3]
    return [f"{_where(label)}: {text}" for key, (label, text) in made.items()
            if text and text.split()[:3] == said and before.get(key, (0, ""))[1] != text
            and key in now and now[key][1] == text]


@pytest.mark.parametrize("walk", DELETIONS + CHANGES, ids=lambda f: f.__name__)
def test_undo_and_redo_change_every_line_the_step_changed(demo_window, db, qtbot, monkeypatch,
                                                          walk):
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    if walk in DELETIONS:
        step, _tables = walk(demo_window, db)
    else:
        step, _tables = walk(demo_window, db, monkeypatch)
    before = _lines(demo_window)
    step()
    _undo_and_redo(demo_window, qtbot, before)


def _undo_and_redo(window, qtbot, before: dict) -> None:  # type: ignore[no-untyped-def]
    made, made_said = _lines(window), window.statusBar().currentMessage()
    assert _left_as_they_were(made_said, made, made, before), f"no line shows {made_said!r}"
    _keys(window, qtbot, Qt.Key.Key_Z)
    undone, undone_said = _lines(window), window.statusBar().currentMessage()
    assert _left_as_they_were(made_said, made, undone, before) == [], "after Ctrl+Z"
    _keys(window, qtbot, Qt.Key.Key_Y)
    redone = _lines(window)
    assert _left_as_they_were(undone_said, undone, redone, made) == [], "after Ctrl+Y"


def test_the_caseloads_line_follows_undo_of_deleting_closed_cases(demo_window, db, qtbot,
                                                                   monkeypatch):
    """The tester's way: Caseload, "Review and delete closed cases", Space on Delete, Ctrl+Z."""
    from ui.caseload.retention_review_dialog import RetentionReviewDialog

    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(lambda *a, **k: True))
    demo_window.show_view("caseload")
    notice = demo_window.view("caseload").retention_notice
    assert notice.isVisible(), "the demo data has closed cases due for deletion"
    before = _lines(demo_window)
    notice.review_and_delete()
    message = demo_window.view("caseload").message
    assert message.text().startswith("Deleted ")
    _undo_and_redo(demo_window, qtbot, before)
    assert message.text().startswith("Deleted ") and message.text().endswith(" again.")
