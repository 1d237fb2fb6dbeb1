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
from core.supervision.sessions import list_actions, list_sessions, open_actions
from core.workload.reductions import add_reduction
from ui.supervision.meeting_rows import ActionRow, NoteRow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only

WELLBEING = "Tired after a heavy month; sleeping less before report deadlines."
TYPED_REASON = "Counselling sessions after a bereavement"


@pytest.fixture
def no_pdf(monkeypatch):
    """The PDF offer after ending is answered No; the offers made are listed."""
    offers: list[str] = []

    def answer(_parent, _title, text, *args):
        offers.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    return offers


@pytest.fixture
def end_answers(monkeypatch):
    """The "End the meeting and record it?" question, answered from this list (True = end);
    the questions asked are kept in `asked`."""
    from ui.supervision.meeting_operations import END_QUESTION

    answers = type("Answers", (list,), {"asked": []})([True] * 5)

    def ask(_parent, _title, question, *_buttons):
        assert question == END_QUESTION
        answers.asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr("ui.widgets.confirm.ask", ask)
    return answers


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
        if isinstance(child, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(child.text())
        if isinstance(child, QLineEdit):
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
    assert session.next_date == date.today() + timedelta(weeks=4)
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
        for page in range(len(view.rows.pages)):
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

    def ask(_parent, _title, question, *_buttons):
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
    icon = type("Icon", (), {"showMessage": lambda _self, t, m: shown.append((t, m))})
    monkeypatch.setattr(tray, "icon", icon())
    win.meeting.open()
    tray.notify("Timer", "Still running")
    assert shown == []
    monkeypatch.setattr(win.idle_lock, "_verify", lambda _p: True)
    win.idle_lock.lock()
    assert win.centralWidget() is win.idle_lock.screen and not win.meeting.view.isVisible()
    win.idle_lock.screen.button.click()
    assert win.centralWidget() is win.meeting.view
    win.meeting.leave()
    assert shown == [("Timer", "Still running")]


def test_case_references_inside_actions_are_hidden_unless_ticked(demo_window, db, qtbot):
    from core.caseload.cases import CaseStore
    from core.supervision.sessions import Action, add_action

    first, second, third = sorted(CaseStore(db).references())[:3]
    add_action(db, Action(f"Chase housing for {first}", f"{second} worker",
                          date.today() + timedelta(days=7)))
    demo_window.meeting.open()
    view = demo_window.meeting.view
    bar = view.action_bar
    qtbot.keyClicks(bar.text, f"Follow up {third} referral")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert len(view.draft.new_actions) == 1
    shown = _all_topics_text(view)
    assert first not in shown and second not in shown and third not in shown
    view.select_topic("actions")
    words = [r.label.text() for r in _rows(view, ActionRow)]
    assert any("Chase housing for [a case] ([a case] worker" in w for w in words)
    assert any("Follow up [a case] referral" in w for w in words)
    view.show_cases.setChecked(True)
    shown = _all_topics_text(view)
    assert first in shown and second in shown and third in shown
    # What is recorded is what was typed; only the screen hides it.
    assert view.draft.new_actions[0].text == f"Follow up {third} referral"


def test_ctrl_enter_keeps_a_typed_action_and_asks_before_ending(demo_window, db, qtbot, no_pdf,
                                                                end_answers):
    win = demo_window
    before = _snapshot(db)
    win.meeting.open()
    view = win.meeting.view
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(view.topics, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.action_bar.text, "Arrange cover for the parole reports")
    end_answers[:] = [False]  # "Keep going": nothing is recorded, the action is kept
    qtbot.keyClick(view.action_bar.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(end_answers.asked) == 1 and _snapshot(db) == before
    assert win.meeting.view is view
    assert [a.text for a in view.draft.new_actions] == ["Arrange cover for the parole reports"]

    end_answers[:] = [True]
    qtbot.keyClick(view.topics, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert win.meeting.view is None and len(end_answers.asked) == 2
    assert [a.text for a in list_sessions(db)[0].actions] == [
        "Arrange cover for the parole reports"]


def test_dropped_is_reached_by_tab_and_every_mark_names_its_note_or_action(demo_window, db,
                                                                          qtbot):
    from core.caseload.cases import CaseStore
    from core.supervision.sessions import Action, add_action

    reference = sorted(CaseStore(db).references())[0]
    add_action(db, Action(f"Chase housing for {reference}", "Me", date.today()))
    win = demo_window
    win.meeting.open()
    view = win.meeting.view
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    view.select_topic("actions")
    rows = _rows(view, ActionRow)
    assert rows
    for row in rows:
        done, dropped = row.buttons["done"], row.buttons["dropped"]
        assert done.accessibleName().startswith("Done: ") and len(done.accessibleName()) > 8
        assert dropped.accessibleName().startswith("Dropped: ")
    chase = next(r for r in rows if "Chase housing" in r.label.text())
    assert chase.buttons["dropped"].accessibleName() == "Dropped: Chase housing for [a case]"
    chase.buttons["done"].setFocus()
    qtbot.keyClick(chase.buttons["done"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chase.buttons["dropped"]
    qtbot.keyClick(chase.buttons["dropped"], Qt.Key.Key_Space)
    assert view.draft.status_updates.get(chase.action.id) == "dropped"

    view.select_topic("requests")
    names = [r.check.accessibleName() for r in _rows(view, NoteRow)]
    assert names and all(n.startswith("Discussed: ") and len(n) > 12 for n in names)
    assert len(set(names)) == len(names)


def test_focus_comes_back_after_esc_end_and_unlock(demo_window, qtbot, no_pdf, end_answers,
                                                   monkeypatch):
    win = demo_window
    win.show_view("supervision")
    button = win.view("supervision").meeting_button
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    button.click()
    qtbot.keyClick(win.meeting.view.topics, Qt.Key.Key_Escape)
    assert win.meeting.view is None and QApplication.focusWidget() is button

    button.click()
    view = win.meeting.view
    view.select_topic("requests")
    tick = _rows(view, NoteRow)[0].check
    tick.setFocus()
    monkeypatch.setattr(win.idle_lock, "_verify", lambda _p: True)
    win.idle_lock.lock()
    win.idle_lock.screen.button.click()
    assert QApplication.focusWidget() is tick

    qtbot.keyClick(tick, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert win.meeting.view is None and QApplication.focusWidget() is button


def test_the_idle_lock_clears_the_show_to_my_manager_ticks(demo_window, monkeypatch):
    win = demo_window
    win.meeting.open()
    view = win.meeting.view
    for box in (view.show_wellbeing, view.show_reductions, view.show_cases):
        box.setChecked(True)
    assert WELLBEING in _all_topics_text(view)
    monkeypatch.setattr(win.idle_lock, "_verify", lambda _p: True)
    win.idle_lock.lock()
    win.idle_lock.screen.button.click()
    assert win.meeting.view is view
    assert not any(b.isChecked() for b in (view.show_wellbeing, view.show_reductions,
                                           view.show_cases))
    assert "wellbeing" not in view.visible_topics()
    assert "Wellbeing check-in" not in [view.topics.item(i).text()
                                        for i in range(view.topics.count())]


def test_the_meetings_keys_are_on_the_keyboard_shortcuts_page(demo_window, qtbot):
    from PySide6.QtGui import QShortcut

    from ui.shell.shortcuts_dialog import all_rows, key_text, shortcuts_html

    demo_window.meeting.open()
    view = demo_window.meeting.view
    keys = {key_text(s.key(), native=False) for s in view.findChildren(QShortcut)}
    assert {"Ctrl+Return", "Ctrl+Enter", "PgDown", "PgUp", "Ctrl+N", "Esc"} <= keys
    listed = {key_text(k, native=False) for k, _what, where in all_rows(demo_window)
              if where.startswith("Supervision meeting")}
    assert keys - listed == set()
    assert {"Up", "Down"} <= listed  # the topics move with the arrows
    text = shortcuts_html(demo_window)  # what Help > Keyboard shortcuts shows
    assert "Leave the meeting" in text and "Next page of the topic" in text


def test_the_window_fits_the_screen_and_the_meeting_fits_640_by_400(demo_window, qtbot):
    """A 1280×800 screen at 200% scaling gives 640×400 logical pixels: the window's minimum
    is never larger than the screen, and the meeting's words wrap rather than being cut."""
    from PySide6.QtWidgets import QCheckBox

    win = demo_window
    free = win.screen().availableGeometry()
    assert win.minimumWidth() <= free.width() and win.minimumHeight() <= free.height()
    win.setMinimumSize(640, 400)  # as fit_minimum_to_screen sets it on a 640×400 screen
    win.resize(640, 400)
    win.meeting.open()
    view = win.meeting.view
    qtbot.waitUntil(lambda: view.height() <= 400)
    QApplication.processEvents()
    for key in view.visible_topics():
        view.select_topic(key)
        cut = [w.text() for w in view.findChildren(QLabel) + view.findChildren(QCheckBox)
               if w.isVisible() and not (isinstance(w, QLabel) and w.wordWrap())
               and w.width() < w.sizeHint().width()]
        assert cut == []
        shown = [r for r in view.rows.rows if r.isVisible()]
        assert shown and all(r.geometry().bottom() <= view.rows.area.height() for r in shown)
