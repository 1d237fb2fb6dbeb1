"""A table cell's editor is named after its cell.

Qt's editor for a cell (a line edit, a spin box, a drop-down) is a new widget with no name,
so a screen reader said only "text" when F2 opened a Weightings cell: which weighting was
being typed over was not said. `NamedEditorDelegate` names each editor it makes from its
cell: the cell's own description where the model gives one ("Community, A3"), else its row
and column headings; the value stays the editor's value.

A cell that holds text is edited in a one-line field that a screen reader reads whole
(ui.widgets.line_field): Qt's line edit, its own editor, was read one character short ("13"
for 138). Return keeps what is typed and closes it, Escape leaves the cell as it was, as with
Qt's editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.widgets.line_field import LineField
from ui.widgets.qt_guard import qt_override


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
        if isinstance(index.data(Qt.ItemDataRole.EditRole), str):
            editor: QWidget | None = LineField(parent=parent)  # where Qt's is a line edit
            editor.setFrame(bool(editor.style().styleHint(  # type: ignore[union-attr]
                QStyle.StyleHint.SH_ItemView_DrawDelegateFrame, None, editor)))
        else:
            editor = super().createEditor(parent, option, index)
        if editor is not None:
            name_editor(editor, index)
        return editor

    def setEditorData(self, editor: QWidget,  # noqa: N802 - Qt override
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, LineField):  # held selected, typed over, as in Qt's line edit
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()
            return
        super().setEditorData(editor, index)

    @qt_override
    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Qt's own filter leaves Return to a multi-line editor (a new line there): here it
        # keeps the cell and closes, as it does for a line edit.
        if (isinstance(editor, LineField) and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)
