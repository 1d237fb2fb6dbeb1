"""File > Import calendar… runs the import's own checks after every choice: two overlapping
events that both waited for an activity show the clash before Import, and Import then saves
exactly the ticked rows (11 of 329 real imports were refused at Import before)."""

from datetime import date, datetime

from PySide6.QtCore import Qt

from core.time.activities import list_activities
from core.time.time_entries import TimeStore
from tests.core.time.calendar import ics
from ui.time.calendar_import_dialog import CalendarImportDialog
from ui.time.calendar_rows_model import COL_ACTIVITY, COL_TICK, COL_WHY

NOW = datetime(2026, 11, 27, 12, 0)
DAY = date(2026, 11, 18)


def test_a_clash_found_once_activities_are_chosen_shows_before_import(qtbot, db, tmp_path):
    path = tmp_path / "calendar.ics"
    path.write_bytes(ics.calendar(
        ics.event("a", "Three-way", "20261118T100000", "20261118T110000"),
        ics.event("b", "Catch-up", "20261118T103000", "20261118T113000"),
    ))
    dialog = CalendarImportDialog(db, lambda: NOW)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.fileRead, timeout=10_000):
        dialog.load_file(path, DAY, DAY)
    model = dialog.model
    other = next(a for a in list_activities(db) if a.key == "other").id
    for number in range(2):
        model.setData(model.index(number, COL_ACTIVITY), other, Qt.ItemDataRole.EditRole)
    ticks = [model.index(n, COL_TICK).data(Qt.ItemDataRole.CheckStateRole) for n in range(2)]
    assert ticks == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert model.index(1, COL_WHY).data() == "Overlaps 10:00–11:00 from this calendar"
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [(e.start, e.end) for e in TimeStore(db).entries_on(DAY)] == [
        (dialog.rows()[0].start, dialog.rows()[0].end)
    ]
