"""Write the summary (HTML, Markdown) or the period's time entries (CSV) to a file, atomically.

A temporary file is written in the target's own folder and renamed over the target only when
complete, so a failed export never leaves half a file behind. The PDF goes through the same
`write_atomically` from the Qt side (ui/supervision/pdf_export.py).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.store.live_files import is_live
from core.supervision.summary import SummaryOptions, default_period, fit_summary
from core.supervision.summary_model import long_date
from core.supervision.summary_render import summary_html, summary_markdown
from core.time.time_entries import TimeStore

FORMATS: tuple[str, ...] = ("pdf", "html", "md", "csv")
FORMAT_LABELS = {
    "pdf": "PDF, for printing or attaching",
    "html": "Web page (HTML), for pasting into an email",
    "md": "Markdown, for notes",
    "csv": "CSV of the time entries in the period",
}


def default_file_name(fmt: str, today: date | None = None) -> str:
    """A neutral name that says nothing about anyone: supervision-2026-11-28.pdf."""
    return f"supervision-{(today or date.today()).isoformat()}.{fmt}"


def check_target(path: Path) -> None:
    """Refuse, before any work, a target that cannot be written."""
    folder = path.parent
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; choose a file name such as {default_file_name('pdf')}.")
    if is_live(path):  # replacing it would destroy the data (and SQLite's locks on it)
        raise ValidationError(f"{path} is your data file; choose another name.")
    if not folder.is_dir():
        raise ValidationError(f"The folder {folder} does not exist; choose another place to save.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(f"The folder {folder} cannot be written to; choose another place to save.")
    if path.exists() and not os.access(path, os.W_OK):
        raise ValidationError(f"{path} is read-only; choose another name or place.")


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temp_path)` then rename the finished file onto `path`; clean up on failure."""
    path = Path(path)
    check_target(path)
    fd, temp_name = tempfile.mkstemp(prefix=".supervision-", suffix=".part", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ValidationError(
            f"The file could not be saved at {path} ({exc.strerror or exc}). Nothing was written."
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def time_entries_csv(db: Database, start: date, end: date, include_cases: bool = False) -> str:
    """One row per time entry in the period; the case and the note only with include_cases."""
    header = ["date", "start", "end", "minutes", "hours", "activity", "counted_by_wmt"]
    if include_cases:
        header += ["case", "note"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for entry in TimeStore(db).entries_between(start, end):
        row = [
            entry.date.isoformat(),
            entry.start.strftime("%H:%M") if entry.start else "",
            entry.end.strftime("%H:%M") if entry.end else "",
            entry.minutes,
            f"{entry.minutes / 60:.2f}",
            entry.activity_name,
            "yes" if entry.counted_by_wmt else "no",
        ]
        if include_cases:
            row += [entry.case_reference or "", entry.note]
        writer.writerow(row)
    return out.getvalue()


def resolve_period(db: Database, options: SummaryOptions, today: date) -> tuple[date, date]:
    start, end = default_period(db, today)
    start, end = options.start or start, options.end or end
    if start > end:
        raise ValidationError(
            f"The period starts ({long_date(start)}) after it ends ({long_date(end)}). "
            "Choose a start date on or before the end date."
        )
    return start, end


def export_text(db: Database, fmt: str, options: SummaryOptions, today: date | None = None) -> str:
    """The export's whole text for html, md or csv (the PDF is drawn by the Qt side)."""
    today = today or date.today()
    if fmt == "csv":
        start, end = resolve_period(db, options, today)
        return time_entries_csv(db, start, end, options.include_cases)
    summary = fit_summary(db, options, today)
    if fmt == "html":
        return summary_html(summary)
    if fmt == "md":
        return summary_markdown(summary)
    raise ValidationError(f"Choose a format: {', '.join(FORMATS)}.")


def export_file(
    db: Database, path: Path, fmt: str, options: SummaryOptions, today: date | None = None
) -> Path:
    """Write html, md or csv to `path` atomically (text is composed before the file is touched)."""
    if fmt not in FORMATS or fmt == "pdf":
        raise ValidationError(f"Choose a format: {', '.join(f for f in FORMATS if f != 'pdf')}.")
    check_target(Path(path))
    text = export_text(db, fmt, options, today)
    return write_atomically(Path(path), lambda temp: temp.write_text(text, encoding="utf-8"))


def case_references(db: Database) -> set[str]:
    """Every case reference held, open or closed (used to check exports carry none)."""
    return CaseStore(db).references()
