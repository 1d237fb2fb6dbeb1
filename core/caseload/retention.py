"""Retention: delete cases closed more than N days ago, and "Delete all my data" that really does.

Deletion turns on `secure_delete` (freed pages are overwritten with zeros), then VACUUMs and
truncates the WAL, so nothing deleted lingers in the file or beside it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from core.common import clock
from core.caseload.case_deletion import DeletedCases, delete_cases_keeping
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.store.saved_rows import RowScope
from core.caseload.models import Case
from core.store.settings import get_setting, set_setting
from core.store.delete_all import DeleteAllResult

RETENTION_SETTING = "retention_days"
RETENTION_ROWS = RowScope(settings=(RETENTION_SETTING,))  # what a change writes, for Undo
DEFAULT_RETENTION_DAYS = 30
# "Not now" on the Caseload view's offer: the first day it may show again (ISO date). Kept in the
# database rather than QSettings so it travels with the data it is about.
OFFER_NOT_BEFORE_SETTING = "retention_offer_not_before"
OFFER_SNOOZE_DAYS = 7
MAX_RETENTION_DAYS = 3650


def retention_days_problem(days: object) -> str | None:
    if isinstance(days, bool) or not isinstance(days, int):
        return "The number of days must be a whole number."
    if not 1 <= days <= MAX_RETENTION_DAYS:
        return f"Choose between 1 and {MAX_RETENTION_DAYS} days."
    return None


def get_retention_days(db: Database) -> int:
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [RETENTION_SETTING]))
    value = json.loads(rows[0]["value"]) if rows else DEFAULT_RETENTION_DAYS
    return value if retention_days_problem(value) is None else DEFAULT_RETENTION_DAYS


def set_retention_days(db: Database, days: int) -> None:
    problem = retention_days_problem(days)
    if problem:
        raise ValidationError(problem)
    db.table("settings").upsert({"key": RETENTION_SETTING, "value": json.dumps(days)}, pk="key")


def closed_before(db: Database, days: int, today: date | None = None) -> list[Case]:
    """Cases closed more than `days` days ago (closed on or before today − days − 1)."""
    problem = retention_days_problem(days)
    if problem:
        raise ValidationError(problem)
    cutoff = (today or clock.today()) - timedelta(days=days)
    closed = CaseStore(db).list_cases("closed")
    return [c for c in closed if c.closed_date and c.closed_date < cutoff]


def count_closed_before(db: Database, days: int, today: date | None = None) -> int:
    """How many cases `closed_before` would return, counted by SQLite without reading them
    (the Caseload view asks each time it is built, and ten years hold hundreds)."""
    problem = retention_days_problem(days)
    if problem:
        raise ValidationError(problem)
    cutoff = (today or clock.today()) - timedelta(days=days)
    sql = "SELECT COUNT(*) FROM cases WHERE closed_date IS NOT NULL AND closed_date < ?"
    return int(db.execute(sql, [cutoff.isoformat()]).fetchone()[0])


def snooze_offer(db: Database, today: date | None = None) -> date:
    """'Not now': the offer stays away for a week; return the day it may show again."""
    again = (today or clock.today()) + timedelta(days=OFFER_SNOOZE_DAYS)
    set_setting(db, OFFER_NOT_BEFORE_SETTING, again.isoformat())
    return again


def offer_not_before(db: Database) -> date | None:
    """The day the offer may show again after 'Not now', or None if it was never put off."""
    value = get_setting(db, OFFER_NOT_BEFORE_SETTING)
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:  # an unreadable value never hides the offer for good
        return None


def cases_to_offer(db: Database, today: date | None = None) -> list[Case]:
    """Cases past the retention period to offer for deletion, or none while 'Not now' holds.

    A case crossing the line during the week does not bring the offer back early: the week is
    short, Settings still offers deletion at any time, and an offer that returns the next day
    would not be the calm one the practitioner asked for.
    """
    today = today or clock.today()
    if _offer_put_off(db, today):
        return []
    return closed_before(db, get_retention_days(db), today)


def count_to_offer(db: Database, today: date | None = None) -> int:
    """len(cases_to_offer(...)), counted without reading the cases."""
    today = today or clock.today()
    if _offer_put_off(db, today):
        return 0
    return count_closed_before(db, get_retention_days(db), today)


def _offer_put_off(db: Database, today: date) -> bool:
    again = offer_not_before(db)
    return again is not None and today < again


def delete_cases(db: Database, case_ids: list[int]) -> int:
    """Delete cases and what hangs off them (tier history cascades; other links are cleared)."""
    return len(delete_cases_keeping(db, case_ids))


def delete_closed_cases(db: Database, days: int, today: date | None = None) -> int:
    """Apply retention: delete cases closed more than `days` ago; return how many went."""
    return len(delete_closed_cases_keeping(db, days, today))


def delete_closed_cases_keeping(db: Database, days: int,
                                today: date | None = None) -> DeletedCases:
    """As `delete_closed_cases`, returning what went so that `restore_deleted` can put it back
    (the window keeps it in memory for Ctrl+Z until it closes)."""
    with db.atomic():  # what is due and what is deleted are read and written together
        ids = [c.id for c in closed_before(db, days, today) if c.id is not None]
        gone = delete_cases_keeping(db, ids)
    if gone:
        compact(db)
    return gone


def compact(db: Database) -> None:
    """Rebuild the file without free pages and empty the WAL, so deleted rows are gone."""
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def delete_all_data(
    db: Database, data_dir: Path, backup_folders: Sequence[Path] = (), include_backups: bool = False
) -> DeleteAllResult:
    """Empty every table, compact the file, and (when asked) delete backups in every folder
    ever used, earlier copies, temporary files and logs (core.store.delete_all). The schema
    stays, so the app keeps working as if new. A killed run is finished on the next start."""
    from core.store.delete_all import delete_everything
    from core.store.data_files import remember_folder

    for folder in backup_folders:
        remember_folder(data_dir, folder)
    return delete_everything(db, data_dir, include_backups)
