"""Reductions agreed with a manager, and court reports completed: both dated, both kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.common import clock
from core.common.dates import add_months, from_iso, to_iso
from core.common.errors import ValidationError
from core.common.exact import to_decimal, too_precise
from core.common.hours import hours_text
from core.caseload.models import REPORT_KINDS, CourtReport, Reduction
from core.store.rows import inserted_id
from core.store.kept_deletion import KeptRows, delete_keeping

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class ReductionReason:
    """A reason from the published WMT list (2021 published defaults)."""

    label: str
    default_percent: float | None = None  # % of contracted hours, where the list has one
    auto_end_months: int | None = None
    max_percent: float | None = None  # a cap on what the user may enter


PUBLISHED_REASONS: tuple[ReductionReason, ...] = (
    ReductionReason("PQiP trainee, first 6 months", 80, 6),
    ReductionReason("PQiP trainee, 6-12 months", 60, 6),
    ReductionReason("PQiP trainee, 12-18 months", 40, 6),
    ReductionReason("Newly qualified officer", 20, 9),
    ReductionReason("PSO learning and development", 20, 6),
    ReductionReason("Vocational qualification level 3", 5, 6),
    ReductionReason("Level 4/5 access", 10, 6),
    ReductionReason("Maternity / adoption leave", 100, 6),
    ReductionReason("Long-term sickness", 100),
    ReductionReason("Special leave", 100),
    ReductionReason("Other paid or unpaid leave", 100),
    ReductionReason("Trade union facility time", max_percent=50),
    ReductionReason("Single point of contact lead", max_percent=5),
    ReductionReason("Disability"),
    ReductionReason("Phased return"),
    ReductionReason("Pregnancy"),
    ReductionReason("Co-worked cases"),
    ReductionReason("Group work"),
    ReductionReason("Court duty"),
    ReductionReason("Split role"),
    ReductionReason("Protected caseload"),
    ReductionReason("Other"),
)
_BY_LABEL = {r.label.lower(): r for r in PUBLISHED_REASONS}


def published_reason(label: str) -> ReductionReason | None:
    return _BY_LABEL.get(label.strip().lower())


def automatic_end(reason: str, start: date) -> date | None:
    """The last day the published list gives this reason ("6 months" from 1 March is the last
    day of August), so a reduction that follows on, starting on the same date 6 months later,
    never overlaps it; None if open-ended."""
    known = published_reason(reason)
    if known is None or known.auto_end_months is None:
        return None
    return add_months(start, known.auto_end_months) - timedelta(days=1)


def reduction_problems(reduction: Reduction, contracted_hours: Decimal) -> list[str]:
    contracted_hours = to_decimal(contracted_hours)
    problems = []
    if not reduction.reason.strip():
        problems.append("Give a reason for the reduction.")
    elif len(reduction.reason) > 80:
        problems.append("Keep the reason to 80 characters or fewer.")
    else:
        from core.common.identifiers import identifier_message  # only when saving (cases.py)

        message = identifier_message("reason", reduction.reason)
        if message:
            problems.append(message)
    has_hours = reduction.hours_per_week is not None
    has_percent = reduction.percent is not None
    for value in (reduction.hours_per_week, reduction.percent):
        if value is not None and not isinstance(value, Decimal):
            problems.append("Give the reduction as a number, such as 7.4 hours or 20%.")
            return problems
    if has_hours == has_percent:
        problems.append("Give the reduction either in hours a week or as a % of contracted hours.")
    if any(v is not None and too_precise(v) for v in (reduction.hours_per_week, reduction.percent)):
        problems.append("Give the reduction to at most two decimal places, such as 7.4 hours "
                        "or 12.5%.")
    hours, percent = reduction.hours_per_week, reduction.percent
    if hours is not None and not (0 < hours <= contracted_hours):
        problems.append(
            f"Hours a week must be more than 0 and no more than your {contracted_hours:g} "
            "contracted hours."
        )
    if percent is not None and not (0 < percent <= 100):
        problems.append("A percentage must be more than 0 and at most 100.")
    known = published_reason(reduction.reason)
    if known and known.max_percent is not None and not problems:
        pct = reduction.percent
        if pct is None:
            pct = 100 * (reduction.hours_per_week or Decimal(0)) / contracted_hours
        if pct > Decimal(str(known.max_percent)):
            problems.append(
                f"{known.label} is capped at {known.max_percent:g}% of contracted hours "
                f"({hours_text(Decimal(contracted_hours) * Decimal(str(known.max_percent)) / 100)}"
                " a week)."
            )
    if reduction.end_date and reduction.end_date < reduction.start_date:
        problems.append("The end date is before the start date.")
    return problems


def add_reduction(db: Database, reduction: Reduction, contracted_hours: Decimal) -> Reduction:
    if reduction.end_date is None:
        reduction.end_date = automatic_end(reduction.reason, reduction.start_date)
    problems = reduction_problems(reduction, contracted_hours)
    if problems:
        raise ValidationError(problems)
    reduction.id = inserted_id(db.table("reductions").insert(
        {
            "reason": reduction.reason.strip(),
            # As text: the decimal typed, never a binary float.
            "hours_per_week": _text(reduction.hours_per_week),
            "percent": _text(reduction.percent),
            "start_date": reduction.start_date.isoformat(),
            "end_date": to_iso(reduction.end_date),
        }
    ))
    return reduction


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def list_reductions(db: Database) -> list[Reduction]:
    return [
        Reduction(
            id=r["id"],
            reason=r["reason"],
            hours_per_week=r["hours_per_week"],
            percent=r["percent"],
            start_date=date.fromisoformat(r["start_date"]),
            end_date=from_iso(r["end_date"]),
        )
        for r in db.query("SELECT * FROM reductions ORDER BY start_date, id")
    ]


def delete_reduction(db: Database, reduction_id: int) -> KeptRows:
    """Delete a reduction; what went, for Undo."""
    return delete_keeping(db, "reductions", "id", [reduction_id])


def add_report(db: Database, kind: str, completed: date) -> CourtReport:
    if kind not in REPORT_KINDS:
        raise ValidationError("A court report is either standard or fast.")
    if completed > clock.today():
        raise ValidationError("A completed report cannot be dated in the future.")
    row_id = inserted_id(db.table("court_reports").insert(
        {"kind": kind, "completed_date": completed.isoformat()}
    ))
    return CourtReport(kind, completed, row_id)


def reports_alike(db: Database, report: CourtReport) -> int:
    """How many reports of `report`'s kind are recorded as completed on its day, itself too."""
    return db.execute("SELECT count(*) FROM court_reports WHERE kind = ? AND completed_date = ?",
                      [report.kind, report.completed_date.isoformat()]).fetchone()[0]


def list_reports(db: Database) -> list[CourtReport]:
    return [
        CourtReport(r["kind"], date.fromisoformat(r["completed_date"]), r["id"])
        for r in db.query("SELECT * FROM court_reports ORDER BY completed_date, id")
    ]


def delete_report(db: Database, report_id: int) -> KeptRows:
    """Delete a court report; what went, for Undo."""
    return delete_keeping(db, "court_reports", "id", [report_id])
