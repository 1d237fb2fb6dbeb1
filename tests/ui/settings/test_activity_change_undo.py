"""Renaming an activity, hiding it and changing whether the WMT counts it are each one undo step
in the window, said, focus kept on the activity: they changed it with nothing said and nothing
for Ctrl+Z to take back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from core.time.activities import list_activities
from ui.settings.activities_page import ActivitiesPage
from ui.widgets import announce, text_question

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _activity(db, activity_id):
    return next(a for a in list_activities(db, include_hidden=True) if a.id == activity_id)


def test_rename_hide_and_count_each_come_back_with_ctrl_z(demo_window, db, monkeypatch):
    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    demo_window.show_view("settings")
    demo_window.view("settings").show_page("Activities")
    page = demo_window.findChild(ActivitiesPage)
    page.refresh()
    QApplication.processEvents()
    travel = next(a for a in page.model.items() if a.name == "Travel")
    stack = demo_window.undo_stack

    def choose() -> None:
        row = page._row_of(travel.id)
        page.table.setFocus()
        page.table.selectRow(row)
        assert page.selected().id == travel.id

    try:
        choose()
        monkeypatch.setattr(text_question, "ask_text", lambda *a, **k: ("Travel  time", True))
        page.rename()
        assert _activity(db, travel.id).name == "Travel time"
        assert heard[-1] == "Renamed Travel to Travel time. Undo with Ctrl+Z."
        assert QApplication.focusWidget() is page.table and page.selected().id == travel.id
        page.toggle_hidden()
        assert _activity(db, travel.id).hidden
        page.toggle_counted()
        assert _activity(db, travel.id).counted_by_wmt != travel.counted_by_wmt
        for _ in range(3):
            stack.undo()
        assert _activity(db, travel.id) == travel
        assert heard[-1] == "The activity is called Travel again."
        stack.redo()
        assert _activity(db, travel.id).name == "Travel time"
    finally:
        announce.remove_listener(listener)


def test_changing_a_calendar_keyword_comes_back_with_ctrl_z(demo_window, db, monkeypatch):
    """Change… on "home visit", typed "home visits": Ctrl+Z puts the old keyword back."""
    from PySide6.QtWidgets import QDialog

    from core.time.calendar.rules import list_rules
    from ui.settings.calendar_rules_panel import CalendarRulesPanel, KeywordRuleDialog

    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    demo_window.show_view("settings")
    demo_window.view("settings").show_page("Activities")
    panel = demo_window.findChild(CalendarRulesPanel)
    panel.refresh()
    before = list_rules(db)
    rule = next(r for r in before if r.keyword == "home visit")

    def typed(dialog) -> QDialog.DialogCode:
        dialog.keyword.setText("home visits")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(KeywordRuleDialog, "exec", typed)
    try:
        panel.edit(rule)
        assert "home visits" in [r.keyword for r in list_rules(db)]
        assert heard[-1] == "Changed the calendar keyword “home visit”. Undo with Ctrl+Z."
        assert panel.selected().id == rule.id
        demo_window.undo_stack.undo()
        assert list_rules(db) == before
        assert heard[-1] == "The calendar keyword “home visit” is back as it was."
        panel.edit(None)  # a new one, typed "home visits" too: Ctrl+Z takes it back
        assert len(list_rules(db)) == len(before) + 1
        demo_window.undo_stack.undo()
        assert list_rules(db) == before
    finally:
        announce.remove_listener(listener)


def test_hide_by_keyboard_keeps_the_keyboard_on_the_button_now_called_show(demo_window, db,
                                                                           qtbot):
    """Space on Hide took the keyboard to the table, so Show, to take it back, was three Tabs
    away; and the table's row was read after the button's new name."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    demo_window.show_view("settings")
    demo_window.view("settings").show_page("Activities")
    page = demo_window.findChild(ActivitiesPage)
    page.refresh()
    QApplication.processEvents()
    travel = next(a for a in page.model.items() if a.name == "Travel")
    try:
        page.table.setFocus()
        page.table.selectRow(page._row_of(travel.id))
        demo_window.activateWindow()
        qtbot.waitUntil(demo_window.isActiveWindow)
        page.hide_button.setFocus()
        qtbot.waitUntil(page.hide_button.hasFocus)
        QTest.keyClick(page.hide_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: _activity(db, travel.id).hidden)
        assert heard[-1] == "Travel hidden. Undo with Ctrl+Z."
        assert QApplication.focusWidget() is page.hide_button
        assert page.hide_button.text().replace("&", "") == "Show"
        assert page.selected().id == travel.id  # the row it acts on is still chosen
        QTest.keyClick(page.hide_button, Qt.Key.Key_Space)  # and Space again takes it back
        qtbot.waitUntil(lambda: not _activity(db, travel.id).hidden)
        assert heard[-1] == "Travel shown. Undo with Ctrl+Z."
        assert QApplication.focusWidget() is page.hide_button
        assert page.hide_button.text().replace("&", "") == "Hide"
    finally:
        announce.remove_listener(listener)
