"""Return never destroys: in a dialog that can delete or overwrite, Return gives the safe answer.

Qt lets Return press whichever push button has focus (its "auto default"), and a button that has
had focus stays the default afterwards, so a keyboard user who Tabbed past "Delete" and back to a
table can delete with Return. `install()` watches every dialog as it is shown; one that holds a
destructive choice has auto default turned off on all its buttons, so Return only ever presses
the dialog's default, which is the safe choice (Keep, No, Cancel). The destructive button still
works with Space, its Alt+letter or the mouse.

Return on a focused destructive button neither presses it nor closes the dialog (the user
believed it pressed): the dialog stays open and says, shown beside the button and announced at
once, "Press Space to delete 10 cases" in the button's own words.

Outside dialogs (the main window's views) Qt lets only Space press a focused button; the guard
makes Return and Enter press it too, as a keyboard user expects, except on a button marked with
the `DESTROYS` property (Supervision's Drop): there Return says "press Space" as in a dialog.

A letter alone never answers a question, and Ctrl+Return saves from a multi-line field
(ui.widgets.dialog_keys).

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

from ui.widgets.app_watch import watch
from ui.widgets.dialog_keys import DESTROYS, RETURN_WORDS, ctrl_return_saves, letter_in_question
from ui.widgets.dialog_tab_ring import tab_in_dialog

# Installed before the window's first frame, so the dialog classes (and the `Qt` namespace) are
# named only when a dialog is shown or a key is pressed: importing a Qt class by name sets up
# its enums in Python, QMessageBox's and QDialogButtonBox's among the costliest.



def destructive_buttons(dialog: QDialog) -> list[QPushButton]:
    """The buttons in `dialog` that delete or overwrite (by role)."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    safe_roles = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)
    found = []
    if isinstance(dialog, QMessageBox):
        default = dialog.defaultButton()
        if default is not None and dialog.buttonRole(default) in safe_roles:
            found += [b for b in dialog.buttons() if isinstance(b, QPushButton)
                      and dialog.buttonRole(b) not in safe_roles
                      and b.property(DESTROYS) is not False]  # asked, though it keeps all
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


def register_defaults(dialog: QDialog) -> None:
    """Make each button marked default while the dialog was built its dialog's own default.

    A button made default before its button box was put in the dialog is marked, but the
    dialog never learns it (Qt tells the dialog only when the mark changes, and then it had
    none), so once any other button had had focus, Return went to that one: "Check again"
    in Import cases once the file was read, "Choose…" in Export summary."""
    for button in dialog.findChildren(QPushButton):
        if button.isDefault() and button.window() is dialog:
            button.setDefault(False)
            button.setDefault(True)


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


VERBS = {"delete", "remove", "replace", "restore", "overwrite", "turn", "import", "erase",
         "discard", "clear", "end", "drop", "yes"}


def _label(button: QPushButton) -> str:
    label = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return label.rstrip("…. ").strip()


def _action(button: QPushButton) -> str:
    """The button's words as what it does: "delete 10 cases", or "choose “Yes”"."""
    label = _label(button)
    first = label.split()[0].lower() if label else ""
    if first == "yes" or first not in VERBS:
        return f"choose “{label}”"
    return label[0].lower() + label[1:]


def refusal_text(button: QPushButton) -> str:
    """What Return on the focused destructive `button` says: the button's own words."""
    own = button.property(RETURN_WORDS)
    if own:
        return str(own)
    return (f"Not done yet: press Space to {_action(button)}. Return alone never deletes or "
            "overwrites.")


def refuse_return(watched: QObject, event: QEvent) -> bool:
    """Return or Enter on a focused destructive button in a dialog: say so instead (True)."""
    if not isinstance(watched, QPushButton) or not watched.isEnabled():
        return False  # a key press reaches a button only while it has the focus
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QToolTip

    if not (isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
        return False
    dialog = watched.window()
    if isinstance(dialog, QDialog):
        if watched not in destructive_buttons(dialog):
            return False
    elif not watched.property(DESTROYS) or not watched.hasFocus():
        return False
    from ui.widgets.step_said import say_result

    text = refusal_text(watched)
    QToolTip.showText(watched.mapToGlobal(QPoint(0, watched.height())), text, watched)
    say_result(watched, text, assertive=True)  # and in the status bar: no older line stays
    return True


def say_why_not(watched: QObject, event: QEvent) -> None:
    """Return reaching a dialog whose default button is disabled (the form cannot be saved
    yet): what the form shows is wrong is said now. Checked as it was typed, it was only
    shown, so the Return that did nothing was silent."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent

    if not (isinstance(watched, QDialog) and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
        return
    defaults = [b for b in watched.findChildren(QPushButton) if b.isDefault()]
    if not defaults:
        if not _say_return_destroys(watched):
            _say_own_reason(watched)
        return
    if any(b.isEnabled() for b in defaults):
        return
    from ui.widgets.form_helpers import ProblemsLabel

    for label in watched.findChildren(ProblemsLabel):
        if label.window() is watched and label.say_problems():
            return
    _say_own_reason(watched)


def _say_own_reason(dialog: QDialog) -> None:
    """A dialog whose action is greyed out with no problem to show (Import calendar with no
    row ticked) says why Return did nothing, in its own words (`why_return_does_nothing()`):
    shown beside the field, in the window's status bar, and heard."""
    why = getattr(dialog, "why_return_does_nothing", None)
    text = why() if callable(why) else ""
    if not text:
        return
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip

    from ui.widgets.step_said import say_result

    field = dialog.focusWidget() or dialog
    QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), text, field)
    say_result(dialog.parentWidget() or dialog, text, assertive=True)


