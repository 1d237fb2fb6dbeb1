"""The row the keyboard is on is the row a table's actions act on.

Tabbing into a table, Qt makes its first row current, and a screen reader reads it, but does not
select it: Return and Delete did nothing and the table's buttons (Edit note…, Delete note) stayed
disabled until Space chose the row nobody could see was not chosen. `install()` selects, as the
keyboard arrives in a row-selecting table with nothing selected, the row it is on (the first, if
none), so what is heard, what is shown and what Return, Delete and the buttons act on are the same
row. A table that chooses nothing as the keyboard arrives (its cells are chosen one by one, or
none are) says its current cell instead. The mouse chooses its own row; a file chooser's lists
are left alone (a file selected there fills the name a Save would write to), and so are pop-up
lists (a completer's suggestions).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QTableView

from ui.widgets.app_watch import watch

_BY_KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason,
                Qt.FocusReason.ActiveWindowFocusReason)


_CHOSEN = {
    QAbstractItemView.SelectionBehavior.SelectRows:
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    QAbstractItemView.SelectionBehavior.SelectItems:
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
}


def _first_index(view: QAbstractItemView):  # type: ignore[no-untyped-def]
    """The first row's first shown cell, as Qt would make it current (invalid if none)."""
    model = view.model()
    root = view.rootIndex()
    rows: list[int] | range = range(model.rowCount(root))
    # A list's column is the one it shows; a list model is never asked for its columns
    # (columnCount is private to it, and calling it raised in the middle of a focus change).
    columns: list[int] = [view.modelColumn() if isinstance(view, QListView) else 0]
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        rows = [r for r in rows if not view.isRowHidden(r)]
        columns = [c for c in columns if not view.isColumnHidden(c)]
    for row in rows:
        for column in columns:
            index = model.index(row, column, root)
            if index.flags() & Qt.ItemFlag.ItemIsSelectable:
                return index
    return model.index(-1, -1)


def select_current(view: QAbstractItemView) -> bool:
    """Select the row `view` is on (its first row when none is current) if it has no
    selection, or the cell, in a table whose cells are chosen one by one; True when one was
    selected."""
    selection = view.selectionModel()
    behaviour = view.selectionBehavior()
    if (selection is None or view.model() is None or selection.hasSelection()
            or view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection
            or behaviour not in _CHOSEN):
        return False
    index = view.currentIndex()
    if not index.isValid():
        index = _first_index(view)
    if not index.isValid():
        return False
    selection.setCurrentIndex(index, _CHOSEN[behaviour])
    return True


def _focus_arrived(watched: QObject, event: QEvent) -> None:
    if not isinstance(watched, QAbstractItemView):
        return
    from PySide6.QtWidgets import QFileDialog  # named only once a list has the focus

    reason = event.reason()  # type: ignore[attr-defined]  # a QFocusEvent
    window = watched.window()
    # A completer's list of suggestions is a popup: choosing a row there would type it.
    if (reason in _BY_KEYBOARD and not isinstance(window, QFileDialog)
            and window.windowType() != Qt.WindowType.Popup):
        if (not select_current(watched) and isinstance(watched, QTableView)
                and watched.selectionMode() == QAbstractItemView.SelectionMode.NoSelection):
            # Nothing to choose, so nothing for a screen reader to follow into the table: the
            # cell is told as the focus once the table's own arrival has been said. (A table
            # with a row already chosen is read by the reader itself; told again, Orca read
            # the row over the words just said: "Added the activity …".)
            QTimer.singleShot(0, watched, lambda: say_current_cell(watched))


def cell_child(view: QTableView, index: QModelIndex) -> int:
    """The cell's place among the table's accessible children, as Qt numbers them: row by
    row after the column headings, each row led by its row heading (shown or not)."""
    columns = view.model().columnCount(view.rootIndex())
    return (index.row() + 1) * (columns + 1) + index.column() + 1


def say_current_cell(view: QTableView) -> None:
    """Tell assistive technology the current cell has the focus: Orca said "Tier points table
    with 33 rows 4 columns" and no row, though a cell was current (a table whose cells are
    chosen one by one, or whose rows are not chosen at all, gives it nothing else to follow)."""
    try:
        if not view.hasFocus() or not QAccessible.isActive():
            return
    except RuntimeError:  # the table is gone
        return
    index = view.currentIndex()
    if index.isValid():
        event = QAccessibleEvent(view, QAccessible.Event.Focus)
        event.setChild(cell_child(view, index))
        QAccessible.updateAccessibility(event)


def install(app: QApplication | None = None) -> None:
    """Every row-selecting table the application shows, from now on."""
    watch(app, focused=_focus_arrived)
