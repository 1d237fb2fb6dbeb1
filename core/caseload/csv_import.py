"""Import a caseload from a spreadsheet (CSV or .xlsx): check every row, then all rows or none."""

from __future__ import annotations

import re
from datetime import date, timedelta
from dataclasses import dataclass, field
from pathlib import Path

from core.common.crash_points import crash_point
from core.caseload.cases import CaseStore, case_problems
from core.common.dates import DateError, parse_date, shorten
from core.caseload.spreadsheet import Sheet, column_letter, read_csv_text, read_spreadsheet
from core.common.errors import ValidationError
from core.caseload.models import CASE_TYPES, FLAG_LABELS, FLAGS, UNTIERED, Case

REQUIRED_COLUMNS = ("reference", "case_type", "tier", "start_date")
OPTIONAL_COLUMNS = ("end_date", "t2a", "flags", "state")
# The names people give each column (compared in lower case, with _ - . : and runs of spaces
# read as one space): "Case type", "Type", "Sentence start", "Expected end", "Young adult".
COLUMN_NAMES = {
    "reference": ("reference", "ref", "case reference", "case ref", "case", "case id"),
    "case_type": ("case type", "type", "casetype", "type of case", "sentence type", "order type"),
    "tier": ("tier", "tiering", "tier level", "current tier"),
    "start_date": ("start date", "start", "sentence start", "sentence start date", "order start",
                   "order start date", "date started", "startdate"),
    "end_date": ("end date", "end", "expected end", "expected end date", "sentence end",
                 "sentence end date", "order end", "order end date", "enddate"),
    "t2a": ("t2a", "young adult", "young adult (t2a)", "t2a young adult"),
    "flags": ("flags", "flag", "risk flags", "risk flag"),
}
_COLUMN_OF = {name: column for column, names in COLUMN_NAMES.items() for name in names}
_TRUE = {"yes", "y", "true", "1", "t2a"}
# The `state` column: blank is a case being supervised. Past its end date is not a state to
# type: it follows from end_date.
_STATE_WORDS = {"": "supervised", "supervised": "supervised", "active": "supervised",
                "being supervised": "supervised", "warrant": "warrant",
                "waiting on an active warrant": "warrant", "waiting on a warrant": "warrant",
                "unpaid work only": "unpaid_work_only", "only unpaid work left": "unpaid_work_only",
                "unpaid work": "unpaid_work_only"}
HOW_STATES = ("use supervised, warrant or unpaid_work_only, or leave it blank (a case past its "
              "expected end date follows from end_date)")
_FALSE = {"no", "n", "false", "0", ""}
_FLAG_ALIASES = {label.lower(): key for key, label in FLAG_LABELS.items()}
_FLAG_ALIASES.update({key: key for key in FLAGS})
_FLAG_ALIASES.update({"da": "domestic_abuse", "cs": "child_safeguarding", "mh": "mental_health"})
MAX_CELL = 200  # no value a case holds is longer; a longer cell is a misread file
HOW_DATES = "use 2026-11-28 or 28/11/2026"
HOW_TYPES = "use " + ", ".join(CASE_TYPES)
HOW_FLAGS = (
    "use MAPPA 1/2/3, domestic abuse, child safeguarding, IOM, mental health or parole_recall, "
    "separated by ; or ,"
)
# Which column a message from `case_problems` is about, by the words it starts with.
_PROBLEM_COLUMNS = (
    ("case type", "case_type"), ("'", "tier"), ("unknown flag", "flags"),
    ("mappa", "flags"), ("the expected end date", "end_date"), ("the tier date", "tier"),
)


