"""After "Delete closed cases now…" has deleted them all, the keyboard is on the retention
period, not on the next control: the button went disabled with nothing left to delete, and the
focus fell to "Delete all my data…", the most destructive control there is (Orca: "Delete all
my data panel." "Delete all my data… push button.")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from core.caseload.retention import set_retention_days
from tests.ui.settings.test_settings_deletions_by_keyboard import _page

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_keyboard_lands_on_the_retention_period(demo_window, db, qtbot, monkeypatch):
    from ui.caseload.retention_review_dialog import RetentionReviewDialog
    from ui.settings.data_page import DataPage

    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(lambda *a, **k: True))
    set_retention_days(db, 1)  # every closed case of the demo is due
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    page = _page(demo_window, "Data & privacy", DataPage)
    page.load()
    page.delete_closed.setFocus()
    assert page.delete_closed.hasFocus()
    page.delete_closed.click()
    assert not page.delete_closed.isEnabled()  # nothing left to delete
    assert QApplication.focusWidget() is not page.delete_all
    assert page.retention_days.isAncestorOf(QApplication.focusWidget()) \
        or QApplication.focusWidget() is page.retention_days
