"""Every deletion in Settings, by keyboard alone: Return on the control deletes nothing (on a
button that deletes without asking it says "press Space to …"; one that asks gives the safe
answer to Return), Space deletes and says so with its undo, and Ctrl+Z brings it back.

Before, Return pressed Delete (an activity), Remove (a leave day) and Remove (a calendar
keyword) as Space does: each went at once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.caseload.models import Reduction
from core.caseload.retention import set_retention_days
from core.time.activities import add_activity
from core.time.calendar.rules import save_rule
from core.time.working_week import LeaveDay, add_leave
from core.workload.reductions import add_reduction, add_report
from core.workload.weightings import set_weighting
from ui.widgets import announce
from ui.widgets.list_table_model import OBJECT_ROLE

pytestmark = pytest.mark.qt_log_ignore("does not support")
TODAY = date.today()


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _rows(db, *tables: str) -> list[list[dict]]:
    return [sorted(db.query(f'SELECT * FROM "{t}"'), key=lambda r: repr(sorted(r.items())))
            for t in tables]


def _page(window, title: str, cls):
    window.show_view("settings")
    window.view("settings").show_page(title)
    QApplication.processEvents()
    return window.findChild(cls)


def _choose(table, row: int = 0) -> None:
    QApplication.processEvents()  # a page shown for the first time fills its table first
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    table.setFocus()
    table.selectionModel().setCurrentIndex(table.model().index(row, 0), flags)
    assert table.selectionModel().selectedRows(), "nothing chosen"


def _activity(window, db):
    from ui.settings.activities_page import ActivitiesPage

    unused = add_activity(db, "Pre-sentence interviews")
    save_rule(db, "psr interview", unused.id)
    page = _page(window, "Activities", ActivitiesPage)
    page.refresh()
    model = page.table.model()
    _choose(page.table, next(r for r in range(model.rowCount())
                             if model.index(r, 0).data(OBJECT_ROLE).id == unused.id))
    return page.delete_button, ("activities", "calendar_rules")


def _leave(window, db):
    from ui.settings.working_pattern_page import WorkingPatternPage

    add_leave(db, LeaveDay(TODAY + timedelta(days=7), "annual leave"))
    page = _page(window, "Working week", WorkingPatternPage)
    page.refresh()
    _choose(page.leave_table)
    return page.remove_leave_button, ("leave_days",)


def _keyword(window, db):
    from ui.settings.calendar_rules_panel import CalendarRulesPanel

    save_rule(db, "doorstep call", add_activity(db, "Visits at home").id)
    _page(window, "Activities", CalendarRulesPanel)
    panel = window.findChild(CalendarRulesPanel)
    panel.refresh()
    _choose(panel.table)
    return panel.remove_button, ("calendar_rules",)


def _reduction(window, db):
    from ui.settings.reductions_page import ReductionsPage

    add_reduction(db, Reduction("Court duty", TODAY - timedelta(days=30), hours_per_week=3.0),
                  37.0)
    page = _page(window, "Reductions & reports", ReductionsPage)
    page.refresh()
    _choose(page.reductions_view)
    return page.delete_reduction_button, ("reductions",)


def _report(window, db):
    from ui.settings.reductions_page import ReductionsPage

    add_report(db, "fast", TODAY - timedelta(days=2))
    page = _page(window, "Reductions & reports", ReductionsPage)
    page.refresh()
    _choose(page.reports_view)
    return page.delete_report_button, ("court_reports",)


def _weighting_change(window, db):
    from ui.settings.weightings_page import WeightingsPage

    set_weighting(db, "report.standard", 150, TODAY - timedelta(days=3))
    page = _page(window, "Weightings", WeightingsPage)
    page.load()
    _choose(page.changes)
    return page.take_back, ("weighting_changes",)


def _weighting_edits(window, db):
    """Discard edits: unsaved typing, gone for good (it is not saved, so Ctrl+Z has nothing)."""
    from ui.settings.weightings_page import WeightingsPage

    page = _page(window, "Weightings", WeightingsPage)
    field = page.scalars["report.standard"]
    field.setText(str(int(float(field.text())) + 10))
    return page.discard_button, (), lambda: page.pending_values()


def _closed_cases(window, db):
    from ui.settings.data_page import DataPage

    set_retention_days(db, 1)  # every closed case of the demo is due
    page = _page(window, "Data & privacy", DataPage)
    page.load()
    assert page.delete_closed.isEnabled()
    return page.delete_closed, ("cases",)


def _all_data(window, db):
    from ui.settings.data_page import DataPage

    page = _page(window, "Data & privacy", DataPage)
    return page.delete_all, ("cases", "time_entries")


def _return_on(window, qtbot, button) -> None:
    """Return on `button`, and Return on every question or dialog that opens (then Escape)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    state = {"done": False, "tries": 0}

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible() and state["tries"] < 4:
            state["tries"] += 1
            QTest.keyClick(modal.focusWidget() or modal, Qt.Key.Key_Return)
            if modal.isVisible():
                QTest.keyClick(modal, Qt.Key.Key_Escape)
        if not state["done"]:
            QTimer.singleShot(5, answer)

    QTimer.singleShot(0, answer)
    button.setFocus()
    assert button.hasFocus() and button.isEnabled()
    QTest.keyClick(button, Qt.Key.Key_Return)
    # A button Return presses goes down at once and is clicked as it comes up (as Space does).
    qtbot.waitUntil(lambda: not button.isDown())
    state["done"] = True


