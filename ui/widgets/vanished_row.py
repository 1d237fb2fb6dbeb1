"""When the row under the keyboard goes, the keyboard lands on its neighbour, and says so.

An undo that takes back an added case, a deletion, a refresh after any change: each reloads a
table's rows, and Qt then leaves the table with no current row. A screen-reader user heard
"Undone: Add C99." and nothing more; Return and Delete then did nothing, silently, because no
row was chosen. `install()` watches every row-selecting table the keyboard has been in: when
its rows change while it holds the window's focus (a dialog it opened may be in front), the row
it was on is chosen again if it is still there (found by the record behind it, so an edited row
is followed to its new place), else its neighbour (the next row, else the one before), and
the screen reader reads it as the keyboard lands there (said as "Now on C02, …" only where it
reads as the row that went, which a reader takes for no move at all); a table left with no rows
says it is empty.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ui.widgets.announce import announce
from ui.widgets.app_watch import watch

OBJECT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the record behind a row, in every app model
_WORDS = 4  # columns said of the row landed on: enough to know it, short enough to hear
_keepers: "weakref.WeakKeyDictionary[QAbstractItemView, _Keeper]" = weakref.WeakKeyDictionary()


def row_words(view: QAbstractItemView, row: int) -> str:
    """The row as a screen reader would read it: its shown cells' texts, the first few."""
    model = view.model()
    words = []
    for column in range(model.columnCount(view.rootIndex())):
        if getattr(view, "isColumnHidden", lambda _c: False)(column):
            continue
        index = model.index(row, column, view.rootIndex())
        # A cell's words for a screen reader where it has them ("Monday 7 December: nothing
        # logged yet.", where the cell shows only "Nothing logged yet.").
        text = index.data(Qt.ItemDataRole.AccessibleTextRole) or index.data()
        if text not in (None, ""):
            words.append(str(text))
    return ", ".join(words[:_WORDS]).rstrip(".")  # said with its own full stop after


def _identity(view: QAbstractItemView, row: int) -> object:
    """What the row is: the record's id when it has one (an edited row keeps it), else its
    first cell (a weighting's "Community, A2" stays itself when a figure beside it changes)."""
    index = view.model().index(row, 0, view.rootIndex())
    item = index.data(OBJECT_ROLE)
    key = getattr(item, "id", None)
    if key is not None:
        return (type(item).__name__, key)
    return index.data()


def _selectable(view: QAbstractItemView, row: int) -> bool:
    index = view.model().index(row, 0, view.rootIndex())
    hidden = getattr(view, "isRowHidden", lambda _r: False)(row)
    return not hidden and bool(index.flags() & Qt.ItemFlag.ItemIsSelectable)


def _neighbour(view: QAbstractItemView, row: int) -> int:
    """The row at `row` now (the next one), else the nearest before it; -1 when none."""
    count = view.model().rowCount(view.rootIndex())
    start = min(max(row, 0), count - 1)
    for candidate in list(range(start, count)) + list(range(start - 1, -1, -1)):
        if _selectable(view, candidate):
            return candidate
    return -1


def _choose(view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 0, view.rootIndex())
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


def _holds_focus(view: QAbstractItemView) -> bool:
    """The view is where the keyboard is in its window (or would be, back from a dialog)."""
    focus = view.window().focusWidget()
    return focus is not None and (focus is view or view.isAncestorOf(focus))


