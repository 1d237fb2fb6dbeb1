"""Time > Import calendar…: the preview, choosing activities, ticking, Import, and one Undo."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from core.time.time_entries import TimeStore
from core.time.working_week import leave_between
from tests.core.calendar_import import ics
from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow
from ui.time.calendar_import_action import install_calendar_import
from ui.time.calendar_import_dialog import CalendarImportDialog
from ui.time.calendar_rows_model import COL_ACTIVITY, COL_TICK, COL_WHY

NOW = datetime(2026, 11, 27, 12, 0)
WEEK = (date(2026, 11, 16), date(2026, 11, 20))


@pytest.fixture
def cases(db):
    for ref in ("C07", "C12", "C03", "C21"):
        CaseStore(db).add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
    return db


@pytest.fixture
def week_file(tmp_path):
    path = tmp_path / "calendar.ics"
    path.write_bytes(ics.realistic_week())
    return path


@pytest.fixture
def dialog(qtbot, cases):
    dlg = CalendarImportDialog(cases, lambda: NOW)
    qtbot.addWidget(dlg)
    return dlg


def row_number(dlg, subject):
    return next(n for n, r in enumerate(dlg.rows()) if r.subject == subject)


def test_the_preview_shows_each_event_and_why_a_row_is_not_ticked(dialog, week_file):
    dialog.load_file(week_file, *WEEK)
    model = dialog.model
    assert model.rowCount() == 12
    assert "6 of 12 rows ticked: 9 hours 30 minutes" in dialog.summary.text()
    assert dialog.import_button.text() == "&Import 6 rows"
    declined = row_number(dialog, "Interagency panel")
    assert model.index(declined, COL_WHY).data() == "Declined"
    assert model.index(declined, COL_TICK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(declined, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    juniper = row_number(dialog, "Three-way with Juniper House")
    assert model.index(juniper, COL_ACTIVITY).data() == "Choose…"


def test_choosing_an_activity_ticks_the_row_and_import_saves_only_ticked_rows(dialog, week_file, cases):
    dialog.load_file(week_file, *WEEK)
    model = dialog.model
    other = next(a for a in list_activities(cases) if a.key == "other")
    juniper = row_number(dialog, "Three-way with Juniper House")
    assert model.setData(model.index(juniper, COL_ACTIVITY), other.id, Qt.ItemDataRole.EditRole)
    training = row_number(dialog, "Safeguarding training")
    model.setData(model.index(training, COL_TICK), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    visit = row_number(dialog, "Home visit C07 – 14 Acacia Avenue")
    model.setData(model.index(visit, COL_TICK), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert "7 of 12 rows ticked: 9 hours 30 minutes and 1 leave day" in dialog.summary.text()
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = TimeStore(cases).entries_between(*WEEK)
    assert len(saved) == 6 and (WEEK[0], time(9, 30)) not in {(e.date, e.start) for e in saved}
    assert any(e.activity_name == "Other" and e.note == "" for e in saved)
    assert leave_between(cases, *WEEK)[date(2026, 11, 19)].kind == "training day"


def test_a_bad_file_says_one_line_and_nothing_can_be_imported(dialog, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("reference,case_type\nC07,community\n")
    dialog.load_file(path, *WEEK)
    assert dialog.file_problem.problems() == [
        "This is not a calendar (.ics) file. In Outlook choose File > Save Calendar; in Google "
        "Calendar, Settings > Import and export > Export."]
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_time_menu_import_is_one_undo_step_and_the_same_file_twice_adds_nothing(
        qtbot, cases, week_file, monkeypatch, tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    hub, stack = Hub(), QUndoStack(window)
    said: list[str] = []
    action = install_calendar_import(window, cases, hub, stack, lambda: NOW, said.append)
    assert [a.text() for a in window.menuBar().actions()][-2:] == ["&Time", "&Help"]

    def run_dialog(self):
        self.load_file(week_file, *WEEK)
        self.import_button.click()
        return self.result()

    monkeypatch.setattr(CalendarImportDialog, "exec", run_dialog)
    with qtbot.waitSignal(hub.timeLogged):
        action.trigger()
    assert said == ["Imported 6 entries (9 hours 30 minutes) from your calendar. Ctrl+Z undoes it."]
    assert len(TimeStore(cases).entries_between(*WEEK)) == 6 and stack.count() == 1
    with qtbot.waitSignal(hub.timeLogged):
        stack.undo()
    assert TimeStore(cases).entries_between(*WEEK) == []
    stack.redo()
    assert len(TimeStore(cases).entries_between(*WEEK)) == 6

    def run_again(self):
        self.load_file(week_file, *WEEK)
        assert not self.import_button.isEnabled()
        assert sum(r.reason == "Already imported" for r in self.rows()) == 6
        return self.DialogCode.Rejected

    monkeypatch.setattr(CalendarImportDialog, "exec", run_again)
    action.trigger()
    assert stack.count() == 1 and len(TimeStore(cases).entries_between(*WEEK)) == 6
