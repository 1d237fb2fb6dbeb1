"""A page stack a screen reader passes over: the views, a view's pages, the welcome's steps.

Qt gives every QStackedWidget the role "layered pane", and Orca says that role for each unnamed
one it enters: Tab into the Caseload list said "layered pane, layered pane" (the window's views,
then the view's pages) before the control. A stack shows one page at a time and has nothing of
its own to say; the view's name is already said by the Views list and each page's own names and
labels follow. So an unnamed stack has the role of any plain container widget (Client, a
"filler" on AT-SPI), which screen readers treat as layout only; a stack given a name keeps
Qt's role and is said with its name. Installed once at start
(ui.shell.app), beside the combo box's accessible.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QStackedWidget

from ui.widgets.accessible_factories import register
from ui.widgets.live_accessible import LiveWidgetAccessible



class StackAccessible(LiveWidgetAccessible):
    """Qt's widget accessible for a page stack, a plain container while it has no name."""

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack, QAccessible.Role.LayeredPane)
        self._stack = stack

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.LayeredPane if self._stack.accessibleName() \
            else QAccessible.Role.Client


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QStackedWidget):
        return StackAccessible(target)
    return None


def install() -> None:
    """Register the factory with Qt once, before the first stack is asked about."""
    register(_factory)
