"""The meeting's "Case references" tick sits in the Tab ring after the agreed-action line: one
stray Space there must not put case references on the screen the manager sees. Space asks
first (Keep them hidden is the default), and whatever is chosen is said to a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.supervision.agenda import open_agenda
from tests.ui.supervision.test_meeting import _all_topics_text
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _meeting(demo_window, db):
    reference = next(i.case_reference for i in open_agenda(db) if i.kind == "case")
    demo_window.meeting.open()
    return demo_window.meeting.view, reference


@pytest.mark.parametrize("answer", [False, True])
def test_space_on_case_references_asks_before_showing_them(demo_window, db, qtbot, monkeypatch,
                                                           heard, answer):
    asked = []

    def ask(_parent, _title, question, yes, no, *rest):
        asked.append((question, yes, no))
        return answer

    monkeypatch.setattr("ui.widgets.confirm.ask", ask)
    view, reference = _meeting(demo_window, db)
    view.show_cases.setFocus()
    qtbot.keyClick(view.show_cases, Qt.Key.Key_Space)
    assert len(asked) == 1 and "manager" in asked[0][0]
    assert view.show_cases.isChecked() is answer
    assert (reference in _all_topics_text(view)) is answer
    said = [text for text, assertive in heard if not assertive]
    assert said[-1] == ("Case references are now shown on screen." if answer
                        else "Case references stay hidden.")


def test_the_question_opens_on_keep_hidden_so_return_keeps_them_hidden(demo_window, db, qtbot,
                                                                       heard):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    view, reference = _meeting(demo_window, db)
    seen = []

    def press_return():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_return)
            return
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_return)
    view.show_cases.click()
    assert seen == ["Keep them hidden"]
    assert not view.show_cases.isChecked() and reference not in _all_topics_text(view)
    assert ("Case references stay hidden.", False) in heard


def test_unticking_needs_no_question_and_is_said(demo_window, db, qtbot, monkeypatch, heard):
    monkeypatch.setattr("ui.widgets.confirm.ask", lambda *a: pytest.fail("asked to hide"))
    view, reference = _meeting(demo_window, db)
    view.show_cases.setChecked(True)
    view.show_cases.setFocus()
    qtbot.keyClick(view.show_cases, Qt.Key.Key_Space)
    assert not view.show_cases.isChecked() and reference not in _all_topics_text(view)
    assert heard[-1] == ("Case references are hidden again.", False)
    qtbot.keyClick(view.show_wellbeing, Qt.Key.Key_Space)
    assert heard[-1] == ("The wellbeing check-in is now shown.", False)
