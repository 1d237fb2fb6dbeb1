"""Read a spreadsheet file as Excel saves it into numbered rows of text cells.

CSV in UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode
text") or the Windows code page Excel writes by default (Windows-1252); separated by commas,
semicolons (Excel in many European locales) or tabs; with any line ends (bare CR is Excel for
Mac's "CSV"). An `.xlsx` workbook is read directly (openpyxl, read-only mode), first sheet only.
What was detected is kept in `Sheet.detected` so the preview can say it.

Errors: `ValidationError` with one sentence saying what the file is and what to do instead, for a
file that is not a spreadsheet (binary, empty, too large, an old `.xls`, a damaged workbook).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from core.common.errors import ValidationError
from core.store.live_files import is_live

MAX_BYTES = 5 * 1024 * 1024  # ten thousand cases would fit in a tenth of this
MAX_ROWS = 10_000
MAX_COLUMNS = 50
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) format
# The code pages Excel writes a "CSV" in when not asked for UTF-8: Windows (UK and Western Europe)
# and Excel for Mac. Detection is limited to these, so a binary file is never "decoded" as Korean.
EXCEL_CODE_PAGES = {
    "cp1252": "Windows-1252 (Excel's usual encoding on Windows)",
    "mac_roman": "Mac Roman (Excel for Mac's CSV)",
}
SAVE_AS = "save it from your spreadsheet as CSV (comma delimited) or Excel workbook (.xlsx)"


@dataclass
class Sheet:
    """Rows as (line or row number in the file, cells), and what was detected in reading it.

    `bad_lines` holds (line, message) for lines that could not be read as CSV at all."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    detected: str = ""
    bad_lines: list[tuple[int, str]] = field(default_factory=list)


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def decode(raw: bytes) -> tuple[str, str]:
    """(text, name of the encoding found) for CSV bytes; ValidationError when it is not text."""
    for bom, codec, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with byte-order mark"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), name
            except UnicodeDecodeError:
                raise ValidationError(
                    f"The file says it is {name} but is not; {SAVE_AS}."
                ) from None
    if b"\x00" in raw:
        raise ValidationError(
            f"The file is not a spreadsheet's text (it holds binary data); {SAVE_AS}."
        )
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(raw, cp_isolation=list(EXCEL_CODE_PAGES)).best()
    if best is None:
        raise ValidationError(
            f"The file is not a spreadsheet's text (not UTF-8, UTF-16 or a code page Excel "
            f"writes); {SAVE_AS}."
        )
    return str(best), EXCEL_CODE_PAGES.get(best.encoding, best.encoding)


def _delimiter(text: str, known: set[str]) -> str:
    """The separator splitting the first line into the most known column names (comma on a tie)."""
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    best, best_score = ",", (-1, -1)
    for candidate in DELIMITERS:
        try:
            cells = next(csv.reader([first.rstrip("\r\n")], delimiter=candidate), [])
        except csv.Error:
            continue
        score = (sum(c.strip().lower() in known for c in cells), len(cells))
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv_text(text: str, known_columns: set[str], encoding: str = "") -> Sheet:
    """Rows of CSV text with its delimiter and line ends detected; line numbers are the file's."""
    delimiter = _delimiter(text, known_columns)
    parts = ["CSV", encoding, f"separated by {DELIMITERS[delimiter]}"]
    sheet = Sheet(detected=", ".join(p for p in parts if p))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            message = str(exc)
            if "field larger than field limit" in message:
                message = (
                    f"a cell is longer than {csv.field_size_limit():,} characters, far longer than "
                    "anything a case holds; check for a missing closing quote (\") on this line"
                )
            else:
                message = f"this line cannot be read as CSV ({message}); check its quotes"
            sheet.bad_lines.append((line, message))
            break
        if len(sheet.rows) >= MAX_ROWS:
            raise ValidationError(
                f"The file has more than {MAX_ROWS:,} rows; no caseload is that long."
            )
        sheet.rows.append((line, cells))
    return sheet


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> Sheet:
    """Rows of the workbook's first sheet (row numbers as Excel shows them), read-only."""
    from openpyxl import load_workbook  # only when a workbook is chosen
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # A handle, not the name: a workbook saved as "cases.csv" is still read as a workbook.
        book = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as exc:
        raise ValidationError(
            f"The workbook could not be read ({type(exc).__name__}); open it in Excel and save it "
            "again as .xlsx, or save it as CSV."
        ) from None
    try:
        sheet_ = book.worksheets[0]
        sheet = Sheet(detected=f"Excel workbook, sheet '{sheet_.title}'")
        rows = sheet_.iter_rows(min_row=1, min_col=1, values_only=True)  # A1 on, as Excel numbers
        for number, values in enumerate(rows, start=1):
            if number > MAX_ROWS:
                raise ValidationError(
                    f"The sheet has more than {MAX_ROWS:,} rows; no caseload is that long."
                )
            cells = [_cell_text(v) for v in values[:MAX_COLUMNS]]
            while cells and not cells[-1].strip():
                cells.pop()
            sheet.rows.append((number, cells))
        if len(book.worksheets) > 1:
            sheet.detected += f" (the first of {len(book.worksheets)} sheets)"
        return sheet
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise ValidationError(
            f"The workbook could not be read ({type(exc).__name__}); open it in Excel and save it "
            "again as .xlsx, or save it as CSV."
        ) from None
    finally:
        book.close()


def read_spreadsheet(path: Path, known_columns: set[str]) -> Sheet:
    """The rows of a CSV or .xlsx file; ValidationError (one sentence) for anything else.

    OSError propagates for a file that cannot be opened at all."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError(f"{path.name} is a folder; choose a CSV or .xlsx file.")
    if is_live(path):  # never read the open data file outside SQLite (core.store.live_files)
        raise ValidationError("That is your data file, not a spreadsheet.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError("That file is larger than a caseload file could be (5 MB).")
    with open(path, "rb") as handle:
        head = handle.read(8)
    if size == 0:
        raise ValidationError(
            "The file is empty; its first row should name the columns reference, case_type, tier "
            "and start_date."
        )
    if head.startswith(XLSX_MAGIC):
        return read_xlsx(path)
    if head.startswith(OLE_MAGIC):
        raise ValidationError(
            "This is an old-style Excel .xls file; in Excel choose Save As, Excel workbook (.xlsx) "
            "or CSV, and import that."
        )
    text, encoding = decode(path.read_bytes())
    return read_csv_text(text, known_columns, encoding)
