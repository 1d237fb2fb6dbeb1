"""Cases left open past their expected end date: which to ask about, once each.

From the day after its expected end date an open case scores as an overdue termination, as in
today's WMT (0% of its points by default). The practitioner is asked once whether to close it or
move its end date: an answer, or "Not now", is remembered for that case and that end date, so the
question comes back only if a new end date passes too. Kept in the data file's settings, so it
moves with the data, its backups and its encryption.
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from core.caseload.models import Case
from core.store.settings import get_setting, set_setting

ASKED_KEY = "overdue_asked"  # ["C07|2026-06-30", …]: case and the end date it was asked about


def overdue_cases(cases: list[Case], day: date) -> list[Case]:
    """Open cases past their expected end date on `day`, longest overdue first."""
    found = [c for c in cases if c.is_overdue_on(day)]
    return sorted(found, key=lambda c: (c.expected_end_date, c.reference))


def _key(case: Case) -> str:
    return f"{case.reference}|{case.expected_end_date}"


def cases_to_ask(db: Database, cases: list[Case], day: date) -> list[Case]:
    """Overdue cases not yet asked about for their current end date."""
    asked = set(get_setting(db, ASKED_KEY, []))
    return [c for c in overdue_cases(cases, day) if _key(c) not in asked]


def mark_asked(db: Database, cases: list[Case]) -> None:
    """Remember that these cases were asked about (answered or "Not now"): never asked again
    for the same end date."""
    asked = set(get_setting(db, ASKED_KEY, []))
    asked.update(_key(c) for c in cases)
    set_setting(db, ASKED_KEY, sorted(asked))
