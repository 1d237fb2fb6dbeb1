"""Return never destroys, in the dialogs tests/ui/test_return_never_destroys.py does not open:
the recovery screen (restore a backup, start fresh), the weightings' restore and take-back,
shortening logged time to fit a new entry, a timer left running, and importing a calendar
again, which replaces or takes out what the earlier import saved.

Each dialog is opened once per control; focus goes to that control and Return is pressed; a
question that opens is answered with Return too (a second press), and the data must be as it
was. The destructive choice itself is pressed with the mouse in each module's own tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from core.time.time_entries import TimeEntry, TimeStore
from tests.core.time.calendar import ics
from tests.ui.test_return_never_destroys import _controls
from ui.widgets import return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support")
QUESTIONS = 4  # Return answers at most this many questions that open one after another


def return_on_each_control(open_dialog: Callable[[], object], unchanged: Callable[[], bool],
                           prepare: Callable[[QWidget], None] = lambda d: None) -> int:
    """Open the dialog once per control and press Return there, and on any question it
    opens; the data must be unchanged each time. How many controls were tried."""
    return_guard.install()
    index, count = 0, 1
    while index < count:
        seen: dict[str, object] = {"questions": 0}

        def answer(dialog: QWidget, seen: dict = seen) -> None:
            if seen.get("done"):
                return
            modal = QApplication.activeModalWidget()
            if modal is not None and modal is not dialog and modal.isVisible():
                seen["questions"] = int(seen["questions"]) + 1  # type: ignore[call-overload]
                QTest.keyClick(modal.focusWidget() or modal, Qt.Key.Key_Return)
            if int(seen["questions"]) < QUESTIONS:  # type: ignore[call-overload]
                QTimer.singleShot(5, lambda: answer(dialog, seen))

        def poke(index: int = index, seen: dict = seen) -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:  # not shown yet: look again once it is on screen
                QTimer.singleShot(5, lambda: poke(index, seen))
                return
            prepare(dialog)
            controls = _controls(dialog)
            seen["count"] = len(controls)
            target = controls[index]
            target.setFocus()
            QTimer.singleShot(5, lambda: answer(dialog, seen))
            QTest.keyClick(target, Qt.Key.Key_Return)
            seen["done"] = True
            if dialog.isVisible():  # Return did nothing here: leave as a user would, Escape
                QTest.keyClick(dialog, Qt.Key.Key_Escape)

        QTimer.singleShot(0, poke)
        open_dialog()
        assert "count" in seen, "the dialog never appeared"
        assert unchanged(), f"Return on control {index} (and on what it opened) changed the data"
        count = int(seen["count"])  # type: ignore[call-overload]
        index += 1
    return count


@pytest.fixture
def no_file_chosen(monkeypatch):
    """A file chooser that opens is closed without a choice, as Escape would."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_recovery_screen_neither_restores_nor_sets_aside(qtbot, data_dir, no_file_chosen):
    from core.store.backup import make_backup
    from core.store.database import open_database
    from tests.demo_copy import demo_into
    from ui.shell.recovery_screen import RecoveryScreen

    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    make_backup(db, data_dir)
    db.close()
    damaged = data_dir / "caseload.db"
    damaged.write_bytes(b"this was my caseload file before the laptop crashed" * 50)
    before, files = _digest(damaged), sorted(p.name for p in data_dir.iterdir())
    outcomes: list[object] = []

    def open_screen() -> None:
        screen = RecoveryScreen(damaged, data_dir / "backups", "damaged")
        qtbot.addWidget(screen)
        screen.exec()
        outcomes.append(screen.outcome)

    tried = return_on_each_control(
        open_screen, lambda: _digest(damaged) == before
        and sorted(p.name for p in data_dir.iterdir()) == files)
    assert tried >= 5  # the backups, Restore, Choose a backup file, Start fresh, Quit
    assert not any(outcomes)


def test_the_weightings_are_not_restored_or_taken_back(qtbot, db):
    from core.workload.weightings import list_changes, weightings_as_of
    from ui.settings.weightings_page import WeightingsPage
    from ui.shell.hub import Hub

    today = date(2026, 11, 25)
    page = WeightingsPage(db, Hub(), today=lambda: today)
    qtbot.addWidget(page)
    page.scalars["report.standard"].setText("150")
    assert page.save()
    before = (weightings_as_of(db, today), list_changes(db))
    same = lambda: (weightings_as_of(db, today), list_changes(db)) == before  # noqa: E731
    assert return_on_each_control(page.restore, same) >= 2
    page.changes.selectRow(0)
    assert return_on_each_control(page.take_back_selected, same) >= 2


def test_logged_time_is_not_shortened_to_fit_a_new_entry(qtbot, db):
    from core.time.activities import list_activities
    from ui.time.time_operations import apply_with_trim

    parent = QWidget()
    qtbot.addWidget(parent)
    store, day = TimeStore(db), date(2026, 11, 18)
    activity = list_activities(db)[0].id
    store.log_time(TimeEntry(day, 60, activity, time(9), time(10)))
    before = store.entries_on(day)
    later = TimeEntry(day, 60, activity, time(9, 30), time(10, 30))
    tried = return_on_each_control(
        lambda: apply_with_trim(parent, lambda trim: store.log_time(later, trim=trim)),
        lambda: store.entries_on(day) == before)
    assert tried >= 2  # Yes, No