@pytest.mark.parametrize("control", [_activity, _leave, _keyword, _reduction, _report,
                                     _weighting_change, _weighting_edits, _closed_cases,
                                     _all_data],
                         ids=lambda f: f.__name__.strip("_"))
def test_return_on_a_delete_control_deletes_nothing(demo_window, db, qtbot, control):
    button, tables, *typed = control(demo_window, db)
    before = _rows(db, *tables), [read() for read in typed]
    _return_on(demo_window, qtbot, button)
    assert (_rows(db, *tables), [read() for read in typed]) == before


@pytest.mark.parametrize("control", [_activity, _leave, _keyword],
                         ids=lambda f: f.__name__.strip("_"))
def test_space_deletes_says_so_and_ctrl_z_brings_it_back(demo_window, db, qtbot, heard,
                                                         control):
    button, tables = control(demo_window, db)
    before = _rows(db, *tables)
    _return_on(demo_window, qtbot, button)
    text, assertive = heard[-1]
    assert assertive and text.startswith("Not done yet: press Space to ")
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _rows(db, *tables) != before)
    assert heard[-1][0].startswith("Deleted ") and heard[-1][0].endswith("Undo with Ctrl+Z.")
    QTest.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(db, *tables) == before
    assert heard[-1][0].startswith("Brought back ")


@pytest.mark.parametrize("control, kept", [
    (_reduction, "Nothing deleted: the reduction “Court duty” is kept."),
    (_report, "Nothing deleted: the fast court report (FDR) of "),
], ids=["reduction", "report"])
def test_no_to_a_delete_question_says_nothing_was_deleted(demo_window, db, qtbot, heard,
                                                          control, kept):
    """"No" (Return's answer) to "Delete court report?" said nothing, where Keep them says
    "Nothing deleted: …"."""
    button, tables = control(demo_window, db)
    before = _rows(db, *tables)
    _return_on(demo_window, qtbot, button)
    qtbot.waitUntil(lambda: any(text.startswith("Nothing deleted") for text, _ in heard))
    said = [text for text, _ in heard if text.startswith("Nothing deleted")]
    assert len(said) == 1 and said[0].startswith(kept), said
    assert _rows(db, *tables) == before
    assert demo_window.statusBar().currentMessage() == said[0]
