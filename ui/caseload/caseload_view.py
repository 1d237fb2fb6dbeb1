"""The Caseload view: every case in a sortable, filterable table, with add, edit, close and import."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.common.words import plural as _plural
from core.caseload.models import Case
from ui.shell.app import show_error
from ui.caseload.case_filter_proxy import CaseFilterProxy
from ui.caseload.case_operations import record_case_change, record_cases_added
from ui.caseload.case_table_model import CASE_ROLE, COL_FLAGS, COL_REFERENCE, CaseTableModel
from ui.caseload.caseload_empty_state import EmptyState
from ui.caseload.caseload_filter_bar import CaseloadFilterBar, filter_result, show_result
from ui.widgets.column_widths import keep_columns_fitted
from ui.widgets.settled_words import SaidWhenSettled
from ui.widgets.step_said import say_result
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import configure_table, view_title
from ui.widgets.key_hint import DELETE_CASE_HINT as DELETE_HINT, say_on_key
from ui.shell.hub import Hub
from ui.caseload.overdue_notice import OverdueNotice
from ui.caseload.retention_notice import RetentionNotice


class CaseloadView(QWidget):
    """Talks to the store for its own changes and to other views only through the hub."""

    def __init__(
        self,
        db: Database,
        hub: Hub,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._store = CaseStore(db)
        self._hub = hub
        # The window's one Undo (shared with time logging); a view made on its own keeps its own.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._build_ui()
        if undo_stack is None:  # nobody else offers Undo for this stack: the view does
            self._action("Undo", QKeySequence.StandardKey.Undo, self.undo_stack.undo)
            self._action("Redo", QKeySequence.StandardKey.Redo, self.undo_stack.redo)
        self._connect_signals()
        self.refresh()

    # --- layout -------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        title = view_title("Caseload")
        self.counts = QLabel()
        self.counts.setObjectName("caseCounts")
        header = FlowRow(spacing=16, line_spacing=6)  # the counts under the title when narrow
        header.addWidget(title)
        header.addWidget(self.counts)
        layout.addLayout(header)
        self.retention_notice = RetentionNotice(self._db, self._hub, parent=self)
        layout.addWidget(self.retention_notice)
        self.overdue_notice = OverdueNotice(self._db, self._hub, parent=self)
        layout.addWidget(self.overdue_notice)

        self.filter_bar = CaseloadFilterBar()
        self.showing = QLabel()
        filter_row = FlowRow()
        filter_row.addWidget(self.filter_bar)
        filter_row.addStretch()
        filter_row.addWidget(self.showing)
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        configure_table(self.table, "caseTable")
        self.table.setAccessibleName("Cases")
        say_on_key(self.table, Qt.Key.Key_Delete, DELETE_HINT)  # says how cases go instead
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_REFERENCE, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        # Each column as wide as what it holds, in the font in use; Flags takes what is left,
        # so all eight columns fit a 1024-pixel screen with no sideways scrolling (a cut Flags
        # or reference cell is read whole in its tooltip).
        # No spans; a case's reference is never cut ("WWWWWWWWW…" at 200%): the others give way.
        self.fit_columns = keep_columns_fitted(self.table, COL_FLAGS, plain=True,
                                               whole=(COL_REFERENCE,))
        self.no_match = QLabel("No cases match these filters.")
        self.no_match.hide()

        self.new_button = QPushButton("&New case…")
        self.new_button.setToolTip("Add a case (Ctrl+N)")
        self.edit_button = QPushButton("E&dit…")
        self.edit_button.setToolTip("Edit the selected case (Enter or double-click)")
        self.close_button = QPushButton("&Close case…")
        self.reopen_button = QPushButton("&Reopen")
        self.note_button = QPushButton("Add to &supervision notes…")
        self.import_button = QPushButton("&Import spreadsheet…")
        self.import_button.setToolTip("Import cases from a CSV or .xlsx spreadsheet (Ctrl+I)")
        self.message = QLabel()
        # A line of its own above the buttons: beside them at 200% "Deleted 10 closed cases."
        # was squeezed into three lines. Wraps, so a long reference or filter note never clips.
        self.message.setWordWrap(True)
        actions = FlowRow()  # wraps on a narrow window rather than scrolling it sideways
        for button in (self.new_button, self.edit_button, self.close_button,
                       self.reopen_button, self.note_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.import_button)

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(10)
        list_layout.addLayout(filter_row)
        list_layout.addWidget(self.no_match)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.message)
        list_layout.addLayout(actions)
        self.empty = EmptyState()
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

        self.new_action = self._action("New case", QKeySequence.StandardKey.New, self.new_case)
        self.import_action = self._action(
            "Import spreadsheet", QKeySequence("Ctrl+I"), self.import_csv
        )
        fb = self.filter_bar
        od = self.overdue_notice
        order = [self.retention_notice.review_button, self.retention_notice.not_now_button,
                 od.close_button, od.move_button, od.not_now_button,
                 fb.status_buttons["active"], fb.status_buttons["closed"], fb.status_buttons["all"],
                 fb.search, fb.case_type, fb.tier, fb.flag, fb.clear_button, self.table,
                 self.new_button, self.edit_button, self.close_button, self.reopen_button,
                 self.note_button, self.import_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        # No focus proxy: Qt treats a view whose proxy is one of its children as one compound
        # stop, and Tab from the navigation jumped straight into the table, past the filters.

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot) -> QAction:
        # Window-wide, but only while this view is the one shown (hidden widgets' actions sleep).
        action = QAction(text, self)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.filter_bar.filtersChanged.connect(self._apply_filters)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_case)
        self.edit_button.clicked.connect(self.edit_case)
        self.close_button.clicked.connect(self.close_case)
        self.reopen_button.clicked.connect(self.reopen_case)
        self.note_button.clicked.connect(self.add_to_notes)
        self.import_button.clicked.connect(self.import_csv)
        self.empty.newRequested.connect(self.new_case)
        self.empty.importRequested.connect(self.import_csv)
        self.empty.wmtRequested.connect(self.set_up_from_wmt)
        # shown here; already said (with its undo) where the deletion was made
        self.retention_notice.casesDeleted.connect(self.message.setText)
        self.retention_notice.answered.connect(self.message.setText)
        self.overdue_notice.closeRequested.connect(lambda i: self._on_case(i, self.close_case))
        self.overdue_notice.editRequested.connect(lambda i: self._on_case(i, self.edit_case))
        self._hub.casesChanged.connect(self.refresh)
        self._hub.dataReplaced.connect(self.refresh)
        self.result_said = SaidWhenSettled(self, lambda: filter_result(self))

    # --- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every case from the store, keeping the selected case selected."""
        selected = self.selected_case()
        cases = self._store.list_cases("all")
        self.model.set_cases(cases)
        active = sum(1 for c in cases if c.closed_date is None)
        closed = len(cases) - active
        self.counts.setText(f"{_plural(active, 'active case')} · {closed} closed")
        self.counts.setVisible(bool(cases))  # the empty state says it in words instead
        self.pages.setCurrentWidget(self.empty if not cases else self.pages.widget(0))
        self._update_showing()
        if selected is not None:
            self.select_case(selected.id)
        self._update_buttons()

    def _apply_filters(self, values: dict) -> None:
        with self.fit_columns.once():
            self.proxy.set_filters(**values)
        self._update_showing()
        self._update_buttons()
        self.result_said.changed()  # "Showing 14 of 40 cases.", once the typing stops

    def _update_showing(self) -> None:
        show_result(self)

    def _update_buttons(self) -> None:
        case = self.selected_case()
        self.edit_button.setEnabled(case is not None)
        self.close_button.setEnabled(case is not None and case.closed_date is None)
        self.reopen_button.setEnabled(case is not None and case.closed_date is not None)
        self.note_button.setEnabled(case is not None)

    def selected_case(self) -> Case | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        case = index.data(CASE_ROLE)
        return case if isinstance(case, Case) else None

    def select_case(self, case_id: int | None) -> bool:
        """Select the case's row if the filters show it; True when they do."""
        row = self.model.row_of(case_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if not index.isValid():
            self.table.clearSelection()
            return False
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _on_case(self, case_id: int, action) -> None:
        """Select the case (clearing filters that hide it), then run the action on it."""
        case = self._store.get_case(case_id)
        self.show_page(case.reference)
        action()

    def show_page(self, reference: str) -> None:
        """Select the case with this reference, clearing filters that hide it (the Overview's
        "Tier a case" and "Close it or move its end date" lead here)."""
        case = next((c for c in self._store.list_cases("all") if c.reference == reference), None)
        if case is None:
            return
        if not self.select_case(case.id):
            self.filter_bar.clear()
            self.filter_bar.set_status("all")
            self.select_case(case.id)
        self.table.setFocus()
        self._update_buttons()

    def _show_change(self, case: Case | None, message: str) -> None:
        if case is not None and not self.select_case(case.id):
            # Closing under Active is the usual way a case goes out of sight: say where it went.
            plain_active = self.proxy.status == "active" and not self.filter_bar.is_narrowed()
            message += (" It is under Closed." if plain_active and case.closed_date
                        else " It is hidden by the current filters.")
        self._say(message)

    def _say(self, text: str) -> None:
        """What just happened, shown under the table and said to a screen reader."""
        self.message.setText(text)
        say_result(self, text)

    def _undoable(self, before: Case, after: Case, text: str, message: str) -> None:
        # record_case_change tells the hub (so this view refreshes), then the change is shown.
        record_case_change(self.undo_stack, self._db, self._hub, before, after, text,
                           shown=self._show_change, parent=self)
        self._show_change(after, message)

    def _added(self, cases: list[Case], text: str, case: Case | None = None) -> None:
        record_cases_added(self.undo_stack, self._db, self._hub, cases, text,
                           shown=self._show_change, parent=self)
        done = f"{case.reference} added" if case else f"Imported {_plural(len(cases), 'case')}"
        self._show_change(case, f"{done}. Undo with Ctrl+Z.")

    # --- actions ------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        # Enter on the focused row edits it even before the row has been explicitly selected.
        case = index.data(CASE_ROLE)
        if isinstance(case, Case):
            self.select_case(case.id)
            self.edit_case()

    # The dialogs are imported when first used: it keeps the view's first opening quick.
    def new_case(self) -> None:
        from ui.caseload.case_dialog import CaseDialog

        case = CaseDialog.get_case(self, self._store)
        if case is not None:
            if self.proxy.status == "closed":
                self.filter_bar.set_status("active")
            self._added([case], f"Add {case.reference}", case)
        self.table.setFocus()

    def edit_case(self) -> None:
        from ui.caseload.case_dialog import CaseDialog

        case = self.selected_case()
        if case is None:
            return
        before = self._store.get_case(case.id)  # type: ignore[arg-type]
        saved = CaseDialog.get_case(self, self._store, case)
        if saved is not None:
            self._undoable(before, saved, f"Edit {before.reference}",
                           f"{saved.reference} saved. Undo with Ctrl+Z.")
        self.table.setFocus()

    def close_case(self) -> None:
        from ui.caseload.close_case_dialog import CloseCaseDialog

        case = self.selected_case()
        if case is None or case.closed_date is not None:
            return
        values = CloseCaseDialog.get_close(self, case.reference, case.start_date)
        if values is None:
            return
        before = self._store.get_case(case.id)  # type: ignore[arg-type]
        # Back in the table first, so the keyboard lands on the row that takes the case's place
        # (the button is disabled once it has gone: focus fell to Import spreadsheet…).
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        try:
            closed = self._store.close_case(case.id, *values)  # type: ignore[arg-type]
        except ValidationError as exc:
            show_error(self, " ".join(exc.problems), "The case was not closed")
            return
        self._undoable(before, closed, f"Close {case.reference}",
                       f"{closed.reference} closed. Undo with Ctrl+Z.")

    def reopen_case(self) -> None:
        case = self.selected_case()
        if case is None or case.closed_date is None:
            return
        before = self._store.get_case(case.id)  # type: ignore[arg-type]
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # as closing: under Closed it goes
        reopened = self._store.reopen_case(case.id)  # type: ignore[arg-type]
        self._undoable(before, reopened, f"Reopen {case.reference}",
                       f"{reopened.reference} reopened. Undo with Ctrl+Z.")

    def add_to_notes(self) -> None:
        from core.supervision.agenda import add_agenda_item, delete_agenda_item
        from ui.caseload.case_note_dialog import CaseNoteDialog
        from ui.widgets.deletion_undo import add_undoably

        case = self.selected_case()
        if case is None:
            return
        values = CaseNoteDialog.get_note(self, case.reference)
        if values is None:
            return
        reason, text = values
        try:
            item = add_agenda_item(self._db, "case", text, case_reference=case.reference,
                                   reason=reason)
        except ValidationError as exc:
            show_error(self, " ".join(exc.problems), "The note was not added")
            return
        item_id = item.id
        assert item_id is not None
        said = f"{case.reference} added to your supervision notes."
        self.message.setText(said)  # shown under the table; said, with its undo, just below
        add_undoably(self, self._db, "the note", said, lambda: delete_agenda_item(self._db, item_id),
                     self._hub.supervisionChanged.emit, ("agenda_items", item_id))

    def set_up_from_wmt(self) -> None:
        """The WMT counts grid; the cases it made are one undo step, then offered to edit."""
        from ui.caseload.wmt_setup_dialog import WmtSetupDialog

        made = WmtSetupDialog.set_up(self, self._store)
        if not made:
            return
        record_cases_added(self.undo_stack, self._db, self._hub, made,
                           f"Set up {_plural(len(made), 'case')}", shown=self._show_change,
                           parent=self)
        self.filter_bar.set_status("active")
        self.select_case(made[0].id)
        self.table.setFocus()
        self._show_change(made[0], (
            f"Made {_plural(len(made), 'case')}, {made[0].reference} to {made[-1].reference}, "
            "starting today. Undo with Ctrl+Z. To give one its own start date, flags or key "
            "dates, select it and press Enter."))

    def import_csv(self) -> None:
        from ui.caseload.import_dialog import ImportDialog

        known = {c.id for c in self._store.list_cases("all")}
        count = ImportDialog.import_cases(self, self._store)
        if count:
            self.filter_bar.set_status("active")
            added = [c for c in self._store.list_cases("all") if c.id not in known]
            self._added(added, f"Import {_plural(count, 'case')}")
