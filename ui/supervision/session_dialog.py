"""Record a supervision session (date, who with, what was agreed, new actions, open actions' status),
or correct one already recorded."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.common import clock
from core.supervision.sessions import (
    ACTION_STATUS_LABELS,
    ACTION_STATUSES,
    NEXT_WEEKS,
    Action,
    Session,
    session_problems,
)
from ui.widgets import reading_accessible
from ui.widgets.confirm import confirm_no_names
from ui.widgets.date_fields import DateField, OptionalDateField, format_date
from ui.widgets.form_helpers import ProblemsLabel, note_label, select_data
from ui.widgets.line_field import LineField
from ui.widgets.typed_words import KeepsTypedWords

NEW_ACTION_ROWS = 5


@dataclass
class SessionRecord:
    session: Session
    status_updates: dict[int, str] = field(default_factory=dict)


class SessionDialog(KeepsTypedWords):
    """Returns a SessionRecord; open actions from before are listed so their status can be set.

    Given a recorded `session`, it corrects that one instead: pre-filled, and without the
    actions part, since statuses set then belong to that day and are changed under Actions
    carried forward.
    """

    def __init__(self, open_actions: list[Action], today: date | None = None,
                 parent: QWidget | None = None, session: Session | None = None,
                 next_supervision: date | None = None, gathered: list[date] | None = None):
        super().__init__(parent)
        # The days the notes now on the agenda were gathered: recording marks those up to the
        # session's date as discussed, and the dialog says how many next to the date.
        self._gathered = [] if session else list(gathered or [])
        self._today = today or clock.today()
        # The one next-supervision date the meeting, its picker and the summary use; the next
        # session and the new actions' due dates are offered on it, as in meeting mode.
        self._next = next_supervision or self._today + timedelta(weeks=NEXT_WEEKS)
        self._editing = session
        self._open = [] if session else open_actions
        self._build_ui()
        self._connect_signals()
        if session:
            self._fill(session)
        self.keep_typed_words([self.with_whom, self.agreed]
                              + [f for text, owner, _due in self.action_rows for f in (text, owner)])

    @staticmethod
    def get_session(parent: QWidget | None, open_actions: list[Action],
                    today: date | None = None,
                    next_supervision: date | None = None,
                    gathered: list[date] | None = None) -> SessionRecord | None:
        dialog = SessionDialog(open_actions, today, parent, next_supervision=next_supervision,
                               gathered=gathered)
        return dialog.record() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def edit_session(parent: QWidget | None, session: Session,
                     today: date | None = None) -> Session | None:
        """The corrected session (same id and actions), or None if cancelled."""
        dialog = SessionDialog([], today, parent, session)
        return dialog.edited() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _build_ui(self) -> None:
        self.setWindowTitle("Change a past session" if self._editing else "Record a supervision session")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.held_on = DateField(self._today)
        form.addRow("&Date of the session", self.held_on)
        self.marks = QLabel(self)  # what recording does to the agenda (not when correcting)
        # Heard as the date's description, and so not again as one of the dialog's words.
        reading_accessible.describes(self.marks, self.held_on)
        self.marks.setWordWrap(True)
        if self._editing:
            self.marks.hide()
        else:
            form.addRow("", self.marks)
        self.with_whom = LineField()
        self.with_whom.setPlaceholderText("Optional, e.g. SPO")
        form.addRow("&With", self.with_whom)
        self.agreed = QPlainTextEdit()
        self.agreed.setTabChangesFocus(True)
        self.agreed.setFixedHeight(70)
        self.agreed.setPlaceholderText("What was agreed, in a sentence or two")
        form.addRow("What was &agreed", self.agreed)
        self.next_date = OptionalDateField("Next session on", default=self._next)
        form.addRow("", self.next_date)
        layout.addLayout(form)

        self.status_boxes: dict[int, QComboBox] = {}
        if self._open:
            carried = QGroupBox("Actions carried forward")
            grid = QGridLayout(carried)
            for row, action in enumerate(self._open):
                due = f" (due {format_date(action.due_date)})" if action.due_date else ""
                label = QLabel(f"{action.text}{due}")
                label.setWordWrap(True)
                box = QComboBox()
                for status in ACTION_STATUSES:
                    box.addItem(ACTION_STATUS_LABELS[status], status)
                select_data(box, action.status)
                box.setAccessibleName(f"Status of {action.text}")
                label.setBuddy(box)  # the combo's name on the bus is this label, not its value
                grid.addWidget(label, row, 0)
                grid.addWidget(box, row, 1)
                self.status_boxes[int(action.id or 0)] = box
            grid.setColumnStretch(0, 1)
            layout.addWidget(carried)

        self.action_rows: list[tuple[LineField, LineField, OptionalDateField]] = []
        if self._editing:
            self._build_edit_notes(layout)
        else:
            self._build_new_actions(layout)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Save changes" if self._editing else "&Record session")
        layout.addWidget(self.buttons)

    def _build_edit_notes(self, layout: QVBoxLayout) -> None:
        count = len(self._editing.actions) if self._editing else 0
        agreed = f"{count} action{'s were' if count != 1 else ' was'} agreed at this session. " if count else ""
        layout.addWidget(note_label(
            f"{agreed}Mark actions done or dropped under Actions carried forward. "
            "Changing the date moves this session's actions, and the notes it closed, to the new date."
        ))

    def _build_new_actions(self, layout: QVBoxLayout) -> None:
        new = QGroupBox("New actions")
        grid = QGridLayout(new)
        for col, title in enumerate(("Action", "Owner", "Due")):
            grid.addWidget(QLabel(title), 0, col)
        for row in range(1, NEW_ACTION_ROWS + 1):
            text, owner = LineField(), LineField()
            text.setAccessibleName(f"Action {row}")
            owner.setAccessibleName(f"Owner of action {row}")
            owner.setPlaceholderText("e.g. Me, SPO")
            due = OptionalDateField("Due", default=self._next, name=f"Action {row} due")
            grid.addWidget(text, row, 0)
            grid.addWidget(owner, row, 1)
            grid.addWidget(due, row, 2)
            self.action_rows.append((text, owner, due))
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        layout.addWidget(new)
        layout.addWidget(note_label("Open actions carry forward into the next summary."))

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if not self._editing:
            self.held_on.valueChanged.connect(self._say_marks)
            self._say_marks()

    def _say_marks(self) -> None:
        """What recording will do to the agenda, beside the date (and heard with it): shown
        only in small print at the foot, it went unread before one Return recorded."""
        held = self.held_on.value()
        count = sum(1 for day in self._gathered if day <= held)
        if count:
            notes = f"{count} note{'s' if count != 1 else ''}"
            text = (f"Recording it marks the {notes} gathered up to {format_date(held)} as "
                    "discussed: they leave the agenda (Ctrl+Z brings them back).")
        else:
            text = "No notes on the agenda are marked discussed by recording it."
        self.marks.setText(text)
        self.held_on.setAccessibleDescription(text)

    def _fill(self, session: Session) -> None:
        self.held_on.set_value(session.held_on)
        self.with_whom.setText(session.with_whom)
        self.agreed.setPlainText(session.agreed)
        self.next_date.set_value(session.next_date)

    def edited(self) -> Session:
        """The session as corrected; keeps the id and the actions agreed at it."""
        assert self._editing is not None
        record = self.record().session
        return replace(self._editing, held_on=record.held_on, with_whom=record.with_whom,
                       agreed=record.agreed, next_date=record.next_date)

    def record(self) -> SessionRecord:
        actions = [
            Action(text.text().strip(), owner.text().strip(), due.value())
            for text, owner, due in self.action_rows
            if text.text().strip()
        ]
        session = Session(
            held_on=self.held_on.value(),
            with_whom=self.with_whom.text().strip(),
            agreed=self.agreed.toPlainText().strip(),
            next_date=self.next_date.value(),
            actions=actions,
        )
        updates = {
            action_id: str(box.currentData())
            for action_id, box in self.status_boxes.items()
            if box.currentData() != "open"
        }
        return SessionRecord(session, updates)

    def accept(self) -> None:
        session = self.record().session
        problems = session_problems(session, self._today)
        self.problems.show_problems(problems)
        # Actions reach the summary: ask about name-like words in them before saving.
        texts = [t for a in session.actions for t in (a.text, a.owner)]
        if not problems and confirm_no_names(self, texts):
            super().accept()


