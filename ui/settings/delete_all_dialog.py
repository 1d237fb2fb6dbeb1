"""The confirmation for "Delete all my data": type DELETE, and choose whether backups go too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.announce import announce_error
from ui.widgets.form_helpers import ProblemsLabel
from ui.widgets.line_field import LineField
from ui.widgets.qt_guard import qt_override

CONFIRM_WORD = "DELETE"


def typed_problem(typed: str) -> str:
    """What Return in the confirmation field says: never silence, never a deletion."""
    typed = typed.strip()
    if typed == CONFIRM_WORD:
        return ("Nothing is deleted yet: Tab to “Delete all my data” and press Space. "
                "Return alone never deletes.")
    if not typed:
        return f"Nothing is deleted. To delete everything, type {CONFIRM_WORD} in capitals."
    if typed.upper() == CONFIRM_WORD:
        return f"Nothing is deleted yet: type {CONFIRM_WORD} in capitals to confirm."
    return f"Nothing is deleted: “{typed}” is not {CONFIRM_WORD}. Type {CONFIRM_WORD} to confirm."


class DeleteAllDialog(QDialog):
    """`DeleteAllDialog.get_choice(parent)` -> None (cancelled) or include_backups (bool)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Delete all my data")
        layout = QVBoxLayout(self)
        text = QLabel(
            "This deletes every case, time entry, supervision note and setting from this "
            "computer. It cannot be undone."
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        # The instruction is the field's label, its name to a screen reader: no placeholder,
        # which Orca read after the name ("Confirmation text. DELETE."), as if already typed.
        self.field = LineField()
        label = QLabel(f"Type {CONFIRM_WORD} to confirm:")
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.field)
        self.include_backups = QCheckBox("Also delete all backups and earlier copies of the data")
        layout.addWidget(self.include_backups)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        # Destructive, so Return never presses it (ui.widgets.return_guard): Cancel is the
        # default, and "Delete all my data" takes the typed word and then Space or a click.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("Delete all my data",
                                         QDialogButtonBox.ButtonRole.DestructiveRole)
        self.ok.setEnabled(False)
        self.ok.clicked.connect(self.accept)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(
            lambda: self.ok.setEnabled(self.field.text().strip() == CONFIRM_WORD)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.installEventFilter(self)
        self.setMinimumWidth(440)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Return in the field stays here and says what is missing (it used to press Cancel,
        and the dialog closed without a word on a near miss such as "delete")."""
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            text = typed_problem(self.field.text())
            if text == self.problems.text():  # said again on each Return, the same words
                announce_error(self.field, text)
            self.problems.show_problems([text])  # shown, and said when new
            return True
        return super().eventFilter(watched, event)

    @classmethod
    def get_choice(cls, parent: QWidget | None) -> bool | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.include_backups.isChecked()
