"""A repeating event's occurrences as a whole: one moved or taken out of the series since it was
imported (the series moved to another time, an EXDATE added) leaves its entry behind unless the
import knows which entries the series made.

Each entry imported from an occurrence of a repeat is marked a second time with a keyed hash of
its UID alone (`series:UID`), beside the mark of its own occurrence. On the next import of that
calendar, an entry of the series in the dates read that no occurrence in the file claims any more
is offered as cancelled in the calendar (ticked: it takes the entry out, in the import's one undo
step), unless the practitioner changed it by hand.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from core.time.calendar.reader import CalendarEvent
from core.time.calendar.rules import keyed_hash
from core.time.calendar.resync import entry_hash
from core.time.time_entries import TimeEntry, TimeStore

LONDON = ZoneInfo("Europe/London")


def series_hash(db: Database, uid: str, create: bool = False) -> str | None:
    return keyed_hash(db, "series:" + uid, create)


def mark_series(db: Database, event: CalendarEvent, start: str, entry: TimeEntry) -> None:
    """Mark `entry` as made by `event`'s series (only for an occurrence of a repeat)."""
    if not (event.uid and event.occurrence):
        return
    db.execute(
        "INSERT INTO calendar_imported (uid_hash, start_utc, entry_id, leave_date, entry_hash) "
        "VALUES (?, ?, ?, NULL, ?)",
        [series_hash(db, event.uid, create=True), start, entry.id,
         entry_hash(db, entry, create=True)],
    )


def _day(start_utc: str) -> date:
    return datetime.fromisoformat(start_utc.replace("Z", "+00:00")).astimezone(LONDON).date()


def gone_from_series(
    db: Database, events: list[CalendarEvent], first: date, last: date, claimed: set[int]
) -> list[tuple[CalendarEvent, TimeEntry]]:
    """Entries imported from a series in the file, dated `first`..`last`, that no occurrence in
    the file now claims (`claimed`: the entry ids its occurrences found), each with an event of
    its series; entries changed by hand since are left out (never touched)."""
    store = TimeStore(db)
    gone: list[tuple[CalendarEvent, TimeEntry]] = []
    done: set[str] = set()
    for event in events:
        if not (event.uid and event.occurrence) or event.uid in done or event.problem:
            continue
        done.add(event.uid)
        hashed = series_hash(db, event.uid)
        if hashed is None:
            continue
        for found in db.query("SELECT * FROM calendar_imported WHERE uid_hash = ?", [hashed]):
            if found["entry_id"] in claimed or not first <= _day(found["start_utc"]) <= last:
                continue
            try:
                entry = store.get_entry(found["entry_id"])
            except KeyError:
                continue  # deleted since, or its import undone
            if entry_hash(db, entry) == found["entry_hash"]:
                gone.append((event, entry))
                claimed.add(found["entry_id"])
    return gone
