"""Regenerate docs/screenshots/calendar-import.png: the calendar import preview on an invented week.

    .venv/bin/python packaging/make_calendar_screenshot.py [OUT_FILE] [--check]

Runs offscreen in a temporary data folder with four invented cases (C03, C07, C12, C21) and last
week's invented calendar (the one the tests import), so it never touches anyone's real data.
`--check` also saves 1024×700 and 200%-scaled grabs beside it, for looking at, not for the README.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def grab(out: Path, size: tuple[int, int]) -> None:
    from PySide6.QtWidgets import QApplication

    from core.caseload.cases import CaseStore
    from core.caseload.models import Case
    from core.store.database import open_database
    from core.store.paths import database_path
    from tests.core.time.calendar.ics import realistic_week
    from ui.time.calendar_import_dialog import CalendarImportDialog

    today = date.today()
    monday = today - timedelta(days=today.weekday() + 7)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        db = open_database(database_path(data_dir))
        for ref in ("C03", "C07", "C12", "C21"):
            CaseStore(db).add_case(Case(ref, "community", "B2", monday - timedelta(days=200)))
        path = data_dir / "Calendar.ics"
        path.write_bytes(realistic_week(monday))
        dialog = CalendarImportDialog(db, lambda: datetime.combine(today, datetime.min.time()))
        from PySide6.QtCore import QEventLoop

        read = QEventLoop()
        dialog.fileRead.connect(read.quit)
        dialog.load_file(path, monday, monday + timedelta(days=4))
        read.exec()  # the file is read off the UI thread
        dialog.resize(*size)
        dialog.show()
        for _ in range(5):
            QApplication.processEvents()
        dialog.grab().save(str(out))
        print(out)
        dialog.close()
        db.close()


def main(out: Path, check: bool) -> int:
    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme

    app = create_application()
    app.theme = apply_theme(app)
    out.parent.mkdir(parents=True, exist_ok=True)
    grab(out, (1180, 600))
    if check:
        grab(out.with_name(out.stem + "-1024.png"), (1024, 700))
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--check"]
    target = Path(args[0]) if args else ROOT / "docs" / "screenshots" / "calendar-import.png"
    sys.exit(main(target, "--check" in sys.argv))
