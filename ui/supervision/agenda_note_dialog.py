"""Add or edit one supervision note: its kind, its words, and for a case the reference and reason."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.supervision.agenda import (
    AGENDA_KINDS,
    CASE_REASONS,
    REFLECTION_STAGES,
    agenda_problems,
    reflection_parts,
    reflection_text,
)
from ui.widgets.confirm import confirm_no_names
from ui.widgets.form_helpers import ProblemsLabel, note_label, select_data
from ui.widgets.typed_words import KeepsTypedWords

KIND_LABELS = {
    "workload": "Workload",
    "case": "A case to discuss",
    "going_well": "What's going well",
    "request": "Workload request",
    "reflection": "Reflection",
    "learning": "Learning and development",
    "wellbeing": "Wellbeing check-in (private)",
}
PROMPTS = {
    "Experience": "What happened? One piece of practice.",
    "Reflection": "How did it feel, for you and for the person?",
    "Analysis": "What explains it: knowledge, policy, research, the system?",
    "Action": "What will you do differently, or keep doing?",
}
PLACEHOLDERS = {
    "workload": "e.g. Two parole reports due in the same fortnight",
    "case": "What you would like to talk through (no names or identifiers)",
    "going_well": "e.g. A three-way meeting unblocked an accommodation plan",
    "request": "e.g. Pause new allocations for two weeks; admin support; protected time",
    "learning": "Training done or needed",
    "wellbeing": "How you are, in your own words. Kept on this computer only.",
}


@dataclass
class NoteDraft:
    kind: str
    text: str
    case_reference: str | None = None
    reason: str | None = None


class AgendaNoteDialog(KeepsTypedWords):
    """Returns a NoteDraft; the view stores it. Reflection shows the four stages of the cycle."""

    def __init__(self, kind: str, references: list[str], draft: NoteDraft | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._references = references
        self._editing = draft is not None
        self._build_ui()
        self._load(draft or NoteDraft(kind, ""))
        self._connect_signals()
        self.keep_typed_words([self.text, *self.stages.values()])
        self._first_field().setFocus()

    @staticmethod
    def get_note(parent: QWidget | None, kind: str, references: list[str],
                 draft: NoteDraft | None = None) -> NoteDraft | None:
        dialog = AgendaNoteDialog(kind, references, draft, parent)
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _build_ui(self) -> None:
        self.setWindowTitle("Supervision note")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in AGENDA_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        form.addRow("&Kind", self.kind)
        self.case = QComboBox()
        self.case.addItems(self._references)
        self.case_label = QLabel("&Case")
        self.case_label.setBuddy(self.case)
        form.addRow(self.case_label, self.case)
        self.reason = QComboBox()
        for reason in CASE_REASONS:
            self.reason.addItem(reason.capitalize(), reason)
        self.reason_label = QLabel("&Reason")
        self.reason_label.setBuddy(self.reason)
        form.addRow(self.reason_label, self.reason)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        self.text_label = QLabel("&Note")
        self.text_label.setBuddy(self.text)
        form.addRow(self.text_label, self.text)
        self.stages: dict[str, QPlainTextEdit] = {}
        self.stage_labels: list[QLabel] = []
        for stage in REFLECTION_STAGES:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(52)
            edit.setPlaceholderText(PROMPTS[stage])
            label = QLabel(stage)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.stages[stage] = edit
            self.stage_labels.append(label)
        layout.addLayout(form)
        self.private_note = note_label(
            "Your wellbeing check-in stays on this computer. It is never exported unless you tick "
            "it for that one export, and you can delete it at any time."
        )
        layout.addWidget(self.private_note)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _load(self, draft: NoteDraft) -> None:
        select_data(self.kind, draft.kind)
        self.kind.setEnabled(not self._editing)
        if draft.case_reference:
            self.case.setCurrentText(draft.case_reference)
        select_data(self.reason, draft.reason)
        if draft.kind == "reflection":
            for stage, words in reflection_parts(draft.text).items():
                self.stages[stage].setPlainText(words)
        else:
            self.text.setPlainText(draft.text)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        reflection, case = kind == "reflection", kind == "case"
        for widget in (self.case, self.case_label, self.reason, self.reason_label):
            widget.setVisible(case)
        self.text.setVisible(not reflection)
        self.text_label.setVisible(not reflection)
        for widget in list(self.stages.values()) + self.stage_labels:
            widget.setVisible(reflection)
        self.private_note.setVisible(kind == "wellbeing")
        self.text.setPlaceholderText(PLACEHOLDERS.get(kind, ""))
        self.adjustSize()

    def _first_field(self) -> QWidget:
        """Where the words go. The user chose the kind with the button that opened the note;
        starting on the Kind list, typing "Weekend work" changed it (even to the private
        wellbeing kind) and the words were lost."""
        if self.current_kind() == "reflection":
            return self.stages[REFLECTION_STAGES[0]]
        return self.text

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def draft(self) -> NoteDraft:
        kind = self.current_kind()
        if kind == "reflection":
            text = reflection_text({s: e.toPlainText() for s, e in self.stages.items()})
        else:
            text = self.text.toPlainText().strip()
        if kind != "case":
            return NoteDraft(kind, text)
        return NoteDraft(kind, text, self.case.currentText() or None, self.reason.currentData())

    def accept(self) -> None:
        draft = self.draft()
        problems = agenda_problems(draft.kind, draft.text, draft.reason)
        if draft.kind == "case" and not draft.case_reference:
            problems.append("Choose the case you want to discuss.")
        self.problems.show_problems(problems)
        if not problems and confirm_no_names(self, [draft.text]):
            super().accept()
