"""The Supervision view: the agenda gathered this month, actions carried forward, past sessions,
record and export."""

from __future__ import annotations


from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.supervision.agenda import AgendaItem, add_agenda_item, delete_agenda_item, open_agenda, update_agenda_item
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.supervision.sessions import (
    Action,
    list_sessions,
    next_supervision_or_default,
    open_actions,
    set_action_status,
)
from ui.shell.app import show_error
from ui.widgets import reading_accessible
from ui.widgets.arrival_words import said_with
from ui.widgets.date_fields import format_date
from ui.widgets.step_said import say_result
from core.store.watched_rows import RowWatch
from ui.widgets.change_undo import change_undoably
from ui.widgets.deletion_undo import add_undoably, delete_undoably, nothing_deleted
from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import add_named_tab, name_tabs, note_label, view_title
from ui.shell.hub import Hub
from ui.widgets.list_table_model import OBJECT_ROLE, ListTableModel
from ui.supervision.past_sessions_panel import PastSessionsPanel
from ui.supervision.supervision_models import ACTION_COLUMNS, AGENDA_COLUMNS, COL_ACTION, COL_DUE, COL_NOTE, make_table

ADD_BUTTONS = (
    ("workload", "W&orkload…"),
    ("going_well", "Going &well…"),
    ("request", "&Request…"),
    ("case", "&Case…"),
    ("reflection", "Reflec&tion…"),
    ("learning", "&Learning…"),
    ("wellbeing", "Well&being…"),
)


