"""Return never destroys: in a dialog that can delete or overwrite, Return gives the safe answer.

Qt lets Return press whichever push button has focus (its "auto default"), and a button that has
had focus stays the default afterwards, so a keyboard user who Tabbed past "Delete" and back to a
table can delete with Return. `install()` watches every dialog as it is shown; one that holds a
destructive choice has auto default turned off on all its buttons, so Return only ever presses
the dialog's default, which is the safe choice (Keep, No, Cancel). The destructive button still
works with Space, its Alt+letter or the mouse.

Outside dialogs (the main window's views) Qt lets only Space press a focused button; the guard
makes Return and Enter press it too, as a keyboard user expects.

A dialog holds a destructive choice when:
* a button has the DestructiveRole (custom dialogs mark "Delete…", "Replace", "Restore…" so),
* a button is marked with `set_destructive` while its action deletes or overwrites (Import
  calendar, while the import replaces or takes out entries an earlier import saved), or
* it is a question box (QMessageBox) whose default is its No/Cancel answer: every question that
  deletes or overwrites passes that default, so Yes is never the default.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

# Installed before the window's first frame, so the dialog classes (and the `Qt` namespace) are
# named only when a dialog is shown or a key is pressed: importing a Qt class by name sets up
# its enums in Python, QMessageBox's and QDialogButtonBox's among the costliest.

DESTROYS = "destroysData"  # a button's property, set by set_destructive


def destructive_buttons(dialog: QDialog) -> list[QPushButton]:
    """The buttons in `dialog` that delete or overwrite (by role)."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    safe_roles = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)
    found = []
    if isinstance(dialog, QMessageBox):
        default = dialog.defaultButton()
        if default is not None and dialog.buttonRole(default) in safe_roles:
            found += [b for b in dialog.buttons() if isinstance(b, QPushButton)
                      and dialog.buttonRole(b) not in safe_roles]
        return found
    for box in dialog.findChildren(QDialogButtonBox):
        found += [b for b in box.buttons() if isinstance(b, QPushButton)
                  and (box.buttonRole(b) == QDialogButtonBox.ButtonRole.DestructiveRole
                       or b.property(DESTROYS))]
    return found


def make_return_safe(dialog: QDialog) -> bool:
    """If `dialog` holds a destructive choice, Return can press only its default (never a
    destructive button); True when it does."""
    dangerous = destructive_buttons(dialog)
    if not dangerous:
        return False
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
    for button in dangerous:
        button.setDefault(False)
    return True


def set_destructive(dialog: QDialog, button: QPushButton, destructive: bool) -> None:
    """For a button whose action deletes or overwrites only sometimes: while it does, Return
    never presses it (nor any button: Return gives the dialog's safe default, as in any
    dialog with a destructive choice); while it does not, it is the dialog's default again,
    the action the dialog exists for, and Return presses a focused button as usual."""
    if bool(button.property(DESTROYS)) == destructive and (destructive or button.isDefault()):
        return
    button.setProperty(DESTROYS, destructive)
    if destructive:
        make_return_safe(dialog)
        return
    for other in dialog.findChildren(QPushButton):
        other.setAutoDefault(True)
    button.setDefault(True)


def presses_in_window(watched: QObject, event: QEvent) -> bool:
    """Return or Enter on a focused, enabled push button outside a dialog, with no modifier."""
    if not isinstance(watched, QPushButton):
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent

    return (isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and watched.isEnabled() and watched.hasFocus()
            and not isinstance(watched.window(), QDialog))


class _Guard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QDialog):
            make_return_safe(watched)
        elif kind == QEvent.Type.KeyPress and presses_in_window(watched, event):
            watched.animateClick()  # pressed as Space presses it, shown pressed for a moment
            return True
        return False


_guard: _Guard | None = None


def install(app: QApplication | None = None) -> None:
    """Watch every dialog the application shows (once per application)."""
    global _guard
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None or _guard is not None and _guard.parent() is app:
        return
    _guard = _Guard(app)
    app.installEventFilter(_guard)
