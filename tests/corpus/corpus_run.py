"""Running one corpus file through the import the command line and the dialog use: read the file
(`read_calendar_file`), settle whose answers are the practitioner's, propose the rows, choose an
activity for each row waiting for one (as a practitioner would), and import what is ticked."""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from core.common.errors import ValidationError
from core.time.activities import list_activities
from core.time.calendar.attendance import attendance_for
from core.time.calendar.checks import settle
from core.time.calendar.importer import import_rows
from core.time.calendar.preview import ProposedRow, propose, with_activity
from core.time.calendar.reader import CalendarRead, read_calendar_file

CORPUS = Path(__file__).parent
CALENDARS = sorted((CORPUS / "calendars").iterdir())
SPREADSHEETS = sorted((CORPUS / "spreadsheets").iterdir())
SECONDS_PER_FILE = 10  # far beyond any file's reading; only a hang reaches it
FIRST_START = re.compile(rb'\nDTSTART(?:[^:\r\n"]|"[^"\r\n]*")*:(\d{4})(\d{2})(\d{2})')


def window(path: Path) -> tuple[date, date]:
    """Ninety days from the first event's start (from 2026 when it names none)."""
    data = path.read_bytes()
    found = FIRST_START.search(data, max(data.upper().find(b"BEGIN:VEVENT"), 0))
    try:
        first = date(*(int(g) for g in found.groups())) if found else date(2026, 1, 1)
    except ValueError:
        first = date(2026, 1, 1)
    first = max(first, date(1900, 1, 1))
    return first, first + timedelta(days=89)


class Hung(Exception):
    pass


@contextmanager
def deadline(seconds: int):
    def stop(_signum, _frame):
        raise Hung(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_calendar(db, path: Path) -> tuple[CalendarRead | None, list[ProposedRow], str]:
    """(what was read, the rows, the one-line refusal or "") for one file, imported into `db`."""
    first, last = window(path)
    today = last + timedelta(days=1)
    try:
        read = read_calendar_file(path, first, last)
    except ValidationError as exc:
        return None, [], str(exc)
    rows = propose(db, read.events, read.first, read.last, today,
                   datetime.combine(today, datetime.min.time()), attendance_for(db, read))
    other = next(a.id for a in list_activities(db) if a.key == "other")
    rows = settle([with_activity(db, r, other) if r.reason == "Choose an activity" else r
                   for r in rows])
    if any(r.ticked for r in rows):
        import_rows(db, rows, today)
    return read, rows, ""
