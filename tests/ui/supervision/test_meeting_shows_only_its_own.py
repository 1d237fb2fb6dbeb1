"""While the meeting is shown the manager sees (and hears) only the meeting's own words.

Found with Orca 43 (24h): after a wellbeing note was deleted and brought back, F11 showed the
meeting with every "Show to my manager" tick off and, at the foot of the screen, the status bar's
"Brought back the note “Tired after a heavy month; …”"; a case closed just before showed "C01
closed. …". Ctrl+Z in the meeting reopened that case out of sight (said, never shown), an action
agreed with Return was not said at all, F11 said only "Topics. List with 8 items.", the month's
sentences were never read, Return on End and record was refused as if it deleted, and Esc put
the keyboard on the meeting button rather than back where it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from core.caseload.cases import CaseStore
from ui.caseload.close_case_dialog import CloseCaseDialog
from ui.supervision.meeting_screen import only_ours
from ui.widgets import announce
from ui.widgets.step_said import say_result

pytestmark = pytest.mark.qt_log_ignore("does not support")  # the offscreen platform

WELLBEING = "Tired after a heavy month; sleeping less before report deadlines."
BROUGHT_BACK = f"Brought back the note “{WELLBEING}”."


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _on_screen(win) -> str:
    """The words of every label and button the window shows now (the status bar's included)."""
    parts = [win.windowTitle()]
    for widget in win.findChildren(QLabel) + win.findChildren(QPushButton):
        if widget.isVisible():
            parts.append(widget.text())
    return "\n".join(parts)


def _active(win, qtbot) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)


def _close_first_case(win, db, monkeypatch) -> str:
    store = CaseStore(db)
    case = next(c for c in store.list_cases("active")
                if c.start_date <= date.today() - timedelta(days=3))
    monkeypatch.setattr(CloseCaseDialog, "get_close", staticmethod(
        lambda parent, ref, start: (date.today() - timedelta(days=3), "completed")))
    win.show_view("caseload")
    view = win.view("caseload")
    view.filter_bar.set_status("all")
    assert view.select_case(case.id)
    view.close_button.click()
    assert store.get_case(case.id).status == "closed"
    return case.reference


def test_the_status_bar_line_is_off_screen_in_the_meeting_and_back_after(demo_window, qtbot):
    win = demo_window
    win.show_view("supervision")
    say_result(win.view("supervision"), BROUGHT_BACK)
    assert WELLBEING in _on_screen(win)
    win.meeting.open()
    view = win.meeting.view
    assert not view.show_wellbeing.isChecked()
    assert win.statusBar().currentMessage() == ""
    assert WELLBEING not in _on_screen(win) and "Tired" not in _on_screen(win)
    # A line written while the meeting is up waits, out of sight.
    say_result(win.view("supervision"), "C07 closed. Undo with Ctrl+Z.")
    assert "C07" not in _on_screen(win)
    win.meeting.leave()
    assert win.statusBar().currentMessage() == "C07 closed. Undo with Ctrl+Z."


def test_what_the_rest_of_the_app_says_in_the_meeting_waits_until_it_is_left(demo_window, qtbot,
                                                                            heard):
    win = demo_window
    _active(win, qtbot)
    win.meeting.open()
    view = win.meeting.view
    heard.clear()
    say_result(win, "Backed up now: caseload-C07.db.")  # a worker's result, from the window
    assert heard == []
    view.tell("Said by the meeting.")  # the meeting's own words are heard at once
    assert heard == [("Said by the meeting.", False)]
    win.meeting.leave()
    assert ("Backed up now: caseload-C07.db.", False) in heard
    assert win.statusBar().currentMessage() == "Backed up now: caseload-C07.db."


