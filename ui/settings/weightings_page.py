"""Settings page "Weightings": the numbers the estimate uses, editable from a date, restorable.

Saving goes through core.workload.weightings.set_weightings (all values or none, with sentences saying
what needs changing); every change is dated, listed, and can be taken back.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.common.errors import ValidationError
from core.workload.weightings import (
    RESTORE_KEY,
    SCALAR_KEYS,
    WEIGHTINGS_ROWS,
    WeightingChange,
    delete_change,
    is_published_default,
    key_label,
    list_changes,
    restore_defaults,
    set_weightings,
    weightings_as_of,
)
from core.workload.wording import day_words
from ui.widgets.step_said import say_result
from ui.widgets.date_fields import DateField, format_date
from ui.widgets.deletion_undo import delete_undoably
from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.flow_layout import FlowRow, SideBySide
from ui.widgets.form_helpers import ProblemsLabel, buddy, form_layout, note_label, shown_text
from ui.widgets.named_editor import NamedEditorDelegate
from ui.widgets.number_field import NumberField
from ui.widgets.save_undo import save_undoably
from ui.widgets.arrival_words import said_with
from ui.widgets.return_saves import return_presses
from ui.shell.hub import Hub
from ui.widgets.list_table_model import OBJECT_ROLE, Column, ListTableModel, RawSortProxy
from ui.settings.weightings_model import COL_COMMUNITY, TierPointsModel
from ui.widgets.qt_guard import qt_override

INTRO = ("These are the numbers the estimate uses: the 2021 published defaults; your service may "
         "use newer values. A change applies from the date you choose; weeks before it keep the "
         "numbers that were in force then.")
SCALAR_MNEMONICS = {  # Alt+letters unique on the page and clear of the menu bar's F, E, V, H
    "report.standard": "Standard court &report (points)",
    "report.fast": "F&ast court report (points)",
    "share.warrant": "Waiting on a &warrant (%)",
    "share.unpaid_work_only": "Only unpaid work &left (%)",
    "share.overdue_termination": "Past the e&xpected end date (%)",
    "nominal_target": "&Nominal target (points)",
    "default_hours": "Full-time ho&urs a week",
}


def change_what(change: WeightingChange) -> str:
    if change.key == RESTORE_KEY:
        return "Every value back to the published defaults"
    try:
        return key_label(change.key)
    except KeyError:
        return change.key


CHANGE_COLUMNS = [
    Column("From", lambda c: f"{c.effective_from:%d/%m/%Y}", lambda c: c.effective_from),
    Column("What", change_what),
    Column("Value", lambda c: "" if c.value is None else f"{c.value:g}", lambda c: c.value,
           align_right=True),
    Column("Changed on", lambda c: f"{c.changed_on:%d/%m/%Y}", lambda c: c.changed_on),
]



class TabLeavesEditor(NamedEditorDelegate):
    """Tab in a cell being edited keeps the number and leaves the table, as Tab does from the
    table itself; Qt's own delegate opened the next cell instead, so Tab never got out."""

    @qt_override
    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):  # type: ignore[attr-defined]
            forward = event.key() == Qt.Key.Key_Tab and not (  # type: ignore[attr-defined]
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
            view = self.parent()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            # QWidget's step through the focus chain, never the view's cell by cell
            QTimer.singleShot(0, lambda: QWidget.focusNextPrevChild(view, forward))
            return True
        return super().eventFilter(editor, event)

class WeightingsPage(QWidget):
    """Emits hub.weightingsChanged after a save, a restore or a change taken back."""

    def __init__(self, db: Database, hub: Hub, today: Callable[[], date] = clock.today,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._today = today
        self._base: dict[str, float] = {}
        self._build_ui()
        self._connect_signals()
        self.load()

    def _build_ui(self) -> None:
        self.effective = DateField(self._today())
        self.effective.setAccessibleName("Effective from")
        self.state = QLabel()
        self.state.setWordWrap(True)
        top = FlowRow(spacing=12)  # the date's state under it on a narrow window
        top.addGroup(buddy("Effective fr&om", self.effective), self.effective)
        top.addWidget(self.state)

        self.model = TierPointsModel(self)
        proxy = QSortFilterProxyModel(self)  # keeps the published tier order; no sorting
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setAccessibleName("Tier points (type over a number to change it)")
        # Every way of starting an edit but arriving in a cell: an editor that opened as focus
        # came in took Tab for itself and moved from cell to cell, trapping the keyboard.
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked
                                   | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The longest header takes the width it needs; the others share what is left.
        self.table.horizontalHeader().setSectionResizeMode(
            COL_COMMUNITY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumWidth(400)
        # A dozen rows however narrow the window: stacked above the rest it was cut to two.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 12)
        self.table.setItemDelegate(TabLeavesEditor(self.table))
        tiers_label = QLabel("&Tier points (type over a number to change it)")
        tiers_label.setBuddy(self.table)
        left_box, right_box = QWidget(), QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(tiers_label)
        left.addWidget(self.table, 1)

        form = form_layout()
        self.scalars: dict[str, NumberField] = {}
        for key in SCALAR_KEYS:
            field = NumberField()  # its name, then its number, to a screen reader
            field.setFixedWidth(90)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            # Named by the words beside it (what a voice-control user says), its full title
            # ("Standard court report (SDR/PSR)") as its description.
            field.setAccessibleName(shown_text(SCALAR_MNEMONICS[key]))
            field.setAccessibleDescription(key_label(key))
            field.setToolTip(key_label(key))
            self.scalars[key] = field
            form.addRow(buddy(SCALAR_MNEMONICS[key], field), field)
        self.changes_model = ListTableModel(CHANGE_COLUMNS, self)
        changes_proxy = RawSortProxy(self)
        changes_proxy.setSourceModel(self.changes_model)
        self.changes = QTableView()
        self.changes.setModel(changes_proxy)
        self.changes.setSortingEnabled(True)
        self.changes.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.changes.verticalHeader().hide()
        self.changes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.changes.setAccessibleName("Dated changes")
        changes_label = QLabel("&Dated changes")
        changes_label.setBuddy(self.changes)
        self.take_back = QPushButton("Ta&ke back selected change")
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel("<b>Court reports, shares and hours</b>"))
        right.addLayout(form)
        right.addSpacing(8)
        right.addWidget(changes_label)
        self.no_changes = note_label("No changes yet: the published defaults apply to every week.")
        right.addWidget(self.no_changes)
        right.addWidget(self.changes, 1)
        right.addWidget(self.take_back, 0, Qt.AlignmentFlag.AlignLeft)
        # Side by side while each has the room it needs, else the scores above the rest: at a
        # 900x600 window the two columns were squeezed past their minimum and overlapped.
        columns = SideBySide(wide_from=0, spacing=16)
        columns.add(left_box, 5)  # four columns of tier points (T2A too) need the room
        columns.add(right_box, 4)

        self.problems = ProblemsLabel()
        self.save_button = QPushButton("&Save changes")
        self.discard_button = QPushButton("D&iscard edits")
        self.discard_button.setProperty(DESTROYS, True)  # typing lost for good: Space, not Return
        self.restore_button = QPushButton("Restore &published defaults…")
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        buttons = FlowRow()
        for button in (self.save_button, self.discard_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addWidget(self.saved_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 16, 8, 8)
        layout.setSpacing(10)
        self.intro = note_label(INTRO)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        # Return in the date, a number field or the tier table (once its cell is in) saves, as
        # Save changes does: a second Return in the table did nothing and said nothing.
        return_presses(self, self.save_button,
                       [self.effective, *self.scalars.values(), self.table])
        self.discard_button.clicked.connect(self.discard)
        self.restore_button.clicked.connect(self.restore)
        self.take_back.clicked.connect(self.take_back_selected)
        self.effective.valueChanged.connect(self._date_changed)
        self._hub.dataReplaced.connect(self.load)
        self.model.dataChanged.connect(lambda *_: self.saved_label.clear())

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the values in force on the chosen date, dropping unsaved edits."""
        self.model.discard_edits()
        self._load_base(reset_fields=True)
        changes = list_changes(self._db)
        self.changes_model.set_items(changes)
        self.no_changes.setVisible(not changes)
        said_with(self.changes, self.no_changes)  # heard as Tab arrives: it passes notes by
        self.take_back.setEnabled(bool(changes))
        self.changes.resizeColumnsToContents()
        self.problems.show_problems([])

    def discard(self) -> None:
        """Drop the edits typed and not saved, and say so (it was done in silence)."""
        self.load()
        said = "Edits discarded: the weightings shown are the ones saved."
        self.saved_label.setText(said)
        say_result(self, said)

    def _load_base(self, reset_fields: bool) -> None:
        w = weightings_as_of(self._db, self.effective.value())
        self._base = dict(w.values)
        self.model.set_base(self._base)
        for key, field in self.scalars.items():
            if reset_fields or not self._scalar_edited(key):
                field.setText(f"{self._base[key]:g}")
        self.state.setText("In force on this date: the published defaults." if
                           is_published_default(w) else
                           "In force on this date: some values differ from the published "
                           "defaults.")
        said_with(self.effective, self.intro, self.state)

    def _date_changed(self) -> None:
        self._load_base(reset_fields=False)  # edits stay; they apply from the new date

    def _scalar_edited(self, key: str) -> bool:
        text = self.scalars[key].text().strip().replace(",", ".")
        try:
            return float(text) != self._base.get(key)
        except ValueError:
            return True

    def pending_values(self) -> dict[str, str]:
        """Every edited value, as typed, keyed as core.workload.weightings expects."""
        values = {k: f.text().strip().replace(",", ".") for k, f in self.scalars.items()
                  if self._scalar_edited(k)}
        values.update(self.model.changed_values())
        return values

    # --- actions ------------------------------------------------------------------------------
    def save(self) -> bool:
        day, values = self.effective.value(), self.pending_values()
        try:
            self._save_undoably(lambda: set_weightings(self._db, values, day, self._today()),
                                f"Save weightings from {format_date(day)}",
                                f"Saved. The new values apply from {day_words(day)} {day.year}.")
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            self.saved_label.clear()
            return False
        return True

    def _save_undoably(self, save: Callable[[], object], name: str, said: str) -> None:
        """A save or a restore: one undo step (Ctrl+Z puts back the dated changes as they
        were), the page read again, shown and said."""
        def changed() -> None:
            self.load()
            self._hub.weightingsChanged.emit()

        self.saved_label.setText(save_undoably(self, self._db, WEIGHTINGS_ROWS, save, name,
                                               "the weightings table", changed, said))

    def restore(self) -> bool:
        day = self.effective.value()
        answer = QMessageBox.question(
            self, "Restore published defaults",
            f"Put every weighting back to the 2021 published defaults from {day_words(day)} "
            f"{day.year}? Weeks before then keep the values in force at the time. Ctrl+Z takes "
            "this back, and so does the list of dated changes.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._save_undoably(lambda: restore_defaults(self._db, day, self._today()),
                            f"Restore published weightings from {format_date(day)}",
                            f"Published defaults restored from {day_words(day)} {day.year}.")
        return True

    def take_back_selected(self) -> bool:
        rows = self.changes.selectionModel().selectedRows()
        if not rows:
            self.saved_label.setText("Choose a change in the list first.")
            return False
        change: WeightingChange = rows[0].data(OBJECT_ROLE)
        answer = QMessageBox.question(
            self, "Take back a change",
            f"Take back this change: {change_what(change)}, from "
            f"{change.effective_from:%d/%m/%Y}? Estimates are worked out again without it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes or change.id is None:
            return False
        change_id = change.id

        def changed() -> None:
            self.load()
            self._hub.weightingsChanged.emit()

        # A deletion like any other: one undo step, said, focus kept in the list of changes.
        what = f"the weightings change “{change_what(change)}”"
        delete_undoably(self, self._db, what, lambda: delete_change(self._db, change_id),
                        changed, self.changes)
        # The words said, so that Ctrl+Z changes them here too ("Change taken back." stayed
        # after the change was brought back).
        self.saved_label.setText(f"Deleted {what}.")
        return True
