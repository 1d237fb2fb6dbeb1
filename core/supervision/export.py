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
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Callable, Iterable, Sequence

from sqlite_utils import Database

from core.common import clock
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.store.live_files import is_live
from core.supervision.summary import SummaryOptions, classification_line, compose_summary
from core.supervision.summary import classification_problem
from core.supervision.summary import default_period
from core.supervision.summary_model import Summary, long_date
from core.time.entry_listing import entry_columns

FORMATS: tuple[str, ...] = ("pdf", "html", "md", "csv")
# Formats without pages: the summary in them is whole, never cut to fit a page.
PAGELESS: tuple[str, ...] = ("html", "md")
FORMAT_LABELS = {
    "pdf": "PDF, for printing or attaching",
    "html": "Web page (HTML), for pasting into an email",
    "md": "Markdown, for notes",
    "csv": "CSV of the time entries in the period",
}

# Each format's name in a sentence ("Saved the Markdown for …"), where the extension would not read.
FORMAT_NAMES = {"pdf": "PDF", "html": "HTML", "md": "Markdown", "csv": "CSV"}


def default_file_name(fmt: str, today: date | None = None) -> str:
    """A neutral name that says nothing about anyone: supervision-2026-11-28.pdf."""
    return f"supervision-{(today or clock.today()).isoformat()}.{fmt}"


class TargetExistsError(ValidationError):
    """The chosen file already exists and replacing it was not asked for."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"{path} already exists; choose another name, or replace it on purpose.")


def check_target(path: Path, overwrite: bool = False) -> None:
    """Refuse, before any work, a target that cannot be written, or that exists unless
    `overwrite` (raises TargetExistsError, a ValidationError, for that)."""
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
    if path.exists() and not overwrite:
        raise TargetExistsError(path)


def _publish(temp: Path, path: Path, overwrite: bool) -> None:
    """Move the finished file into place; without `overwrite`, never onto an existing file
    (a hard link fails if the name was taken meanwhile, so there is no window for a race)."""
    if overwrite:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)
    except FileExistsError:
        raise TargetExistsError(path) from None
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise TargetExistsError(path) from None
        os.replace(temp, path)
        return
    temp.unlink()


def write_atomically(path: Path, write: Callable[[Path], object], overwrite: bool = False) -> Path:
    """Call `write(temp_path)` then move the finished file to `path`; clean up on failure.

    Raises ValidationError (TargetExistsError when `path` exists and not `overwrite`)."""
    path = Path(path)
    check_target(path, overwrite)
    fd, temp_name = tempfile.mkstemp(prefix=".supervision-", suffix=".part", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        _publish(temp, path, overwrite)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        from core.store.disk_space import DISK_FULL_MESSAGE, is_disk_full
        from core.store.errors import DiskFullError

        if is_disk_full(exc, path.parent):  # the promised sentence, as for the data (exit 1)
            raise DiskFullError(DISK_FULL_MESSAGE) from exc
        raise ValidationError(
            f"The file could not be saved at {path} ({exc.strerror or exc}). Nothing was written."
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


# A cell starting with one of these runs as a formula when the file is opened in a spreadsheet
# (OWASP, "CSV Injection"); such a cell is written with a leading apostrophe, shown as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # Excel on Windows reads a CSV as UTF-8 only when it starts with this


def safe_cell(text: str) -> str:
    """`text` as a spreadsheet shows it, never run: a leading apostrophe before = + - @ tab CR."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def hours_cell(minutes: int) -> str:
    """Hours to 15 significant figures, as many as a spreadsheet keeps ("0.333333333333333" for
    20 minutes, "1.5", "2"): a column rounded per row to 2 places adds up wrong (4,158 entries
    of 20 minutes made 1,372.14 hours, not 1,386), while these add up to the app's own total."""
    with localcontext() as context:
        context.prec, context.rounding = 15, ROUND_HALF_UP
        hours = (Decimal(minutes) / Decimal(60)).normalize()
    return f"{hours:f}"


