"""File > Import calendar…: the preview, choosing activities, ticking, Import, and one Undo."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import list_activities
from core.time.time_entries import TimeStore
from core.time.working_week import leave_between
from tests.core.time.calendar import ics
from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow
from ui.time.calendar_import_action import install_calendar_import
from ui.time.calendar_import_dialog import CalendarImportDialog
from ui.time.calendar_rows_model import COL_ACTIVITY, COL_CASE, COL_NOTE, COL_TICK, COL_WHY

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


def load(qtbot, dlg, path, first=None, last=None):
    """Choose `path` and wait until it has been read (off the UI thread) and shown."""
    with qtbot.waitSignal(dlg.fileRead, timeout=10_000):
        dlg.load_file(path, first, last)


def row_number(dlg, subject):
    return next(n for n, r in enumerate(dlg.rows()) if r.subject == subject)


def test_the_preview_shows_each_event_and_why_a_row_is_not_ticked(qtbot, dialog, week_file):
    load(qtbot, dialog, week_file, *WEEK)
    model = dialog.model
    assert model.rowCount() == 12
    assert "6 of 12 rows ticked: 9 hours 30 minutes" in dialog.summary.text()
    assert dialog.import_button.text() == "&Import 6 rows"
    declined = row_number(dialog, "Interagency panel")
    assert model.index(declined, COL_WHY).data() == "Declined"
    assert (
        model.index(declined, COL_TICK).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    assert model.index(declined, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    juniper = row_number(dialog, "Three-way with Juniper House")
    assert model.index(juniper, COL_ACTIVITY).data() == "Choose…"


def test_choosing_an_activity_ticks_the_row_and_import_saves_only_ticked_rows(qtbot,
    dialog, week_file, cases
):
    load(qtbot, dialog, week_file, *WEEK)
    model = dialog.model
    other = next(a for a in list_activities(cases) if a.key == "other")
    juniper = row_number(dialog, "Three-way with Juniper House")
    assert model.setData(model.index(juniper, COL_ACTIVITY), other.id, Qt.ItemDataRole.EditRole)
    training = row_number(dialog, "Safeguarding training")
    model.setData(
        model.index(training, COL_TICK), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    visit = row_number(dialog, "Home visit C07 – 14 Acacia Avenue")
    model.setData(
        model.index(visit, COL_TICK), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert "7 of 12 rows ticked: 9 hours 30 minutes and 1 leave day" in dialog.summary.text()
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = TimeStore(cases).entries_between(*WEEK)
    assert len(saved) == 6 and (WEEK[0], time(9, 30)) not in {(e.date, e.start) for e in saved}
    assert any(e.activity_name == "Other" and e.note == "" for e in saved)
    assert leave_between(cases, *WEEK)[date(2026, 11, 19)].kind == "training day"


def test_a_bad_file_says_one_line_and_nothing_can_be_imported(qtbot, dialog, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("reference,case_type\nC07,community\n")
    load(qtbot, dialog, path, *WEEK)
    assert dialog.file_problem.problems() == [
        "This is not a calendar (.ics) file. In Outlook choose File > Save Calendar; in Google "
        "Calendar, Settings > Import and export > Export."
    ]
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_file_menu_import_is_one_undo_step_and_the_same_file_twice_adds_nothing(
    qtbot, cases, week_file, monkeypatch, tmp_path
):
    window = MainWindow(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    hub, stack = Hub(), QUndoStack(window)
    said: list[str] = []
    action = install_calendar_import(window, cases, hub, stack, lambda: NOW, said.append)
    assert action in window.menu("&File").actions()

    def run_dialog(self):
        load(qtbot, self, week_file, *WEEK)
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
        load(qtbot, self, week_file, *WEEK)
        assert not self.import_button.isEnabled()
        assert sum(r.reason == "Already imported" for r in self.rows()) == 6
        assert self.summary.text().startswith("No row is ticked: 6 rows are already imported")
        return self.DialogCode.Rejected

    monkeypatch.setattr(CalendarImportDialog, "exec", run_again)
    action.trigger()
    assert stack.count() == 1 and len(TimeStore(cases).entries_between(*WEEK)) == 6


def shown(dialog):
    """Each row as the practitioner reads it: date, time, activity, case, ticked, why not."""
    m = dialog.model
    return [
        (
            m.index(n, 1).data(),
            m.index(n, 2).data(),
            m.index(n, COL_ACTIVITY).data(),
            m.index(n, 6).data(),
            m.index(n, COL_TICK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked,
            m.index(n, COL_WHY).data(),
        )
        for n in range(m.rowCount())
    ]


HOME = "Home visit"
FILES = {
    "weekly with two exceptions across the October change": (
        ics.weekly_across_october_change(),
        date(2026, 10, 1),
        date(2026, 11, 13),
        [
            ("Wed 07 Oct", "10:00–11:00"),
            ("Wed 14 Oct", "10:00–11:00"),
            ("Wed 28 Oct", "14:00–15:00"),
            ("Wed 04 Nov", "10:00–11:00"),
            ("Wed 11 Nov", "10:00–11:00"),
        ],
    ),
    "Outlook, VTIMEZONE GMT Standard Time": (
        ics.calendar(ics.event("o", "Home visit", "20261026T093000", "20261026T103000")),
        date(2026, 10, 26),
        date(2026, 10, 26),
        [("Mon 26 Oct", "09:30–10:30", HOME, "", True, "")],
    ),
    "UTC": (
        ics.calendar(
            ics.event("u1", "Home visit", "20261023T083000Z", "20261023T093000Z"),
            ics.event("u2", "Home visit", "20261026T093000Z", "20261026T103000Z"),
            zones="",
        ),
        date(2026, 10, 19),
        date(2026, 10, 30),
        [
            ("Fri 23 Oct", "09:30–10:30", HOME, "", True, ""),
            ("Mon 26 Oct", "09:30–10:30", HOME, "", True, ""),
        ],
    ),
    "all day": (
        ics.calendar(ics.event("a", "Annual leave", "20261102", "20261103")),
        date(2026, 11, 2),
        date(2026, 11, 2),
        [("Mon 02 Nov", "all day", "Annual leave", "", False, "All day: annual leave?")],
    ),
    "declined": (
        ics.calendar(
            ics.event(
                "d",
                "Home visit",
                "20261103T100000",
                "20261103T110000",
                extra="ORGANIZER:mailto:chair@example.org\n"
                "ATTENDEE;PARTSTAT=DECLINED:mailto:quill@example.org",
            )
        ),
        date(2026, 11, 3),
        date(2026, 11, 3),
        [("Tue 03 Nov", "10:00–11:00", HOME, "", False, "You may have declined this")],
    ),
    "case reference and address": (
        ics.calendar(
            ics.event(
                "c",
                "HV C07 at 14 Acacia Avenue, flat 2",
                "20261104T140000",
                "20261104T150000",
                extra="LOCATION:14 Acacia Avenue",
            )
        ),
        date(2026, 11, 4),
        date(2026, 11, 4),
        [("Wed 04 Nov", "14:00–15:00", HOME, "C07", True, "")],
    ),
}


@pytest.mark.parametrize("name", FILES)
def test_each_kind_of_calendar_file_is_shown_as_the_practitioner_expects(
    qtbot, dialog, tmp_path, name
):
    data, first, last, expected = FILES[name]
    path = tmp_path / "calendar.ics"
    path.write_bytes(data)
    load(qtbot, dialog, path, first, last)
    rows = shown(dialog)
    assert [r[: len(e)] for r, e in zip(rows, expected)] == expected and len(rows) == len(expected)


def test_a_typed_note_is_saved_and_one_that_looks_like_a_postcode_is_refused(qtbot,
    dialog, week_file, cases
):
    load(qtbot, dialog, week_file, *WEEK)
    model = dialog.model
    visit = row_number(dialog, "Home visit C07 – 14 Acacia Avenue")
    model.setData(model.index(visit, COL_NOTE), "joint with police", Qt.ItemDataRole.EditRole)
    travel = row_number(dialog, "Travel back")
    model.setData(model.index(travel, COL_NOTE), "via SW1A 1AA", Qt.ItemDataRole.EditRole)
    # Said on the row as it is typed (and the row unticked), never first at Import.
    assert model.index(travel, COL_WHY).data().startswith("The note looks like a postcode")
    assert (model.index(travel, COL_TICK).data(Qt.ItemDataRole.CheckStateRole)
            == Qt.CheckState.Unchecked)
    model.setData(model.index(travel, COL_NOTE), "", Qt.ItemDataRole.EditRole)
    assert model.index(travel, COL_WHY).data() == ""
    dialog.import_button.click()
    notes = {e.start: e.note for e in TimeStore(cases).entries_between(*WEEK) if e.date == WEEK[0]}
    assert notes[time(9, 30)] == "joint with police" and notes[time(10, 30)] == ""


def pick(dialog, row, column, text):
    """Open the cell's drop-down as a double-click would, and choose `text`."""
    index = dialog.model.index(row, column)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    combo = dialog.table.findChildren(QComboBox)[-1]  # earlier editors wait to be deleted
    number = combo.findText(text)
    assert number >= 0, f"{text} is not offered"
    combo.setCurrentIndex(number)
    combo.activated.emit(number)
    dialog.table.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)


