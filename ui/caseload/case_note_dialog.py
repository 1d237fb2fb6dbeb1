"""Put a case on the agenda for the next supervision: a reason and a short note, no identifiers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QWidget,
)

from core.supervision.agenda import CASE_REASONS, MAX_TEXT
from core.common.identifiers import identifier_message
from ui.widgets.confirm import confirm_no_names
from ui.widgets.form_helpers import ProblemsLabel, dialog_layout, form_layout, note_label, ok_cancel
from ui.widgets.line_field import LineField
from ui.widgets.typed_words import KeepsTypedWords


class CaseNoteDialog(KeepsTypedWords):
    """Use `CaseNoteDialog.get_note(parent, reference)` -> (reason, text) or None."""

    def __init__(self, reference: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._reference = reference
        self._build_ui()
        self._connect_signals()
        self._validate()
        self.keep_typed_words([self.text])

    @staticmethod
    def get_note(parent: QWidget | None, reference: str) -> tuple[str, str] | None:
        dialog = CaseNoteDialog(reference, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def _build_ui(self) -> None:
        self.setWindowTitle(f"Add case {self._reference} to supervision notes")
        self.setMinimumWidth(460)
        form = form_layout()
        self.reason = QComboBox()
        for reason in CASE_REASONS:
            self.reason.addItem(reason.capitalize(), reason)
        form.addRow("&Why discuss it", self.reason)
        self.text = LineField(f"Discuss {self._reference}")
        self.text.setMaxLength(MAX_TEXT)
        self.text.setMinimumWidth(300)
        form.addRow("&Note", self.text)
        self.problems = ProblemsLabel()
        self.buttons, self.ok_button = ok_cancel("Add to notes")
        layout = dialog_layout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(
            note_label("The note appears in the Supervision view under cases to discuss. "
                       "Refer to the case by its reference only.")
        )
        layout.addWidget(self.buttons)
        self.text.selectAll()
        # The keyboard starts in the note, not on the reason: a typed letter there changed
        # the reason and the words were lost.
        self.text.setFocus()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._validate)

    def _validate(self) -> bool:
        text = self.text.text().strip()
        problems = []
        if not text:
            problems.append("Write a few words so you remember why.")
        else:
            message = identifier_message("note", text)
            if message:
                problems.append(message)
        self.problems.show_problems(problems, say=False)  # said when saving is tried
        self.ok_button.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        # The note reaches the summary when case references are ticked: ask about names.
        if not self._validate():
            self.problems.say_problems()
        elif confirm_no_names(self, [self.text.text()]):
            super().accept()

    def values(self) -> tuple[str, str]:
        return self.reason.currentData(), self.text.text().strip()
