"""Settings > Activities, "Calendar keywords": the practitioner's own rules for calendar import.

A keyword found in an event's subject proposes its activity: the one named first wins, and words
after " - ", " at " or a comma (usually an address) count only when nothing before them matches.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.time.calendar.rules import KeywordRule, delete_rule, list_rules, save_rule
from core.common.errors import ValidationError
from core.time.activities import list_activities
from ui.shell.hub import Hub
from ui.widgets.arrival_words import said_with
from ui.widgets.form_helpers import (
    ProblemsLabel,
    configure_table,
    dialog_layout,
    form_layout,
    note_label,
    ok_cancel,
    select_data,
)
from core.store.watched_rows import RowWatch
from ui.widgets.change_undo import change_undoably
from ui.widgets.deletion_undo import add_undoably, delete_key, delete_undoably, focus_row
from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.line_field import LineField
from ui.widgets.list_table_model import OBJECT_ROLE, Column, ListTableModel


class KeywordRuleDialog(QDialog):
    """Keyword and activity for one rule; saved by OK, refused with the reason shown."""

    def __init__(
        self, db: Database, rule: KeywordRule | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._db, self._rule = db, rule
        self.saved: KeywordRule | None = None  # the rule as stored, once OK has saved it
        self.setWindowTitle("Calendar keyword")
        layout = dialog_layout(self)
        form = form_layout()
        self.keyword = LineField(rule.keyword if rule else "")
        self.keyword.setPlaceholderText("e.g. home visit")
        self.activity = QComboBox()
        for activity in list_activities(db):
            self.activity.addItem(activity.name, activity.id)
        if rule is not None:
            select_data(self.activity, rule.activity_id)
        form.addRow("&Keyword:", self.keyword)
        form.addRow("&Activity:", self.activity)
        layout.addLayout(form)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        buttons, _ok = ok_cancel("Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.saved = save_rule(
                self._db,
                self.keyword.text(),
                self.activity.currentData(),
                self._rule.id if self._rule else None,
            )
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return
        super().accept()


class CalendarRulesPanel(QGroupBox):
    def __init__(self, db: Database, hub: Hub, parent: QWidget | None = None):
        super().__init__("Calendar keywords", parent)
        self._db = db
        layout = QVBoxLayout(self)
        note = note_label(
            "When you import your calendar (File > Import calendar…), a keyword found in an "
            "event's subject proposes its activity: the one named first, before an address "
            "after \" - \" or \" at \". The subjects themselves are never saved.")
        layout.addWidget(note)
        self.model: ListTableModel[KeywordRule] = ListTableModel(
            [Column("Keyword", lambda r: r.keyword), Column("Activity", lambda r: r.activity_name)],
            self,
        )
        self.table = QTableView()
        configure_table(self.table, "calendarRules")
        self.table.setAccessibleName("Calendar keywords")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add &keyword…")
        self.change_button = QPushButton("Chan&ge…")
        self.remove_button = QPushButton("Re&move")
        # Heard with the first button (Tab passes notes by; Orca leaves a table's description
        # unsaid).
        said_with(self.add_button, note)
        self.remove_button.setProperty(DESTROYS, True)  # Space removes; Return says so
        for button in (self.add_button, self.change_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.change_button.clicked.connect(lambda: self.edit(self.selected()))
        self.remove_button.clicked.connect(self.remove)
        delete_key(self.table, self.remove_button)  # Delete in the table does the same
        self.table.doubleClicked.connect(lambda _i: self.edit(self.selected()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        hub.timeLogged.connect(self.refresh)  # activities renamed or removed
        hub.dataReplaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_items(list_rules(self._db))
        self._update_buttons()

    def selected(self) -> KeywordRule | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(OBJECT_ROLE) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def edit(self, rule: KeywordRule | None) -> None:
        """Add or change a keyword: one undo step either way, said, focus on its row."""
        dialog = KeywordRuleDialog(self._db, rule, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new = dialog.saved
        assert new is not None and new.id is not None
        new_id = new.id
        if rule is None:
            add_undoably(self, self._db, f"the calendar keyword “{new.keyword}”",
                         f"Added the calendar keyword “{new.keyword}”.",
                         lambda: delete_rule(self._db, new_id), self.refresh,
                         ("calendar_rules", new_id))
        elif (rule.keyword, rule.activity_id) == (new.keyword, new.activity_id):
            self.refresh()
            return
        else:  # saved by the dialog already; saving the same again is Redo's step
            old = rule
            change_undoably(
                self, "Change a calendar keyword",
                lambda: save_rule(self._db, new.keyword, new.activity_id, new_id),
                lambda: save_rule(self._db, old.keyword, old.activity_id, new_id),
                self.refresh, f"Changed the calendar keyword “{old.keyword}”.",
                f"The calendar keyword “{old.keyword}” is back as it was.",
                watch=RowWatch(self._db, (("calendar_rules", new_id),),
                               f"the calendar keyword “{new.keyword}”"))
        for row in range(self.table.model().rowCount()):
            if self.table.model().index(row, 0).data(OBJECT_ROLE).id == new_id:
                focus_row(self.table, row)

    def remove(self) -> None:
        rule = self.selected()
        if rule is not None and rule.id is not None:
            rule_id = rule.id
            delete_undoably(self, self._db, f"the calendar keyword “{rule.keyword}”",
                            lambda: delete_rule(self._db, rule_id), self.refresh, self.table)
