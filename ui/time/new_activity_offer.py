"""When a typed line names an activity that is not one of yours: the closest ones were said in
the refusal; this offers to add the words as a new activity there and then, and log the line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.errors import ValidationError
from core.time.activities import add_activity
from core.time.quick_entry import UnknownActivity
from ui.widgets.line_field import LineField


class NewActivityOffer(QDialog):
    """The refusal, a name field holding the typed words, "Add and log" and "Edit the line"
    (the default: Return never adds anything by surprise)."""

    def __init__(self, db: Database, refusal: UnknownActivity, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.added = None
        self.setWindowTitle("Not one of your activities")
        said = QLabel(refusal.problems[0].replace(" New activities are added in Settings, "
                                                   "Activities.", ""))
        said.setWordWrap(True)
        self.name = LineField(refusal.typed[:1].upper() + refusal.typed[1:])
        self.name.setAccessibleName("New activity name")
        form = QFormLayout()
        form.addRow("New &activity", self.name)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton("A&dd and log", QDialogButtonBox.ButtonRole.AcceptRole)
        self.edit_button = buttons.addButton("&Edit the line", QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.setAutoDefault(False)
        self.edit_button.setDefault(True)
        buttons.accepted.connect(self._add)
        buttons.rejected.connect(self.reject)
        offer = QLabel("Or add it as a new activity and log the line. A new activity is not "
                       "counted by the WMT; Settings, Activities can change that.")
        offer.setWordWrap(True)
        self.setMinimumWidth(max(420, self.fontMetrics().averageCharWidth() * 60))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(said)
        layout.addWidget(offer)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.edit_button.setFocus()

    def _add(self) -> None:
        try:
            self.added = add_activity(self._db, self.name.text())
        except ValidationError as exc:
            self.problem.setText(" ".join(exc.problems))
            self.problem.setVisible(True)
            return
        self.accept()


def offer_new_activity(parent: QWidget, db: Database, refusal: UnknownActivity) -> bool:
    """True when the practitioner added the activity (the line can then be logged again)."""
    dialog = NewActivityOffer(db, refusal, parent)
    dialog.exec()
    added = dialog.added is not None
    dialog.deleteLater()
    return added
