"""Renaming an activity, hiding it and changing whether the WMT counts it are each one undo step
in the window, said, focus kept on the activity: they changed it with nothing said and nothing
for Ctrl+Z to take back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog

from core.time.activities import list_activities
from ui.settings.activities_page import ActivitiesPage
from ui.widgets import announce

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
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Travel  time", True))
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