def test_ctrl_z_in_the_meeting_leaves_a_case_closed_before_it_closed(demo_window, db, qtbot,
                                                                     heard, monkeypatch):
    win = demo_window
    reference = _close_first_case(win, db, monkeypatch)
    assert reference in win.statusBar().currentMessage()
    _active(win, qtbot)
    win.meeting.open()
    view = win.meeting.view
    bar = view.action_bar
    assert reference not in _on_screen(win)
    bar.text.setFocus()
    heard.clear()
    QTest.keyClick(bar.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    store = CaseStore(db)
    assert store.get_case(next(c.id for c in store.list_cases("all")
                               if c.reference == reference)).status == "closed"
    assert heard == [(only_ours(True), False)]
    assert bar.message.text() == only_ours(True) and bar.message.isVisible()
    assert reference not in _on_screen(win)
    QTest.keyClick(bar.text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert heard[-1] == ("Nothing to redo.", False)
    win.meeting.leave()
    # Out of the meeting, the window's Undo is the window's again.
    assert win.undo_stack.undoText() == f"Close {reference}"
    assert reference in win.statusBar().currentMessage()
    table = win.view("caseload").table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    case_id = next(c.id for c in store.list_cases("all") if c.reference == reference)
    assert store.get_case(case_id).status == "active"
    # And Ctrl+Y in the meeting does not close it again out of sight.
    win.meeting.open()
    bar = win.meeting.view.action_bar
    bar.text.setFocus()
    QTest.keyClick(bar.text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert heard[-1] == (only_ours(False), False) and bar.message.text() == only_ours(False)
    assert store.get_case(case_id).status == "active"


def test_ctrl_z_in_the_meeting_takes_back_its_own_removal_past_an_earlier_change(
        demo_window, db, qtbot, heard, monkeypatch):
    win = demo_window
    _close_first_case(win, db, monkeypatch)
    _active(win, qtbot)
    win.meeting.open()
    view = win.meeting.view
    bar = view.action_bar
    QTest.keyClicks(bar.text, "Book the three-way meeting")
    QTest.keyClick(bar.text, Qt.Key.Key_Return)
    view.select_topic("actions")
    from tests.ui.supervision.test_meeting_remove_by_keyboard import _remove

    _remove(view, qtbot, "Book the three-way meeting")
    bar.text.setText("")
    bar.text.setFocus()
    QTest.keyClick(bar.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.text for a in view.draft.new_actions] == ["Book the three-way meeting"]
    QTest.keyClick(bar.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert heard[-1] == (only_ours(True), False)  # the case closed before stays closed


def test_an_action_agreed_with_return_is_said_and_shown_within_the_ticks(demo_window, qtbot,
                                                                         heard):
    win = demo_window
    _active(win, qtbot)
    win.meeting.open()
    view = win.meeting.view
    bar = view.action_bar
    reference = sorted(view.content.references)[0]
    QTest.keyClicks(bar.text, f"Review {reference} risk plan")
    QTest.keyClicks(bar.owner, "SPO")
    heard.clear()
    QTest.keyClick(bar.owner, Qt.Key.Key_Return)
    due = bar.due.value().strftime("%d/%m/%Y")
    said = f"Agreed: Review [a case] risk plan (SPO, due {due})."
    assert heard == [(said, False)]
    assert bar.message.text() == said and bar.message.isVisible()
    assert bar.text.text() == "" and QApplication.focusWidget() is bar.text
    assert reference not in _on_screen(win)


def test_f11_says_the_meeting_and_the_topics_of_sentences_are_read(demo_window, qtbot, heard):
    win = demo_window
    _active(win, qtbot)
    heard.clear()
    win.meeting.open()
    view = win.meeting.view
    assert heard[0] == (f"Supervision meeting, {view.content.period}.", False)
    item = view.topics.currentItem()
    month = item.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert view.content.month[0] in month and view.content.month[-1] in month
    assert view.topics.item(1).data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith(
        view.content.time_sentence)
    # A topic whose notes are ticked with Tab has no description of its own.
    keys = view.visible_topics()
    assert not view.topics.item(keys.index("requests")).data(
        Qt.ItemDataRole.AccessibleDescriptionRole)


def test_return_on_end_and_record_ends_and_records(demo_window, db, qtbot, monkeypatch, heard):
    from core.supervision.sessions import list_sessions

    win = demo_window
    monkeypatch.setattr("ui.supervision.meeting_operations.offer_pdf", lambda *a, **k: None)
    _active(win, qtbot)
    win.meeting.open()
    view = win.meeting.view
    pressed: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        end = next(b for b in box.buttons() if b.text() == "End and record")
        assert box.defaultButton() is not end  # Keep going stays the default
        end.setFocus()
        pressed.append("Return")
        QTest.keyClick(end, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    before = len(list_sessions(db))
    QTimer.singleShot(0, answer)
    view.request_end()
    assert pressed == ["Return"]
    assert not win.meeting.is_open()
    assert len(list_sessions(db)) == before + 1
    # Said and shown once the meeting is left, not over it.
    qtbot.waitUntil(lambda: any(t.startswith("Recorded the session of ") for t, _a in heard))
    assert win.statusBar().currentMessage().startswith("Recorded the session of ")


def test_esc_puts_the_keyboard_back_where_it_was_before_f11(demo_window, qtbot):
    win = demo_window
    _active(win, qtbot)
    win.show_view("caseload")
    table = win.view("caseload").table
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 1))
    assert QApplication.focusWidget() is table
    QTest.keyClick(table, Qt.Key.Key_F11)
    assert win.meeting.is_open()
    QTest.keyClick(win.meeting.view.topics, Qt.Key.Key_Escape)
    assert not win.meeting.is_open()
    assert QApplication.focusWidget() is table and table.currentIndex().row() == 2


def test_unlocked_is_said_in_the_meeting_and_what_waited_after_it_is_left(demo_window, qtbot,
                                                                          heard, monkeypatch):
    win = demo_window
    _active(win, qtbot)
    win.meeting.open()
    monkeypatch.setattr(win.idle_lock, "_verify", lambda _p: True)
    win.idle_lock.lock()
    say_result(win, "Backed up now: caseload-C07.db.")  # came while locked
    heard.clear()
    win.idle_lock.screen.button.click()
    qtbot.waitUntil(lambda: ("Unlocked.", False) in heard)
    assert win.meeting.view is not None
    assert not any("C07" in text for text, _assertive in heard)
    assert "C07" not in _on_screen(win)
    win.meeting.leave()
    assert ("Backed up now: caseload-C07.db.", False) in heard


def test_an_action_removed_with_references_shown_comes_back_unnamed_once_they_are_hidden(
        demo_window, qtbot, heard):
    from tests.ui.supervision.test_meeting_remove_by_keyboard import _remove

    win = demo_window
    _active(win, qtbot)
    win.meeting.open()
    view = win.meeting.view
    reference = sorted(view.content.references)[0]
    view.show_cases.setChecked(True)  # (asked first, in the app: Show)
    bar = view.action_bar
    QTest.keyClicks(bar.text, f"Review {reference} risk plan")
    QTest.keyClick(bar.text, Qt.Key.Key_Return)
    view.select_topic("actions")
    _remove(view, qtbot, f"Review {reference} risk plan")
    bar.text.setText("")
    view.show_cases.setChecked(False)
    heard.clear()
    bar.text.setFocus()
    QTest.keyClick(bar.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert heard == [("Brought back the agreed action “Review [a case] risk plan”.", False)]
    assert reference not in _on_screen(win)


def test_the_tray_names_no_case_while_the_meeting_is_shown(demo_window, db, qtbot):
    from datetime import datetime

    from core.time.timer import start_timer
    from tests.ui.time.test_time_view import act

    win = demo_window
    tray = win.time_tray
    case = next(c for c in CaseStore(db).list_cases("active"))
    start_timer(db, act(db, "Travel"), now=datetime.now().replace(microsecond=0),
                case_id=case.id)
    win.hub.timeLogged.emit()
    assert case.reference in tray.tip and case.reference in tray.status_action.text()
    win.meeting.open()
    assert "Travel" in tray.tip and case.reference not in tray.tip
    assert case.reference not in tray.status_action.text()
    tray.refresh()  # the timer's own tick
    assert case.reference not in tray.tip
    win.meeting.leave()
    assert case.reference in tray.tip


def test_return_on_show_references_says_why_in_its_own_words(qtbot, heard):
    """Return on the question's Show is refused, as before, in words about privacy (it
    deletes nothing), and shows nothing."""
    from PySide6.QtWidgets import QWidget

    from tests.ui.test_return_never_destroys import return_on_each_control
    from ui.supervision.private_ticks import CASES
    from ui.widgets import confirm

    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[bool] = []
    return_on_each_control(qtbot, lambda: answers.append(confirm.ask(
        parent, CASES.title, CASES.question, CASES.show, CASES.keep,
        return_words=CASES.return_words())), lambda: not any(answers))
    assert ("Not done yet: press Space to show references. Return alone never shows your "
            "manager something private.", True) in heard
