"""Import the ticked preview rows: all or nothing, in one transaction, as one undoable change.

Each entry is saved through the time store's own `log_time`, so every rule a typed entry meets
(no future time, no overlap, a case still open) applies here too. What is stored: the entry's
date, times, minutes, activity and case, never the event's text; a keyed hash of the event's UID
with its start (so the same file imported twice adds nothing); a keyed hash of the subject with
the activity chosen (proposed next time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.time.calendar.checks import importable
from core.time.calendar.preview import LEAVE, ProposedRow
from core.time.calendar.rules import remember_activity, subject_hash, uid_hash
from core.common.errors import ValidationError
from core.time.time_entries import TimeChange, TimeEntry, TimeStore
from core.time.working_week import LeaveDay, add_leave, leave_between, remove_leave


@dataclass(frozen=True)
class CalendarImport:
    """What one import did: the time entries added, and the leave days added."""

    change: TimeChange
    leave: tuple[LeaveDay, ...] = ()

    @property
    def count(self) -> int:
        return len(self.change.added) + len(self.leave)

    @property
    def minutes(self) -> int:
        return sum(e.minutes for e in self.change.added)


def _label(row: ProposedRow) -> str:
    return f"{row.date:%a %d %b} {row.span_text}"


def import_rows(db: Database, rows: list[ProposedRow], today: date | None = None) -> CalendarImport:
    """Save every ticked row, or nothing: ValidationError names the first row that cannot be
    saved (and why), and the file is as it was."""
    chosen = importable(rows)
    missing = [r for r in chosen if r.kind != LEAVE and r.activity_id is None]
    if missing:
        raise ValidationError(
            f"Choose an activity for {_label(missing[0])}, or untick it. Nothing was imported."
        )
    if not chosen:
        raise ValidationError("No rows are ticked, so there is nothing to import.")
    store = TimeStore(db)
    added: list[TimeEntry] = []
    leave: list[LeaveDay] = []
    with db.atomic():
        for row in chosen:
            key = uid_hash(db, row.event.uid, create=True)
            if row.kind == LEAVE and any(day.date == row.date for day in leave):
                _mark(db, key, row.date.isoformat(), None, row.date)  # two events, one day off
                continue
            if row.kind == LEAVE:
                if leave_between(db, row.date, row.date):
                    raise ValidationError(
                        f"{row.date:%a %d %b} already has leave. Nothing was imported."
                    )
                day = add_leave(db, LeaveDay(row.date, row.leave_kind))
                leave.append(day)
                _mark(db, key, row.date.isoformat(), None, row.date)
                continue
            assert row.activity_id is not None
            entry = TimeEntry(
                row.date, row.minutes, row.activity_id, row.start, row.end, row.case_id, row.note
            )
            try:
                saved = store.log_time(entry, today=today).added[0]
            except ValidationError as exc:
                raise ValidationError(
                    f"{_label(row)}: {' '.join(exc.problems)} Nothing was imported."
                ) from None
            added.append(saved)
            _mark(db, key, row.key or row.event.start_key, saved.id, None)
            remember_activity(db, subject_hash(db, row.subject, create=True), row.activity_id)
            crash_point("calendar_import.row_written")
    crash_point("calendar_import.committed")
    return CalendarImport(TimeChange(tuple(added), (), "Import calendar"), tuple(leave))


def _mark(
    db: Database, key: str | None, start: str, entry_id: int | None, day: date | None
) -> None:
    db.execute(
        "INSERT OR REPLACE INTO calendar_imported (uid_hash, start_utc, entry_id, leave_date) "
        "VALUES (?, ?, ?, ?)",
        [key, start, entry_id, None if day is None else day.isoformat()],
    )


def undo_import(db: Database, result: CalendarImport) -> None:
    """Take the import back out: its entries and leave days (one step)."""
    with db.atomic():
        TimeStore(db).revert(result.change)
        for day in result.leave:
            remove_leave(db, day.date)


def redo_import(db: Database, result: CalendarImport) -> None:
    with db.atomic():
        TimeStore(db).reapply(result.change)
        for day in result.leave:
            add_leave(db, day)
