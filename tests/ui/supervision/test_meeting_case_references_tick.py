"""The meeting's "Show to my manager" ticks (Wellbeing check-in, Reduction reasons, Case
references) sit on the Tab path a stop past the agreed action's Add: one stray Space must not put
a private topic on the screen the manager sees. Each asks first (keeping it hidden is the default,
and nothing private is on screen while it asks), and whatever is chosen is said to a screen
reader. Only Case references asked before; one Space showed the wellbeing check-in."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from core.supervision.agenda import add_agenda_item, open_agenda
from core.workload.reductions import Reduction, add_reduction
from tests.ui.supervision.test_meeting import _all_topics_text
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only
WELLBEING_NOTE = "Tired after the court week"
TYPED_REASON = "Counselling sessions"


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _meeting(demo_window, db):
    add_agenda_item(db, "wellbeing", WELLBEING_NOTE)
    add_reduction(db, Reduction(TYPED_REASON, date.today() - timedelta(weeks=2),
                                hours_per_week=2.0), 37.0)
    demo_window.meeting.open()
    return demo_window.meeting.view


# tick, what it shows (found in the demo's data above), what is said when it shows and when kept
TICKS = [
    ("show_wellbeing", lambda db: WELLBEING_NOTE, "The wellbeing check-in is now shown.",
     "The wellbeing check-in stays hidden."),
    ("show_reductions", lambda db: TYPED_REASON, "Reduction reasons are now shown.",
     "Reduction reasons stay hidden."),
    ("show_cases", lambda db: next(i.case_reference for i in open_agenda(db) if i.kind == "case"),
     "Case references are now shown on screen.", "Case references stay hidden."),
]


@pytest.mark.parametrize("answer", [False, True])
@pytest.mark.parametrize(("tick", "private", "shown", "kept"), TICKS)
def test_space_on_a_private_tick_asks_before_showing_it(demo_window, db, qtbot, monkeypatch,
                                                        heard, answer, tick, private, shown,
                                                        kept):
    view = _meeting(demo_window, db)
    words = private(db)
    asked = []

    def ask(_parent, _title, question, yes, no, *rest, **_how):
        # Nothing private is on screen while the question is asked.
        asked.append((question, yes, no, words in _all_topics_text(view)))
        return answer

    monkeypatch.setattr("ui.widgets.confirm.ask", ask)
    box = getattr(view, tick)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert len(asked) == 1 and "manager" in asked[0][0] and asked[0][2].startswith("Keep")
    assert asked[0][3] is False
    assert box.isChecked() is answer
    assert (words in _all_topics_text(view)) is answer
    said = [text for text, assertive in heard if not assertive]
    assert said[-1] == (shown if answer else kept)


@pytest.mark.parametrize("tick", [t for t, *_rest in TICKS])
def test_the_question_opens_on_keep_hidden_so_return_keeps_it_hidden(demo_window, db, qtbot,
                                                                     heard, tick):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    view = _meeting(demo_window, db)
    words = dict((t, p) for t, p, _s, _k in TICKS)[tick](db)
    seen = []

    def press_return():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_return)
            return
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_return)
    getattr(view, tick).click()
    assert seen and seen[0].startswith("Keep")
    assert not getattr(view, tick).isChecked() and words not in _all_topics_text(view)


def test_unticking_needs_no_question_and_is_said(demo_window, db, qtbot, monkeypatch, heard):
    monkeypatch.setattr("ui.widgets.confirm.ask", lambda *a, **k: pytest.fail("asked to hide"))
    view = _meeting(demo_window, db)
    reference = next(i.case_reference for i in open_agenda(db) if i.kind == "case")
    for box in (view.show_wellbeing, view.show_reductions, view.show_cases):
        box.setChecked(True)
    for box, said in ((view.show_cases, "Case references are hidden again."),
                      (view.show_wellbeing, "The wellbeing check-in is hidden again."),
                      (view.show_reductions, "Reduction reasons are hidden again.")):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert not box.isChecked() and heard[-1] == (said, False)
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # rows shown before
    shown = _all_topics_text(view)
    assert reference not in shown and WELLBEING_NOTE not in shown and TYPED_REASON not in shown
