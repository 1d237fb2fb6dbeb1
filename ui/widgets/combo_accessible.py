"""What a screen reader is told a combo box is called: the words of its visible label.

On Linux, Qt's own accessible for a combo box gives its current value as its name ("All types")
and passes the label beside it only as a "labelled by" relation, so a screen reader may say the
value twice and never the label. This accessible keeps everything else of Qt's: the role, the
current item as the value, the list of items as its child (and the line edit of an editable
one), the Press and Show menu actions that open the list; only the name is the label's words
(its accessible name where one is set). Registered at start (ui.shell.app), this module
imported when a screen reader first meets a combo box.

It adds what Qt's lacks: a selection whose one selected item is the current item of its list, as
a GTK combo box has, once the keys have moved to it on the closed box. When Down, Up or a letter
changes the item of the closed box, Qt sends the box's "selection-changed"; Orca (43) answers it
by asking the box for its selected item and saying that, and ignores the name change Qt sends
with it (for a combo box it takes that for an echo), so without a selection the new item went
unsaid.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from ui.widgets.accessible_factories import register
from ui.widgets.live_accessible import LiveWidgetAccessible, widget_alive
from ui.widgets.one_selected import OneSelectedItem
from ui.widgets.form_helpers import shown_text
from ui.widgets.qt_guard import qt_override


def label_of(combo: QComboBox) -> QLabel | None:
    """The label whose buddy the combo box is: among its siblings first (where Qt looks), then
    anywhere in its window."""
    parent = combo.parentWidget()
    places: list[QWidget] = [w for w in (parent, combo.window()) if w is not None]
    for place in places:
        for label in place.findChildren(QLabel):
            if label.buddy() is combo:
                return label
    return None


class _KeysOnTheBox(QObject):
    """Whether the current item was last moved to with the keys on the closed box (Down, Up,
    Home, End, a letter), not chosen from the open list or set by the program."""

    def __init__(self, combo: QComboBox):
        super().__init__(combo)  # goes with the box
        self.moved = False
        self._combo = combo
        combo.installEventFilter(self)
        combo.view().installEventFilter(self)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not widget_alive(self._combo):
            # The box is being destroyed (its closing sends Hide to its list): an error raised
            # here, from inside Qt's destructor, crashed the app.
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self._combo:
            self.moved = not self._combo.view().isVisible()
        elif kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) and watched is self._combo \
                or kind == QEvent.Type.Show and watched is self._combo.view():
            self.moved = False  # arrived by Tab, left, or the list opened
        if kind == QEvent.Type.Hide and watched is self._combo.view():
            # Once Qt is done: Return hides the list before it takes the highlighted row.
            QTimer.singleShot(0, self, self._back_on_current_item)
        return False

    def _back_on_current_item(self) -> None:
        if widget_alive(self._combo) and not self._combo.view().isVisible():
            _list_back_on_current_item(self._combo)


def _list_back_on_current_item(combo: QComboBox) -> None:
    """Put the closed list's highlighted row back on the box's current item.

    A list closed without a choice (Esc, a click outside, a lock) keeps the row the arrows last
    highlighted as its current and selected one, while the box still shows, and the program
    still uses, the item it had. Orca (43) reads a combo box with no selected item of its own by
    the selected item of its list: it said "Home visit" for a box showing "Appointment / direct
    contact". Qt moves the list to the current item only as it opens again."""
    view, model = combo.view(), combo.model()
    chosen = view.selectionModel() if view is not None else None
    if chosen is None or model is None:
        return
    row = combo.currentIndex()
    wanted = model.index(row, combo.modelColumn(), combo.rootModelIndex()) if row >= 0 \
        else QModelIndex()
    if not wanted.isValid():
        chosen.clear()
    elif chosen.currentIndex() != wanted or chosen.selectedIndexes() != [wanted]:
        chosen.setCurrentIndex(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect)


