"""Every combo box has a visible label that is its buddy: the app names a combo box by that
label for a screen reader (ui/widgets/combo_accessible.py), where Qt on Linux would name it by
its current value ("All types"), and passes it as "labelled by" too (tests/atspi checks the
name that arrives on the bus)."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from tests.ui.app_walk import each_place

pytestmark = pytest.mark.qt_log_ignore("does not support")


def unlabelled(window: QWidget) -> list[str]:
    labels = [label for label in window.findChildren(QLabel) if label.isVisible()]
    missing = []
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and not any(label.buddy() is combo for label in labels):
            missing.append(combo.accessibleName() or combo.currentText())
    return missing


def test_every_combo_box_in_every_view_has_a_visible_label(demo_window):
    problems = []
    for place in each_place(demo_window):
        problems += [f"{place}: {name}" for name in unlabelled(demo_window)]
    assert problems == []


def test_every_combo_box_in_every_dialog_has_a_visible_label(demo_window, db, tmp_path, qtbot):
    from core.caseload.cases import CaseStore
    from core.time.timer import get_timer, start_timer
    from core.time.activities import list_activities
    from tests.ui.fit_report import dialogs

    store = CaseStore(db)
    now = datetime.combine(datetime.now().date(), time(12))
    start_timer(db, list_activities(db)[0].id, now=now)
    problems = []
    for name, make, _steps in dialogs(db, tmp_path, store, demo_window, get_timer(db), now):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        problems += [f"{name}: {combo}" for combo in unlabelled(dialog)]
        dialog.close()
        dialog.deleteLater()
    assert problems == []