def test_a_timer_left_running_keeps_its_time(qtbot, db):
    from core.time.activities import list_activities
    from core.time.timer import get_timer, start_timer
    from ui.time.stale_timer_dialog import StaleTimerDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    now = datetime(2026, 11, 18, 9, 0)
    start_timer(db, list_activities(db)[0].id, now=now, started_at=now - timedelta(hours=2))
    choices: list[object] = []
    tried = return_on_each_control(
        lambda: choices.append(StaleTimerDialog.get_choice(parent, get_timer(db),
                                                           now + timedelta(days=1))),
        lambda: all(c is None or c.keep != "none" for c in choices))
    assert tried >= 5  # three choices, the time, Save, Decide later (less any disabled)


DAY = date(2026, 11, 18)


def _calendar(start: str, end: str) -> bytes:
    return ics.calendar(ics.event("visit-1", "Home visit C07", start, end))


def test_importing_a_calendar_again_replaces_nothing_on_return(qtbot, db, tmp_path,
                                                               no_file_chosen):
    """The first import adds (Import is the default: Return imports); the second, after the
    visit moved, would replace the entry the first saved: Return never does that."""
    from ui.time.calendar_import_dialog import CalendarImportDialog

    path = tmp_path / "calendar.ics"
    store = TimeStore(db)

    def open_import() -> CalendarImportDialog:
        dialog = CalendarImportDialog(db, lambda: datetime(2026, 11, 27, 12, 0))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.fileRead, timeout=10_000):
            dialog.load_file(path, DAY, DAY)
        return dialog

    path.write_bytes(_calendar("20261118T100000", "20261118T110000"))
    first = open_import()
    first.show()
    # A dialog cut to the screen (once any window test has installed the fit) shows its
    # buttons' new row when the events queued by the show are handled: Return meets no
    # visible default before that.
    qtbot.waitUntil(first.import_button.isVisible)
    first.table.setFocus()
    QTest.keyClick(first.table, Qt.Key.Key_Return)
    assert [(e.start, e.end) for e in store.entries_on(DAY)] == [(time(10), time(11))]

    path.write_bytes(_calendar("20261118T140000", "20261118T150000"))  # the visit moved
    moved = open_import()
    assert any(r.ticked and r.replaces for r in moved.rows()), "the move replaces the entry"
    before = store.entries_on(DAY)
    tried = return_on_each_control(lambda: open_import().exec(),
                                   lambda: store.entries_on(DAY) == before)
    assert tried >= 5  # Choose file, the dates, the address, the table, the buttons
    moved.import_button.click()  # pressed on purpose, it replaces the entry
    assert [(e.start, e.end) for e in store.entries_on(DAY)] == [(time(14), time(15))]


def test_a_calendar_import_cut_to_a_small_screen_replaces_nothing_on_return(qtbot, db, tmp_path):
    """Taller and wider than its screen, the dialog's body scrolls and its buttons move below
    it; Return on the focused Import (which would replace the entry the first import saved),
    and on Cancel, still replaces nothing, and the dialog stays open."""
    from PySide6.QtWidgets import QScrollArea

    from ui.time.calendar_import_dialog import CalendarImportDialog
    from ui.widgets import screen_fit

    return_guard.install()
    screen_fit.install()
    path, store = tmp_path / "calendar.ics", TimeStore(db)
    path.write_bytes(_calendar("20261118T100000", "20261118T110000"))
    first = CalendarImportDialog(db, lambda: datetime(2026, 11, 27, 12, 0))
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.fileRead, timeout=10_000):
        first.load_file(path, DAY, DAY)
    first.import_button.click()
    path.write_bytes(_calendar("20261118T140000", "20261118T150000"))  # the visit moved
    dialog = CalendarImportDialog(db, lambda: datetime(2026, 11, 27, 12, 0))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.fileRead, timeout=10_000):
        dialog.load_file(path, DAY, DAY)
    room = dialog.screen().availableGeometry()
    dialog.resize(room.width() + 400, room.height() + 400)
    dialog.show()
    assert dialog.property(screen_fit.FITTED), "the dialog was cut to the screen"
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    qtbot.waitUntil(lambda: dialog.findChild(QScrollArea, "dialogBody").isVisible())
    QApplication.processEvents()  # what the move below the body posted: the buttons shown again
    before = store.entries_on(DAY)
    assert [(e.start, e.end) for e in before] == [(time(10), time(11))]
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    for button in (dialog.import_button, cancel):
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Return)
        assert store.entries_on(DAY) == before
        assert dialog.isVisible()
    dialog.import_button.click()  # pressed on purpose, it replaces the entry
    assert [(e.start, e.end) for e in store.entries_on(DAY)] == [(time(14), time(15))]
