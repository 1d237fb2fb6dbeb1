"""Importing the same calendar again: the entries it imported follow the calendar (moved,
shortened, cancelled), and an entry the practitioner changed by hand is never touched.

Each imported entry is marked with a keyed hash of the occurrence it came from (its UID, and for
a repeat which occurrence: RECURRENCE-ID) and a keyed hash of the entry as imported. On the next
import an occurrence found marked is either the same as its entries (already imported), moved
or cancelled in the calendar (its entries are replaced or taken out, ticked, in the one undo
step of the import), or its entries were since changed by hand (left as they are, and said so).
An event without a UID is known only by its subject and start, so one imported from another
file at the same time is not taken for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from core.time.calendar.reader import CalendarEvent
from core.time.calendar.rules import keyed_hash
from core.time.entry_clock import clock_text
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import LeaveDay, leave_between

MOVED = "Changed in your calendar: replaces the entry imported before"
CANCELLED = "Cancelled in your calendar: takes out the entry imported before"
BY_HAND = "Changed in your calendar, but you edited the imported entry: left as you made it"
EDITED = "Already imported, and you edited the entry since: left as you made it"
DELETED = "Imported before, and since taken out: tick it to import it again"
LEAVE_OUT = "Moved in your calendar: takes this day out of the leave imported before"
LEAVE_IN = "Moved in your calendar: added to your leave as before"
UTC = ZoneInfo("UTC")
LONDON = ZoneInfo("Europe/London")


def identity(event: CalendarEvent) -> str:
    """The text whose keyed hash marks what was imported from this occurrence."""
    if not event.uid:
        return "nouid:" + " ".join(event.subject.lower().split()) + "@" + event.start_key
    if event.occurrence:
        return f"uid:{event.uid}@{event.occurrence}"
    return "uid:" + event.uid


def occurrence_hash(db: Database, event: CalendarEvent, create: bool = False) -> str | None:
    return keyed_hash(db, identity(event), create)


def entry_hash(db: Database, entry: TimeEntry, create: bool = False) -> str | None:
    start = "" if entry.start is None else f"{entry.start:%H:%M}"
    end = "" if entry.end is None else clock_text(entry.end, end=True)
    text = (
        f"entry:{entry.date}|{start}|{end}|{entry.minutes}|{entry.activity_id}|"
        f"{entry.case_id}|{entry.note}"
    )
    return keyed_hash(db, text, create)


def takes_out(row: Any) -> bool:
    """Whether a preview row takes out what an earlier import made (an entry or a leave day)
    rather than adding anything."""
    return row.change in (CANCELLED, LEAVE_OUT)


def leave_hash(db: Database, day: LeaveDay, create: bool = False) -> str | None:
    return keyed_hash(db, f"leave:{day.date}|{day.kind}|{day.hours}", create)


@dataclass(frozen=True)
class Previous:
    """What an earlier import made of one occurrence, still in the data: its entries, whether any
    was changed by hand since, and its leave days."""

    entries: tuple[TimeEntry, ...]
    by_hand: bool
    leave: tuple[date, ...]
    starts: frozenset[str] = frozenset()  # where the calendar had it then (UTC), per entry


def _utc_key(entry: TimeEntry) -> str:
    assert entry.start is not None
    moment = datetime.combine(entry.date, entry.start, LONDON)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def previous(db: Database, event: CalendarEvent) -> Previous | None:
    """What was imported from `event`'s occurrence and still exists; None if nothing."""
    hashed = occurrence_hash(db, event)
    if hashed is None:
        return None
    where = "uid_hash = ?"
    args: list[str | None] = [hashed]
    if event.uid and event.occurrence:  # marked before occurrences were told apart
        legacy = keyed_hash(db, "uid:" + event.uid)
        where += " OR (uid_hash = ? AND start_utc = ?)"
        args += [legacy, event.start_key]
    marks = list(db.query(f"SELECT * FROM calendar_imported WHERE {where}", args))
    if not marks:
        return None
    store = TimeStore(db)
    entries: list[TimeEntry] = []
    by_hand = False
    for mark in marks:
        if mark["entry_id"] is None:
            continue
        try:
            entry = store.get_entry(mark["entry_id"])
        except KeyError:
            continue  # undone or deleted since
        if entry in entries:
            continue
        entries.append(entry)
        if mark["entry_hash"] is None:
            by_hand = by_hand or entry.start is None or _utc_key(entry) != mark["start_utc"]
        else:
            by_hand = by_hand or entry_hash(db, entry) != mark["entry_hash"]
    leave = _imported_leave(db, [m for m in marks if m["leave_date"]])
    if not entries and not leave:
        return TAKEN_OUT if any(m["entry_id"] is not None for m in marks) else None
    starts = frozenset(m["start_utc"] for m in marks if m["entry_id"] is not None)
    return Previous(tuple(entries), by_hand, leave, starts)


def _imported_leave(db: Database, marks: list[dict[str, Any]]) -> tuple[date, ...]:
    """The leave days these marks made that are still as imported: a day since changed by hand
    (another kind, part of the day) is the practitioner's, never the calendar's to take out."""
    if not marks:
        return ()
    held = leave_between(db, min(date.fromisoformat(m["leave_date"]) for m in marks),
                         max(date.fromisoformat(m["leave_date"]) for m in marks))
    kept: list[date] = []
    for found in marks:
        day = held.get(date.fromisoformat(found["leave_date"]))
        if day is None or day.date in kept:
            continue
        if found["entry_hash"] is None or found["entry_hash"] == leave_hash(db, day):
            kept.append(day.date)
    return tuple(sorted(kept))


TAKEN_OUT = Previous((), False, ())  # imported, and the entries since deleted by hand


def unmark(db: Database, entry_ids: list[int], days: list[date]) -> list[dict[str, Any]]:
    """Forget what an undone import marked (so its events are new again), returning the marks
    for `remark` when it is redone. Entries deleted by hand keep theirs: not offered again."""
    where = f"entry_id IN ({','.join('?' * len(entry_ids))})" if entry_ids else "0"
    if days:
        where += f" OR (entry_id IS NULL AND leave_date IN ({','.join('?' * len(days))}))"
    args = [*entry_ids, *(d.isoformat() for d in days)]
    found = list(db.query(f"SELECT * FROM calendar_imported WHERE {where}", args))
    db.execute(f"DELETE FROM calendar_imported WHERE {where}", args)
    return found


def remark(db: Database, marks: list[dict[str, Any]]) -> None:
    for found in marks:
        db.table("calendar_imported").insert(found)


def forget(db: Database, marks: list[dict[str, Any]]) -> None:
    """Take out exactly these marks (as `unmark` returned them), none other."""
    for found in marks:
        db.execute(
            "DELETE FROM calendar_imported WHERE uid_hash = ? AND start_utc = ? "
            "AND entry_id IS ? AND leave_date IS ? AND entry_hash IS ?",
            [found["uid_hash"], found["start_utc"], found["entry_id"], found["leave_date"],
             found["entry_hash"]],
        )


def mark(
    db: Database,
    event: CalendarEvent,
    start: str,
    entry: TimeEntry | None,
    day: LeaveDay | None,
) -> None:
    """Record what this import made of `event` (an entry, or a leave day)."""
    db.execute(
        "INSERT INTO calendar_imported (uid_hash, start_utc, entry_id, leave_date, entry_hash) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            occurrence_hash(db, event, create=True),
            start,
            None if entry is None else entry.id,
            None if day is None else day.date.isoformat(),
            entry_hash(db, entry, create=True) if entry is not None
            else None if day is None else leave_hash(db, day, create=True),
        ],
    )
