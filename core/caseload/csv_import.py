"""Import a caseload from a spreadsheet's CSV: check every row first, then all rows or none."""

from __future__ import annotations

import csv
import io
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

from core.caseload.cases import CaseStore, case_problems
from core.common.dates import DateError, parse_date, parse_optional_date
from core.common.errors import ValidationError
from core.caseload.models import FLAG_LABELS, FLAGS, UNTIERED, Case
from core.store.live_files import is_live

REQUIRED_COLUMNS = ("reference", "case_type", "tier", "start_date")
OPTIONAL_COLUMNS = ("end_date", "t2a", "flags")
_TRUE = {"yes", "y", "true", "1", "t2a"}
_FALSE = {"no", "n", "false", "0", ""}
_FLAG_ALIASES = {label.lower(): key for key, label in FLAG_LABELS.items()}
_FLAG_ALIASES.update({key: key for key in FLAGS})
_FLAG_ALIASES.update({"da": "domestic_abuse", "cs": "child_safeguarding", "mh": "mental_health"})
MAX_BYTES = 5 * 1024 * 1024


@dataclass
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass
class ImportPreview:
    """What a file would import: the cases, or every problem found (then nothing is imported)."""

    cases: list[Case] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.cases)


def _parse_flags(text: str) -> tuple[tuple[str, ...], int | None, list[str]]:
    flags: list[str] = []
    mappa: int | None = None
    bad: list[str] = []
    for part in (p.strip() for p in text.split(";")):
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


def _row_to_case(row: dict[str, str]) -> tuple[Case | None, list[str]]:
    problems: list[str] = []
    get = lambda name: (row.get(name) or "").strip()  # noqa: E731
    tier = get("tier").upper() or UNTIERED
    if tier.lower() == UNTIERED:
        tier = UNTIERED
    start = end = None
    try:
        start = parse_date(get("start_date"))
    except DateError as exc:
        problems.append(f"start_date {exc}" if get("start_date") else "start_date is missing")
    try:
        end = parse_optional_date(get("end_date"))
    except DateError as exc:
        problems.append(f"end_date {exc}")
    t2a_text = get("t2a").lower()
    if t2a_text not in _TRUE | _FALSE:
        problems.append(f"t2a should be yes or no, not '{get('t2a')}'")
    flags, mappa, bad_flags = _parse_flags(get("flags"))
    if bad_flags:
        problems.append(
            "unknown flag " + ", ".join(f"'{f}'" for f in bad_flags)
            + " (use MAPPA 1/2/3, domestic abuse, child safeguarding, IOM, mental health, "
            "parole_recall)"
        )
    case = Case(
        reference=get("reference"),
        case_type=get("case_type").lower(),
        tier=tier,
        start_date=start or date.min,
        expected_end_date=end,
        t2a=t2a_text in _TRUE,
        flags=flags,
        mappa_level=mappa,
    )
    problems.extend(p.rstrip(".") for p in case_problems(case) if start or "before" not in p)
    return (case if start else None), problems


def preview_csv_text(text: str, existing_refs: set[str]) -> ImportPreview:
    """Check every row of CSV text; problems name the line number and what is wrong."""
    preview = ImportPreview()
    text = text.lstrip("\ufeff")  # spreadsheets often save a byte-order mark
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if missing:
        preview.problems.append(
            RowProblem(1, "the header row needs the columns " + ", ".join(missing))
        )
        return preview
    unknown = [h for h in headers if h and h not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        preview.problems.append(
            RowProblem(1, "columns the app does not keep: " + ", ".join(unknown)
                       + " (remove them; the app holds workload only)")
        )
        return preview
    reader.fieldnames = headers
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        if None in row:
            preview.problems.append(RowProblem(line, "more values than there are columns"))
            continue
        case, problems = _row_to_case(row)
        if case is not None:
            ref = case.reference.upper()
            if ref in existing_refs:
                problems.append(f"you already have a case called {case.reference}")
            elif ref and ref in seen:
                problems.append(f"{case.reference} also appears on line {seen[ref]}")
            seen.setdefault(ref, line)
        if problems:
            preview.problems.append(RowProblem(line, "; ".join(problems)))
        elif case is not None:
            preview.cases.append(case)
    if not preview.cases and not preview.problems:
        preview.problems.append(RowProblem(2, "the file has a header but no cases"))
    return preview


def read_csv_file(path: Path) -> str:
    if is_live(path):  # never read the open data file outside SQLite (core.store.live_files)
        raise ValidationError("That is your data file, not a CSV file.")
    if path.stat().st_size > MAX_BYTES:
        raise ValidationError("That file is larger than a caseload file could be (5 MB).")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("The file is not a text CSV file.")


def preview_csv_file(path: Path, store: CaseStore) -> ImportPreview:
    return preview_csv_text(read_csv_file(path), store.references())


def import_preview(preview: ImportPreview, store: CaseStore) -> int:
    """Write every previewed case in one transaction; refuse if any row had a problem."""
    if not preview.ok:
        raise ValidationError([str(p) for p in preview.problems] or ["Nothing to import."])
    store.add_cases(preview.cases)
    return len(preview.cases)
