"""Walk the whole app in tests: every view, every tab page behind a tab bar, every Settings page.

Views and pages are made when first shown, so a check over "every widget in the app" has to
open each of them first.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

import main


def each_place(window) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Show each view, and each tab of each tab bar in it, in turn; yield a name for each.

    While a name is yielded, exactly that view and page are on screen."""
    for key, title in main.VIEWS:
        window.show_view(key)
        QApplication.processEvents()
        view = window.view(key)
        tab_widgets = [t for t in view.findChildren(QTabWidget) if t.isVisible()]
        if not tab_widgets:
            yield title
        for tabs in tab_widgets:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{title} > {tabs.tabText(index).replace('&', '')}"
            tabs.setCurrentIndex(0)


def open_everything(window) -> None:  # type: ignore[no-untyped-def]
    """Make every view and page, so `findChildren` sees the whole app."""
    for _ in each_place(window):
        pass


def visible_widgets(window, kind: type = QWidget) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets of `kind` the user can see now (in the window, not hidden behind a page)."""
    return [w for w in window.findChildren(kind) if w.isVisible()]


def each_dialog(db) -> Iterator[QDialog]:  # type: ignore[no-untyped-def]
    """The app's forms, each made as the views make them, on demo data."""
    from datetime import date

    from core.caseload.cases import CaseStore
    from ui.caseload.case_dialog import CaseDialog
    from ui.caseload.case_note_dialog import CaseNoteDialog
    from ui.caseload.close_case_dialog import CloseCaseDialog
    from ui.caseload.import_dialog import ImportDialog
    from ui.overview.official_dialog import OfficialDialog
    from ui.settings.delete_all_dialog import DeleteAllDialog
    from ui.settings.reduction_dialog import ReductionDialog
    from ui.supervision.agenda_note_dialog import AgendaNoteDialog
    from ui.supervision.export_dialog import ExportDialog
    from ui.supervision.session_dialog import SessionDialog
    from ui.time.time_entry_dialog import TimeEntryDialog

    store, today = CaseStore(db), date.today()
    yield CaseDialog(store)
    yield CaseNoteDialog("C07")
    yield CloseCaseDialog("C07", date(2026, 1, 5))
    yield ImportDialog(store)
    yield OfficialDialog(db, today, today)
    yield DeleteAllDialog()
    yield ReductionDialog(37.0)
    for kind in ("workload", "case", "reflection"):
        yield AgendaNoteDialog(kind, ["C07", "C08"])
    yield ExportDialog(db, today)
    yield SessionDialog([], today)
    yield TimeEntryDialog(db)
    from datetime import datetime, timedelta

    from core.time.timer import RunningTimer
    from ui.shell.passphrase_dialog import PassphraseDialog
    from ui.shell.welcome_dialog import WelcomeDialog
    from ui.time.quick_entry_dialog import QuickEntryDialog
    from ui.time.stale_timer_dialog import StaleTimerDialog

    yield QuickEntryDialog(db)
    yield PassphraseDialog(None, "Turn encryption on", "Choose a passphrase.", new=True)
    yield WelcomeDialog(db, can_import=True)
    now = datetime.now()
    yield StaleTimerDialog(RunningTimer(1, now - timedelta(hours=14), activity_name="Travel"), now)
