"""The supervision meeting, driven as a practitioner would on the demo data: open it, tick notes,
agree an action, mark one done, end it, undo; private things stay off screen unless ticked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QScrollBar,
    QWidget,
)

from core.caseload.models import Reduction
from core.common.names import NAME_QUESTION
from core.supervision.agenda import add_agenda_item, open_agenda
from core.supervision.sessions import (
    list_actions,
    list_sessions,
    next_supervision,
    next_supervision_or_default,
    open_actions,
)
from core.workload.reductions import add_reduction
from ui.supervision.meeting_rows import ActionRow, NoteRow
from ui.widgets.line_field import LineField

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only

WELLBEING = "Tired after a heavy month; sleeping less before report deadlines."
TYPED_REASON = "Counselling sessions after a bereavement"


def _snapshot(db):
    return ([(s.id, s.held_on) for s in list_sessions(db)],
            [(a.id, a.text, a.status, a.status_changed_on) for a in list_actions(db)],
            [i.id for i in open_agenda(db)])


def _texts(widget: QWidget) -> str:
    """Every piece of text any widget in `widget` holds, shown or not (other pages too)."""
    parts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        parts += [child.toolTip(), child.accessibleName(), child.accessibleDescription(),
                  child.windowTitle(), child.statusTip(), child.whatsThis()]
        if isinstance(child, (QLabel, QAbstractButton, QLineEdit, LineField)):
            parts.append(child.text())
        if isinstance(child, (QLineEdit, LineField)):
            parts.append(child.placeholderText())
        if isinstance(child, QListWidget):
            parts += [child.item(i).text() for i in range(child.count())]
    return "\n".join(parts)


def _all_topics_text(view) -> str:
    """The text of the view as each topic in turn is shown."""
    seen = []
    for key in view.visible_topics():
        view.select_topic(key)
        seen.append(_texts(view))
    return "\n".join(seen)


def _rows(view, kind):
    return [r for r in view.rows.rows if isinstance(r, kind)]


def test_a_whole_meeting_on_the_demo_data_and_undo(demo_window, db, qtbot, no_pdf,
                                                   end_answers):
    win = demo_window
    before = _snapshot(db)
    agenda = open_agenda(db)
    agreed_next = next_supervision_or_default(db, date.today())
    win.show_view("supervision")
    win.view("supervision").meeting_button.click()
    view = win.meeting.view
    assert win.centralWidget() is view and not win.menuBar().isVisible()

    view.select_topic("requests")  # tick two notes, one by its box, one by its words
    first, second = _rows(view, NoteRow)[:2]
    first.check.click()
    qtbot.mouseClick(second.label, Qt.MouseButton.LeftButton)
    ticked = {first.item_id, second.item_id}
    assert view.draft.discussed == ticked

    bar = view.action_bar  # an agreed action, from the keyboard only
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(view.topics, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert bar.text.hasFocus()
    qtbot.keyClicks(bar.text, "Ask for a joint visit with the SPO")
    qtbot.keyClick(bar.text, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Me")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [a.text for a in view.draft.new_actions] == ["Ask for a joint visit with the SPO"]
    assert bar.text.text() == "" and view.draft.new_actions[0].owner == "Me"

    view.select_topic("actions")  # one carried-forward action done
    carried = _rows(view, ActionRow)[0]
    carried.buttons["done"].click()
    done_id = carried.action.id

    view.next_date.check.click()  # the next supervision, agreed in the room
    with qtbot.waitSignal(win.hub.supervisionChanged):
        view.end_button.click()
    assert win.meeting.view is None and win.centralWidget() is not view
    assert win.menuBar().isVisible() and win.current_key() == "supervision"
    assert len(no_pdf) == 1 and "PDF" in no_pdf[0]
    session = list_sessions(db)[0]
    assert session.held_on == date.today()
    assert session.next_date == agreed_next
    assert [a.text for a in session.actions] == ["Ask for a joint visit with the SPO"]
    assert [i.id for i in open_agenda(db)] == [i.id for i in agenda if i.id not in ticked]
    assert done_id not in [a.id for a in open_actions(db)]
    supervision = win.view("supervision")
    agreed = [a.text for a in supervision.action_model.items()]
    assert "Ask for a joint visit with the SPO" in agreed

    assert win.undo_stack.undoText() == "Supervision meeting"
    win.undo_stack.undo()
    assert _snapshot(db) == before
    assert len(supervision.agenda_model.items()) == len(agenda)
    win.undo_stack.redo()
    assert [i.id for i in open_agenda(db)] == [i.id for i in agenda if i.id not in ticked]


def test_private_things_are_on_screen_only_while_ticked(demo_window, db, no_pdf):
    add_reduction(db, Reduction(TYPED_REASON, date.today() - timedelta(weeks=2),
                                hours_per_week=2.0), 37.0)
    win = demo_window
    win.meeting.action.trigger()  # View > Supervision meeting
    view = win.meeting.view
    shown = _all_topics_text(view)
    assert WELLBEING not in shown and "Tired" not in shown
    assert TYPED_REASON not in shown and "Counselling" not in shown
    assert "Wellbeing check-in" not in [view.topics.item(i).text()
                                        for i in range(view.topics.count())]

    view.show_wellbeing.setChecked(True)
    view.show_reductions.setChecked(True)
    shown = _all_topics_text(view)
    assert WELLBEING in shown and TYPED_REASON in shown

    view.leave_button.click()  # the ticks are for the moment: leaving clears them
    win.meeting.action.trigger()
    shown = _all_topics_text(win.meeting.view)
    assert WELLBEING not in shown and TYPED_REASON not in shown


def test_case_references_follow_the_export_choice_unless_ticked(demo_window, db):
    reference = next(i.case_reference for i in open_agenda(db) if i.kind == "case")
    demo_window.meeting.open()
    view = demo_window.meeting.view
    assert reference not in _all_topics_text(view)
    view.show_cases.setChecked(True)
    assert reference in _all_topics_text(view)


def test_a_long_month_pages_and_never_scrolls_at_1280_by_800(demo_window, db, qtbot):
    for n in range(14):
        add_agenda_item(db, "request", f"Request number {n + 1} about admin support and cover.")
    demo_window.meeting.open()
    view = demo_window.meeting.view
    for key in view.visible_topics():
        view.select_topic(key)
        for _page in range(len(view.rows.pages)):
            shown = [r for r in view.rows.rows if r.isVisible()]
            assert shown and all(r.geometry().bottom() <= view.rows.area.height() for r in shown)
            view.rows.turn(1)
        assert not [s for s in view.findChildren(QScrollBar) if s.isVisible()]
    view.select_topic("requests")
    assert len(view.rows.pages) > 1
    assert view.rows.page_label.text() == f"Page 1 of {len(view.rows.pages)}"
    qtbot.keyClick(view.rows, Qt.Key.Key_PageDown)
    assert view.rows.page == 1


def test_esc_leaves_and_keeps_the_draft_until_the_meeting_ends(demo_window, qtbot):
    demo_window.meeting.open()
    view = demo_window.meeting.view
    view.select_topic("going_well")
    _rows(view, NoteRow)[0].check.click()
    qtbot.keyClick(view.topics, Qt.Key.Key_Escape)
    assert demo_window.meeting.view is None
    demo_window.meeting.open()
    view = demo_window.meeting.view
    view.select_topic("going_well")
    assert _rows(view, NoteRow)[0].check.isChecked()


def test_a_refused_action_says_why_and_is_not_added(demo_window, qtbot):
    demo_window.meeting.open()
    bar = demo_window.meeting.view.action_bar
    qtbot.keyClicks(bar.text, "Write to X123456")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert demo_window.meeting.draft.new_actions == []
    assert "looks like" in bar.message.text() and bar.text.text() == "Write to X123456"


@pytest.mark.parametrize("text, owner", [("Ring Mr Jones about his tenancy", "me"),
                                         ("Book the hostel review", "Mrs Patel")])
def test_an_action_with_a_name_is_asked_about_before_it_is_added(demo_window, qtbot, monkeypatch,
                                                                 text, owner):
    asked: list[str] = []
    answers = [False, True]  # Edit first, then Save anyway

    def ask(_parent, _title, question, *_buttons, **_how):
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr("ui.widgets.confirm.ask", ask)
    demo_window.meeting.open()
    bar = demo_window.meeting.view.action_bar
    qtbot.keyClicks(bar.text, text)
    bar.owner.setText(owner)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert asked == [NAME_QUESTION]
    assert demo_window.meeting.draft.new_actions == [] and bar.text.text() == text
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert [a.text for a in demo_window.meeting.draft.new_actions] == [text]
    assert bar.text.text() == ""


def test_ending_offers_the_pdf_and_saves_it(demo_window, tmp_path, monkeypatch, end_answers):
    target = tmp_path / "supervision.pdf"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    demo_window.meeting.open()
    demo_window.meeting.view.end_button.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_the_idle_lock_covers_the_meeting_and_the_tray_holds_messages(demo_window, monkeypatch):
    win = demo_window
    shown: list[tuple[str, str]] = []
    tray = win.time_tray
    icon = type("Icon", (), {"showMessage": lambda _self, t, m: shown.append((t, m)),
                             "setIcon": lambda _self, _i: None,  # the lock changes both
                             "setToolTip": lambda _self, _t: None})
    monkeypatch.setattr(tray, "icon", icon())
    win.meeting.open()
    tray.notify("Timer", "Still running")
    assert shown == []
    monkeypatch.setattr(win.idle_lock, "_verify", lambda _p: True)
    from PySide6.QtWidgets import QLabel

    from tests.ui.shell.test_lock_hides_every_window import _words_on_the_bus

    before = _words_on_the_bus()
    said = [label.text() for label in win.meeting.view.findChildren(QLabel)  # "Steady caseload:
            if "caseload" in label.text() and label.text() in before]  # 45 cases, against …"
    assert said, "the meeting's words are on the bus while it shows"
    win.idle_lock.lock()
    assert win.centralWidget() is win.idle_lock.screen and not win.meeting.view.isVisible()
    after = _words_on_the_bus()
    assert not [words for words in said if words in after], "readable behind the lock"
    win.idle_lock.screen.button.click()
    assert win.centralWidget() is win.meeting.view
    win.meeting.leave()
    assert shown == [("Timer", "Still running")]


def test_one_next_supervision_date_in_the_header_the_picker_and_the_due_dates(demo_window, db):
    """The meeting said "Next supervision: 9 December 2026" while its picker and an action's
    due date offered four weeks on: one date, the one agreed last time."""
    win = demo_window
    agreed = next_supervision(db, date.today())
    if agreed is None or agreed <= date.today():
        pytest.skip("the demo data agreed no later supervision")
    win.show_view("supervision")
    win.view("supervision").meeting_button.click()
    view = win.meeting.view
    words = f"{agreed.day} {agreed:%B %Y}"
    assert f"Next supervision: {words}" in _all_topics_text(view)
    assert view.next_date.edit.value() == agreed
    assert view.action_bar.due.value() == agreed
