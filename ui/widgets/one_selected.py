"""A selection of at most one item, that the screen reader cannot change: the shared half of
the combo box's and the tab bar's own selections (each says which item, and when)."""

from __future__ import annotations

from PySide6.QtGui import QAccessibleInterface, QAccessibleSelectionInterface


class OneSelectedItem(QAccessibleSelectionInterface):
    """`selectedItem(0)` (a subclass's) or none; select, unselect and clear change nothing."""

    def selectedItemCount(self) -> int:  # noqa: N802 - Qt override
        return 1 if self.selectedItem(0) is not None else 0

    def selectedItems(self) -> list[QAccessibleInterface]:  # noqa: N802 - Qt override
        item = self.selectedItem(0)
        return [item] if item is not None else []

    def select(self, _child: QAccessibleInterface) -> bool:
        return False

    def unselect(self, _child: QAccessibleInterface) -> bool:
        return False

    def selectAll(self) -> bool:  # noqa: N802 - Qt override
        return False

    def clear(self) -> bool:
        return False
