"""Results a screen-reader user could not otherwise hear (a table gained a row, a panel's words
changed, a screen appeared) are announced politely: Back up now, encryption on, changed and
off, Lock now and unlocking, an activity added or deleted, a leave day removed. Remove waits
for a chosen leave day, and after a deletion focus stays in the same table, on the next row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from core.store.database import open_database
from core.time.activities import add_activity
from core.time.working_week import LeaveDay, add_leave, leave_between
from tests.demo_copy import demo_into
from tests.ui.settings.test_data_page import PASS, answers, needs_cipher  # noqa: F401
from tests.ui.shell.test_lock_screen import RIGHT, window  # noqa: F401 - fixture
from ui.settings.activities_page import ActivitiesPage
from ui.settings.data_page import DataPage
from ui.settings.working_pattern_page import WorkingPatternPage
from ui.shell.hub import Hub
from ui.shell.lock_screen import IdleLock
from ui.shell.passphrase_dialog import PassphraseDialog
from ui.widgets import announce, text_question

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


@pytest.fixture
def data_page(qtbot, data_dir):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    page = DataPage(db, Hub(), data_dir / "caseload.db", data_dir)
    qtbot.addWidget(page)
    page.show()
    yield page
    db.close()


def test_back_up_now_is_said_with_the_file_it_made(data_page, heard):
    dest = data_page.back_up_now()
    assert heard[-1] == (f"Backed up now: {dest.name}, in {dest.parent}.", False)


@needs_cipher
def test_encryption_on_changed_and_off_are_said(data_page, heard, monkeypatch,
                                                answers):  # noqa: F811 - the fixture
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: PASS)
    data_page.encrypt_on.click()
    assert heard[-1][0].startswith("Encryption is on") and not heard[-1][1]
    monkeypatch.setattr(PassphraseDialog, "get_passphrase", lambda *a, **k: PASS)
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: "second one")
    data_page.change_passphrase.click()
    assert heard[-1] == ("Passphrase changed.", False)
    monkeypatch.setattr(PassphraseDialog, "get_passphrase", lambda *a, **k: "second one")
    data_page.encrypt_off.click()
    assert heard[-1] == ("Encryption is off.", False)


def test_lock_and_unlock_are_said(window, qtbot, heard):  # noqa: F811 - the fixture
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    assert heard[-1][0].startswith("Locked.") and not heard[-1][1]
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(lock.screen.field, RIGHT)
        lock.screen.button.click()
    assert heard[-1] == ("Unlocked.", False)


def shown(qtbot, page):
    """On screen with the keyboard, where focus can be seen to stay."""
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def choose_row(table, row):
    """Choose the row as a click does (selectRow reads the keyboard's modifiers left by
    another test's Ctrl+Tab)."""
    from PySide6.QtCore import QItemSelectionModel

    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    table.selectionModel().setCurrentIndex(table.model().index(row, 0), flags)


def _row_names(page):
    model = page.table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_an_activity_added_is_said_and_deleting_keeps_focus_on_the_next_row(qtbot, db, heard,
                                                                             monkeypatch):
    add_activity(db, "Zz first")
    page = ActivitiesPage(db, Hub())
    shown(qtbot, page)
    monkeypatch.setattr(text_question, "ask_text", lambda *a, **k: ("Zz test  work", True))
    page.add()
    assert heard[-1] == ("Added the activity Zz test work.", False)
    assert page.selected().name == "Zz test work" and page.table.hasFocus()
    rows = _row_names(page)
    first = rows.index("Zz first")
    choose_row(page.table, first)
    following = rows[first + 1]
    page.delete_button.setFocus()
    page.delete_button.click()
    assert heard[-1][0].startswith("Deleted the activity Zz first.")
    assert QApplication.focusWidget() is page.table
    assert page.selected().name == following


def test_remove_waits_for_a_chosen_leave_day_and_focus_stays_in_the_table(qtbot, db, heard):
    from core.common import clock

    today = clock.today()  # the day the page lists leave around
    for n in (1, 2, 3):
        add_leave(db, LeaveDay(today + timedelta(days=n), "annual leave", None))
    page = WorkingPatternPage(db, Hub())
    shown(qtbot, page)
    assert not page.remove_leave_button.isEnabled()  # nothing chosen: nothing to remove
    assert page.leave_table.model().rowCount() == 3
    choose_row(page.leave_table, 0)
    assert page.remove_leave_button.isEnabled()
    first = page.leave_table.model().index(0, 0).data()
    page.remove_leave_button.setFocus()
    page.remove_leave_button.click()
    assert heard[-1][0].startswith("Deleted the leave on") and not heard[-1][1]
    assert len(leave_between(db, today, today + timedelta(days=5))) == 2
    assert QApplication.focusWidget() is page.leave_table
    rows = page.leave_table.selectionModel().selectedRows()
    assert len(rows) == 1 and rows[0].data() != first
    assert page.remove_leave_button.isEnabled()
