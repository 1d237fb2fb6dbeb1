"""Each event of a file read on its own: which cannot be used, and why, by line number.

A fault in one event leaves that event out of the reading and shows it as a row that cannot be
ticked ("Line 40 of the file: its start time cannot be read"); the other events are read as
usual. A fault in a property the import does not use (when the event was made, its location, a
reminder) is not a fault at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from core.time.calendar.parsing import unwanted_repeats
from core.time.calendar.repair import UNREADABLE_EVENT, EventLines, Prepared

# What the import reads of an event; a fault anywhere else in it is ignored.
NEEDED = {
    "DTSTART": "its start time",
    "DTEND": "its end time",
    "DURATION": "its length",
    "RRULE": "its repeat rule",
    "RDATE": "its extra dates",
    "EXDATE": "its left-out dates",
    "RECURRENCE-ID": "which occurrence it changes",
}
DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True)
class Fault:
    """An event that cannot be used: `line` where it (or its fault) is, `reason` in words, and the
    day it seems to be on (None when not even that can be read)."""

    line: int | None
    reason: str
    day: date | None
    uid: str = ""


def _where(lines: EventLines | None, name: str) -> int | None:
    if name.startswith("#"):  # a line that could not be read at all, by its number
        return int(name[1:])
    if lines is None:
        return None
    return lines.properties.get(name, lines.begin)


def _problem(event: Any, lines: EventLines | None) -> tuple[str, str] | None:
    """(property name, reason) for the first fault in `event` the import cares about."""
    if UNREADABLE_EVENT.split(":")[0] in event:
        return "BEGIN", "it cannot be read"
    if lines is not None:
        for name in lines.twice:
            return name, f"{NEEDED[name]} is given twice"
        for number, name in lines.unreadable:
            if name.upper() in NEEDED:
                return f"#{number}", f"{NEEDED[name.upper()]} cannot be read"
    for name, _message in getattr(event, "errors", ()) or ():
        if name in NEEDED:
            return name, f"{NEEDED[name]} cannot be read"
    if "DTSTART" not in event:
        return "DTSTART", "it has no start time"
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = event.get(name)
        if prop is None:
            continue
        if isinstance(prop, list):
            return name, f"{NEEDED[name]} is given twice"
        try:
            value = event.decoded(name)
        except Exception:  # noqa: BLE001 - icalendar raises several kinds for a bad value
            return name, f"{NEEDED[name]} cannot be read"
        tzid = prop.params.get("TZID")
        if tzid and isinstance(value, datetime) and value.tzinfo is None:
            return name, f"its time zone ({str(tzid)[:60]}) is not one the app knows"
    if "DTEND" in event:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        timed = start if isinstance(start, datetime) else end
        if isinstance(start, datetime) != isinstance(end, datetime) and timed.time() != time(0):
            # RFC 5545 wants both of one kind. Midnight to a day is whole days (read so by the
            # expansion), but "09:00 to Thursday" has no length anyone can know (to the start
            # of that day, or its end?), so it is never guessed
            return "DTEND", (
                "it starts at a time but its end is a day with no time, so how long it lasts "
                "is not known" if isinstance(start, datetime) else
                "it starts on a day with no time but ends at a time, so how long it lasts is "
                "not known")
    if "DURATION" in event:
        try:
            event.decoded("DURATION")
        except Exception:  # noqa: BLE001
            return "DURATION", "its length cannot be read"
    return None


def _day(event: Any, text_lines: list[str], line: int | None) -> date | None:
    try:
        start = event.decoded("DTSTART")
        start = start[0] if isinstance(start, list) else start
        if isinstance(start, datetime):
            return start.date()
        if isinstance(start, date):
            return start
    except Exception:  # noqa: BLE001 - fall back to the digits of the line itself
        pass
    if line is not None and 0 < line <= len(text_lines):
        found = DAY.search(text_lines[line - 1].rsplit(":", 1)[-1])
        if found:
            try:
                return date(*(int(g) for g in found.groups()))
            except ValueError:
                return None
    return None


def faults(tops: list[Any], where: list[EventLines], text: str) -> dict[int, Fault]:
    """The faulty events among `tops` (the file's events in order), by their index."""
    matched = len(tops) == len(where)
    text_lines: list[str] | None = None
    found: dict[int, Fault] = {}
    for index, event in enumerate(tops):
        lines = where[index] if matched else None
        problem = _problem(event, lines)
        if problem is None:
            continue
        if text_lines is None:
            text_lines = text.splitlines()
        name, reason = problem
        line = _where(lines, name)
        day = _day(event, text_lines, _where(lines, "DTSTART"))
        found[index] = Fault(line, reason, day, str(event.get("UID", "")))
    return found


def fault_text(fault: Fault) -> str:
    where = f"Line {fault.line} of the file" if fault.line else "An event in the file"
    return f"{where}: {fault.reason}; log it by hand"


def leave_out_repeats(
    calendar: Any, tops: list[Any], prepared: Prepared, bad: dict[int, Fault],
    window: tuple[datetime, datetime],
) -> None:
    """Take the repeats no appointment has (every hour, or too many times) out of `calendar`,
    with the changed occurrences of each, adding each to `bad` (one row naming its line) when
    it would have been in the dates read."""
    kept = [i for i in range(len(tops)) if i not in bad]
    unwanted = unwanted_repeats([tops[i] for i in kept], window)
    if not unwanted:
        return
    uids: set[str] = set()
    gone: set[int] = set()
    for position, said in unwanted.items():
        index = kept[position]
        event = tops[index]
        gone.add(id(event))
        if str(event.get("UID", "")):
            uids.add(str(event.get("UID", "")))
        if said is not None:
            lines = prepared.events[index] if len(tops) == len(prepared.events) else None
            line = lines.properties.get("RRULE", lines.begin) if lines else None
            bad[index] = Fault(line, said[0], said[1], str(event.get("UID", "")))
    calendar.subcomponents = [
        c for c in calendar.subcomponents
        if id(c) not in gone and not (c.name == "VEVENT" and str(c.get("UID", "")) in uids)
    ]
