"""Return in a field of a Settings page does what that form's button does, as in a dialog.

Return in Profile's Contracted hours saved the profile, while Return in a Working week hours
field did nothing and said nothing: a keyboard user could not tell whether the week was saved.
`return_presses(page, button, fields)` makes Return (or Enter) in any of `fields` press
`button` (Save working week, Save profile, Save changes, Add leave, Add report): saved, said and
shown, and undone by Ctrl+Z as the button's own press is. A field first reads what was typed
(Qt does so as Return passes through it), then lets the key go on to the page, where it is
caught here; so a drop-down list that is open takes Return for its choice, as ever, and a
table or button on the page is never pressed by it.

A button that deletes is never pressed this way, and `refuse(field)` may say why a Return
would overwrite what is there now (a day that already has leave): then nothing is done, and
the words are said and shown beside the field, as in a dialog (ui.widgets.return_guard).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip, QWidget

from ui.widgets.dialog_keys import DESTROYS
from ui.widgets.qt_guard import qt_override

Refusal = Callable[[], str | None]


class _ReturnPresses(QObject):
    def __init__(self, page: QWidget):
        super().__init__(page)
        self._forms: list[tuple[QPushButton, tuple[QWidget, ...], Refusal | None]] = []
        page.installEventFilter(self)

    def add(self, button: QPushButton, fields: Sequence[QWidget],
            refuse: Refusal | None) -> None:
        self._forms.append((button, tuple(fields), refuse))

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return False
        focus = QApplication.focusWidget()
        for button, fields, refuse in self._forms:
            if focus is None or not any(f is focus or f.isAncestorOf(focus) for f in fields):
                continue
            if not (button.isEnabled() and button.isVisible()) or button.property(DESTROYS):
                return False
            why = refuse() if refuse is not None else None
            if why:
                _say_not_done(focus, why)
            else:
                button.click()
            return True
        return False


def _say_not_done(field: QWidget, text: str) -> None:
    """Said and shown beside the field: the Return did nothing, for the reason given."""
    from ui.widgets.step_said import say_result

    QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), text, field)
    say_result(field, text, assertive=True)  # and in the status bar: no older line stays


def return_presses(page: QWidget, button: QPushButton, fields: Sequence[QWidget],
                   refuse: Refusal | None = None) -> None:
    """Return in any of `fields` (on `page`) presses `button`, unless `refuse()` gives words
    saying why not."""
    keeper = page.findChild(_ReturnPresses, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _ReturnPresses(page)
    keeper.add(button, fields, refuse)
