"""Ctrl+Tab and Ctrl+Shift+Tab turn the tabs of the page on screen, from anywhere in the window.

Qt's tab widget turns its tabs only while focus is inside it, so from the Time view's timer row
(above its Week and Charts tabs) Ctrl+Tab did nothing. And when focus was on the page being
turned away, hiding that page sent focus to the Views list first, so a screen reader said
"Views, list" before every new page. Here the tab bar takes the focus before the page turns.
From elsewhere (the Views list) the keyboard stays, and the page turned to is said.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget


def tabs_for(widget: QWidget | None, window: QMainWindow) -> QTabWidget | None:
    """The tab widget Ctrl+Tab turns from `widget`: the nearest holding it, else the only one
    showing in the nearest part of the window that shows one."""
    current = widget
    while current is not None and current is not window:
        if isinstance(current, QTabWidget):
            return current
        current = current.parentWidget()
    current = widget
    while current is not None:
        shown = [t for t in current.findChildren(QTabWidget)
                 if t.isVisible() and t.window() is window]
        if shown:
            return shown[0] if len(shown) == 1 else None
        if current is window:
            return None
        current = current.parentWidget()
    return None


def turn_page(window: QMainWindow, forward: bool) -> bool:
    tabs = tabs_for(QApplication.focusWidget() or window.centralWidget(), window)
    if tabs is None or tabs.count() < 2:
        return False
    focus = QApplication.focusWidget()
    page = tabs.currentWidget()
    if focus is not None and page is not None and page.isAncestorOf(focus):
        tabs.tabBar().setFocus()  # not left on a page about to be hidden
    step = 1 if forward else -1
    index = tabs.currentIndex()
    for _ in range(tabs.count()):  # the next enabled tab
        index = (index + step) % tabs.count()
        if tabs.isTabEnabled(index):
            break
    tabs.setCurrentIndex(index)
    if not tabs.tabBar().hasFocus():
        # The keyboard stays where it was (the Views list, the timer row above the tabs): a
        # screen reader says the tab of a bar only while the bar has the keyboard, so the page
        # turned without a word.
        from ui.widgets.announce import announce
        from ui.widgets.form_helpers import shown_text

        announce(window, f"{shown_text(tabs.tabText(index))} page.")
    return True


def install(window: QMainWindow) -> None:
    """Ctrl+Tab / Ctrl+Shift+Tab as window actions (disabled with the rest while locked)."""
    # One key each. Ctrl+Shift+Tab alone also takes the Backtab that X11 sends for Shift+Tab
    # (Qt tries Tab with Shift when nothing is bound to Backtab); with Ctrl+Backtab as well,
    # both matched, and Qt fired neither ("Ambiguous shortcut overload").
    for keys, forward in (("Ctrl+Tab", True), ("Ctrl+Shift+Tab", False)):
        action = QAction("Next tab" if forward else "Previous tab", window)  # as the
        # shortcuts page names it
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, f=forward: turn_page(window, f))
        window.addAction(action)
