"""A question answered in one line of text, as QInputDialog.getText asks it, in a field that a
screen reader reads whole (ui.widgets.line_field).

Qt's own input dialog holds a line edit, which Orca 43 read one character short: "Stop at"
offered 17:05 and was heard "17:0", "Rename activity" said "Trave" for Travel. `ask_text`
has getText's arguments and answer: the text and True once OK is pressed, else "" and False.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.widgets.line_field import LineField


class TextQuestion(QDialog):
    """A label, its one-line field (the text offered, selected) and OK (the default), Cancel."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.label = QLabel(label)
        self.field = LineField(text)
        self.label.setBuddy(self.field)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.selectAll()  # typed over, as in Qt's input dialog
        self.field.setFocus()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """The text typed and True once OK is pressed; "" and False for Cancel or Escape."""
    dialog = TextQuestion(parent, title, label, text)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.field.text(), True
        return "", False
    finally:
        dialog.deleteLater()
