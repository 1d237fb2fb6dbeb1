"""The confirmation for "Delete all my data": type DELETE, and choose whether backups go too."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

CONFIRM_WORD = "DELETE"


class DeleteAllDialog(QDialog):
    """`DeleteAllDialog.get_choice(parent)` -> None (cancelled) or include_backups (bool)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Delete all my data")
        layout = QVBoxLayout(self)
        text = QLabel(
            "This deletes every case, time entry, supervision note and setting from this "
            "computer. It cannot be undone.\n\n"
            f"To confirm, type {CONFIRM_WORD} below."
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.field = QLineEdit()
        self.field.setAccessibleName("Confirmation")
        self.field.setPlaceholderText(CONFIRM_WORD)
        layout.addWidget(self.field)
        self.include_backups = QCheckBox("Also delete all backups and earlier copies of the data")
        layout.addWidget(self.include_backups)
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
            lambda t: self.ok.setEnabled(t.strip() == CONFIRM_WORD)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)

    @classmethod
    def get_choice(cls, parent: QWidget | None) -> bool | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.include_backups.isChecked()
