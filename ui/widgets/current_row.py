"""The row the keyboard is on is the row a table's actions act on.

Tabbing into a table, Qt makes its first row current, and a screen reader reads it, but does not
select it: Return and Delete did nothing and the table's buttons (Edit note…, Delete note) stayed
disabled until Space chose the row nobody could see was not chosen. `install()` selects, as the
keyboard arrives in a row-selecting table with nothing selected, the row it is on (the first, if
none), so what is heard, what is shown and what Return, Delete and the buttons act on are the same
row. The mouse chooses its own row; a file chooser's lists are left alone (a file selected there
fills the name a Save would write to), and so are pop-up lists (a completer's suggestions).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ui.widgets.app_watch import watch

_BY_KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason,
                Qt.FocusReason.ActiveWindowFocusReason)


def _first_index(view: QAbstractItemView):  # type: ignore[no-untyped-def]
    """The first row's first shown cell, as Qt would make it current (invalid if none)."""
    from PySide6.QtWidgets import QTableView

    model = view.model()
    root = view.rootIndex()
    rows = range(model.rowCount(root))
    columns = range(model.columnCount(root))
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
    selection; True when a row was selected."""
    selection = view.selectionModel()
    if (selection is None or view.model() is None or selection.hasSelection()
            or view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection
            or view.selectionBehavior() != QAbstractItemView.SelectionBehavior.SelectRows):
        return False
    index = view.currentIndex()
    if not index.isValid():
        index = _first_index(view)
    if not index.isValid():
        return False
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
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
        select_current(watched)


def install(app: QApplication | None = None) -> None:
    """Every row-selecting table the application shows, from now on."""
    watch(app, focused=_focus_arrived)
