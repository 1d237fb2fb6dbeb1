"""Words a person typed are never thrown away by Escape or Cancel without a question.

A supervision note, a reflection, what was agreed at a session, a case note, a time entry's note:
Escape used to close the dialog and the paragraph was gone, with no way back (Ctrl+Z then undid
something else, in another view). Now, when a dialog's free text differs from what it opened with,
Escape, Cancel or closing asks "Discard your note?", with Keep writing the default, Escape and
Return; keeping puts the keyboard back in the words, at their end. Nothing typed: it closes as
before, without a question.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.widgets import confirm

QUESTION_TITLE = "Discard your note?"
QUESTION = ("The words you typed are not saved. Keep writing to go back to them, or discard them "
            "and close.")
DISCARD = "Discard"
KEEP = "Keep writing"


def _text(field: QWidget) -> str:
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.toPlainText()
    if isinstance(field, QLineEdit):
        return field.text()
    return ""


class TypedWords:
    """Remembers what `fields` held when the dialog opened (call once it is filled)."""

    def __init__(self, dialog: QWidget, fields: Iterable[QWidget]):
        self._dialog = dialog
        self._fields = list(fields)
        self._start = [_text(f).strip() for f in self._fields]

    def changed(self) -> list[QWidget]:
        """The fields whose words are not the ones the dialog opened with."""
        return [f for f, was in zip(self._fields, self._start) if _text(f).strip() != was]

    def may_close(self) -> bool:
        """True when nothing typed would be lost, or the person chose Discard; otherwise the
        keyboard goes back to the first changed field and the dialog stays open."""
        changed = self.changed()
        if not changed:
            return True
        if confirm.ask(self._dialog, QUESTION_TITLE, QUESTION, DISCARD, KEEP):
            return True
        field = next((f for f in changed if f.isVisible()), changed[0])
        field.setFocus()
        if isinstance(field, (QPlainTextEdit, QTextEdit)):
            field.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(field, QLineEdit):
            field.deselect()
            field.end(False)
        return False


class KeepsTypedWords:
    """Mixed in before QDialog: Escape, Cancel and closing the window ask before dropping the
    words in the fields given to `keep_typed_words`. A close that the program makes (the app
    ending, a test's clean-up) is not a person pressing a key, and asks nothing."""

    _typed: TypedWords | None = None
    _closing_quietly = False

    def keep_typed_words(self, fields: Iterable[QWidget]) -> None:
        self._typed = TypedWords(self, fields)  # type: ignore[arg-type]

    def reject(self) -> None:
        if self._typed is None or self._closing_quietly or self._typed.may_close():
            super().reject()  # type: ignore[misc]

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)  # type: ignore[misc]
        finally:
            self._closing_quietly = False
