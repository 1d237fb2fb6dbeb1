"""Import the ticked preview rows: all or nothing, in one transaction, as one undoable change.

Each entry is saved through the time store's own `log_time`, so every rule a typed entry meets
(no future time, no overlap, a case still open) applies here too. What is stored: the entry's
date, times, minutes, activity and case, never the event's text; a keyed hash of the occurrence
(its UID, and RECURRENCE-ID for a repeat) and of the entry as imported (core.time.calendar.resync:
the same file imported twice adds nothing, and a moved or cancelled event brings its entry into
step in the same undo step); a keyed hash of the subject with the activity chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.time.calendar.checks import importable
from core.time.calendar.preview import LEAVE, ProposedRow
from core.time.calendar.resync import forget, mark, remark, takes_out, unmark
from core.time.calendar.series import mark_series
from core.time.calendar.rules import remember_activity, subject_hash
from core.common.errors import ValidationError
from core.time.time_entries import TimeChange, TimeEntry, TimeStore
from core.time.working_week import LeaveDay, add_leave, leave_between, remove_leave


@dataclass(frozen=True)
class CalendarImport:
    """What one import did: the time entries added, and the leave days added."""

    change: TimeChange
    leave: tuple[LeaveDay, ...] = ()
    taken_out: int = 0  # entries and leave days of events cancelled since they were imported
    leave_out: tuple[LeaveDay, ...] = ()  # the leave days taken out
    marks: list[dict[str, Any]] = field(default_factory=list, compare=False)  # while undone
    # The marks of what this import replaced or took out: a deleted entry's id is given to the
    # next entry saved, so a mark left pointing at it would claim an entry it never made.
    marks_out: list[dict[str, Any]] = field(default_factory=list, compare=False)

    @property
    def count(self) -> int:
        return len(self.change.added) + len(self.leave) + self.taken_out

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
    removed: list[TimeEntry] = []
    leave: list[LeaveDay] = []
    leave_out: list[LeaveDay] = []
    with db.atomic():
        # Entries a changed or cancelled event replaces go first, so the new ones fit.
        for entry_id in dict.fromkeys(i for row in chosen for i in row.replaces):
            crash_point("calendar_import.replace")
            try:
                removed.extend(store.delete_entry(entry_id).removed)
            except KeyError:  # changed or deleted elsewhere since the preview was read
                raise ValidationError(
                    "An entry this import would replace has been changed or deleted since the "
                    "calendar was read. Read the file again. Nothing was imported."
                ) from None
        # before anything is saved: a new entry may be given a removed one's id
        marks_out = unmark(db, [e.id for e in removed if e.id is not None], [])
        for row in chosen:
            if takes_out(row) and row.kind == LEAVE:
                taken = leave_between(db, row.date, row.date).get(row.date)
                if taken is not None:
                    crash_point("calendar_import.leave_out")
                    remove_leave(db, row.date)
                    leave_out.append(taken)
                    marks_out += unmark(db, [], [row.date])
                continue
            if takes_out(row):
                continue
            same_day = [day for day in leave if day.date == row.date]
            if row.kind == LEAVE and same_day:
                mark(db, row.event, row.date.isoformat(), None, same_day[0])  # two events, one day
                continue
            if row.kind == LEAVE:
                if leave_between(db, row.date, row.date):
                    raise ValidationError(
                        f"{row.date:%a %d %b} already has leave. Nothing was imported."
                    )
                crash_point("calendar_import.leave")
                day = add_leave(db, LeaveDay(row.date, row.leave_kind))
                leave.append(day)
                mark(db, row.event, row.date.isoformat(), None, day)
                continue
            assert row.activity_id is not None
            entry = TimeEntry(
                row.date, row.minutes, row.activity_id, row.start, row.end, row.case_id, row.note
            )
            crash_point("calendar_import.entry")
            try:
                saved = store.log_time(entry, today=today).added[0]
            except ValidationError as exc:
                said = " ".join(p.replace(" Nothing was saved.", "") for p in exc.problems)
                raise ValidationError(f"{_label(row)}: {said} Nothing was imported.") from None
            added.append(saved)
            mark(db, row.event, row.key or row.event.start_key, saved, None)
            mark_series(db, row.event, row.key or row.event.start_key, saved)
            remember_activity(db, subject_hash(db, row.subject, create=True), row.activity_id)
    taken_out = len({i for row in chosen if takes_out(row) for i in row.replaces})
    return CalendarImport(
        TimeChange(tuple(added), tuple(removed), "Import calendar"), tuple(leave),
        taken_out + len(leave_out), tuple(leave_out), marks_out=marks_out,
    )


def _leave_unchanged(db: Database, present: tuple[LeaveDay, ...],
                     absent: tuple[LeaveDay, ...], done: str) -> None:
    """ValidationError, before anything is written, when a leave day the step would take out
    has been changed since, or one it would put back has been given other leave since."""
    for day in present:
        if leave_between(db, day.date, day.date).get(day.date) != day:
            raise ValidationError(f"The leave on {day.date:%a %d %b %Y} has been changed since, "
                                  f"so this was not {done}: the later change is kept.")
    going = {day.date for day in present}  # a day taken out and given again is checked above
    for day in absent:
        if day.date not in going and day.date in leave_between(db, day.date, day.date):
            raise ValidationError(f"Leave has been recorded on {day.date:%a %d %b %Y} since, "
                                  f"so this was not {done}: the later change is kept.")


def undo_import(db: Database, result: CalendarImport) -> None:
    """Take the import back out: its entries and leave days (one step). ValidationError,
    nothing written, when any of them has been changed since (the later change is kept)."""
    with db.atomic():
        _leave_unchanged(db, result.leave, result.leave_out, "undone")
        TimeStore(db).revert(result.change)
        for day in result.leave:
            remove_leave(db, day.date)
        ids = [e.id for e in result.change.added if e.id is not None]
        result.marks[:] = unmark(db, ids, [day.date for day in result.leave])
        for day in result.leave_out:
            add_leave(db, day)
        remark(db, result.marks_out)


def redo_import(db: Database, result: CalendarImport) -> None:
    """The import again, under the same guard as `undo_import`."""
    with db.atomic():
        _leave_unchanged(db, result.leave_out, result.leave, "redone")
        TimeStore(db).reapply(result.change)
        for day in result.leave:
            add_leave(db, day)
        forget(db, result.marks_out)
        remark(db, result.marks)
        result.marks.clear()
        for day in result.leave_out:
            remove_leave(db, day.date)