class SupervisionView(QWidget):
    """Changes go to the store and out as hub.supervisionChanged; other views never call this.

    Signals:
        meetingRequested(): the Supervision meeting button (the window opens the meeting).
    """

    meetingRequested = Signal()

    def __init__(self, db: Database, hub: Hub, pool: QThreadPool | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._pool = pool
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        top = FlowRow(line_spacing=6)  # the buttons go under the title on a narrow window
        title = view_title("Supervision")
        top.addWidget(title)
        top.addStretch()
        self.preview_button = QPushButton("Prev&iew summary")
        self.print_button = QPushButton("Print…")
        self.export_button = QPushButton("E&xport…")
        self.record_button = QPushButton("Record a &session…")
        self.meeting_button = QPushButton("Supervision meetin&g")
        self.meeting_button.setToolTip(
            "Present the month and work the agenda with your manager (F11)")
        for button in (self.meeting_button, self.preview_button, self.print_button,
                       self.export_button, self.record_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.period = QLabel()
        self.period.setWordWrap(True)
        layout.addWidget(self.period)

        add_row = FlowRow()
        add_row.addWidget(QLabel("Add to the notes:"))
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, text in ADD_BUTTONS:
            button = QPushButton(text)
            if kind == "case":
                button.setToolTip("A case to discuss, with the reason")
            elif kind == "wellbeing":
                button.setToolTip("Private: left out of every export unless you tick it")
                button.setAccessibleName("Wellbeing, private")
            self.add_buttons[kind] = button
            add_row.addWidget(button)
        layout.addLayout(add_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        # Its table is named "On the agenda" too: the box is a section, passed over on the way
        # in, where Orca said "On the agenda panel. On the agenda. table" (marked before its
        # title is set, which has Qt make its accessible object).
        agenda_box = QGroupBox()
        reading_accessible.mark(agenda_box, reading_accessible.SECTION_PROPERTY)
        agenda_box.setTitle("On the agenda")
        agenda_layout = QVBoxLayout(agenda_box)
        self.agenda_model: ListTableModel[AgendaItem] = ListTableModel(AGENDA_COLUMNS)
        self.agenda_view, self.agenda_proxy = make_table(self.agenda_model, COL_NOTE, "On the agenda")
        self.agenda_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        agenda_layout.addWidget(self.agenda_view)
        self.agenda_empty = QLabel(
            "Nothing on the agenda yet. Add notes as the month goes, from here, the Overview or a case."
        )
        self.agenda_empty.setWordWrap(True)
        agenda_layout.addWidget(self.agenda_empty)
        buttons = FlowRow()
        self.edit_note_button = QPushButton("E&dit note…")
        self.delete_note_button = QPushButton("Delete note")
        buttons.addWidget(self.edit_note_button)
        buttons.addWidget(self.delete_note_button)
        buttons.addStretch(1)
        private = note_label(
            "Wellbeing notes stay on this computer and are left out of every export unless ticked.")
        buttons.addWidget(private)
        # Heard with the button that adds one (Tab passes notes by).
        said_with(self.add_buttons["wellbeing"], private)
        agenda_layout.addLayout(buttons)
        splitter.addWidget(agenda_box)

        # Actions and past sessions share the lower pane as tabs: the agenda keeps its room at 1024×700.
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setDocumentMode(True)
        name_tabs(self.lower_tabs, "Actions and past sessions")
        actions_box = QWidget()
        actions_layout = QVBoxLayout(actions_box)
        self.action_model: ListTableModel[Action] = ListTableModel(ACTION_COLUMNS)
        self.action_view, self.action_proxy = make_table(self.action_model, COL_ACTION, "Open actions")
        self.action_view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
        actions_layout.addWidget(self.action_view)
        self.actions_empty = QLabel("No open actions. Actions agreed at a session appear here.")
        actions_layout.addWidget(self.actions_empty)
        row = FlowRow()
        self.done_button = QPushButton("&Mark done")
        self.drop_button = QPushButton("Dro&p")
        # Dropping takes the action off the summary's list: Return on it says "press Space".
        self.drop_button.setProperty(DESTROYS, True)
        row.addWidget(self.done_button)
        row.addWidget(self.drop_button)
        actions_layout.addLayout(row)
        add_named_tab(self.lower_tabs, actions_box, "Actions carried forward")
        self.past_sessions = PastSessionsPanel(self._db, self._hub)
        add_named_tab(self.lower_tabs, self.past_sessions, "Past sessions")
        splitter.addWidget(self.lower_tabs)
        splitter.setSizes([420, 240])
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        for kind, button in self.add_buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.add_note(k))
        self.edit_note_button.clicked.connect(self.edit_note)
        self.delete_note_button.clicked.connect(self.delete_note)
        self.agenda_view.doubleClicked.connect(lambda _i: self.edit_note())
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_note),
                           (QKeySequence(Qt.Key.Key_Return), self.edit_note),
                           (QKeySequence(Qt.Key.Key_Enter), self.edit_note)):
            key = QShortcut(keys, self.agenda_view, slot)
            key.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while on the other lists
        self.done_button.clicked.connect(lambda: self._set_status("done"))
        self.drop_button.clicked.connect(lambda: self._set_status("dropped"))
        self.record_button.clicked.connect(self.record_session)
        self.meeting_button.clicked.connect(self.meetingRequested)
        self.export_button.clicked.connect(self.export)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_summary)
        self.agenda_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.action_view.selectionModel().selectionChanged.connect(self._update_buttons)
        for signal in (self._hub.supervisionChanged, self._hub.dataReplaced, self._hub.casesChanged):
            signal.connect(self.refresh)

    # --- state ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.agenda_model.set_items(open_agenda(self._db))
        self.action_model.set_items(open_actions(self._db))
        self.agenda_empty.setVisible(self.agenda_model.rowCount() == 0)
        self.actions_empty.setVisible(self.action_model.rowCount() == 0)
        sessions = list_sessions(self._db)
        self.past_sessions.set_sessions(sessions)
        self.lower_tabs.setTabText(0, f"Actions carried forward ({self.action_model.rowCount()})")
        self.lower_tabs.setTabText(1, f"Past sessions ({len(sessions)})")
        session = next((s for s in sessions if s.held_on <= clock.today()), None)
        if session is None:
            text = "No session recorded yet. The summary covers the last four weeks."
        else:
            text = f"Since your last session on {format_date(session.held_on)}."
            if session.next_date and session.next_date >= clock.today():
                text += f" Next session: {format_date(session.next_date)}."
        self.period.setText(text)
        # Heard as Tab arrives (it passes lines by): the period with the first button, before
        # what the button does; an empty table's words with the table.
        said_with(self.meeting_button, self.period, self.meeting_button.toolTip())
        said_with(self.agenda_view, self.agenda_empty)
        said_with(self.action_view, self.actions_empty)
        self._update_buttons()

    def _selected(self, view, proxy):  # type: ignore[no-untyped-def]
        rows = view.selectionModel().selectedRows()
        return proxy.index(rows[0].row(), 0).data(OBJECT_ROLE) if rows else None

    def selected_note(self) -> AgendaItem | None:
        return self._selected(self.agenda_view, self.agenda_proxy)

    def selected_action(self) -> Action | None:
        return self._selected(self.action_view, self.action_proxy)

    def _update_buttons(self) -> None:
        has_note, has_action = self.selected_note() is not None, self.selected_action() is not None
        self.edit_note_button.setEnabled(has_note)
        self.delete_note_button.setEnabled(has_note)
        self.done_button.setEnabled(has_action)
        self.drop_button.setEnabled(has_action)

    def _changed(self) -> None:
        self._hub.supervisionChanged.emit()

    # --- notes ---------------------------------------------------------------------------------
    def _references(self) -> list[str]:
        return sorted(c.reference for c in CaseStore(self._db).list_cases("active"))

    # Dialogs and the summary are imported when first used: it keeps the view's first opening quick.
    def add_note(self, kind: str) -> None:
        from ui.supervision.agenda_note_dialog import AgendaNoteDialog

        draft = AgendaNoteDialog.get_note(self, kind, self._references())
        if draft is None:
            return
        try:
            item = add_agenda_item(self._db, draft.kind, draft.text,
                                   case_reference=draft.case_reference, reason=draft.reason)
        except ValidationError as exc:
            show_error(self, "\n".join(exc.problems), "The note was not saved")
            return
        # The table gained a row, which is seen, not heard; Ctrl+Z takes it back.
        kind = dict(ADD_BUTTONS)[draft.kind].replace("&", "").rstrip("…")
        item_id = item.id
        assert item_id is not None
        add_undoably(self, self._db, "the note", f"{kind} note added to the agenda.",
                     lambda: delete_agenda_item(self._db, item_id), self._changed,
                     ("agenda_items", item_id))

    def edit_note(self) -> None:
        from ui.supervision.agenda_note_dialog import AgendaNoteDialog, NoteDraft

        item = self.selected_note()
        if item is None or item.id is None:
            return
        old = NoteDraft(item.kind, item.text, item.case_reference, item.reason)
        draft = AgendaNoteDialog.get_note(self, item.kind, self._references(), old)
        if draft is None:
            return
        item_id = item.id
        if (draft.text.strip(), draft.reason or None) == (item.text, item.reason or None):
            say_result(self, "Note unchanged.")  # nothing to save, and nothing for Ctrl+Z
            return
        try:  # one undo step; focus stays on the note, which may have moved in the sorted table
            change_undoably(
                self, "Change a note",
                lambda: update_agenda_item(self._db, item_id, draft.text, reason=draft.reason),
                lambda: update_agenda_item(self._db, item_id, item.text, reason=item.reason),
                self._changed, "Note changed.", "The note's words are back as they were.",
                self.agenda_view, lambda: self._row_of(self.agenda_proxy, item_id),
                RowWatch(self._db, (("agenda_items", item_id),), "the note"))
        except ValidationError as exc:
            show_error(self, "\n".join(exc.problems), "The note was not saved")

    def delete_note(self) -> None:
        item = self.selected_note()
        if item is None or item.id is None:
            return
        no = QMessageBox.StandardButton.No  # the default: Return never deletes
        words = " ".join(item.text.split())
        words = words if len(words) <= 80 else words[:79].rstrip() + "…"
        which = f"{item.case_reference}: {words}" if item.case_reference else words
        # The note is named, so the choice can be checked in the question itself.
        answer = QMessageBox.question(self, "Delete note",
                                      f"Delete this note? “{which}” (Ctrl+Z brings it back.)",
                                      QMessageBox.StandardButton.Yes | no, no)
        if answer == QMessageBox.StandardButton.Yes:
            item_id = item.id
            # Named as in the question: "Deleted the note." alone did not say which went.
            delete_undoably(self, self._db, f"the note “{which}”",
                            lambda: delete_agenda_item(self._db, item_id), self._changed,
                            self.agenda_view)
        else:
            nothing_deleted(self, f"the note “{which}”")

    # --- actions and sessions -----------------------------------------------------------------
    def _set_status(self, status: str) -> None:
        """Mark done or Drop: one undo step, said, with focus kept in the table on the row that
        took the action's place (the buttons are disabled once it has gone)."""
        action = self.selected_action()
        if action is None or action.id is None:
            return
        action_id, was = action.id, action.status
        row = self.action_view.selectionModel().selectedRows()[0].row()
        words = " ".join(action.text.split())
        words = words if len(words) <= 80 else words[:79].rstrip() + "…"
        done = status == "done"
        change_undoably(
            self, "Mark an action done" if done else "Drop an action",
            lambda: set_action_status(self._db, action_id, status),
            lambda: set_action_status(self._db, action_id, was),
            self._changed, f"Marked done “{words}”." if done else f"Dropped “{words}”.",
            f"“{words}” is open again.", self.action_view, lambda: row,
            RowWatch(self._db, (("supervision_actions", action_id),), f"the action “{words}”"))

    @staticmethod
    def _row_of(proxy, item_id: int) -> int:  # type: ignore[no-untyped-def]
        for row in range(proxy.rowCount()):
            if getattr(proxy.index(row, 0).data(OBJECT_ROLE), "id", None) == item_id:
                return row
        return 0

    def record_session(self) -> None:
        from ui.supervision.session_dialog import SessionDialog

        today = clock.today()
        record = SessionDialog.get_session(self, open_actions(self._db), today,
                                           next_supervision_or_default(self._db, today),
                                           [item.created_on for item in open_agenda(self._db)])
        if record is None:
            return
        from core.supervision.meeting import session_outcome
        from ui.supervision.session_command import record_undoably

        held = format_date(record.session.held_on)
        try:  # one undo step, said aloud: the notes it marks discussed can come back
            record_undoably(self, self._db, self._hub,
                            session_outcome(record.session, record.status_updates),
                            what=f"Record the session of {held}")
        except ValidationError as exc:
            show_error(self, "\n".join(exc.problems), "The session was not recorded")

    # --- summary -------------------------------------------------------------------------------
    def _fitted_summary(self):  # type: ignore[no-untyped-def]
        from core.supervision.summary import SummaryOptions
        from ui.supervision.pdf_export import fitted_summary

        return fitted_summary(self._db, SummaryOptions())

    def preview(self) -> None:
        from ui.supervision.summary_preview import SummaryPreview

        SummaryPreview.show_preview(self, self._fitted_summary())

    def print_summary(self) -> None:
        from ui.supervision.summary_preview import print_summary

        print_summary(self, self._fitted_summary())

    def export(self) -> None:
        from ui.supervision.export_dialog import ExportDialog

        dialog = ExportDialog(self._db, pool=self._pool, parent=self)
        dialog.exec()