class _CurrentItem(OneSelectedItem):
    """The combo box's selection: its current item, one of its list's items, just after the keys
    moved to it on the closed box; otherwise none, as Qt's own has, and a screen reader reads
    the box's value instead. Orca (43) says the selected item of any combo box whose item changes:
    unlike for GTK it does not ask whether the box has the focus, so a box the program fills or
    resets elsewhere would be spoken and take Orca's focus from where the user is; and an item
    chosen from the open list, already said there and again as the focus comes back to the
    box, would be said a third time. Choosing is the list's and the keyboard's: select and
    clear change nothing here."""

    def __init__(self, combo: QComboBox):
        super().__init__()
        self._combo = combo
        self._keys = _KeysOnTheBox(combo)

    def selectedItem(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        # A list's items are its children row by row (one column: the one the box shows).
        combo = self._combo
        if not widget_alive(combo):
            return None
        row = combo.currentIndex()
        view = QAccessible.queryAccessibleInterface(combo.view())
        focus = QApplication.focusWidget()
        in_box = focus is not None and (focus is combo or combo.isAncestorOf(focus))
        if index != 0 or row < 0 or view is None or row >= view.childCount() \
                or not (in_box and self._keys.moved):
            return None
        return view.child(row)

    def isSelected(self, child: QAccessibleInterface) -> bool:  # noqa: N802 - Qt override
        item = self.selectedItem(0)
        return item is not None and child is not None and child == item


class ComboAccessible(LiveWidgetAccessible):
    """Qt's combo box accessible, named by its label instead of its value, with its current
    item as its selection."""

    def __init__(self, combo: QComboBox):
        super().__init__(combo, QAccessible.Role.ComboBox)
        self._combo = combo
        self._selection = _CurrentItem(combo)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:  # noqa: N802 - Qt override
        # Qt asks for each interface through a plain pointer, called from C++ for every query:
        # the selection's own C++ object, Qt's answer for the rest, and a null pointer (never
        # None, which would reach Qt as the address of Python's None) where there is none.
        if kind == QAccessible.InterfaceType.SelectionInterface:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self._selection)[0])
        found = super().interface_cast(kind)
        return found if found is not None else shiboken6.VoidPtr(0)

    def text(self, kind: QAccessible.Text) -> str:
        combo = self._combo
        if kind == QAccessible.Text.Name:
            named = super().text(kind)  # its accessible name, else its sibling buddy's words
            if named:
                return named
            label = label_of(combo)
            if label is not None:
                return shown_text(label.text())
            kind = QAccessible.Text.Value  # with no label at all, its value as Qt has it: named
        if kind == QAccessible.Text.Value:
            line = combo.lineEdit() if combo.isEditable() else None
            return line.text() if line is not None else combo.currentText()
        if kind == QAccessible.Text.Description:
            # A tooltip that shows the item whole (Time's Activity, for a long name) is for
            # the eye: read as the description too, Orca said the item twice on every visit.
            described = super().text(kind)
            shown = self.text(QAccessible.Text.Value)
            return "" if shown and described.strip() == shown.strip() else described
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.expandable = True
        state.expanded = self._combo.view().isVisible()
        state.editable = self._combo.isEditable()
        return state

    # The list (and the line edit of an editable one) as Qt's own accessible has them.
    def childCount(self) -> int:  # noqa: N802 - Qt override
        return 2 if self._combo.isEditable() and self._combo.lineEdit() is not None else 1

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        if index == 0:
            return QAccessible.queryAccessibleInterface(self._combo.view())
        line = self._combo.lineEdit() if self._combo.isEditable() else None
        if index == 1 and line is not None:
            return QAccessible.queryAccessibleInterface(line)
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 - Qt override
        target = child.object() if child is not None else None
        if target is not None and target is self._combo.view():
            return 0
        if target is not None and self.childCount() == 2 and target is self._combo.lineEdit():
            return 1
        return -1

    def childAt(  # type: ignore[override]  # noqa: N802 - Qt override; Qt takes None as none
            self, x: int, y: int) -> QAccessibleInterface | None:
        line = self._combo.lineEdit() if self._combo.isEditable() else None
        if line is not None and QRect(line.mapToGlobal(QPoint(0, 0)), line.size()).contains(x, y):
            return self.child(1)
        return None

    # Show menu and Press open the list (and close it when open), as Qt's own do; SetFocus, as
    # every other focusable widget has it, lets a screen reader move the focus here.
    def actionNames(self) -> list[str]:  # noqa: N802 - Qt override
        opens = [QAccessibleActionInterface.showMenuAction(),
                 QAccessibleActionInterface.pressAction()]
        return opens + [name for name in super().actionNames() if name not in opens]

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt override
        if name in (QAccessibleActionInterface.showMenuAction(),
                    QAccessibleActionInterface.pressAction()):
            if self._combo.view().isVisible():
                self._combo.hidePopup()
            else:
                self._combo.showPopup()
        else:
            super().doAction(name)

    def localizedActionDescription(self, name: str) -> str:  # noqa: N802 - Qt override
        if name in (QAccessibleActionInterface.showMenuAction(),
                    QAccessibleActionInterface.pressAction()):
            return "Open the list of choices"
        return super().localizedActionDescription(name)

    def keyBindingsForAction(self, _name: str) -> list[str]:  # noqa: N802 - Qt override
        return []


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QComboBox):
        return ComboAccessible(target)
    return None


def install() -> None:
    """Register the factory with Qt once, before the first combo box is asked about."""
    register(_factory)
