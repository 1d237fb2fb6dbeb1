"""Read a spreadsheet file as Excel saves it into numbered rows of text cells.

CSV in UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode
text") or the Windows code page Excel writes by default (Windows-1252); separated by commas,
semicolons (Excel in many European locales) or tabs; with any line ends (bare CR is Excel for
Mac's "CSV"). An `.xlsx` workbook is read directly (openpyxl): the first visible sheet
that holds anything, merged cells read as the value Excel shows across them.
What was detected is kept in `Sheet.detected` so the preview can say it.

Errors: `ValidationError` with one sentence saying what the file is and what to do instead, for a
file that is not a spreadsheet (binary, empty, too large, an old `.xls`, a damaged workbook).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
    other_sheets: list[str] = field(default_factory=list)  # a workbook's sheets after the first


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
    bomless = _utf16_without_bom(raw)
    if bomless:
        return bomless
    if b"\x00" in raw:
        raise ValidationError(
            f"The file is not a spreadsheet's text (it holds binary data); {SAVE_AS}."
        )
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:  # Excel on Windows; Mac Roman decodes any bytes at all, so it must not win a tie
        return raw.decode("cp1252"), EXCEL_CODE_PAGES["cp1252"]
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


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, known by its pattern of NUL bytes: mostly
    Latin text has a NUL in every other byte (odd places little-endian, even big-endian)."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    half = len(raw) // 2
    odd, even = raw[1::2].count(0), raw[0::2].count(0)
    for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.8 * half and other == 0:
            try:
                return raw.decode(codec), "UTF-16 (without a byte-order mark)"
            except UnicodeDecodeError:
                return None
    return None


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
    first, _, rest = text.partition("\n")
    directive = first.strip().lower()
    if directive.startswith("sep=") and len(directive) == 5:  # Excel's "sep=;" first line
        delimiter = first.strip()[4]
        if delimiter not in DELIMITERS:
            raise ValidationError(f"The file's first line says to separate by '{delimiter}'; "
                                  f"{SAVE_AS}.")
        text = "\n" + rest  # keep the file's line numbers
    else:
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
        if not any(c.strip() for c in cells):
            continue  # empty rows (a template formatted far down) are no rows at all
        if len(sheet.rows) >= MAX_ROWS:
            raise ValidationError(
                f"The file has more than {MAX_ROWS:,} rows; no caseload is that long."
            )
        sheet.rows.append((line, cells))
    _unclosed_quote(text, sheet)
    return sheet


def _unclosed_quote(text: str, sheet: Sheet) -> None:
    """A quote opened and never closed swallows the rest of the file into one cell: the last
    row's last cell then holds a line break and the file does not end with the closing quote.
    That row becomes one bad line naming the quote, not a list of its swallowed values."""
    if not sheet.rows or sheet.bad_lines:
        return
    line, cells = sheet.rows[-1]
    last = cells[-1] if cells else ""
    if ("\n" in last or "\r" in last) and not text.rstrip().endswith('"'):
        sheet.rows.pop()
        sheet.bad_lines.append((line, (
            f"column {column_letter(len(cells) - 1)}: a quote (\") opens a cell here and is never "
            "closed, so the rest of the file was read as that cell; add the closing quote"
        )))


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


STRICT = b"purl.oclc.org/ooxml/spreadsheetml"
ODS = b"application/vnd.oasis.opendocument.spreadsheet"  # the mimetype an .ods file opens with
UNREADABLE = (
    "The workbook could not be read ({}); open it in Excel and save it again as .xlsx, or save "
    "it as CSV."
)


def _strict(data: bytes) -> bool:
    """Whether the workbook is saved as "Strict Open XML", which openpyxl cannot read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return STRICT in archive.read("xl/workbook.xml")[:4096]
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _open_book(path: Path) -> Any:
    from openpyxl import load_workbook  # only when a workbook is chosen
    from openpyxl.utils.exceptions import InvalidFileException

    data = path.read_bytes()
    if data.startswith(b"PK") and ODS in data[:200]:
        raise ValidationError(
            f"{path.name} is an OpenDocument spreadsheet (.ods), which cannot be read; in "
            "LibreOffice choose File > Save As, Excel 2007-365 (.xlsx), or save it as CSV."
        )
    if _strict(data):
        raise ValidationError(
            f"{path.name} is saved as a Strict Open XML workbook, which cannot be read; in Excel "
            "choose File > Save As, Excel Workbook (.xlsx), or save it as CSV."
        )
    # openpyxl warns on the terminal about what it skips (data validation, conditional
    # formats, an unknown extension); none of it is a caseload's data.
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    try:
        # A handle, not the name: a workbook saved as "cases.csv" is still read as a workbook.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except OSError as exc:
        if "workbook part" not in str(exc):
            raise
        raise ValidationError(
            f"{path.name} is not an Excel workbook (it is another kind of zip file, such as a "
            "Word document); save the caseload as .xlsx or CSV."
        ) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError,
            IndexError, AttributeError, SyntaxError) as exc:  # SyntaxError: broken XML inside
        said = "the file is damaged or not all there" if isinstance(exc, zipfile.BadZipFile) else (
            "part of it is damaged")
        raise ValidationError(UNREADABLE.format(said)) from None


MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _merges(worksheet: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges (first row, first column, last row, last column), read from the sheet's
    XML: openpyxl's read-only mode, which reads a large sheet quickly, does not give them."""
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        with worksheet.parent._archive.open(worksheet._worksheet_path) as part:
            xml = part.read(MAX_BYTES * 20)
    except (AttributeError, KeyError, OSError):
        return []
    found = []
    for first, last in MERGE.findall(xml):
        (row1, col1), (row2, col2) = (coordinate_to_tuple(c.decode()) for c in (first, last))
        found.append((row1, col1, min(row2, MAX_ROWS), min(col2, MAX_COLUMNS)))
    return found


def _sheet_rows(worksheet: Any) -> list[tuple[int, list[str]]]:
    merges = _merges(worksheet)
    raw: list[tuple[int, list[object]]] = []
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if any(v is not None and str(v).strip() for v in values[:MAX_COLUMNS]):
            raw.append((number, list(values[:MAX_COLUMNS])))
        if len(raw) > MAX_ROWS:
            raise ValidationError(
                f"The sheet has more than {MAX_ROWS:,} rows; no caseload is that long."
            )
    if merges:  # the value Excel shows across a merge, on every row and column it spans
        by_row = dict(raw)
        for row1, col1, row2, col2 in merges:
            top = by_row.get(row1, [])
            value = top[col1 - 1] if col1 <= len(top) else None
            for number in range(row1, row2 + 1):
                spanned = by_row.setdefault(number, [])
                spanned.extend([None] * (col2 - len(spanned)))
                for column in range(col1, col2 + 1):
                    spanned[column - 1] = value
        raw = sorted(by_row.items())
    rows: list[tuple[int, list[str]]] = []
    for number, values in raw:
        cells = [_cell_text(value) for value in values]
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            continue  # empty rows (borders or formats applied far down) are no rows at all
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                f"The sheet has more than {MAX_ROWS:,} rows; no caseload is that long."
            )
        rows.append((number, cells))
    return rows


def read_xlsx(path: Path) -> Sheet:
    """Rows of the workbook's first visible sheet that holds anything (row numbers as Excel
    shows them); the other visible sheets are named for the advice."""
    book = _open_book(path)
    try:
        visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
        visible = visible or list(book.worksheets)
        if not visible:
            raise ValidationError(f"The workbook has no sheets; {SAVE_AS}.")
        chosen, rows = visible[0], _sheet_rows(visible[0])
        for other in visible[1:]:
            if rows:
                break
            chosen, rows = other, _sheet_rows(other)
        sheet = Sheet(rows=rows, detected=f"Excel workbook, sheet '{chosen.title}'")
        sheet.other_sheets = [ws.title for ws in visible if ws is not chosen]
        if len(visible) > 1:
            sheet.detected += f" (of {len(visible)} visible sheets)"
        return sheet
    except ValidationError:
        raise  # the row cap's own sentence, never relabelled as an unreadable workbook
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError,
            SyntaxError) as exc:  # SyntaxError: a sheet's XML broken (lxml's and ElementTree's)
        said = "the file is damaged or not all there" if isinstance(exc, zipfile.BadZipFile) else (
            "part of it is damaged")
        raise ValidationError(UNREADABLE.format(said)) from None
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
            "This is an old-style Excel .xls file (or a workbook with a password); in Excel "
            "choose Save As, Excel workbook (.xlsx) or CSV, and import that."
        )
    text, encoding = decode(path.read_bytes())
    return read_csv_text(text, known_columns, encoding)
