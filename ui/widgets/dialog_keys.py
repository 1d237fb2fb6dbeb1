"""Keys in a dialog besides Return alone (ui.widgets.return_guard hands them here).

A letter alone never answers a question. Qt's question box presses the button whose underlined
letter is typed even without Alt, so the "y" of "yesterday 07:30-08:15", typed on into the quick
entry line as the overlap question opened, shortened the entry already logged. In a question the
letter alone does nothing; Alt and the letter still press the button.

In a text field, Ctrl+Return (or Ctrl+Enter) presses the dialog's default button when that
button saves (Save, OK, Add): in a multi-line field, where Return starts a new line, it did
nothing, so a note typed in Supervision's note field could only be saved by Tab and Space; in a
one-line field it does what Return does, so the same keys save a note wherever it is typed. A
default that cancels or deletes is never pressed so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialog, QPushButton

# Classes beyond these are named inside the functions, when a key is pressed: see return_guard.

DESTROYS = "destroysData"  # a button's property, set by return_guard.set_destructive
# A guarded button's property: what Return on it says, where "deletes or overwrites" is not
# why it is guarded (a "Show to my manager" question's Show).
RETURN_WORDS = "returnRefusal"


def letter_in_question(watched: QObject, event: QEvent) -> bool:
    """A key without Alt, Ctrl or Meta reaching a question box (QMessageBox) that Qt would
    take as a button's underlined letter: taken here, so it presses nothing (True)."""
    from PySide6.QtWidgets import QMessageBox

    if not isinstance(watched, QMessageBox):
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent

    held = (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier)
    if not isinstance(event, QKeyEvent) or event.modifiers() & held:
        return False
    key = event.key()
    return any(not b.shortcut().isEmpty() and b.shortcut()[0].key() == key
               for b in watched.buttons())


def ctrl_return_saves(watched: QObject, event: QEvent) -> bool:
    """Ctrl+Return or Ctrl+Enter reaching a dialog from its multi-line text field: press the
    dialog's default button if it is enabled and saves (accept role, not destructive); True
    when it did."""
    if not isinstance(watched, QDialog) or not watched.isVisible():
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QTextEdit

    ctrl = Qt.KeyboardModifier.ControlModifier
    if not (isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == ctrl):
        return False
    from PySide6.QtWidgets import QLineEdit

    field = watched.focusWidget()
    # A one-line field too: Return alone reaches the default there, but Ctrl+Return, which
    # saves from the Supervision note's field, did nothing in "Add to supervision notes…"'s
    # Note line, without a word.
    if not isinstance(field, (QPlainTextEdit, QTextEdit, QLineEdit)) or field.isReadOnly():
        return False
    saving = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole,
              QDialogButtonBox.ButtonRole.ApplyRole)
    for box in watched.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if (isinstance(button, QPushButton) and button.isDefault() and button.isEnabled()
                    and box.buttonRole(button) in saving and not button.property(DESTROYS)):
                button.click()
                return True
    return False