def field_refusal_text(button: QPushButton) -> str:
    """What Return in a field says when the dialog's action deletes or overwrites, so that it is
    no longer the default: how to do it instead, in the button's own words."""
    return (f"Not done yet: Return alone never deletes or overwrites. To {_action(button)}, "
            f"Tab to “{_label(button)}” and press Space.")


def _say_return_destroys(dialog: QDialog) -> bool:
    """Return in a field of a dialog left with no default because its action now deletes or
    overwrites (Import calendar, importing again over entries imported before): it did nothing,
    silently. Said once the Return has been through the dialog and the dialog is still open
    (a dialog that closes on Return, as the safe answer, has said what it did)."""
    from PySide6.QtCore import QTimer

    dangerous = [b for b in destructive_buttons(dialog) if b.isEnabled() and b.isVisible()]
    if not dangerous:
        return False
    button = dangerous[0]

    def still_open() -> None:
        import shiboken6

        if shiboken6.isValid(dialog) and dialog.isVisible() and shiboken6.isValid(button):
            from PySide6.QtCore import QPoint
            from PySide6.QtWidgets import QToolTip

            from ui.widgets.announce import announce_error

            # Seen as well as heard: the Return that did nothing showed nothing.
            text = field_refusal_text(button)
            field = dialog.focusWidget() or button
            QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), text, field)
            announce_error(dialog, text)

    QTimer.singleShot(0, dialog, still_open)
    return True


def presses_in_window(watched: QObject, event: QEvent) -> bool:
    """Return or Enter on a focused, enabled push button outside a dialog, with no modifier."""
    if not isinstance(watched, QPushButton):
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent

    return (isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and watched.isEnabled() and watched.hasFocus() and not watched.property(DESTROYS)
            and not isinstance(watched.window(), QDialog))


def _dialog_shown(dialog: QDialog) -> None:
    register_defaults(dialog)
    make_return_safe(dialog)


def _dialog_hidden(dialog: QDialog) -> None:
    """The keyboard goes back to the window the dialog was opened from. With no window
    manager to do it (Xvfb, some remote sessions), none was active after Escape closed a
    dialog: Alt+F opened no menu, while Down and Return still reached the Caseload's table
    and opened Edit case."""
    from PySide6.QtCore import Qt

    parent = dialog.parentWidget()
    if not dialog.isWindow() or parent is None \
            or QApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
        return  # a dialog closing while the person is in another application takes nothing

    def give_back() -> None:
        if QApplication.activeWindow() is not None or QApplication.activePopupWidget():
            return  # another dialog took it, or the window manager gave it back already
        target = QApplication.activeModalWidget() or parent.window()
        if target.isVisible():
            target.activateWindow()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, parent, give_back)  # not called once the window is gone


def _key_pressed(watched: QObject, event: QEvent) -> bool:
    """True when the key press is taken here and goes no further."""
    if presses_in_window(watched, event):
        watched.animateClick()  # type: ignore[attr-defined]  # pressed as Space presses it
        return True
    if refuse_return(watched, event):
        return True
    if letter_in_question(watched, event):
        return True  # "y" typed on from the entry line answers nothing
    if ctrl_return_saves(watched, event):
        return True
    if tab_in_dialog(watched, event):
        return True  # the same ring both ways (ui.widgets.dialog_tab_ring)
    if isinstance(watched, QDialog):
        # Qt can make a button the default again after the dialog was shown: once a small
        # screen had moved Import calendar's buttons below its scrolled body, Import (which
        # would replace saved entries) was default again. Undone before Return reaches it.
        make_return_safe(watched)
        say_why_not(watched, event)  # and on to the dialog, which presses nothing
    return False


def install(app: QApplication | None = None) -> None:
    """Watch every dialog the application shows and every key pressed (once per application,
    through its one filter, ui.widgets.app_watch)."""
    watch(app, shown=_dialog_shown, pressed=_key_pressed, hidden=_dialog_hidden)