@dataclass
class RowProblem:
    """One line of the file that needs changing; `message` names each column and how to fix it."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass
class ImportPreview:
    """What a file would import: the cases, or every problem found (then nothing is imported).

    `detected` says how the file was read (kind, encoding, separator), for the preview."""

    cases: list[Case] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    detected: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.cases)


def _parse_flags(text: str) -> tuple[tuple[str, ...], int | None, list[str]]:
    """Flags in one cell separated by `;` or `,` (Excel users type either)."""
    flags: list[str] = []
    mappa: int | None = None
    bad: list[str] = []
    for part in (p.strip() for p in re.split(r"[;,]", text)):
        if not part:
            continue
        key = part.lower().replace("-", " ").strip()
        if key.replace(" ", "") in {"mappa1", "mappa2", "mappa3"}:
            mappa = int(key[-1])
        elif key in _FLAG_ALIASES or key.replace(" ", "_") in _FLAG_ALIASES:
            flags.append(_FLAG_ALIASES.get(key) or _FLAG_ALIASES[key.replace(" ", "_")])
        else:
            bad.append(part)
    return tuple(flags), mappa, bad


class _Row:
    """One data row by column name, collecting problems as (column, message)."""

    def __init__(self, cells: dict[str, str]):
        self.cells = cells
        self.problems: list[tuple[str, str]] = []

    def get(self, name: str) -> str:
        return normal_text(self.cells.get(name) or "")

    def problem(self, column: str, message: str) -> None:
        self.problems.append((column, message.rstrip(".")))

    def date(self, column: str, required: bool) -> date | None:
        text = self.get(column)
        if not text:
            if required:
                self.problem(column, f"the date is missing; {HOW_DATES}")
            return None
        text = _without_midnight(text)
        serial = _excel_serial(text)
        if serial is not None:
            return serial
        try:
            return parse_date(text)
        except DateError as exc:
            self.problem(column, f"{exc}")
            return None


def normal_text(text: str) -> str:
    """A cell as it reads: every run of white space (a non-breaking space from a web page or
    Windows-1252 0xA0 among them) one space, none at either end, no zero-width characters."""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())


def _without_midnight(text: str) -> str:
    """'2026-01-05 00:00:00' (a date cell saved as text) is the date."""
    found = re.fullmatch(r"(\S+)[ T]00:00(:00(\.0+)?)?", text)
    return found.group(1) if found else text


def _excel_serial(text: str) -> date | None:
    """A date Excel wrote as its serial number (45,000 is 15 March 2023) into a CSV."""
    found = re.fullmatch(r"(\d{5})(\.0+)?", text)
    if not found or not 20_000 <= int(found.group(1)) <= 80_000:  # 1954 to 2119
        return None
    return date(1899, 12, 30) + timedelta(days=int(found.group(1)))


def _column_of(message: str) -> str:
    lowered = message.lower()
    for start, column in _PROBLEM_COLUMNS:
        if lowered.startswith(start):
            return column
    return "reference"


def _row_to_case(row: _Row) -> Case | None:
    tier = row.get("tier").upper() or UNTIERED
    if tier.lower() == UNTIERED:
        tier = UNTIERED
    start = row.date("start_date", required=True)
    end = row.date("end_date", required=False)
    t2a_text = row.get("t2a").lower()
    if t2a_text not in _TRUE | _FALSE:
        row.problem("t2a", f"'{shorten(row.get('t2a'))}' should be yes or no")
    state = _STATE_WORDS.get(re.sub(r"[\s_\-]+", " ", row.get("state").lower()).strip())
    if state is None:
        row.problem("state", f"'{shorten(row.get('state'))}' is not a state the app knows; "
                    f"{HOW_STATES}")
    flags, mappa, bad_flags = _parse_flags(row.get("flags"))
    if bad_flags:
        unknown = ", ".join(f"'{shorten(f)}'" for f in bad_flags)
        row.problem("flags", f"{unknown} is not a flag the app knows; {HOW_FLAGS}")
    case = Case(
        reference=row.get("reference"),
        case_type=row.get("case_type").lower(),
        tier=tier,
        start_date=start or date(2000, 1, 1),
        expected_end_date=end,
        t2a=t2a_text in _TRUE,
        flags=flags,
        mappa_level=mappa,
        state=state or "supervised",
    )
    for message in case_problems(case):
        column = _column_of(message)
        if column == "case_type":
            message = f"'{shorten(row.get('case_type'))}' is not a case type; {HOW_TYPES}"
        elif column == "tier":
            message = message.replace(f"'{tier}'", f"'{shorten(tier)}'")
        if start or column != "end_date":
            row.problem(column, message)
    return case if start else None


def _where(headers: list[str], name: str) -> str:
    """`column D (start_date)`: the letter the spreadsheet shows, and the name in the first row."""
    return f"column {column_letter(headers.index(name))} ({name})" if name in headers else name


def column_name(cell: str) -> str:
    """The app's name for a header cell: its own, or the column a common name means."""
    said = re.sub(r"[\s_\-.:]+", " ", normal_text(cell).lower()).strip()
    return _COLUMN_OF.get(said, said.replace(" ", "_"))


def columns_taken(cells: list[str]) -> str:
    """Which header cells were read as which column, for the preview ("'Type' as case_type")."""
    taken = [
        f"'{shorten(normal_text(c))}' as {column_name(c)}" for c in cells
        if column_name(c) in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
        and normal_text(c) != column_name(c)
    ]
    return "columns read: " + ", ".join(taken) if taken else ""


def _header(cells: list[str]) -> tuple[list[str], RowProblem | None]:
    headers = [column_name(h) for h in cells]
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if missing:
        found = ", ".join(f"'{shorten(h)}'" for h in headers if h) or "nothing"
        return headers, RowProblem(
            1, "the first row should name the columns " + ", ".join(REQUIRED_COLUMNS)
            + f" (missing: {', '.join(missing)}; found {found}); "
            "add or rename them in the first row"
        )
    unknown = [
        f"column {column_letter(i)} ('{shorten(h)}')" for i, h in enumerate(headers)
        if h and h not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    ]
    if unknown:
        return headers, RowProblem(
            1, "columns the app does not keep: " + ", ".join(unknown)
            + " (delete them from the file; the app holds workload only and reads only " + ", ".join(
                REQUIRED_COLUMNS + OPTIONAL_COLUMNS) + ")"
        )
    return headers, None


