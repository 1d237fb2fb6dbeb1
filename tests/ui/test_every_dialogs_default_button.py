"""Every dialog's default button (what Return presses from a field) is the action the dialog
exists for, enabled only when it can succeed, and never one that deletes or overwrites.

Import cases kept "Check again" as its default once a file was read, and Export summary
"Choose…": each was made default before its button box was in the dialog, so the dialog never
knew, and the first button focused took Return for good (ui.widgets.return_guard)."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget

from ui.widgets import return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support")
# Never what a dialog exists for: choosing a file, reading it again, going back, putting off.
NOT_THE_ACTION = ("choose", "browse", "check again", "back", "skip", "not now", "cancel")


def _label(button: QPushButton) -> str:
    return button.text().replace("&", "").rstrip("…. ").strip()


def default_from_a_field(dialog: QWidget) -> list[QPushButton]:
    """The default button(s) once focus has been on each button and then moved into a field,
    as a keyboard user meets the dialog after looking round it."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    for button in buttons:
        button.setFocus()
        QApplication.processEvents()
    fields = [w for w in dialog.findChildren(QWidget)
              if w.isVisible() and w.isEnabled() and not isinstance(w, QAbstractButton)
              and w.focusPolicy() & w.focusPolicy().TabFocus and w.focusProxy() is None]
    if fields:
        fields[0].setFocus()
        QApplication.processEvents()
    return [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isDefault()]


def test_every_dialogs_default_is_its_action_and_never_destructive(demo_window, db, tmp_path):
    from core.caseload.cases import CaseStore
    from core.time.activities import list_activities
    from core.time.timer import get_timer, start_timer
    from tests.ui.fit_report import dialogs

    return_guard.install()
    store = CaseStore(db)
    now = datetime.combine(datetime.now().date(), time(12))
    start_timer(db, list_activities(db)[0].id, now=now)
    problems, seen = [], []
    for name, make, _steps in dialogs(db, tmp_path, store, demo_window, get_timer(db), now):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        defaults = default_from_a_field(dialog)
        destructive = return_guard.destructive_buttons(dialog)
        seen.append((name, [_label(b) for b in defaults]))
        if len(defaults) > 1:
            problems.append(f"{name}: more than one default: {[_label(b) for b in defaults]}")
        for button in defaults:
            if button in destructive:
                problems.append(f"{name}: the default {_label(button)!r} deletes or overwrites")
            elif destructive and _label(button).lower() != "cancel" and not any(
                    _label(button).lower().startswith(w) for w in ("keep", "no")):
                problems.append(f"{name}: Return gives {_label(button)!r}, not the safe answer")
            elif not destructive and _label(button).lower().startswith(NOT_THE_ACTION):
                problems.append(f"{name}: the default is {_label(button)!r}, not its action")
        dialog.close()
        dialog.deleteLater()
    print(seen)
    assert len(seen) >= 20
    assert problems == [], "\n".join(problems)
