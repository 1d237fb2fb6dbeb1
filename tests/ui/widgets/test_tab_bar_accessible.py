"""A tab bar as the app presents it to a screen reader (ui/widgets/tab_bar_accessible.py): named by
what it is where Qt names it by its current tab, its selection the current tab only while it has
the keyboard, and otherwise what Qt's own is: each page tab with its name, Press turning to it,
the two scroll buttons last. tests/atspi/test_orca_page_tabs.py hears Orca on the real bus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from ui.widgets import tab_bar_accessible
from ui.widgets.form_helpers import name_tabs

pytestmark = pytest.mark.qt_log_ignore("does not support")  # offscreen
NAME = QAccessible.Text.Name


@pytest.fixture
def window(qtbot):
    tab_bar_accessible.install()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    holder.field = QLineEdit()
    layout.addWidget(holder.field)
    holder.tabs = QTabWidget()
    holder.tabs.addTab(QWidget(), "&Week")
    holder.tabs.addTab(QWidget(), "&Charts")
    name_tabs(holder.tabs, "Time pages")
    layout.addWidget(holder.tabs)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


def _tabs(accessible) -> list:
    return [accessible.child(i) for i in range(accessible.childCount())
            if accessible.child(i).role() == QAccessible.Role.PageTab]


def test_a_tab_bar_is_named_by_what_it_is_and_keeps_its_tabs(window):
    bar = window.tabs.tabBar()
    accessible = QAccessible.queryAccessibleInterface(bar)
    assert accessible.role() == QAccessible.Role.PageTabList
    assert accessible.text(NAME) == "Time pages"  # Qt's own said "Week"
    # The one Tab stop of that name: the bar, not the tab widget around it as well.
    assert bar.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not window.tabs.focusPolicy() & Qt.FocusPolicy.TabFocus
    holder = QAccessible.queryAccessibleInterface(window.tabs)
    assert not holder.state().focusable and not holder.text(NAME)
    window.tabs.setCurrentIndex(1)
    assert accessible.text(NAME) == "Time pages"
    window.tabs.setCurrentIndex(0)
    tabs = _tabs(accessible)
    assert [t.text(NAME) for t in tabs] == ["Week", "Charts"]
    assert [accessible.indexOfChild(t) for t in tabs] == [0, 1]
    assert all(t.parent().object() is bar for t in tabs)
    # Qt's two scroll buttons stay its last children.
    rest = [accessible.child(i).object() for i in range(len(tabs), accessible.childCount())]
    assert [b.objectName() for b in rest] == ["ScrollLeftButton", "ScrollRightButton"]
    # Press turns to the page, as a click does.
    press = tabs[1].actionInterface()
    assert press.actionNames() == [QAccessibleActionInterface.pressAction()]
    press.doAction(QAccessibleActionInterface.pressAction())
    assert window.tabs.currentIndex() == 1
    assert tabs[1].state().selected and not tabs[0].state().selected


def test_the_current_tab_is_selected_and_focused_only_while_the_bar_has_the_keyboard(
        window, qtbot):
    bar = window.tabs.tabBar()
    accessible = QAccessible.queryAccessibleInterface(bar)
    selection = accessible.selectionInterface()
    window.field.setFocus()
    qtbot.waitUntil(window.field.hasFocus)
    week = _tabs(accessible)[0]
    assert week.state().selected and not week.state().focused
    assert selection.selectedItemCount() == 0  # nothing for a screen reader to say
    window.tabs.setCurrentIndex(1)  # turned by the program: still nothing
    assert selection.selectedItemCount() == 0
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    charts = _tabs(accessible)[1]
    assert charts.state().focused
    assert selection.selectedItemCount() == 1
    assert selection.selectedItem(0).text(NAME) == "Charts"


def test_a_bar_gone_leaves_no_tab_behind(window):
    accessible = QAccessible.queryAccessibleInterface(window.tabs.tabBar())
    ids = [QAccessible.uniqueId(t) for t in _tabs(accessible)]
    window.tabs.setParent(None)
    window.tabs.deleteLater()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert [QAccessible.accessibleInterface(i) for i in ids] == [None, None]


def test_a_tabs_alt_letter_takes_the_keyboard_to_its_bar(window, qtbot):
    # So the page it turns to is said: a tab is said only while its bar has the keyboard.
    window.activateWindow()
    window.field.setFocus()
    qtbot.waitUntil(window.field.hasFocus)
    qtbot.keyClick(window.field, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 1)
    assert window.tabs.tabBar().hasFocus()
    accessible = QAccessible.queryAccessibleInterface(window.tabs.tabBar())
    assert accessible.selectionInterface().selectedItem(0).text(NAME) == "Charts"
