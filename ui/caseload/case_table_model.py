"""The caseload table: one row per case, with raw sort values and the Case behind each row."""

from __future__ import annotations

from datetime import date
from typing import Any

from core.common import clock
from core.caseload.models import (
    CASE_STATE_LABELS,
    CASE_TYPE_LABELS,
    CLOSE_REASON_LABELS,
    FLAG_LABELS,
    TIERS,
    UNTIERED,
    Case,
)
from ui.widgets.date_fields import format_date
from ui.widgets.list_table_model import OBJECT_ROLE, SORT_ROLE, Column, ListTableModel

CASE_ROLE = OBJECT_ROLE
__all__ = ["CaseTableModel", "CASE_ROLE", "SORT_ROLE", "tier_rank", "next_due", "flag_text"]

(
    COL_REFERENCE,
    COL_TYPE,
    COL_TIER,
    COL_STARTED,
    COL_EXPECTED_END,
    COL_FLAGS,
    COL_NEXT_DUE,
    COL_STATUS,
) = range(8)

SHORT_FLAGS = {
    "domestic_abuse": "DA",
    "child_safeguarding": "CS",
    "iom": "IOM",
    "mental_health": "MH",
    "parole_recall": "Parole",
}
_STATE_SHORT = {"warrant": "warrant", "unpaid_work_only": "unpaid work only"}


def tier_rank(tier: str) -> int:
    """Higher for heavier tiers: A3 > A2 > … > D0 > A3S > … > D0S > untiered."""
    return len(TIERS) - TIERS.index(tier) if tier in TIERS else 0


UNTIERED_TIP = ("An untiered case scores nothing in the estimate: give it its tier with Edit "
                "(Enter).")


def tier_text(case: Case) -> str:
    text = "Untiered (0 points)" if case.tier == UNTIERED else case.tier
    return f"{text} · T2A" if case.t2a else text


def flag_text(case: Case) -> str:
    parts = [f"MAPPA {case.mappa_level}"] if case.mappa_level else []
    parts += [SHORT_FLAGS.get(f, f) for f in case.flags]
    return ", ".join(parts)


def flag_words(case: Case) -> str:
    """The flags in full, as a screen reader says the cell: "Domestic abuse", never "DA"."""
    parts = [f"MAPPA level {case.mappa_level}"] if case.mappa_level else []
    parts += [FLAG_LABELS.get(f, f) for f in case.flags]
    return ", ".join(parts)


def flag_tooltip(case: Case) -> str | None:
    parts = [f"MAPPA level {case.mappa_level}"] if case.mappa_level else []
    parts += [FLAG_LABELS.get(f, f) for f in case.flags]
    return "\n".join(parts) or None


def next_due(case: Case) -> tuple[date, str] | None:
    """The soonest of the next report and next review, with which one it is."""
    dues = [(d, what) for d, what in ((case.next_report_due, "Report"),
                                       (case.next_review_due, "Review")) if d]
    return min(dues) if dues else None


def _next_due_text(case: Case) -> str:
    due = None if case.closed_date else next_due(case)
    return f"{due[1]} {format_date(due[0])}" if due else ""


def _overdue(case: Case) -> bool:
    return case.is_overdue_on(clock.today())


def status_text(case: Case) -> str:
    if case.closed_date:
        return f"Closed on {format_date(case.closed_date)}"
    if _overdue(case):
        return "Past end date"  # still open: an overdue termination
    short = _STATE_SHORT.get(case.state)
    return f"Active ({short})" if short else "Active"


def overdue_tooltip(case: Case) -> str:
    return (f"Still open after its expected end date ({format_date(case.expected_end_date)}), "
            "so it scores as an overdue termination from the day after, as in the official "
            "tool: nothing, by default. Close it, or move its end date.")


def _status_tooltip(case: Case) -> str | None:
    if case.closed_date:
        return CLOSE_REASON_LABELS.get(case.close_reason or "", case.close_reason)
    if _overdue(case):
        return overdue_tooltip(case)
    return CASE_STATE_LABELS.get(case.state)


def _expected_end_text(case: Case) -> str:
    return format_date(case.expected_end_date)


def _status_sort(case: Case) -> Any:
    # Ascending: active cases, then closed ones by closing date; descending: latest closed first.
    return (1, case.closed_date.toordinal()) if case.closed_date else (0, 0)


COLUMNS: list[Column[Case]] = [
    Column("Reference", lambda c: c.reference, lambda c: c.reference.upper()),
    Column("Type", lambda c: CASE_TYPE_LABELS.get(c.case_type, c.case_type)),
    Column("Tier", tier_text, lambda c: tier_rank(c.tier),
           tooltip=lambda c: UNTIERED_TIP if c.tier == UNTIERED else (
               f"Tier since {format_date(c.tier_date)}" if c.tier_date else None)),
    Column("Started", lambda c: format_date(c.start_date), lambda c: c.start_date),
    Column("Expected end", _expected_end_text, lambda c: c.expected_end_date,
           tooltip=lambda c: overdue_tooltip(c) if _overdue(c) else None),
    Column("Flags", flag_text, lambda c: (c.mappa_level or 0) * 10 + len(c.flags) or None,
           tooltip=flag_tooltip, spoken=flag_words),
    Column("Next date due", _next_due_text,
           lambda c: None if c.closed_date else (next_due(c) or (None,))[0]),
    Column("Status", status_text, _status_sort, tooltip=_status_tooltip),
]


class CaseTableModel(ListTableModel[Case]):
    """Columns are the COL_* constants; SORT_ROLE gives raw values, CASE_ROLE the Case."""

    def __init__(self, parent: Any = None):
        super().__init__(COLUMNS, parent)

    def set_cases(self, cases: list[Case]) -> None:
        self.set_items(cases)

    def row_of(self, case_id: int | None) -> int:
        """The row holding the case with this id, or -1."""
        for row, case in enumerate(self._items):
            if case.id == case_id:
                return row
        return -1
