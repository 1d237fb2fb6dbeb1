"""A table cell's editor is named after its cell.

Qt's editor for a cell (a line edit, a spin box, a drop-down) is a new widget with no name,
so a screen reader said only "text" when F2 opened a Weightings cell: which weighting was
being typed over was not said. `NamedEditorDelegate` names each editor it makes from its
cell: the cell's own description where the model gives one ("Community, A3"), else its row
and column headings; the value stays the editor's value.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget


def cell_name(index: QModelIndex | QPersistentModelIndex) -> str:
    """What the cell at `index` is, in words: its description, else its headings."""
    model = index.model()
    if model is None:
        return ""
    described = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    if described:
        return str(described).removesuffix(", changed")
    parts = [model.headerData(index.row(), Qt.Orientation.Vertical),
             model.headerData(index.column(), Qt.Orientation.Horizontal)]
    words = [str(p) for p in parts if p not in (None, "") and str(p) != str(index.row() + 1)]
    if len(words) < 2 and index.column() > 0:  # no row heading: the row's first cell names it
        first = index.siblingAtColumn(0).data()
        if first:
            words.insert(0, str(first))
    return ", ".join(words)


def name_editor(editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
    name = cell_name(index)
    if name:
        editor.setAccessibleName(name)


class NamedEditorDelegate(QStyledItemDelegate):
    """A delegate whose editors are named after their cells."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if editor is not None:
            name_editor(editor, index)
        return editor
