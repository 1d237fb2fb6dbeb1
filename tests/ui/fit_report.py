"""Open the main window (every view and Settings page) and every dialog on the screen this process
was started with, and print one line for each thing that is cut off or off the screen.

Run by tests/ui/test_fits_small_screens.py in a process of its own per screen (Qt's offscreen
platform with a configured screen, and QT_SCALE_FACTOR for 200%); prints nothing when all fits.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from tests.ui.fit_check import cut_off  # noqa: E402


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def check_window(app: QApplication, window: QWidget, name: str, problems: list[str]) -> None:
    for line in cut_off(window):
        problems.append(f"{name}: {line}")


def check_dialog(app: QApplication, name: str, dialog: QDialog, problems: list[str],
                 steps: Callable[[QDialog], list[str]] | None = None) -> None:
    """Shown as opened: within the screen, nothing cut off (at each step for a wizard)."""
    room = app.primaryScreen().availableGeometry()
    dialog.show()
    _settle(app)
    if dialog.width() > room.width() or dialog.height() > room.height():
        problems.append(f"{name}: opens at {dialog.width()}x{dialog.height()}, larger than the "
                        f"{room.width()}x{room.height()} screen")
        dialog.resize(min(dialog.width(), room.width()), min(dialog.height(), room.height()))
        _settle(app)
    frame = dialog.frameGeometry()
    if not room.contains(frame):
        problems.append(f"{name}: lies at {frame.getRect()}, outside the screen's "
                        f"{room.getRect()}")
    hint = dialog.minimumSizeHint()
    if hint.width() > room.width() or hint.height() > room.height():
        problems.append(f"{name}: needs at least {hint.width()}x{hint.height()}")
    for step in (steps(dialog) if steps else [""]):
        _settle(app)
        for line in cut_off(dialog):
            problems.append(f"{name}{step}: {line}")
        cramped = _cramped(dialog, room)
        if cramped:
            problems.append(f"{name}{step}: {cramped}")
    dialog.hide()
    dialog.deleteLater()


def _cramped(dialog: QDialog, room) -> str | None:  # type: ignore[no-untyped-def]
    """A dialog whose body scrolls while the screen has room for more of it (the welcome was
    124 pixels tall at 200%, its step a sliver between two buttons, with 400 to give)."""
    from PySide6.QtWidgets import QScrollArea

    area = dialog.findChild(QScrollArea, "dialogBody")
    if area is None or not area.isVisibleTo(dialog) or area.verticalScrollBar().maximum() <= 0:
        return None
    if dialog.height() + 4 < room.height():  # offscreen, a frame of a pixel or two
        return (f"scrolls its body in {dialog.width()}x{dialog.height()}, with "
                f"{room.height()} pixels of height to give")
    return None


def main() -> int:
    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme

    app = create_application()  # as main.py makes it, in the look the app draws
    app.theme = apply_theme(app)  # type: ignore[attr-defined]
    import main as app_main
    from core.caseload.cases import CaseStore
    from tests.demo_copy import demo_into
    from core.store.database import open_database
    from core.store.paths import database_path
    from core.caseload.models import Case
    from core.time.activities import NAME_MAX, add_activity
    from core.common.identifiers import REFERENCE_MAX
    from core.time.timer import get_timer, start_timer

    tmp = Path(tempfile.mkdtemp(prefix="fit-"))
    data = tmp / "data"
    data.mkdir()
    db = open_database(database_path(data))
    today = date.today()
    demo_into(db, today)
    store = CaseStore(db)
    # The longest names the app allows: a 60-character activity timed on a 12-character case.
    longest = add_activity(db, "Multi-agency public protection arrangements meeting prep "
                           "work"[:NAME_MAX])
    widest = store.add_case(Case("W" * (REFERENCE_MAX - 1) + "8", "community", "B2", today))
    now = datetime.combine(today, time(23, 55))
    start_timer(db, longest.id, now=now, case_id=widest.id,  # type: ignore[arg-type]
                started_at=now - timedelta(minutes=95))
    problems: list[str] = []
    room = app.primaryScreen().availableGeometry()

    empty = open_database(None)  # the first day: every view's empty state
    first_day = app_main.build_window(empty, tmp / "empty", QSettings(
        str(tmp / "e.ini"), QSettings.Format.IniFormat))
    check_views(app, first_day, room, problems, " (no data yet)")
    first_day.close()

    window = app_main.build_window(db, data, QSettings(str(tmp / "w.ini"),
                                                       QSettings.Format.IniFormat))
    check_views(app, window, room, problems, "")
    check_after_retention_delete(app, window, problems)
    for name, make, steps in dialogs(db, data, store, window, get_timer(db), now):
        check_dialog(app, name, make(), problems, steps)
    from tests.ui.fit_actions import run_each

    for name in run_each(window, db):  # each view after each of its actions, not only opened
        _settle(app)
        check_window(app, window, name, problems)
    # The longest line the status bar is given: an undo made in another view, naming it and
    # the longest activity and reference the app allows.
    from ui.widgets.step_said import say_step

    window.show_view("settings")
    say_step(window.view("time"), f"Undone: Log time ({longest.name}, 1 hour 35 minutes, "
                                  f"{widest.reference}).")
    _settle(app)
    check_window(app, window, "Status bar after an undo in another view", problems)
    from ui.shell.lock_screen import IdleLock

    lock = IdleLock(window, lambda _passphrase: False)
    lock.lock()
    _settle(app)
    check_window(app, window, "Locked", problems)
    lock.deleteLater()
    window.close()
    for line in problems:
        print(line)
    return 0


def check_views(app, window, room, problems, suffix):  # type: ignore[no-untyped-def]
    """Each view (and Settings page) of `window`, shown at the size of the screen."""
    window.resize(room.width(), room.height())
    window.show()
    _settle(app)
    if window.width() > room.width() or window.height() > room.height():
        problems.append(f"main window: cannot shrink to {room.width()}x{room.height()}")
    for key in ("overview", "caseload", "time", "supervision", "settings"):
        window.show_view(key)
        view = window.view(key)
        if key == "overview":
            view.ensure_trend()
        _settle(app)
        tabs = getattr(view, "tabs", None)
        if tabs is None:
            check_window(app, window, key.capitalize() + suffix, problems)
            continue
        for index in range(tabs.count()):  # every tab, not only the first (Time > Charts)
            tabs.setCurrentIndex(index)
            _settle(app)
            title = tabs.tabText(index).replace("&", "")
            check_window(app, window, f"{key.capitalize()} > {title}{suffix}", problems)
        tabs.setCurrentIndex(0)


def check_after_retention_delete(app, window, problems):  # type: ignore[no-untyped-def]
    """The Caseload view with the sentence "Review and delete…" leaves beside its buttons."""
    window.show_view("caseload")
    view = window.view("caseload")
    view.retention_notice.casesDeleted.emit("Deleted 10 closed cases.")
    _settle(app)
    check_window(app, window, "Caseload after deleting closed cases", problems)


def dialogs(db, data, store, window, timer, now):  # type: ignore[no-untyped-def]
    """(name, factory, steps) for every dialog, opened as the practitioner would meet it."""
    from core.caseload.retention import closed_before
    from core.supervision.agenda import open_agenda
    from core.workload.weightings import weightings_as_of
    from ui.caseload.case_dialog import CaseDialog
    from ui.caseload.case_note_dialog import CaseNoteDialog
    from ui.caseload.close_case_dialog import CloseCaseDialog
    from ui.caseload.import_dialog import ImportDialog
    from ui.caseload.retention_review_dialog import RetentionReviewDialog
    from ui.overview.method_dialog import MethodDialog
    from ui.overview.official_dialog import OfficialDialog
    from ui.settings.delete_all_dialog import DeleteAllDialog
    from ui.settings.reduction_dialog import ReductionDialog
    from ui.shell.about_dialog import AboutDialog
    from ui.shell.passphrase_dialog import PassphraseDialog
    from ui.shell.recovery_screen import RecoveryScreen
    from ui.shell.welcome_dialog import WelcomeDialog
    from ui.supervision.agenda_note_dialog import AgendaNoteDialog
    from ui.supervision.export_dialog import ExportDialog
    from ui.supervision.session_dialog import SessionDialog
    from ui.supervision.summary_preview import SummaryPreview
    from ui.time.quick_entry_dialog import QuickEntryDialog
    from ui.time.stale_timer_dialog import StaleTimerDialog
    from ui.time.time_entry_dialog import TimeEntryDialog

    today = now.date()
    case = store.list_cases("active")[0]
    refs = sorted(store.references())

    def welcome_steps(dialog):  # type: ignore[no-untyped-def]
        names = []
        for index in range(dialog.stack.count()):
            dialog._show_step(index)
            names.append(f", step {index + 1}")
        return names

    def identifier_warning(dialog):  # type: ignore[no-untyped-def]
        dialog.reference.setText("X123456")  # looks like a CRN: the warning shows
        return [" with the identifier warning"]

    def summary():  # type: ignore[no-untyped-def]
        return window.view("supervision")._fitted_summary()

    closed = closed_before(db, 1, today) or store.list_cases("closed")
    return [
        ("Welcome", lambda: WelcomeDialog(db, True, window), welcome_steps),
        ("New case", lambda: CaseDialog(store, None, window), None),
        ("New case", lambda: CaseDialog(store, None, window), identifier_warning),
        ("Edit case", lambda: CaseDialog(store, case, window), None),
        ("Close case", lambda: CloseCaseDialog(case.reference, case.start_date, window), None),
        ("Case note", lambda: CaseNoteDialog(case.reference, window), None),
        ("Import CSV", lambda: ImportDialog(store, window), None),
        ("Review and delete", lambda: RetentionReviewDialog(closed, 30, window), None),
        ("How is this worked out?", lambda: MethodDialog(weightings_as_of(db, today), window),
         None),
        ("Official figure", lambda: OfficialDialog(db, today, today, window), None),
        ("Reduction", lambda: ReductionDialog(37.0, window), None),
        ("Delete all", lambda: DeleteAllDialog(window), None),
        ("About", lambda: AboutDialog("0.1.0", database_path_of(data), False, window), None),
        ("Passphrase", lambda: PassphraseDialog(window, "Unlock", "Enter your passphrase."),
         None),
        ("New passphrase", lambda: PassphraseDialog(window, "Encrypt", "Choose a passphrase.",
                                                    new=True), None),
        ("Recovery", lambda: RecoveryScreen(database_path_of(data), data / "backups",
                                            "Your data file is damaged.", window), None),
        ("Agenda note", lambda: AgendaNoteDialog("case", refs, None, window), None),
        ("Record session", lambda: SessionDialog(open_agenda(db) and [], today, window), None),
        ("Export", lambda: ExportDialog(db, today, None, window), None),
        ("Summary preview", lambda: SummaryPreview(summary(), window), None),
        ("Log time", lambda: QuickEntryDialog(db, lambda: now, window), None),
        ("Time entry", lambda: TimeEntryDialog(db, day=today, start=time(9), end=time(10),
                                               parent=window), None),
        ("Timer left running", lambda: StaleTimerDialog(timer, now + timedelta(days=1), window),
         None),
        ("Import calendar", lambda: calendar_import(db, window), None),
    ]


def calendar_import(db, window):  # type: ignore[no-untyped-def]
    """Import calendar… with a week read in: rows ticked, and rows with why they are not."""
    from tests.core.time.calendar import ics
    from ui.time.calendar_import_dialog import CalendarImportDialog

    noon = datetime(2026, 11, 27, 12, 0)
    path = Path(tempfile.mkdtemp(prefix="fit-ics-")) / "calendar.ics"
    path.write_bytes(ics.realistic_week())
    dialog = CalendarImportDialog(db, lambda: noon, window)
    dialog.load_file(path, date(2026, 11, 16), date(2026, 11, 20))
    return dialog


def database_path_of(folder: Path) -> Path:
    from core.store.paths import database_path

    return database_path(folder)


if __name__ == "__main__":
    sys.exit(main())
