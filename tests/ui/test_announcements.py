"""What a sighted user reads after an action, a screen reader is told: results politely, errors
at once. (tests/atspi checks the same words arrive on the real accessibility bus.)"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from core.caseload.models import Case
from ui.shell.hub import Hub
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []

    def listener(text: str, assertive: bool) -> None:
        said.append((text, assertive))

    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_a_case_added_is_said(qtbot, db, heard):
    from PySide6.QtGui import QUndoStack

    from ui.caseload.caseload_view import CaseloadView

    view = CaseloadView(db, Hub(), QUndoStack())
    qtbot.addWidget(view)
    case = view._store.add_case(Case("C99", "community", "B2", date(2026, 1, 5)))
    view._added([case], "Add C99", case)
    assert ("C99 added. Undo with Ctrl+Z.", False) in heard


def test_profile_saved_and_refused_are_said(qtbot, db, heard):
    from ui.settings.profile_page import ProfilePage

    page = ProfilePage(db, Hub())
    qtbot.addWidget(page)
    page.hours.setText("0")
    assert not page.save()
    assert heard[-1][1] is True and "Contracted hours" in heard[-1][0]
    page.hours.setText("22.5")
    assert page.save()
    assert heard[-1][0].startswith("Profile saved, in force from ") and heard[-1][1] is False


def test_a_wrong_passphrase_on_the_lock_screen_is_said_at_once(qtbot, tmp_path, heard):
    from ui.shell.lock_screen import IdleLock
    from ui.shell.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    lock = IdleLock(window, lambda p: p == "right one", minutes=10, enabled=True)
    lock.lock()
    lock.screen.field.setText("wrong")
    lock.screen.button.click()
    assert ("That passphrase does not match. Please try again.", True) in heard


def test_a_wrong_passphrase_in_the_dialog_is_said_at_once(qtbot, heard):
    from ui.shell.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(None, "Unlock", "Enter your passphrase.",
                              check=lambda text: "That passphrase is not right.")
    qtbot.addWidget(dialog)
    dialog.field.setText("wrong")
    dialog.try_accept()
    assert ("That passphrase is not right.", True) in heard


def test_the_what_if_answer_is_said_when_the_question_changes(demo_window, qtbot, heard):
    demo_window.show_view("overview")
    view = demo_window.view("overview")
    qtbot.waitUntil(lambda: view.what_if is not None)
    panel = view.what_if
    panel.tier.setCurrentIndex((panel.tier.currentIndex() + 1) % panel.tier.count())
    assert heard and heard[-1] == (panel.sentence.text(), False)


def test_time_logged_and_the_timer_are_said(qtbot, db, heard):
    from datetime import datetime

    from PySide6.QtGui import QUndoStack

    from ui.time.time_view import TimeView

    view = TimeView(db, Hub(), QUndoStack(), clock=lambda: datetime(2026, 11, 25, 16, 30))
    qtbot.addWidget(view)
    view.quick.setText("45m travel")
    view.quick.submit()
    assert heard[-1] == ("Logged 45 minutes of Travel. Undo with Ctrl+Z.", False)
    view.timer.start()
    assert any(text.startswith("Timing ") for text, _ in heard)
    view.timer.stop()  # the same minute: nothing to log, and that is said with the way back
    assert ("Timer stopped. It ran under a minute, so no time was logged; Ctrl+Z starts it "
            "again.", False) in heard


def test_undoing_a_ctrl_l_entry_is_said_like_other_undos(qtbot, db, tmp_path, monkeypatch, heard):
    import main
    from core.time.activities import list_activities
    from core.time.time_entries import TimeEntry, TimeStore
    from ui.time.quick_entry_dialog import QuickEntryDialog

    window = main.build_window(
        db, tmp_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    store = TimeStore(db)
    travel = next(a.id for a in list_activities(db) if a.name == "Travel")

    def typed(parent, db_, clock=None):
        return store.log_time(TimeEntry(date(2026, 11, 24), 20, travel))

    monkeypatch.setattr(QuickEntryDialog, "get_change", staticmethod(typed))
    [action] = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    action.trigger()
    window.undo_stack.undo()
    assert heard[-1] == ("Undone: Log time (Travel, Tuesday 24 November, 20 minutes).", False)
    window.undo_stack.redo()
    assert heard[-1] == ("Redone: Log time (Travel, Tuesday 24 November, 20 minutes).", False)


def test_each_welcome_step_is_said(qtbot, db, heard):
    from ui.shell.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog(db)
    qtbot.addWidget(dialog)
    assert heard == []  # opening is the window's own title, read by the screen reader
    dialog.next_button.click()
    assert heard[-1] == ("Step 2 of 3: About your role", False)
    dialog.back_button.click()
    assert heard[-1] == ("Step 1 of 3: Welcome to Caseload Companion", False)
