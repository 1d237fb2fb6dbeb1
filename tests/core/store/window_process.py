"""Child process for test_second_process: the app's window, started the way `main.py` starts it
(offscreen), with its automatic daily backup, then writing through the stores its views use.

Not a test module. Usage: python window_process.py DATA_DIR
Prints "ready" once the window shows its data and the automatic backup has been made, then reads
commands from stdin, one a line, and answers each after it is saved:
  case REF        add a case as the Caseload view does  -> "saved REF"
  time DAY LINE   log a line of time on DAY as the Time view's entry line does -> "saved LINE"
  activated       wait until a second start has asked this window forward -> "activated yes"
  violations      how many times app code touched the open data file outside SQLite
  quit            close the window as the practitioner does -> "closed"
"""

from __future__ import annotations

import inspect
import os
import sys
import time
from argparse import Namespace
from datetime import date, datetime
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests import live_file_guard  # noqa: E402

live_file_guard.install()  # app code touching the open data file outside SQLite is recorded

import main  # noqa: E402
from core.caseload.cases import CaseStore  # noqa: E402
from core.caseload.models import Case  # noqa: E402
from core.time.quick_entry import log_quick_entry  # noqa: E402
from ui.shell import auto_backup  # noqa: E402


def start_window(data_dir: str):  # type: ignore[no-untyped-def]
    """The steps of main.run_gui, without entering app.exec(); returns (app, window, db)."""
    from ui.shell.app import app_settings, create_application

    app = create_application()
    owner = main.claim_folder(Namespace(data_dir=data_dir))
    if isinstance(owner, int):
        print(f"folder not claimed: {owner}", flush=True)
        sys.exit(5)
    settings = app_settings()
    takes_folder = len(inspect.signature(main.window_frame).parameters) > 1
    window = main.window_frame(settings, *([Path(data_dir)] if takes_folder else []))
    window.folder_owner = owner
    window.activations = []
    owner.activated.connect(lambda: window.activations.append(1))
    window.show()
    owner.listen()
    opened = []
    build = main.build_window
    main.build_window = lambda db, *a, **k: (opened.append(db), build(db, *a, **k))[1]
    code = main._open_into(window, Namespace(data_dir=data_dir, command=None), settings, False)
    if code:
        print(f"could not open: {code}", flush=True)
        sys.exit(3)
    return app, window, opened[0]


def main_loop(data_dir: str) -> None:
    auto_backup.START_DELAY_MS = 0  # the daily backup runs at once instead of after 3 s
    done: list[object] = []
    start_job = auto_backup.start_backup_job
    auto_backup.start_backup_job = lambda *a, **k: start_job(*a, on_done=done.append)
    app, window, db = start_window(data_dir)
    deadline = time.monotonic() + 30
    while not done and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if not done or done[0] is None:
        print("no automatic backup was made", flush=True)
        sys.exit(4)
    print("ready", flush=True)
    store = CaseStore(db)
    for line in sys.stdin:
        word, _, arg = line.strip().partition(" ")
        if word == "case":
            store.add_case(Case(arg, "licence", "B2", date(2026, 1, 5)))
            window.hub.casesChanged.emit()
            app.processEvents()
            print(f"saved {arg}", flush=True)
        elif word == "time":
            day, _, text = arg.partition(" ")
            log_quick_entry(db, text, now=datetime.now(), day=date.fromisoformat(day))
            window.hub.timeLogged.emit()
            app.processEvents()
            print(f"saved {text}", flush=True)
        elif word == "activated":  # wait for a later start to ask this window forward
            deadline = time.monotonic() + 20
            while not window.activations and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            print("activated " + ("yes" if window.activations else "no"), flush=True)
        elif word == "violations":  # app code that touched the open file outside SQLite
            print(f"violations {len(live_file_guard.violations)}", flush=True)
            for found in live_file_guard.violations:
                print(found, file=sys.stderr, flush=True)
        elif word == "quit":
            window.close()
            app.processEvents()
            app.quit()
            print("closed", flush=True)
            return


if __name__ == "__main__":
    main_loop(sys.argv[1])