def time_entries_csv(db: Database, start: date, end: date, include_cases: bool = False,
                     classification: str = "") -> str:
    """One row per time entry in the period; the case and the note only with include_cases.

    Starts with a UTF-8 byte-order mark (so Excel shows – é and emoji as written); the
    classification line (e.g. OFFICIAL), when there is one, is the first row, as it heads every
    other format; every cell typed by the practitioner is passed through `safe_cell`.
    Raises ValidationError for a classification line the summary would refuse (one line, 60
    characters at most), so every format takes the same lines."""
    problem = classification_problem(classification)
    if problem:
        raise ValidationError(problem)
    header = ["date", "start", "end", "minutes", "hours", "activity", "counted_by_wmt"]
    if include_cases:
        header += ["case", "note"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if classification.strip():
        writer.writerow([safe_cell(classification.strip())])
    writer.writerow(header)
    listed = entry_columns(db, start, end)  # as plain texts: ten years are 50,000 rows

    def each(column: Sequence, cell: Callable) -> Iterable[str]:
        shown = {value: cell(value) for value in set(column)}  # once per distinct value
        return map(shown.__getitem__, column)

    columns = [listed.date, each(listed.start, lambda t: t or ""),
               each(listed.end, lambda t: t or ""), listed.minutes,
               each(listed.minutes, hours_cell), each(listed.activity, safe_cell),
               each(listed.counted_by_wmt, lambda counted: "yes" if counted else "no")]
    if include_cases:
        columns += [each(listed.case_reference, lambda ref: safe_cell(ref or "")),
                    map(safe_cell, listed.note)]
    writer.writerows(zip(*columns))
    return BOM + out.getvalue()


def resolve_period(db: Database, options: SummaryOptions, today: date) -> tuple[date, date]:
    start, end = default_period(db, today)
    start, end = options.start or start, options.end or end
    if start > end:
        raise ValidationError(
            f"The period starts ({long_date(start)}) after it ends ({long_date(end)}). "
            "Choose a start date on or before the end date."
        )
    return start, end


def summary_text(summary: Summary, fmt: str) -> str:
    """The fitted summary as html or md text (the PDF is drawn from the same Summary)."""
    # Imported here: the CSV of the time entries needs neither.
    from core.supervision.summary_render import summary_html, summary_markdown

    if fmt == "html":
        return summary_html(summary)
    if fmt == "md":
        return summary_markdown(summary)
    raise ValidationError(f"Choose a format: {', '.join(FORMATS)}.")


def fitted_summary(
    db: Database, options: SummaryOptions, today: date | None,
    fits: Callable[[Summary], bool],
) -> Summary:
    """Compose the period in full, then fit it once against `fits` (the real page layout)."""
    from core.supervision.summary_fit import fit_summary

    return fit_summary(compose_summary(db, options, today), fits)


def export_text(
    db: Database, fmt: str, options: SummaryOptions, today: date | None = None,
    fits: Callable[[Summary], bool] | None = None,
) -> str:
    """The export's whole text for html, md or csv. html and md need `fits`, the page layout
    the PDF uses, so every format carries the same fitted composition."""
    today = today or clock.today()
    if fmt == "csv":
        start, end = resolve_period(db, options, today)
        classification = (options.classification if options.classification is not None
                          else classification_line(db))
        return time_entries_csv(db, start, end, options.include_cases, classification)
    if fmt not in ("html", "md"):
        raise ValidationError(f"Choose a format: {', '.join(FORMATS)}.")
    if fits is None:
        raise ValueError("html and md are fitted against the page layout: pass `fits`")
    return summary_text(fitted_summary(db, options, today, fits), fmt)


def write_text(path: Path, text: str, overwrite: bool = False) -> Path:
    """Write an export's text to `path` atomically (raises ValidationError as write_atomically)."""
    return write_atomically(Path(path), lambda temp: temp.write_text(text, encoding="utf-8"),
                            overwrite)


def case_references(db: Database) -> set[str]:
    """Every case reference held, open or closed (used to check exports carry none)."""
    return CaseStore(db).references()
