"""The app's window on encrypted demo data with a case open for editing (a dialog waiting for an
answer, as the practitioner leaves it to make tea) and a "Close case" dialog shown earlier and
kept, for tests/atspi/test_lock_hides_dialogs.py. Lines on standard input: "lock" locks (File >
Lock now's own code); "late" then opens, as timers and workers do while the lock is on, a
dialog beside the window, a tooltip, a status bar line, an announcement and a message that waits
for an answer (the app's own error message), each naming a third case; "quit" ends. It prints
"open <case reference> <kept reference> <late reference>" once the dialog is up, "locked" once
the lock is on, "late" once the message waits and "unlocked" once the lock is off.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

PASSPHRASE = "a quiet field by the river"


def main() -> int:
    from PySide6.QtCore import QSettings, QSocketNotifier, QTimer
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme

    app = create_application()
    app.theme = apply_theme(app)  # type: ignore[attr-defined]
    import main as app_main
    from core.caseload.cases import CaseStore
    from core.demo.caseload_demo import fill_demo
    from core.store import encryption
    from core.store.database import open_database
    from core.store.paths import database_path
    from ui.caseload.case_dialog import CaseDialog
    from ui.caseload.close_case_dialog import CloseCaseDialog

    data = Path(tempfile.mkdtemp(prefix="lock-host-")) / "data"
    data.mkdir()
    db = open_database(database_path(data))
    fill_demo(db, date.today())
    db.close()
    encryption.rekey_file(database_path(data), None, PASSPHRASE)
    db = open_database(database_path(data), passphrase=PASSPHRASE)
    store = CaseStore(db)
    window = app_main.build_window(db, data, QSettings(str(data.parent / "w.ini"),
                                                       QSettings.Format.IniFormat))
    window.show()
    cases = store.list_cases("active")
    kept = CloseCaseDialog(cases[1].reference, cases[1].start_date, window)
    kept.show()
    kept.hide()  # closed, kept for next time: still on the bus
    lock = window.idle_lock
    lock.locked.connect(lambda: print("locked", flush=True))
    lock.unlocked.connect(lambda: print("unlocked", flush=True))

    late_ref = cases[2].reference

    def late() -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QDialog, QToolTip

        from ui.shell.app import show_error
        from ui.widgets.announce import announce

        beside = QDialog(window)
        beside.setWindowTitle(f"Visit for {late_ref}")
        QVBoxLayout(beside).addWidget(QLabel(f"{late_ref}: home visit due today"))
        beside.show()
        QToolTip.showText(window.mapToGlobal(QPoint(30, 30)), f"{late_ref} is due", window)
        window.statusBar().showMessage(f"Imported week.ics: Home visit {late_ref}")
        announce(window, f"Saved the note for {late_ref}.")
        QTimer.singleShot(0, lambda: print("late", flush=True))  # once the message waits
        show_error(window, f"The note for {late_ref} could not be read.")

    def on_input() -> None:
        line = sys.stdin.readline().strip()
        if line == "lock":
            lock.lock()
        elif line == "late":
            QTimer.singleShot(0, late)  # from a timer, not from inside reading a line
        elif line in ("quit", ""):
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_input)

    def edit() -> None:
        dialog = CaseDialog(store, cases[0], window)

        def shown() -> None:
            dialog.activateWindow()
            dialog.tier.setFocus()  # not the first control: it must come back here
            print(f"open {cases[0].reference} {cases[1].reference} {late_ref}", flush=True)

        QTimer.singleShot(0, shown)
        dialog.exec()  # waiting for an answer, as the app's own dialogs do

    QTimer.singleShot(0, edit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