class _Keeper(QObject):
    """Watches one view's model for the rows changing under the view's current row."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view
        self._model = None
        self._before: tuple[int, object, str] | None = None
        self._pending = False
        self.placing = False  # the caller puts the keyboard on a row and says what happened
        self._quiet = False
        self.attach()

    def attach(self) -> None:
        model = self._view.model()
        if model is self._model or model is None:
            return
        if self._model is not None:
            try:
                for signal in (self._model.modelAboutToBeReset, self._model.rowsAboutToBeRemoved):
                    signal.disconnect(self._changing)
                for signal in (self._model.modelReset, self._model.rowsRemoved):
                    signal.disconnect(self._changed)
            except (RuntimeError, TypeError):  # the old model is gone already
                pass
        self._model = model
        model.modelAboutToBeReset.connect(self._changing)
        model.rowsAboutToBeRemoved.connect(self._changing)
        model.modelReset.connect(self._changed)
        model.rowsRemoved.connect(self._changed)

    def _changing(self, *_args: object) -> None:
        view = self._view
        if self._before is not None or not view.isVisible() or not _holds_focus(view):
            return  # a second change of the same moment: the row before the first is the one
        index = view.currentIndex()
        if index.isValid() and view.selectionModel().isSelected(index):
            self._before = (index.row(), _identity(view, index.row()),
                            row_words(view, index.row()))
            self._quiet = self.placing

    def _changed(self, *_args: object) -> None:
        if self._before is not None and not self._pending:
            self._pending = True
            # After the view's own code has run: it may choose the row itself.
            QTimer.singleShot(0, self, self._settle)

    def _settle(self) -> None:
        self._pending = False
        before, self._before = self._before, None
        quiet, self._quiet = self._quiet, False
        view = self._view
        if before is None:
            return
        row, identity, words = before
        model = view.model()
        count = model.rowCount(view.rootIndex())
        if count == 0:  # said even when the view gives way to its empty state (the Caseload's)
            if view.window().isActiveWindow() and QApplication.activeModalWidget() is None:
                announce(view, f"{view.accessibleName() or 'The table'}: nothing left in it.")
            return
        if not view.isVisible() or not _holds_focus(view):
            return
        for candidate in range(count):
            if _identity(view, candidate) == identity:
                current = view.currentIndex()
                if not (current.isValid() and view.selectionModel().isSelected(current)):
                    _choose(view, candidate)  # the same row, where it is now: nothing to say
                return
        current = view.currentIndex()
        if current.isValid() and view.selectionModel().isSelected(current):
            landed = current.row()  # the view chose where to go; say where that is
        else:
            landed = _neighbour(view, current.row() if current.isValid() else row)
            if landed >= 0:
                _choose(view, landed)
        if QApplication.focusWidget() is not view:
            return  # a dialog is in front: the row is read when the keyboard comes back
        # The keyboard landing on the row is read by the screen reader as it lands (the table
        # tells it the focus moved); said again as "Now on …", it was heard twice. Only a row
        # that reads as the one that went, where it was, is said: Orca takes it for the same
        # cell as before and says nothing of it.
        if landed == row and not quiet and row_words(view, landed) == words:
            announce(view, f"Now on {words}.")


@contextmanager
def placed_by_caller(view: QAbstractItemView | None) -> Iterator[None]:
    """Rows that go inside this block (a deletion) are the caller's to say: it puts the
    keyboard on the row that took their place, which a screen reader reads as it lands, and
    says what went. "Now on …" as well said that row twice, and before the deletion."""
    keeper = _keepers.get(view) if view is not None else None
    if keeper is None:
        yield
        return
    keeper.placing = True
    try:
        yield
    finally:
        keeper.placing = False


def keep(view: QAbstractItemView) -> None:
    """Watch `view` from now on (done for every table the keyboard arrives in)."""
    keeper = _keepers.get(view)
    if keeper is None:
        _keepers[view] = _Keeper(view)
    else:
        keeper.attach()  # its model may have been replaced


def _focus_arrived(watched: QObject, _event: object) -> None:
    if not isinstance(watched, QAbstractItemView):
        return
    if (watched.selectionBehavior() != QAbstractItemView.SelectionBehavior.SelectRows
            or watched.selectionMode() == QAbstractItemView.SelectionMode.NoSelection
            or watched.window().windowType() == Qt.WindowType.Popup):
        return
    keep(watched)


def install(app: QApplication | None = None) -> None:
    """Every row-selecting table the keyboard arrives in, from now on."""
    watch(app, focused=_focus_arrived)
