"""Return in any date or number field of any dialog reaches the dialog with its default button
as it was: enabled if it was enabled, so Return presses it, as from any other field.

Qt repeats a spin box's unchanged value on Return; Import calendar heard it as a new "From"
date, read the file again and disabled Import just as that Return arrived, so Return in "From"
did nothing while Return in Export's dates pressed Save."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialog, QPushButton

pytestmark = pytest.mark.qt_log_ignore("does not support")


class _Arrival(QObject):
    """Notes the default button's state when a Return reaches the dialog, and stops it there
    (pressing it would save; this test asks only whether it would be pressed)."""

    def __init__(self) -> None:
        super().__init__()
        self.reached: list[bool] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (isinstance(watched, QDialog) and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Return):
            self.reached.append(any(b.isEnabled() for b in _defaults(watched)))
            return True
        return False


def _defaults(dialog: QDialog) -> list[QPushButton]:
    return [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]


def test_return_in_a_date_or_number_field_finds_the_default_as_it_was(qtbot, demo_window, db,
                                                                      tmp_path):
    from core.caseload.cases import CaseStore
    from core.time.activities import list_activities
    from core.time.timer import get_timer, start_timer
    from tests.ui.fit_report import dialogs

    now = datetime.combine(datetime.now().date(), time(12))
    start_timer(db, list_activities(db)[0].id, now=now)
    problems, tried = [], 0
    for name, make, _steps in dialogs(db, tmp_path, CaseStore(db), demo_window, get_timer(db), now):
        dialog = make()
        dialog.show()
        if hasattr(dialog, "fileRead"):  # Import calendar: its week is read off the UI thread
            qtbot.waitUntil(lambda d=dialog: not d._reading, timeout=10_000)
        QApplication.processEvents()
        arrival = _Arrival()
        dialog.installEventFilter(arrival)
        for field in dialog.findChildren(QAbstractSpinBox):
            if not (field.isVisible() and field.isEnabled()) or field.window() is not dialog:
                continue
            field.setFocus()
            QApplication.processEvents()
            before = any(b.isEnabled() for b in _defaults(dialog))
            arrival.reached.clear()
            QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                    Qt.KeyboardModifier.NoModifier, "\r"))
            QApplication.processEvents()
            tried += 1
            label = f"{name}: Return in {field.accessibleName() or type(field).__name__!r}"
            if not arrival.reached:
                problems.append(f"{label} never reached the dialog")
            elif before and not arrival.reached[0]:
                problems.append(f"{label} disabled the default button on its way")
        dialog.removeEventFilter(arrival)
        dialog.close()
        dialog.deleteLater()
    assert tried >= 10
    assert problems == [], "\n".join(problems)
