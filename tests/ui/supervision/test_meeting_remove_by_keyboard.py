"""Remove, on an action agreed in the meeting, by keyboard: Return removes nothing and says
"press Space to remove"; Space removes it, says so, and puts its words back on the empty Agreed
action line with the keyboard, so Return there adds it again. Before, Return removed it at once,
in silence, and the words were gone (the meeting's rows are not on the window's undo)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.supervision.test_meeting import _rows
from ui.supervision.meeting_rows import ActionRow
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")  # the offscreen platform


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_return_on_remove_says_press_space_and_space_gives_the_words_back(demo_window, qtbot,
                                                                         heard):
    win = demo_window
    win.meeting.open()
    view = win.meeting.view
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    bar = view.action_bar
    qtbot.keyClicks(bar.text, "Arrange cover for the parole reports")
    qtbot.keyClicks(bar.owner, "Me")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert [a.text for a in view.draft.new_actions] == ["Arrange cover for the parole reports"]
    view.select_topic("actions")

    def remove_button():
        row = next(r for r in _rows(view, ActionRow) if "remove" in r.buttons)
        return row.buttons["remove"]

    button = remove_button()
    button.setFocus()
    heard.clear()
    QTest.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not button.isDown())
    QApplication.processEvents()
    assert len(view.draft.new_actions) == 1
    assert heard == [("Not done yet: press Space to remove. Return alone never deletes or "
                      "overwrites.", True)]

    heard.clear()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not view.draft.new_actions)
    assert heard[-1][0].startswith("Removed the agreed action “Arrange cover for the parole "
                                   "reports”.") and not heard[-1][1]
    assert (bar.text.text(), bar.owner.text()) == ("Arrange cover for the parole reports", "Me")
    assert QApplication.focusWidget() is bar.text
    QTest.keyClick(bar.text, Qt.Key.Key_Return)  # added again, as it was
    assert [(a.text, a.owner) for a in view.draft.new_actions] == [
        ("Arrange cover for the parole reports", "Me")]


def _agreed(win, qtbot, text: str, owner: str = "Me"):
    win.meeting.open()
    view = win.meeting.view
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    bar = view.action_bar
    qtbot.keyClicks(bar.text, text)
    bar.owner.setText(owner)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    view.select_topic("actions")
    return view


def _remove(view, qtbot, text: str) -> None:
    row = next(r for r in _rows(view, ActionRow)
               if "remove" in r.buttons and text in r.label.text())
    row.buttons["remove"].setFocus()
    QTest.keyClick(row.buttons["remove"], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: all(a.text != text for a in view.draft.new_actions))


def test_ctrl_z_brings_a_removed_action_back_in_its_place_and_ctrl_y_removes_it_again(
        demo_window, qtbot, heard):
    """Remove was the one removal in the meeting with nothing for Ctrl+Z: said, not undone."""
    win = demo_window
    view = _agreed(win, qtbot, "Book the three-way meeting")
    bar = view.action_bar
    qtbot.keyClicks(bar.text, "Ask about protected time")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    agreed = list(view.draft.new_actions)
    _remove(view, qtbot, "Book the three-way meeting")
    assert heard[-1][0].endswith("Return adds it again. Undo with Ctrl+Z.")
    assert bar.message.text() == heard[-1][0] and bar.message.isVisible()  # shown, not only said
    assert QApplication.focusWidget() is bar.text
    QTest.keyClick(bar.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.draft.new_actions == agreed  # back first, where it was
    assert bar.text.text() == ""  # its words are agreed again, not waiting to be added twice
    said = "Brought back the agreed action “Book the three-way meeting”."
    assert heard[-1] == (said, False)
    # Shown on the meeting's own line; the status bar shows nothing while the meeting is up.
    assert bar.message.text() == said and win.statusBar().currentMessage() == ""
    assert any("Book the three-way meeting" in r.label.text() for r in _rows(view, ActionRow))
    QTest.keyClick(bar.text, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert view.draft.new_actions == agreed[1:]
    assert heard[-1] == ("Removed the agreed action “Book the three-way meeting” again.", False)
    assert bar.message.text() == heard[-1][0]


def test_undoing_a_removal_never_agrees_the_same_action_twice(demo_window, qtbot, heard):
    """Remove puts the words back on the line, and Return there adds them again: Ctrl+Z then
    says so rather than agreeing it a second time."""
    win = demo_window
    view = _agreed(win, qtbot, "Book the three-way meeting")
    _remove(view, qtbot, "Book the three-way meeting")
    QTest.keyClick(view.action_bar.text, Qt.Key.Key_Return)  # added again from the line
    assert len(view.draft.new_actions) == 1
    win.undo_stack.undo()
    assert [a.text for a in view.draft.new_actions] == ["Book the three-way meeting"]
    text, assertive = heard[-1]
    assert assertive and "agreed again since, so this was not undone" in text
    assert view.action_bar.message.text() == text


def test_a_removal_from_a_meeting_recorded_since_is_not_brought_back(demo_window, qtbot, heard,
                                                                     monkeypatch):
    win = demo_window
    view = _agreed(win, qtbot, "Book the three-way meeting")
    _remove(view, qtbot, "Book the three-way meeting")
    monkeypatch.setattr("ui.widgets.confirm.ask", lambda *a, **k: True)
    monkeypatch.setattr("ui.supervision.meeting_operations.offer_pdf", lambda *a, **k: None)
    win.meeting.end()
    assert not win.meeting.is_open()
    win.undo_stack.undo()  # the recorded meeting first
    assert heard[-1][0].startswith("Took back the session of")
    win.undo_stack.undo()
    assert win.meeting.draft.new_actions == []  # no action in a meeting not yet held
    text, assertive = heard[-1]
    assert assertive and text == ("The meeting has ended since, so “Book the three-way "
                                  "meeting” was not brought back.")
    assert win.statusBar().currentMessage() == text
