"""Words a person typed are never thrown away by Escape or Cancel without a question.

A supervision note, a reflection, what was agreed at a session, a case note, a time entry's note:
Escape used to close the dialog and the paragraph was gone, with no way back (Ctrl+Z then undid
something else, in another view). Now, when a dialog's free text differs from what it opened with,
Escape, Cancel or closing asks "Discard your note?", with Keep writing the default, Escape and
Return; keeping puts the keyboard back in the words, at their end. Nothing typed: it closes as
before, without a question.
"""

from __future__ import annotations

import weakref
from typing import Iterable

import shiboken6

from PySide6.QtGui import QCloseEvent, QTextCursor
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

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
        fields = list(fields)
        # Held weakly: the dialog holds this, and a cycle through its Python side kept the
        # dialog and its fields' wrappers for the collector, past Qt deleting them, and the app
        # crashed later inside Qt (painting, or making an unrelated widget).
        self._dialog = weakref.ref(dialog)
        self._fields = [weakref.ref(field) for field in fields]
        self._start = [_text(field).strip() for field in fields]

    def _live(self) -> list[tuple[QWidget, str]]:
        pairs = [(held(), was) for held, was in zip(self._fields, self._start)]
        return [(field, was) for field, was in pairs
                if field is not None and shiboken6.isValid(field)]

    def changed(self) -> list[QWidget]:
        """The fields whose words are not the ones the dialog opened with."""
        return [field for field, was in self._live() if _text(field).strip() != was]

    def may_close(self) -> bool:
        """True when nothing typed would be lost, or the person chose Discard; otherwise the
        keyboard goes back to the first changed field and the dialog stays open."""
        changed = self.changed()
        if not changed:
            return True
        dialog = self._dialog()
        if dialog is None or confirm.ask(dialog, QUESTION_TITLE, QUESTION, DISCARD, KEEP):
            return True
        field = next((f for f in changed if f.isVisible()), changed[0])
        field.setFocus()
        if isinstance(field, (QPlainTextEdit, QTextEdit)):
            field.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(field, QLineEdit):
            field.deselect()
            field.end(False)
        return False


class KeepsTypedWords(QDialog):
    """A dialog whose Escape, Cancel and closing ask before dropping the words in the fields
    given to `keep_typed_words`. A close that the program makes (the app ending, a test's
    clean-up) is not a person pressing a key, and asks nothing. A QDialog of its own, so each
    note dialog is a plain subclass of it."""

    _typed: TypedWords | None = None
    _closing_quietly = False

    def keep_typed_words(self, fields: Iterable[QWidget]) -> None:
        self._typed = TypedWords(self, fields)

    def reject(self) -> None:
        if self._typed is None or self._closing_quietly or self._typed.may_close():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closing_quietly = False
