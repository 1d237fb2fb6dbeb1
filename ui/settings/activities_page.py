"""Settings page "Activities": add, rename, hide, and say whether the WMT counts each one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.time.activities import (
    Activity,
    add_activity,
    delete_activity,
    list_activities,
    update_activity,
    usage_count,
)
from core.common.errors import ValidationError
from ui.settings.calendar_rules_panel import CalendarRulesPanel
from core.store.watched_rows import RowWatch
from ui.widgets.arrival_words import said_with
from ui.widgets.change_undo import change_undoably
from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.deletion_undo import add_undoably, delete_key, delete_undoably, focus_row
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import ProblemsLabel, note_label
from ui.shell.hub import Hub
from ui.widgets.list_table_model import OBJECT_ROLE, Column, ListTableModel, RawSortProxy
from ui.widgets import text_question
from core.common.words import plural


TABLE_NAME = "Activities you log time against."
INTRO = ("Built-in ones fit probation work; add your own, rename or hide any. One with time "
         "logged against it is kept (hide it instead). Whether the WMT counts an activity "
         "follows the 2021 published model; your service may differ, so you can change it.")

class ActivitiesPage(QWidget):
    def __init__(self, db: Database, hub: Hub, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(f"{TABLE_NAME} {INTRO}"))
        self.model: ListTableModel[Activity] = ListTableModel(
            [
                Column("Activity", lambda a: a.name),
                Column(
                    "Counted by the WMT", lambda a: "Counted" if a.counted_by_wmt else "Not counted"
                ),
                Column("Shown", lambda a: "Hidden" if a.hidden else "Shown"),
                Column("Kind", lambda a: "Built in" if a.built_in else "Your own"),
            ],
            self,
        )
        proxy = RawSortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        # Not "Activities": that is the page's tab, which a screen reader has just said.
        self.table.setAccessibleName(TABLE_NAME.rstrip("."))
        self.table.setModel(proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = FlowRow()  # wraps on a narrow window
        self.add_button = QPushButton("&Add…")
        self.rename_button = QPushButton("&Rename…")
        self.hide_button = QPushButton("H&ide")
        self.counted_button = QPushButton("&Counted by the WMT")
        self.counted_button.setCheckable(True)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setProperty(DESTROYS, True)  # Space deletes; Return says so
        for button in (
            self.add_button,
            self.rename_button,
            self.hide_button,
            self.counted_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        # The rest of the note (its first words name the table), heard with the first button:
        # Tab passes notes by, and Orca leaves a table's description unsaid.
        said_with(self.add_button, INTRO)
        self.problems = ProblemsLabel()
        self.usage = QLabel()
        layout.addWidget(self.usage)
        layout.addWidget(self.problems)
        self.calendar_rules = CalendarRulesPanel(self._db, self._hub)
        layout.addWidget(self.calendar_rules, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.counted_button.clicked.connect(self.toggle_counted)
        self.delete_button.clicked.connect(self.delete)
        delete_key(self.table, self.delete_button)  # Delete in the table does the same
        self._hub.timeLogged.connect(self._update_buttons)
        self._hub.dataReplaced.connect(self.refresh)

    def refresh(self) -> None:
        chosen = self.selected()
        self.model.set_items(list_activities(self._db, include_hidden=True))
        if chosen is not None:
            for row, activity in enumerate(self.model.items()):
                if activity.id == chosen.id:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> Activity | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(OBJECT_ROLE) if rows else None

    def _update_buttons(self) -> None:
        activity = self.selected()
        for button in (self.rename_button, self.hide_button, self.counted_button):
            button.setEnabled(activity is not None)
        used = usage_count(self._db, activity.id) if activity and activity.id else 0
        self.delete_button.setEnabled(activity is not None and used == 0)
        self.delete_button.setToolTip(
            "" if not used else "Time is logged against it; hide it instead."
        )
        if activity is not None:
            self.hide_button.setText("&Show" if activity.hidden else "H&ide")
            self.counted_button.setChecked(activity.counted_by_wmt)
            self.usage.setText(
                f"{activity.name}: {plural(used, 'entry', 'entries')} logged."
                if used
                else f"{activity.name}: nothing logged yet."
            )
        else:
            self.usage.setText("")
        # Heard with the button it bears on (Tab passes the line by): Delete while nothing is
        # logged against the activity, else Hide, which it then takes (its tooltip says why).
        target = self.delete_button if self.delete_button.isEnabled() else self.hide_button
        for button in (self.delete_button, self.hide_button):
            said_with(button, *([self.usage] if button is target else []))

    def _apply(self, action) -> bool:  # type: ignore[no-untyped-def]
        try:
            action()
        except ValidationError as error:
            self.problems.show_problems(list(error.problems))
            return False
        self.problems.show_problems([])
        self.refresh()
        self._hub.timeLogged.emit()  # names, visibility and counting show in the Time view
        return True

    def add(self) -> None:
        name, ok = text_question.ask_text(self, "Add activity", "Name of the activity:")
        made: list[Activity] = []
        if ok and name.strip() and self._apply(lambda: made.append(add_activity(self._db, name))):
            # The new row chosen and said: the dialog closing was all there was to hear.
            added, added_id = made[0].name, made[0].id
            assert added_id is not None
            # One undo step: Ctrl+Z takes it back out, while nothing is logged against it.
            add_undoably(self, self._db, f"the activity {added}", f"Added the activity {added}.",
                         lambda: delete_activity(self._db, added_id), self._after_undo,
                         ("activities", added_id))
            focus_row(self.table, self._row_of(added_id))

    def rename(self) -> None:
        activity = self.selected()
        if activity is None or activity.id is None:
            return
        name, ok = text_question.ask_text(self, "Rename activity", "New name:", text=activity.name)
        new = " ".join(name.split())
        if ok and new and new != activity.name:
            self._change(activity, "Rename an activity", f"Renamed {activity.name} to {new}.",
                         f"The activity is called {activity.name} again.", name=new)

    def toggle_hidden(self) -> None:
        activity = self.selected()
        if activity is not None and activity.id is not None:
            hidden = not activity.hidden
            self._change(activity, "Hide an activity" if hidden else "Show an activity",
                         f"{activity.name} {'hidden' if hidden else 'shown'}.",
                         f"{activity.name} {'shown' if hidden else 'hidden'} again.",
                         on_button=True, hidden=hidden)

    def toggle_counted(self) -> None:
        activity = self.selected()
        if activity is not None and activity.id is not None:
            counted = not activity.counted_by_wmt
            self._change(activity, "Change what the WMT counts",
                         f"{activity.name} {'now' if counted else 'no longer'} counted by the WMT.",
                         f"{activity.name} {'not ' if counted else ''}counted by the WMT again.",
                         on_button=True, counted_by_wmt=counted)

    def _change(self, activity: Activity, step: str, said: str, undone: str,
                on_button: bool = False, **change: object) -> None:
        """A rename, hide or count change: one undo step, said, the activity still chosen. A
        rename puts the keyboard on its row; Hide (now Show) and Counted by the WMT keep it on
        the button pressed (`on_button`), where it was, with the row that stays in its place:
        Hide took it to the table, so Show, to take it back, was three Tabs away."""
        activity_id = activity.id
        assert activity_id is not None
        was = {key: getattr(activity, key) for key in change}
        try:
            change_undoably(self, step, lambda: update_activity(self._db, activity_id, **change),
                            lambda: update_activity(self._db, activity_id, **was),
                            self._after_undo, said, undone,
                            None if on_button else self.table,
                            lambda: self._row_of(activity_id),
                            RowWatch(self._db, (("activities", activity_id),),
                                     f"the activity {activity.name}"))
        except ValidationError as error:
            self.problems.show_problems(list(error.problems))
            return
        self.problems.show_problems([])

    def _row_of(self, activity_id: int) -> int:
        for row, shown in enumerate(self.model.items()):
            if shown.id == activity_id:
                return self.table.model().mapFromSource(self.model.index(row, 0)).row()
        return 0

    def delete(self) -> None:
        activity = self.selected()
        if activity is not None and activity.id is not None:
            activity_id = activity.id
            try:  # not through _apply: the page read again after the words were said
                delete_undoably(self, self._db, f"the activity {activity.name}",
                                lambda: delete_activity(self._db, activity_id),
                                self._after_undo, self.table)
            except ValidationError as error:
                self.problems.show_problems(list(error.problems))
                return
            self.problems.show_problems([])

    def _after_undo(self) -> None:
        self.refresh()
        self._hub.timeLogged.emit()
