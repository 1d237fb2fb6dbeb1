"""The Time view's line as people type it: a case reference without @, a 12-hour time, and an
activity that is not one of yours (the closest named, and an offer to add it there)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from ui.shell.hub import Hub
from ui.time.new_activity_offer import NewActivityOffer
from ui.time.time_view import TimeView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NOW = datetime(2026, 11, 25, 16, 30)  # Wednesday afternoon


@pytest.fixture
def view(qtbot, db):
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    widget = TimeView(db, Hub(), QUndoStack(), clock=lambda: NOW)
    qtbot.addWidget(widget)
    return widget


def entries(view):
    return [r.item for r in view.model.rows() if r.kind == "entry"]


def test_a_bare_reference_links_the_case_and_the_confirmation_names_it(qtbot, view):
    view.quick.setText("45m home visit C07")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    [entry] = entries(view)
    assert (entry.case_reference, entry.note) == ("C07", "")
    assert "Logged 45 minutes of Home visit for C07." in view.message.text()


def test_a_twelve_hour_range_is_logged(qtbot, view):
    view.quick.setText("2pm-3pm home visit")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    [entry] = entries(view)
    assert (f"{entry.start:%H:%M}", f"{entry.end:%H:%M}") == ("14:00", "15:00")


def _answer_offer(qtbot, keys: list, seen: list) -> None:
    def answer():
        offer = QApplication.activeModalWidget()
        assert isinstance(offer, NewActivityOffer)
        seen.append(offer)
        offer.activateWindow()  # as the desktop would; offscreen nothing else does
        qtbot.waitUntil(offer.isActiveWindow)
        for key in keys:
            if isinstance(key, str):
                qtbot.keyClicks(offer.focusWidget(), key)
            else:
                qtbot.keyClick(offer.focusWidget(), key[0], key[1])
    QTimer.singleShot(0, answer)


def test_an_unknown_activity_names_the_closest_and_return_adds_nothing(qtbot, view, db):
    seen: list = []
    _answer_offer(qtbot, [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)], seen)
    view.quick.setText("20m emails")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    assert seen, "the offer to add the activity was not shown"
    assert "Did you mean Recording and admin?" in view.problems.text()
    assert entries(view) == [] and view.quick.text() == "20m emails"
    assert "Emails" not in [a.name for a in list_activities(db)]


def test_the_offer_adds_the_activity_and_logs_the_line(qtbot, view, db):
    seen: list = []
    _answer_offer(qtbot, [(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier),  # the name field
                          (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier), "Phone calls",
                          (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)], seen)
    view.quick.setText("20m phone calls to C07")
    qtbot.keyClick(view.quick, Qt.Key.Key_Return)
    assert seen
    assert "Phone calls" in [a.name for a in list_activities(db)]
    [entry] = entries(view)
    assert (entry.activity_name, entry.case_reference, entry.note) == ("Phone calls", "C07", "to")


def test_the_hint_explains_minus_twenty():
    from ui.time.quick_entry_line import PLACEHOLDER

    assert "-20 recording (the last 20 minutes)" in PLACEHOLDER
