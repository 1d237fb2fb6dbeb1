"""What Settings adds is one undo step too, said: a reduction, a court report, an activity and
a day of leave (which may change the leave already on that day). Ctrl+Z takes it back out (or
puts the day's leave back as it was) and Ctrl+Y adds it again. They were added in silence,
with nothing for Ctrl+Z, and Add leave on a day with leave replaced it for good."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.caseload.models import Reduction
from core.time.working_week import LeaveDay, add_leave
from ui.widgets import announce, text_question

pytestmark = pytest.mark.qt_log_ignore("does not support")
TODAY = date.today()
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def heard():
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _rows(db, table: str) -> list[dict]:
    return sorted(db.query(f'SELECT * FROM "{table}"'), key=lambda r: repr(sorted(r.items())))


def _page(window, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    QApplication.processEvents()
    return window.findChild(cls)


def _reduction(window, db, monkeypatch):
    from ui.settings.reduction_dialog import ReductionDialog
    from ui.settings.reductions_page import ReductionsPage

    page = _page(window, "Reductions & reports", ReductionsPage)
    monkeypatch.setattr(ReductionDialog, "get_reduction", lambda *a, **k: Reduction(
        "Practice teacher", TODAY - timedelta(days=7), hours_per_week=2.0))
    return page.add_reduction, "reductions", "Added the reduction “Practice teacher”."


def _report(window, db, monkeypatch):
    from ui.settings.reductions_page import ReductionsPage

    page = _page(window, "Reductions & reports", ReductionsPage)
    page.report_date.set_value(TODAY - timedelta(days=1))
    page.report_kind.setCurrentIndex(page.report_kind.findData("standard"))
    return (page.add_report, "court_reports",  # its abbreviations as written, not "sdr/psr"
            f"Added the standard court report (SDR/PSR) of {TODAY - timedelta(days=1):%d/%m/%Y}.")


def _activity(window, db, monkeypatch):
    from ui.settings.activities_page import ActivitiesPage

    page = _page(window, "Activities", ActivitiesPage)
    monkeypatch.setattr(text_question, "ask_text", lambda *a, **k: ("Unpaid work visits", True))
    return page.add, "activities", "Added the activity Unpaid work visits."


def _leave_over_leave(window, db, monkeypatch):
    """A day that already has sickness recorded, given annual leave: changed, not added."""
    from ui.settings.working_pattern_page import WorkingPatternPage

    day = TODAY + timedelta(days=9)
    add_leave(db, LeaveDay(day, "sickness", 3.5))
    page = _page(window, "Working week", WorkingPatternPage)
    page.refresh()
    page.leave_date.set_value(day)
    page.leave_kind.setCurrentText("annual leave")
    return (page.add_leave_button.click, "leave_days",
            f"Changed {day:%a %d %b %Y} from sickness to annual leave.")


@pytest.mark.parametrize("addition", [_reduction, _report, _activity, _leave_over_leave],
                         ids=lambda f: f.__name__.strip("_"))
def test_an_addition_is_said_and_ctrl_z_takes_it_back(demo_window, db, qtbot, heard,
                                                      monkeypatch, addition):
    add, table, said = addition(demo_window, db, monkeypatch)
    before = _rows(db, table)
    add()
    after = _rows(db, table)
    assert after != before
    assert heard[-1].startswith(said) and heard[-1].endswith("Undo with Ctrl+Z.")
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    QTest.keyClick(demo_window, Qt.Key.Key_Z, CTRL)
    assert _rows(db, table) == before
    QTest.keyClick(demo_window, Qt.Key.Key_Y, CTRL)
    assert _rows(db, table) == after


def test_discarding_weightings_edits_says_so(demo_window, db, heard):
    """Discard edits dropped the typing in silence."""
    from ui.settings.weightings_page import WeightingsPage

    page = _page(demo_window, "Weightings", WeightingsPage)
    field = page.scalars["report.standard"]
    shown = field.text()
    field.setText(str(int(float(shown)) + 5))
    page.discard_button.click()
    assert field.text() == shown
    assert heard[-1] == page.saved_label.text() == (
        "Edits discarded: the weightings shown are the ones saved.")