HEADER_SEARCH_ROWS = 20  # a title, a date and a few notes above the table


def _header_elsewhere(sheet: Sheet, first: RowProblem) -> RowProblem | None:
    """Advice that fits when the first row is no header at all: the header row found lower down
    (a title above the table), or not on the first sheet of a workbook (a notes sheet first)."""
    wanted = ", ".join(REQUIRED_COLUMNS)
    for line, cells in sheet.rows[1:HEADER_SEARCH_ROWS]:
        if _header(cells)[1] is None:
            return RowProblem(first.line, f"the header row with {wanted} is on line {line}, not "
                              "the first; delete the rows above it")
    if sheet.other_sheets:
        others = ", ".join(repr(n) for n in sheet.other_sheets[:3])
        return RowProblem(first.line, (
            f"the header row with {wanted} was not found on the first sheet; move the sheet with "
            f"the caseload (the workbook also has {others}) to the front, or save it as CSV"
        ))
    return None


def preview_sheet(sheet: Sheet, existing_refs: set[str]) -> ImportPreview:
    """Check every row; each problem names the line, the column (letter and name) and the fix."""
    preview = ImportPreview(detected=sheet.detected)
    rows = [(n, cells) for n, cells in sheet.rows if any(c.strip() for c in cells)]
    if not rows:
        preview.problems += [RowProblem(n, m) for n, m in sheet.bad_lines] or [RowProblem(
            1, "the file has no rows; its first row should name the columns "
            + ", ".join(REQUIRED_COLUMNS)
        )]
        return preview
    header_line, header_cells = rows[0]
    headers, header_problem = _header(header_cells)
    if header_problem is not None:
        header_problem.line = header_line
        # A first row naming none of the columns is no header: say where the header is.
        elsewhere = None if set(headers) & set(REQUIRED_COLUMNS) else _header_elsewhere(
            sheet, header_problem)
        preview.problems.append(elsewhere or header_problem)
        return preview
    taken = columns_taken(header_cells)
    if taken:
        preview.detected = "; ".join(p for p in (preview.detected, taken) if p)
    seen: dict[str, int] = {}
    for line, cells in rows[1:]:
        if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers):]):
            preview.problems.append(RowProblem(
                line, f"column {column_letter(len(headers))}: more values than there are columns "
                "named in the first row; remove them or quote a value that holds the separator"
            ))
            continue
        row = _Row(dict(zip(headers, cells)))
        long = [(h, c) for h, c in zip(headers, cells) if len(c) > MAX_CELL]
        for name, cell in long:
            row.problem(name, f"the cell is {len(cell):,} characters long; shorten it (a case's "
                        f"values are at most {MAX_CELL} characters)")
        case = None if long else _row_to_case(row)
        if case is not None:
            ref = case.reference.upper()
            if ref in existing_refs:
                row.problem("reference", f"you already have a case called {case.reference}; "
                            "remove this row or give it another reference")
            elif ref and ref in seen:
                row.problem("reference", f"{case.reference} also appears on line {seen[ref]}; "
                            "give each case its own reference")
            seen.setdefault(ref, line)
        if row.problems:
            preview.problems.append(RowProblem(line, "; ".join(
                f"{_where(headers, c)}: {m}" for c, m in row.problems
            )))
        elif case is not None:
            preview.cases.append(case)
    preview.problems += [RowProblem(n, m) for n, m in sheet.bad_lines]
    if not preview.cases and not preview.problems:
        preview.problems.append(RowProblem(header_line + 1, "the file has a header but no cases"))
    return preview


def preview_csv_text(text: str, existing_refs: set[str]) -> ImportPreview:
    """`preview_sheet` for CSV text already decoded (a byte-order mark is ignored)."""
    known = set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS) | set(_COLUMN_OF)
    return preview_sheet(read_csv_text(text.lstrip("\ufeff"), known), existing_refs)


def preview_file(path: Path, store: CaseStore | None) -> ImportPreview:
    """Read a CSV or .xlsx file and check every row; the one path the app and `cases import` use.
    `store` None is a caseload not made yet (no references to clash with).

    Raises ValidationError (one sentence) for a file that is no spreadsheet; OSError if the file
    cannot be read at all."""
    sheet = read_spreadsheet(Path(path), set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS) | set(_COLUMN_OF))
    return preview_sheet(sheet, store.references() if store is not None else set())


preview_csv_file = preview_file  # the name the first version used


def import_preview(preview: ImportPreview, store: CaseStore) -> int:
    """Write every previewed case in one transaction; refuse if any row had a problem."""
    if not preview.ok:
        raise ValidationError([str(p) for p in preview.problems] or ["Nothing to import."])
    store.add_cases(preview.cases)
    crash_point("case_import.committed")
    return len(preview.cases)
