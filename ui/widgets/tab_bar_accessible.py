"""What a screen reader is told about a tab bar: what it is, and which page it is on only while
it has the keyboard.

Qt's own accessible for a tab bar names it by its current tab ("Profile", "Week"), a value,
whatever name is set; and as a tab bar gets its first tab (a view built as it first opens,
Settings built behind the Overview at start) Qt reports a change of selection on it, which
Orca (43) answers by asking the bar for its selected tab and saying it as if it had the focus:
Ctrl+3 said "Week page tab", and the Overview after the passphrase "Profile page tab", for a tab
bar in a view not on screen. This accessible keeps the rest of Qt's: the role, each page tab
with its name, place and Press action, the two scroll buttons as the last children. Its name
is the bar's own accessible name ("Settings pages", set on the bar: set on its tab widget too,
two objects would share it); its selection is the current tab only while the bar has the
keyboard, so a page turned by the program, or a bar being built, has nothing to say, and Tab
onto the bar still says the page it is on.
Registered at start (ui.shell.app); this module is imported when a screen reader first meets
a tab bar.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QAccessibleWidget, QTabBar, QToolButton

from ui.widgets.accessible_factories import register
from ui.widgets.live_accessible import LiveWidgetAccessible, widget_alive
from ui.widgets.one_selected import OneSelectedItem
from ui.widgets.form_helpers import shown_text


def _pointer(obj: Any) -> shiboken6.VoidPtr:
    """The C++ address Qt asks for through interface_cast (a null one for None)."""
    if obj is None:
        return shiboken6.VoidPtr(0)
    return shiboken6.VoidPtr(shiboken6.getCppPointer(obj)[0])


def _alive(bar: QTabBar) -> bool:
    return widget_alive(bar)


def _has_keyboard(bar: QTabBar) -> bool:
    return _alive(bar) and bar.hasFocus()


class _Press(QAccessibleActionInterface):
    """A page tab's one action, Press: its page comes up, as a click on it does."""

    def __init__(self, tab: "PageTabAccessible"):
        super().__init__()
        self._tab = tab

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt override
        return [QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt override
        if name == QAccessibleActionInterface.pressAction() and self._tab.isValid():
            self._tab.bar.setCurrentIndex(self._tab.index)

    def keyBindingsForAction(self, _name: str) -> list[str]:  # noqa: N802 - Qt override
        return []


class PageTabAccessible(QAccessibleInterface):
    """One tab of a tab bar: not a widget of its own, so an accessible Qt keeps by its id."""

    def __init__(self, bar: QTabBar, index: int):
        super().__init__()
        self.bar = bar
        self.index = index
        self._press = _Press(self)

    def isValid(self) -> bool:  # noqa: N802 - Qt override
        return _alive(self.bar) and self.index < self.bar.count()

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def interface_cast(  # noqa: N802 - Qt override
            self, kind: QAccessible.InterfaceType) -> Any:
        return _pointer(self._press if kind == QAccessible.InterfaceType.ActionInterface
                        else None)

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.PageTab

    def text(self, kind: QAccessible.Text) -> str:
        if not self.isValid():
            return ""
        bar, index = self.bar, self.index
        if kind == QAccessible.Text.Name:
            return bar.accessibleTabName(index) or shown_text(bar.tabText(index))
        if kind == QAccessible.Text.Description:
            return bar.tabToolTip(index)
        if kind == QAccessible.Text.Help:
            return bar.tabWhatsThis(index)
        if kind == QAccessible.Text.Accelerator:
            return _alt_key(bar.tabText(index))
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:  # noqa: N802
        pass

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        if not self.isValid():
            state.invalid = True
            return state
        bar, index = self.bar, self.index
        current = index == bar.currentIndex()
        state.focusable = True
        state.selectable = True
        state.selected = current
        state.focused = current and bar.hasFocus()  # Qt's says every current tab has it
        state.invisible = not bar.isVisible() or not bar.isTabVisible(index)
        state.disabled = not bar.isEnabled() or not bar.isTabEnabled(index)
        return state

    def rect(self) -> QRect:
        if not self.isValid():
            return QRect()
        place = self.bar.tabRect(self.index)
        return QRect(self.bar.mapToGlobal(place.topLeft()), place.size())

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return QAccessible.queryAccessibleInterface(self.bar) if _alive(self.bar) else None

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:  # noqa: N802 - Qt override
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None


def _alt_key(text: str) -> str:
    """"&Week" -> "Alt+W", as Qt gives a tab's accelerator; "" without a marked letter."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return f"Alt+{plain[at + 1].upper()}" if 0 <= at < len(plain) - 1 else ""


class _CurrentTab(OneSelectedItem):
    """The bar's selection: its current tab while the bar has the keyboard, else none. Orca
    (43) says the selected tab of any tab bar whose selection changes, without asking where the
    keyboard is; on the bar itself (Tab onto it, the arrows on it) it hears the tab take the
    focus, and the selection is the same tab."""

    def __init__(self, owner: "TabBarAccessible"):
        super().__init__()
        self._owner = owner

    def selectedItem(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        bar = self._owner.bar
        if index != 0 or not _has_keyboard(bar) or bar.currentIndex() < 0:
            return None
        return self._owner.child(bar.currentIndex())

    def isSelected(self, child: QAccessibleInterface) -> bool:  # noqa: N802 - Qt override
        item = self.selectedItem(0)
        return item is not None and child is not None and _same(child, item)

    def select(self, child: QAccessibleInterface) -> bool:
        if not _alive(self._owner.bar):
            return False
        index = self._owner.indexOfChild(child)
        if 0 <= index < self._owner.bar.count():
            self._owner.bar.setCurrentIndex(index)
            return True
        return False


def _same(one: QAccessibleInterface, other: QAccessibleInterface) -> bool:
    return shiboken6.getCppPointer(one)[0] == shiboken6.getCppPointer(other)[0]


class TabBarAccessible(LiveWidgetAccessible):
    """A tab bar named by what it is, its tabs as children, its selection while it has the
    keyboard."""

    def __init__(self, bar: QTabBar):
        super().__init__(bar, QAccessible.Role.PageTabList)
        self.bar = bar
        self._tabs: dict[int, PageTabAccessible] = {}
        self._selection = _CurrentTab(self)
        tabs = self._tabs
        # The tabs are Qt's to keep once handed over (by their ids); gone with the bar.
        bar.destroyed.connect(lambda _=None: _forget(tabs))

    def interface_cast(  # noqa: N802 - Qt override
            self, kind: QAccessible.InterfaceType) -> Any:
        if kind == QAccessible.InterfaceType.SelectionInterface:
            return _pointer(self._selection)
        found = super().interface_cast(kind)  # Qt's own answer, already an address
        return found if found is not None else shiboken6.VoidPtr(0)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            # Its accessible name, else a label's it is the buddy of; never a page's name.
            return QAccessibleWidget.text(self, kind)
        return super().text(kind)

    def _buttons(self) -> list[QToolButton]:
        """Qt's two scroll buttons, left then right (never Tab stops: ui.shell.app_style)."""
        found = {b.objectName(): b for b in self.bar.findChildren(QToolButton)}
        return [found[n] for n in ("ScrollLeftButton", "ScrollRightButton") if n in found]

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return self.bar.count() + len(self._buttons())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        count = self.bar.count()
        if 0 <= index < count:
            tab = self._tabs.get(index)
            if tab is None:
                tab = self._tabs[index] = PageTabAccessible(self.bar, index)
            return tab
        buttons = self._buttons()
        if 0 <= index - count < len(buttons):
            return QAccessible.queryAccessibleInterface(buttons[index - count])
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 - Qt override
        if child is None:
            return -1
        target = child.object()
        if target is not None:
            buttons = self._buttons()
            for at, button in enumerate(buttons):
                if target is button:
                    return self.bar.count() + at
            return -1
        for index, tab in self._tabs.items():
            if index < self.bar.count() and _same(child, tab):
                return index
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        point = self.bar.mapFromGlobal(QPoint(x, y))
        for button in self._buttons():
            if button.isVisible() and button.geometry().contains(point):
                return QAccessible.queryAccessibleInterface(button)
        index = self.bar.tabAt(point)
        return self.child(index) if index >= 0 else None


def _forget(tabs: dict[int, PageTabAccessible]) -> None:
    for tab in list(tabs.values()):
        if shiboken6.isValid(tab):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(tab))
    tabs.clear()


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QTabBar):
        return TabBarAccessible(target)
    return None


def install() -> None:
    """Register the factory with Qt once, before the first tab bar is asked about."""
    register(_factory)
