"""Grab everything a practitioner can see, to look at it: every view and page, each view after
its ordinary actions (the status bar's results), every dialog and every question box.

    LOOK=light|dark|contrast|contrast-dark .venv/bin/python packaging/make_look_screenshots.py OUT

Runs on whatever screen Qt is given (offscreen by default; under Xvfb with QT_QPA_PLATFORM=xcb
and QT_SCALE_FACTOR=2 it is a 1280x800 laptop at 200%), in a temporary data folder with the
demo data, so it never touches anyone's real data. The dialogs are the fit check's own list
(tests/ui/fit_report.py), so a dialog added there is grabbed here too. On a real screen the
whole screen is grabbed, so what lies off it is not in the picture either.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOOKS = {"light": ("Light", False), "dark": ("Dark", False), "contrast": ("Light", True),
         "contrast-dark": ("Dark", True)}

# The questions the app asks (title, text, yes, no), as their modules word them.
QUESTIONS = [
    ("Replace the file?", "summary-2026-12.pdf is already there, saved on 4 December 2026 at "
     "16:05. Replace it with this summary?", "Replace it", "Keep it"),
    ("Keep workload only", None, None, None),
    ("End meeting", None, "End and record", "Keep going"),
]


def _settle(app, rounds: int = 6) -> None:  # type: ignore[no-untyped-def]
    for _ in range(rounds):
        app.processEvents()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


class Shots:
    def __init__(self, app, out: Path) -> None:  # type: ignore[no-untyped-def]
        self.app, self.out, self.count = app, out, 0
        self.real_screen = app.platformName() == "xcb"

    def grab(self, widget, name: str) -> None:  # type: ignore[no-untyped-def]
        _settle(self.app)
        self.count += 1
        path = self.out / f"{self.count:03d}-{_slug(name)}.png"
        if self.real_screen:
            self.app.primaryScreen().grabWindow(0).save(str(path))
        else:
            widget.window().grab().save(str(path))
        print(path, flush=True)


def main(out: Path) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QMessageBox

    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme

    scheme, contrast = LOOKS[os.environ.get("LOOK", "light")]
    app = create_application()
    app.theme = apply_theme(app, getattr(Qt.ColorScheme, scheme), high_contrast=contrast)
    import main as app_main
    from core.caseload.cases import CaseStore
    from core.store.database import open_database
    from core.store.paths import database_path
    from core.time.timer import get_timer, start_timer
    from tests.atspi.dialog_host import extra_dialogs
    from tests.demo_copy import demo_into
    from tests.ui.fit_actions import run_each
    from tests.ui.fit_report import dialogs

    out.mkdir(parents=True, exist_ok=True)
    shots = Shots(app, out)
    tmp = Path(tempfile.mkdtemp(prefix="look-"))
    data = tmp / "data"
    data.mkdir()
    db = open_database(database_path(data))
    today = date.today()
    demo_into(db, today)
    store = CaseStore(db)
    now = datetime.combine(today, time(11, 55))
    activity = db.execute("select id from activities order by id limit 1").fetchone()[0]
    start_timer(db, activity, now=now, started_at=now - timedelta(minutes=95))
    room = app.primaryScreen().availableGeometry()
    window = app_main.build_window(db, data, QSettings(str(tmp / "w.ini"),
                                                       QSettings.Format.IniFormat))
    window.resize(room.width(), room.height())
    window.show()
    window.activateWindow()
    for key in ("overview", "caseload", "time", "supervision", "settings"):
        window.show_view(key)
        view = window.view(key)
        if key == "overview":
            view.ensure_trend()
        tabs = getattr(view, "tabs", None)
        if tabs is None:
            shots.grab(window, key)
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            shots.grab(window, f"{key}-{tabs.tabText(index).replace('&', '')}")
        tabs.setCurrentIndex(0)
    window.nav.setFocus()
    shots.grab(window, "views-list-focused")
    for name in run_each(window, db):
        shots.grab(window, f"after-{name}")
    made = [(name, make) for name, make, _steps in
            dialogs(db, data, store, window, get_timer(db), now)]
    made += extra_dialogs(db, store, window)
    for name, make in made:
        dialog = make()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        shots.grab(dialog, f"dialog-{name}")
        if name == "Welcome":
            for index in range(1, dialog.stack.count()):
                dialog._show_step(index)
                shots.grab(dialog, f"dialog-{name}-step-{index + 1}")
        dialog.hide()
        dialog.deleteLater()
    from core.common.names import NAME_EDIT, NAME_QUESTION, NAME_SAVE_ANYWAY
    from ui.supervision.meeting_operations import END_QUESTION

    words = {"Keep workload only": (NAME_QUESTION, NAME_SAVE_ANYWAY, NAME_EDIT),
             "End meeting": (END_QUESTION, "End and record", "Keep going")}
    for title, text, yes, no in QUESTIONS:
        text, yes, no = words.get(title, (text, yes, no))
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, window)
        box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
        box.show()
        shots.grab(box, f"question-{title}")
        box.hide()
        box.deleteLater()
    states(app, window, shots)
    window.close()
    return 0


def answer_when_asked(shots: Shots, name: str) -> None:
    """The next question box the app asks is grabbed as asked, then answered Yes."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        shots.grab(box, name)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.click() if yes is not None else box.accept()

    QTimer.singleShot(20, answer)


def states(app, window, shots: Shots) -> None:  # type: ignore[no-untyped-def]
    """What this week's work added to the window: the lines Settings' pages show after a save
    and a deletion (with their undo), the status bar after an undo in another view, the
    meeting (F11) with focus in its topics, and the lock screen."""
    from PySide6.QtCore import Qt

    window.show_view("settings")
    settings = window.view("settings")
    settings.tabs.setCurrentIndex(0)
    _settle(app)
    from PySide6.QtGui import QUndoStack

    from ui.settings.profile_page import ProfilePage

    page = settings.findChild(ProfilePage)
    if page is not None:
        page.save_button.click()
        shots.grab(window, "settings-profile-saved")
        stack = window.findChild(QUndoStack)
        if stack is not None:
            stack.undo()
            shots.grab(window, "settings-profile-save-undone")
    settings.tabs.setCurrentIndex(1)
    _settle(app)
    from ui.settings.reductions_page import ReductionsPage

    reductions = settings.findChild(ReductionsPage)
    if reductions is not None and reductions.reductions_model.rowCount():
        reductions.reductions_view.selectRow(0)
        answer_when_asked(shots, "question-delete-reduction")
        reductions.delete_reduction()
        shots.grab(window, "settings-reduction-deleted")
    meeting = getattr(window, "meeting", None)
    if meeting is not None:
        meeting.open()
        _settle(app)
        meeting.view.topics.setFocus(Qt.FocusReason.TabFocusReason)
        shots.grab(window, "meeting-topics-focused")
        meeting.leave()
        _settle(app)
    from ui.shell.lock_screen import IdleLock

    lock = IdleLock(window, lambda _passphrase: False)
    lock.lock()
    shots.grab(window, "locked")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("look-shots")))
