"""Past supervision sessions, newest first: correct one's date or notes, or delete it after asking."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget
from sqlite_utils import Database

from core.common.errors import ValidationError
from core.supervision.sessions import (
    Session,
    delete_session,
    notes_discussed_at,
    restore_session,
    session_before,
    update_session,
)
from ui.shell.app import show_error
from ui.widgets.date_fields import format_date
from core.store.watched_rows import RowWatch
from ui.widgets.change_undo import change_undoably
from ui.widgets.deletion_undo import delete_undoably, nothing_deleted
from ui.shell.hub import Hub
from ui.widgets.list_table_model import OBJECT_ROLE, ListTableModel
from ui.supervision.supervision_models import COL_HELD, COL_SESSION_NOTES, SESSION_COLUMNS, make_table
from ui.widgets.qt_guard import qt_override

EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class PastSessionsPanel(QWidget):
    """The sessions already recorded; Enter or a double-click corrects one, Delete removes one.

    Changes go to the store and out as hub.supervisionChanged; the Supervision view then hands
    the fresh list back through `set_sessions`.
    """

    def __init__(self, db: Database, hub: Hub, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.model: ListTableModel[Session] = ListTableModel(SESSION_COLUMNS)
        self.table, self.proxy = make_table(self.model, COL_SESSION_NOTES, "Past sessions")
        self.table.sortByColumn(COL_HELD, Qt.SortOrder.DescendingOrder)
        self.table.setToolTip("Enter or double-click to correct a session; Delete to remove it")
        layout.addWidget(self.table)
        self.empty = QLabel("No sessions recorded yet.")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.edit_button = QPushButton("Edit sessio&n…")
        self.delete_button = QPushButton("Delete session")
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _connect_signals(self) -> None:
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        # An event filter rather than window shortcuts: Delete on the agenda means something else.
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.modifiers() in PLAIN):
            key = event.key()
            if key in EDIT_KEYS + (Qt.Key.Key_Delete,):
                self._select_current()  # the row the keyboard is on, chosen or not yet
            if key in EDIT_KEYS and self.selected_session() is not None:
                self.edit_selected()
                return True
            if key == Qt.Key.Key_Delete and self.selected_session() is not None:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    def _select_current(self) -> None:
        """Arrows move the current row without choosing it: Return and Delete act on it."""
        current = self.table.currentIndex()
        if self.selected_session() is None and current.isValid():
            self.table.selectionModel().select(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    # --- state ---------------------------------------------------------------------------------
    def set_sessions(self, sessions: list[Session]) -> None:
        """Show `sessions`, keeping the same session (or the same place in the list) selected."""
        chosen = self.selected_session()
        rows = self.table.selectionModel().selectedRows()
        place = rows[0].row() if rows else None
        self.model.set_items(sessions)
        self.empty.setVisible(not sessions)
        target = None
        for row in range(self.proxy.rowCount()):
            if chosen is not None and self.proxy.index(row, 0).data(OBJECT_ROLE).id == chosen.id:
                target = row
        if target is None and place is not None and self.proxy.rowCount():
            target = min(place, self.proxy.rowCount() - 1)
        if target is not None:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().setCurrentIndex(self.proxy.index(target, 0), flags)
        self._update_buttons()

    def sessions(self) -> list[Session]:
        """The sessions in the order shown."""
        return [self.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(self.proxy.rowCount())]

    def selected_session(self) -> Session | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.index(rows[0].row(), 0).data(OBJECT_ROLE) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_session() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # --- changes -------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        from ui.supervision.session_dialog import SessionDialog  # imported when first used, as the view's dialogs

        session = self.selected_session()
        if session is None:
            return
        edited = SessionDialog.edit_session(self, session)
        if edited is None:
            return
        assert session.id is not None
        session_id, held = session.id, format_date(session.held_on)
        try:  # one undo step: Ctrl+Z puts it back exactly, the notes it marked with it
            before = session_before(self._db, session_id)
            change_undoably(
                self, f"Change the session of {held}",
                lambda: update_session(self._db, edited),
                lambda: restore_session(self._db, before), self._hub.supervisionChanged.emit,
                f"Saved the session of {format_date(edited.held_on)}.",
                f"The session of {held} is back as it was.",
                self.table, lambda: self._row_of(session_id),
                RowWatch(self._db, (("supervision_sessions", session_id),),
                         f"the session of {held}"))
        except ValidationError as exc:
            show_error(self, "\n".join(exc.problems), "The session was not changed")

    def _row_of(self, session_id: int) -> int:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(OBJECT_ROLE).id == session_id:
                return row
        return 0

    def delete_selected(self) -> None:
        session = self.selected_session()
        if session is None or session.id is None:
            return
        count = len(notes_discussed_at(self._db, session.id))
        notes = (f" The {count} note{'s' if count != 1 else ''} it marked discussed go"
                 f"{'es' if count == 1 else ''} back on the agenda." if count else "")
        answer = QMessageBox.question(
            self, "Delete session",
            f"Delete the supervision session held on {format_date(session.held_on)}? "
            f"The actions agreed at it stay on the list.{notes} (Ctrl+Z brings it back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            session_id = session.id
            delete_undoably(self, self._db, f"the session of {format_date(session.held_on)}",
                            lambda: delete_session(self._db, session_id),
                            self._hub.supervisionChanged.emit, self.table)
        else:
            nothing_deleted(self, f"the session of {format_date(session.held_on)}")
