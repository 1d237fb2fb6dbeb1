"""Return never destroys, found by walking the window rather than listing its buttons.

The tests beside this one open each question that deletes and press Return on its controls, and
tests/ui/settings/test_settings_deletions_by_keyboard.py presses Return on the Settings buttons
named there: each covers the places someone thought of. Time's Delete (an entry) was in neither
list, so Return on it deleted the entry at once, as Return on Settings' Delete and Remove did
before they were listed. Here every view and page is shown in turn, each table has the row
chosen that enables the most buttons (an entry, not a day; your own activity, not a built-in
one), and Return is pressed on every visible, enabled push button, with Return then pressed on
any question or dialog that opens (and Escape after). No row may go from any table, and no
open action may be dropped.

Two rows may go, and are not deletions: a running timer's row, when Stop logs its time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFileDialog, QPushButton,
                               QTabWidget)

import main

from core.time.activities import add_activity, list_activities
from core.time.calendar.rules import save_rule
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import LeaveDay, add_leave

pytestmark = pytest.mark.qt_log_ignore("does not support")
TODAY = date.today()
NOT_DELETIONS = {"running_timer"}  # Stop takes the running timer's row: its time is logged
QUESTIONS = 4  # Return answers at most this many questions that open one after another


def _keys(db) -> dict[str, set]:
    """Each table's rows, by primary key (rowid where it has none of its own). An open action
    dropped counts as gone: Drop takes it off every list."""
    kept = {}
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")) or table in NOT_DELETIONS:
            continue
        pks = db[table].pks
        columns = ", ".join(f'"{c}"' for c in pks)
        where = (" WHERE status IS NOT 'dropped'"
                 if "status" in {c.name for c in db[table].columns} else "")
        kept[table] = {tuple(r.values())
                       for r in db.query(f'SELECT {columns} FROM "{table}"{where}')}
    return kept


def _gone(before: dict[str, set], after: dict[str, set]) -> dict[str, int]:
    return {t: len(keys - after.get(t, set())) for t, keys in before.items()
            if keys - after.get(t, set())}


def _buttons(window, enabled: bool = True) -> list[QPushButton]:
    return [b for b in window.findChildren(QPushButton) if b.isVisible()
            and (b.isEnabled() or not enabled) and b.window() is window]


def _enable(window, button: QPushButton) -> bool:
    """Choose a row, in a table of the view on screen, for which `button` is enabled (an entry,
    not a day; your own activity, not a built-in one). The Views list is left alone."""
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    for table in window.stack.currentWidget().findChildren(QAbstractItemView):
        model, chooser = table.model(), table.selectionModel()
        if button.isEnabled():
            break
        if not table.isVisible() or model is None or chooser is None:
            continue
        for row in range(min(model.rowCount(), 40)):
            table.setFocus()
            chooser.setCurrentIndex(model.index(row, 0), flags)
            if button.isEnabled():
                break
    return button.isEnabled()


def _return_on(window, qtbot, button: QPushButton) -> None:
    """Return on `button`; Return on each question or dialog that opens, then Escape, until
    none is left open."""
    state = {"done": False, "tries": 0}

    def answer() -> None:
        if state["done"]:
            return
        QTimer.singleShot(5, answer)  # first: the key below may open a question and wait in it
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            state["tries"] += 1
            key = Qt.Key.Key_Return if state["tries"] <= QUESTIONS else Qt.Key.Key_Escape
            QTest.keyClick(modal.focusWidget() or modal, key)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button.setFocus()
    assert button.hasFocus(), f"“{button.text()}” cannot have the focus"
    QTimer.singleShot(0, answer)
    QTest.keyClick(button, Qt.Key.Key_Return)
    # A button Return presses goes down at once and is clicked as it comes up (as Space does);
    # what it opens may open later still (a question asked once the dialog has closed).
    qtbot.waitUntil(lambda: not shiboken6.isValid(button) or not button.isDown())  # or gone
    QApplication.processEvents()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    state["done"] = True


@pytest.fixture
def something_to_delete_everywhere(db):
    """Beside the demo's notes, sessions and keywords: an activity of your own (only those can
    be deleted), leave to come and an entry in the week on screen."""
    mine = add_activity(db, "Peer mentoring")
    save_rule(db, "mentoring", mine.id)
    add_leave(db, LeaveDay(TODAY + timedelta(days=9), "annual leave"))
    travel = next(a for a in list_activities(db) if a.name == "Travel")
    TimeStore(db).log_time(TimeEntry(TODAY, 45, travel.id, time(7, 0), time(7, 45)))


def _places(window) -> list[tuple[str, Callable[[], None]]]:
    """Each view and each page of each tab bar in it, with a way back to it: a button may take
    the window elsewhere (Add to supervision notes opens Supervision)."""
    places = []
    for key, title in main.VIEWS:
        def show(key: str = key) -> None:
            window.show_view(key)
            QApplication.processEvents()
        show()
        tab_widgets = [t for t in window.view(key).findChildren(QTabWidget) if t.isVisible()]
        if not tab_widgets:
            places.append((title, show))
        for tabs in tab_widgets:
            for index in range(tabs.count()):
                def show_tab(show=show, tabs=tabs, index: int = index) -> None:
                    show()
                    tabs.setCurrentIndex(index)
                    QApplication.processEvents()
                places.append((f"{title} > {tabs.tabText(index).replace('&', '')}", show_tab))
    return places


def test_return_on_every_button_in_the_window_deletes_nothing(
        demo_window, db, qtbot, monkeypatch, something_to_delete_everywhere):
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a, **k: True)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)  # no printer: as if cancelled
    destroyed: list[str] = []
    pressed: set[str] = set()
    for place, show in _places(demo_window):
        show()
        # The buttons that act on a chosen row first: the others may take rows away for good
        # reason (Record a session takes the notes it discussed off the agenda).
        for button in sorted(_buttons(demo_window, enabled=False), key=QPushButton.isEnabled):
            label = button.text().replace("&", "")
            if "meeting" in label.lower():
                continue  # the meeting takes the window: its own buttons are tested with it
            show()
            if not (shiboken6.isValid(button) and button.isVisible()
                    and _enable(demo_window, button)):
                continue  # an earlier press took it away (a notice answered, a week moved)
            before = _keys(db)
            _return_on(demo_window, qtbot, button)
            pressed.add(label)
            gone = _gone(before, _keys(db))
            if gone:
                destroyed.append(f"{place}: Return on “{label}” deleted {gone}")
    assert {"Delete", "Remove", "Delete session", "Delete note", "Drop"} <= pressed
    assert len(pressed) >= 60, f"only {len(pressed)} buttons were pressed: {sorted(pressed)}"
    assert not destroyed, "\n".join(destroyed)


def test_return_on_every_button_in_the_meeting_removes_nothing(
        demo_window, db, qtbot, monkeypatch):
    """The meeting takes the window, so the walk above leaves it out: here each topic is shown
    in turn, with an action agreed in the meeting (its Remove went at once on Return), and
    Return is pressed on every button; nothing agreed, marked or saved may go."""
    from core.supervision.meeting_content import TOPICS

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    meeting = demo_window.meeting
    meeting.open()
    bar = meeting.view.action_bar
    qtbot.keyClicks(bar.text, "Arrange cover for the parole reports")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    agreed = list(meeting.view.draft.new_actions)
    assert len(agreed) == 1
    pressed: set[str] = set()
    for key, _title, _kinds in TOPICS:
        if not meeting.is_open():
            meeting.open()  # Leave (Esc) left it: back in, as the user would be
        try:
            meeting.view.select_topic(key)
        except ValueError:
            continue  # a private topic, listed only once its "Show to my manager" is ticked
        QApplication.processEvents()
        # Leave (Esc) last: it leaves the meeting, keeping what was agreed (checked below).
        for button in sorted(_buttons(demo_window), key=lambda b: b.text().startswith("Leave")):
            if not (shiboken6.isValid(button) and button.isVisible() and button.isEnabled()):
                continue  # the topic was shown again, or the meeting left
            before = _keys(db)
            label = button.accessibleName() or button.text().replace("&", "")
            _return_on(demo_window, qtbot, button)
            pressed.add(label.split(":")[0])
            assert _gone(before, _keys(db)) == {}, f"Return on “{label}” deleted"
            if meeting.is_open():
                assert meeting.view.draft.new_actions == agreed, f"Return on “{label}”"
    assert {"Remove", "End meeting"} <= pressed, sorted(pressed)