def test_activity_and_case_are_chosen_from_drop_downs(qtbot, dialog, week_file):
    load(qtbot, dialog, week_file, *WEEK)
    team = row_number(dialog, "Team meeting")
    pick(dialog, team, COL_ACTIVITY, "Other")
    assert dialog.rows()[team].ticked and dialog.rows()[team].activity_name == "Other"
    visit = row_number(dialog, "Home visit C07 – 14 Acacia Avenue")
    pick(dialog, visit, COL_CASE, "C12")
    assert dialog.model.index(visit, COL_CASE).data() == "C12"
    pick(dialog, visit, COL_CASE, "No case")
    assert dialog.rows()[visit].case_id is None


def test_tick_all_ready_leaves_greyed_clashing_and_leave_rows_alone(qtbot, dialog, week_file):
    load(qtbot, dialog, week_file, *WEEK)
    dialog.model.tick_all_ready()
    assert "6 of 12 rows ticked" in dialog.summary.text()
    visit = row_number(dialog, "Home visit C07 – 14 Acacia Avenue")
    dialog.model.setData(
        dialog.model.index(visit, COL_TICK),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    dialog.tick_all_button.click()
    assert "6 of 12 rows ticked" in dialog.summary.text()
    assert not any(r.ticked for r in dialog.rows() if r.greyed or r.kind == "leave")


def test_the_practitioners_address_decides_which_declined_meetings_are_theirs(qtbot,
    dialog, tmp_path, cases
):
    from core.time.calendar.attendance import has_my_address
    from tests.core.time.calendar.test_attendance import ME, declined_file

    path = tmp_path / "declined.ics"
    path.write_bytes(declined_file())
    dialog._clock = lambda: datetime(2026, 11, 29, 12, 0)
    load(qtbot, dialog, path, date(2026, 11, 23), date(2026, 11, 29))
    maybe = "You may have declined this"
    assert [r.reason for r in dialog.rows()] == ["", maybe, maybe]
    dialog.me_field.setText(ME)
    dialog.me_field.editingFinished.emit()
    assert [(r.ticked, r.reason) for r in dialog.rows()] == [
        (True, ""),
        (True, ""),
        (False, "Declined"),
    ]
    assert not has_my_address(cases)  # nothing is saved before Import
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and has_my_address(cases)
