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
