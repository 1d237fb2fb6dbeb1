"""The supervision meeting for a keyboard and screen-reader user, and what stays private: case
references inside actions, Ctrl+Enter, names of ticks and buttons, focus after leaving, ending
and unlocking, the shortcuts page, the idle lock clearing the ticks, a 640x400 window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from core.supervision.sessions import list_sessions
from tests.ui.supervision.test_meeting import (  # noqa: F401 - fixtures used by name
    WELLBEING,
    _all_topics_text,
    _rows,
    _snapshot,
)
from ui.supervision.meeting_rows import ActionRow, NoteRow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


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
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.keyClick(win.meeting.view.topics, Qt.Key.Key_Escape)
    assert win.meeting.view is None and QApplication.focusWidget() is button

    qtbot.keyClick(button, Qt.Key.Key_Space)
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

    from ui.shell.shortcuts_dialog import ShortcutsDialog, all_rows, key_text

    demo_window.meeting.open()
    view = demo_window.meeting.view
    keys = {key_text(s.key(), native=False) for s in view.findChildren(QShortcut)}
    assert {"Ctrl+Return", "Ctrl+Enter", "PgDown", "PgUp", "Ctrl+N", "Esc"} <= keys
    listed = {key_text(k, native=False) for k, _what, where in all_rows(demo_window)
              if where.startswith("Supervision meeting")}
    assert keys - listed == set()
    assert {"Up", "Down"} <= listed  # the topics move with the arrows
    page = ShortcutsDialog(demo_window)  # what Help > Keyboard shortcuts shows
    shown = [what for _keys, what, _where in page.listed()]
    page.deleteLater()
    assert any(what.startswith("Leave the meeting") for what in shown)
    assert "Next page of the topic" in shown


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


def test_tab_goes_from_the_topic_to_its_discussed_ticks_and_the_private_ticks_come_last(
        demo_window, db, qtbot):
    from core.supervision.agenda import add_agenda_item

    add_agenda_item(db, "learning", "ARMS refresher")
    win = demo_window
    win.meeting.open()
    view = win.meeting.view
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    view.select_topic("learning")
    notes = _rows(view, NoteRow)
    assert notes
    view.topics.setFocus()
    qtbot.keyClick(view.topics, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is notes[0].check  # the first Discussed tick, next
    reached = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        reached.append(widget)
        if widget is view.show_wellbeing:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert view.action_bar.text in reached  # the agreed action before the private ticks
    assert reached[-1] is view.show_wellbeing
    assert not view.show_cases.isChecked()
