"""The app's main window on demo data, then every dialog in turn, for a test that reads each
one through the accessibility bus (tests/atspi/test_every_dialog.py).

Each dialog is made by the same factory the fit check uses (tests/ui/fit_report.dialogs: every
dialog, as the practitioner meets it), plus the few that only appear in the middle of an
action. The host prints "open <class> <window title>" once a dialog is shown and waits for a line on its
standard input before closing it and opening the next; "done" when there are no more.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QSettings, QSocketNotifier  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402


def extra_dialogs(db, store, window):  # type: ignore[no-untyped-def]
    """The dialogs fit_report does not list: met in the middle of another action."""
    from core.time.quick_entry import UnknownActivity
    from ui.caseload.wmt_setup_dialog import WmtSetupDialog
    from ui.settings.calendar_rules_panel import KeywordRuleDialog
    from ui.shell.lock_screen import LockGate, LockScreen
    from ui.shell.shortcuts_dialog import ShortcutsDialog
    from ui.time.new_activity_offer import NewActivityOffer
    from ui.widgets.text_question import TextQuestion

    return [
        ("Set up from my WMT caseload", lambda: WmtSetupDialog(store, date.today(), window)),
        ("Calendar keyword", lambda: KeywordRuleDialog(db, None, window)),
        ("Not one of your activities",
         lambda: NewActivityOffer(db, UnknownActivity("zzzz", []), window)),
        ("Keyboard shortcuts", lambda: ShortcutsDialog(window)),
        # Settings > Activities' Rename…, and the timer's Stop at… (ui.widgets.text_question)
        ("Rename activity", lambda: TextQuestion(window, "Rename activity", "New name:", "Travel")),
        # The passphrase asked over a dialog that was waiting when the lock came on.
        ("Caseload Companion is locked", lambda: LockGate(window, LockScreen())),
    ]


def main() -> int:
    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme

    app = create_application()  # as main.py makes it: the Return guard, then the app's style
    app.theme = apply_theme(app)  # type: ignore[attr-defined]
    import main as app_main
    from core.caseload.cases import CaseStore
    from core.demo.caseload_demo import fill_demo
    from core.store.database import open_database
    from core.store.paths import database_path
    from core.time.timer import get_timer, start_timer
    from tests.ui.fit_report import dialogs

    data = Path(tempfile.mkdtemp(prefix="dialog-host-")) / "data"
    data.mkdir()
    db = open_database(database_path(data))
    today = date.today()
    fill_demo(db, today)
    store = CaseStore(db)
    now = datetime.now().replace(second=0, microsecond=0)  # a timer left on, not stale
    activity = db.execute("select id from activities order by id limit 1").fetchone()[0]
    start_timer(db, activity, now=now, started_at=now - timedelta(minutes=95))
    window = app_main.build_window(db, data, QSettings(str(data.parent / "w.ini"),
                                                       QSettings.Format.IniFormat))
    window.show()
    made = [(name, make) for name, make, _steps in
            dialogs(db, data, store, window, get_timer(db), now)]
    made += extra_dialogs(db, store, window)
    state: dict[str, object] = {"next": 0, "open": None}

    def open_next() -> None:
        previous = state["open"]
        if isinstance(previous, QDialog):
            previous.hide()
            previous.deleteLater()
        index = int(state["next"])  # type: ignore[call-overload]
        if index >= len(made):
            print("done", flush=True)
            app.quit()
            return
        name, make = made[index]
        state["next"] = index + 1
        dialog = make()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        state["open"] = dialog
        print(f"open {type(dialog).__name__} {dialog.windowTitle()}", flush=True)

    def on_input() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        open_next()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_input)
    print(f"ready {len(made)}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
