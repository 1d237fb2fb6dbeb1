"""Reading a calendar file as a QRunnable, so a large or slow file never freezes the window.

Only the file is read off the UI thread (core's `read_calendar_file`, which touches no
database); the rows are proposed on the UI thread, where the data file's connection lives.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.common.errors import ValidationError
from core.store.applog import get_logger
from core.time.calendar.reader import read_calendar_file
from ui.widgets.kept_jobs import KeptJob


class CalendarReadSignals(QObject):
    """Signals:
    finished(int, object): the request number and the `CalendarRead`.
    failed(int, str): the request number and one sentence saying why the file cannot be used.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)


class CalendarReadJob(KeptJob):
    """Read `path` for `first`..`last`; the result carries `number` so a stale one is ignored."""

    def __init__(self, number: int, path: Path, first: date, last: date):
        super().__init__()
        self.number, self.path, self.first, self.last = number, path, first, last
        self.signals = CalendarReadSignals()

    def work(self) -> None:
        try:
            read = read_calendar_file(self.path, self.first, self.last)
        except ValidationError as exc:
            self.signals.failed.emit(self.number, exc.problems[0])
            return
        except Exception as exc:  # noqa: BLE001 - reported calmly; only its kind is logged,
            # as the message of a parser may quote the file's text
            get_logger("calendar").error("reading a calendar file failed (%s)", type(exc).__name__)
            self.signals.failed.emit(
                self.number,
                "The file could not be read. Nothing was imported.",
            )
            return
        self.signals.finished.emit(self.number, read)
