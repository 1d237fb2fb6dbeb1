"""Tab into a one-line text field: the field is said first, then its text is selected.

Qt selects a line edit's text (and moves its caret) as the focus arrives by Tab, before the
focus itself reaches a screen reader. Orca 43 takes a caret move in a field already marked
focused as the focus having moved there, quietly, and then has nothing new to say when the
focus event comes: after F11 opened the meeting, with the reader still busy with the new
screen, the first Tabs ("Agreed action", "Owner") were silent; and in a field with a number
it said "138 selected" before the field's name. Here the focus arrives as if given by the
program (no select-all), and the text is selected just after, so the field is said as it is
reached and typing still types over what was there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
)

from ui.widgets.app_watch import watch

_SELECTING = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
              Qt.FocusReason.ShortcutFocusReason)


def _focus_arrived(watched: QObject, event: QEvent) -> bool:
    if isinstance(watched, QAbstractSpinBox) and not isinstance(watched, QDateTimeEdit):
        return _spin_arrived(watched, event)  # a date field does the same itself (date_fields)
    if not isinstance(watched, QLineEdit) or not isinstance(event, QFocusEvent):
        return False
    if (event.reason() not in _SELECTING or watched.hasSelectedText() or watched.inputMask()
            or isinstance(watched.parentWidget(), (QAbstractSpinBox, QComboBox))):
        return False  # Qt's own way: a field within a spin or combo box is theirs to select
    QApplication.sendEvent(watched, QFocusEvent(QEvent.Type.FocusIn,
                                                Qt.FocusReason.OtherFocusReason))
    if watched.text():
        QTimer.singleShot(0, watched, lambda: _select(watched))
    return True


def _spin_arrived(spin: QAbstractSpinBox, event: QEvent) -> bool:
    """The same for a spin box: its number said with its name ("Hours 7 spin button"), not
    "7 selected" taken for the arrival."""
    if not isinstance(event, QFocusEvent) or event.reason() not in _SELECTING:
        return False
    QApplication.sendEvent(spin, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))
    QTimer.singleShot(0, spin, lambda: spin.selectAll() if spin.hasFocus() else None)
    return True


def _select(field: QLineEdit) -> None:
    if field.hasFocus() and not field.hasSelectedText():
        field.selectAll()


def install(app: QApplication | None = None) -> None:
    """Every one-line text field the application shows, from now on."""
    watch(app, focused=_focus_arrived)
