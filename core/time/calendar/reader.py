"""Read an .ics file into events in Europe/London wall-clock time, expanding recurring events.

The file is parsed with `icalendar` and repeats are expanded with `recurring-ical-events`
(RFC 5545: RRULE, RDATE, EXDATE, and RECURRENCE-ID overrides). Times given in UTC, in a zone
named by the file's own VTIMEZONE (Outlook's "GMT Standard Time") or by an IANA name are turned
into Europe/London with `zoneinfo`, so the clock changes come out right; times with no zone
("floating") are taken in the zone the calendar names for them (Google's X-WR-TIMEZONE), else as
Europe/London. Every problem with the file is one `CalendarFileError`
sentence, raised before anything is written.
"""

from __future__ import annotations

import stat
import warnings
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from icalendar.error import GloballyUniqueTZIDGuessed

from core.time.calendar.copies import REPEATS, moved_copies, superseded
from core.time.calendar.faults import fault_text, faults, leave_out_repeats

from core.time.calendar.parsing import (
    MAX_BYTES,
    MAX_EVENTS,
    CalendarFileError,
    naive,
    parse,
)

__all__ = ["CalendarFileError", "CalendarEvent", "CalendarRead", "read_calendar", "parse"]

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
REPLACED = "Another copy of this event in the file replaces it: log it by hand if both happened"

# A TZID like "/freeassociation.sourceforge.net/Europe/London" is read as Europe/London, which
# is right for every file the corpus holds; the library's warning about guessing would only
# reach a terminal the practitioner cannot act on. (Set at each reading: a filter set once at
# import time is lost when the import happened inside another `catch_warnings`.)


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence, in memory only: its text is never written anywhere.

    `start`/`end` are aware datetimes in Europe/London for timed events; for all-day events
    `all_day` holds the first and last day (inclusive) and `start`/`end` are None.
    """

    uid: str
    subject: str
    start: datetime | None = None
    end: datetime | None = None
    all_day: tuple[date, date] | None = None
    free: bool = False
    cancelled: bool = False
    organizer: str = ""  # lower-case address, in memory only
    answers: tuple[tuple[str, str], ...] = ()  # (attendee address, PARTSTAT), in memory only
    busy: str = ""  # Outlook's X-MICROSOFT-CDO-BUSYSTATUS: the calendar owner's own status
    backwards: bool = False  # the file's end is before its start (shown the other way round)
    occurrence: str = ""  # which occurrence of a repeat (its RECURRENCE-ID in UTC); "" if none
    problem: str = ""  # why the event cannot be read (then `day` is the day it seems to be on)
    day: date | None = None

    @property
    def first_day(self) -> date:
        if self.day is not None:
            return self.day
        if self.all_day is not None:
            return self.all_day[0]
        assert self.start is not None
        return self.start.date()

    @property
    def start_key(self) -> str:
        """The occurrence's start in UTC (or its first day), stable between imports."""
        if self.start is not None:
            return self.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
        return self.first_day.isoformat()


@dataclass(frozen=True)
class CalendarRead:
    """The events read, and the days (inclusive) they were read for.

    `named_owner` is the address the file itself says the calendar belongs to (Google's
    X-WR-CALNAME), else None; `regulars` are the addresses found in every meeting of the file
    (the owner is at all their own meetings, as organiser or attendee), empty when none is."""

    events: list[CalendarEvent]
    first: date
    last: date
    named_owner: str | None = None
    regulars: frozenset[str] = frozenset()


def read_calendar_file(path: Path, first: date | None, last: date) -> CalendarRead:
    """Events of the file at `path` that start from `first` to `last` (inclusive, London days).

    Raises CalendarFileError (one sentence) for a missing, unreadable, too large, broken or
    non-iCalendar file, or one naming a time zone it does not define."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise CalendarFileError(f"There is no file at {path}.") from None
    except OSError as exc:
        raise CalendarFileError(f"The file could not be read: {exc.strerror or exc}.") from None
    if not stat.S_ISREG(status.st_mode):  # a folder, a device such as /dev/zero, a pipe
        raise CalendarFileError(f"{path} is not a file; choose the .ics file your calendar saved.")
    size = status.st_size
    if size > MAX_BYTES:
        raise CalendarFileError(
            f"The file is {size / 1024 / 1024:.0f} MB, more than the {MAX_BYTES // 1024 // 1024} "
            "MB a calendar import takes. Save a shorter date range from your calendar."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CalendarFileError(f"The file could not be read: {exc.strerror or exc}.") from None
    return read_calendar(data, first, last)


def clean_text(text: str) -> str:
    """`text` on one line with no control or format characters: an invite from outside could
    carry terminal escapes (ESC sequences) or direction overrides that disguise what it says."""
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(kept.split())


_OFFSETS: dict[tuple[int, datetime, int], timedelta] = {}
_OFFSETS_OF: dict[int, Any] = {}  # the zone each id stood for (an id may be reused later)


def _london(value: datetime) -> datetime:
    """The time in London, to the minute: seconds (Teams and Exchange write them) are dropped
    here, once, so the preview, the minutes and the import all see the same times."""
    value = value.replace(second=0, microsecond=0)
    if value.tzinfo is None:  # floating time: the practitioner's own clock
        return value.replace(tzinfo=LONDON)
    if isinstance(value.tzinfo, ZoneInfo) or value.tzinfo is timezone.utc:
        return value.astimezone(LONDON)
    # A zone made from the file's own VTIMEZONE (dateutil) finds its offset slowly, rule by
    # rule; clocks change on the hour, so one look-up serves every time in that hour.
    hour = value.replace(minute=0, tzinfo=None)
    key = (id(value.tzinfo), hour, value.fold)
    offset = _OFFSETS.get(key)
    if offset is None or _OFFSETS_OF.get(id(value.tzinfo)) is not value.tzinfo:
        offset = value.utcoffset() or timedelta(0)
        if len(_OFFSETS) > 100_000:  # years of hours in many zones: start again
            _OFFSETS.clear()
            _OFFSETS_OF.clear()
        _OFFSETS_OF[id(value.tzinfo)] = value.tzinfo
        _OFFSETS[key] = offset
    return (value.replace(tzinfo=None) - offset).replace(tzinfo=UTC).astimezone(LONDON)


def _attendees(event: Any) -> list[Any]:
    found = event.get("ATTENDEE")
    if found is None:
        return []
    return list(found) if isinstance(found, list) else [found]


def _address(value: Any) -> str:
    return str(value).lower().removeprefix("mailto:").strip()


def named_owner(calendar: icalendar.Calendar) -> str | None:
    """The calendar's owner when the file names one: X-WR-CALNAME holding an address (Google
    names a person's own calendar by their address; Outlook writes "Calendar")."""
    name = _address(calendar.get("X-WR-CALNAME", ""))
    return name if "@" in name and " " not in name else None


def regular_addresses(calendar: icalendar.Calendar) -> frozenset[str]:
    """Addresses present (as organiser or attendee) in every event that lists people; the owner
    of the calendar must be one of them, so a single one is the owner. Empty when none is."""
    common: set[str] | None = None
    for event in calendar.walk("VEVENT"):
        people = {_address(a) for a in _attendees(event)}
        if event.get("ORGANIZER") is not None:
            people.add(_address(event.get("ORGANIZER")))
        people.discard("")
        if people:
            common = people if common is None else common & people
    return frozenset(common or ())


def _event(event: Any) -> CalendarEvent:
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND") if "DTEND" in event else None
    if end is None and "DURATION" in event:
        end = start + event.decoded("DURATION")
    transp = str(event.get("TRANSP", "")).upper()
    busy = str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    common = CalendarEvent(
        uid=str(event.get("UID", "")),
        subject=clean_text(str(event.get("SUMMARY", ""))),
        free=transp == "TRANSPARENT" or busy == "FREE",
        cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED",
        organizer=_address(event.get("ORGANIZER", "")),
        answers=tuple(
            (_address(a), str(a.params.get("PARTSTAT", "")).upper()) for a in _attendees(event)
        ),
        busy=busy,
    )
    if not isinstance(start, datetime):
        last = (end - timedelta(days=1)) if isinstance(end, date) and end > start else start
        return replace(common, all_day=(start, last))
    begins = _london(start)
    if not isinstance(end, datetime) or end < start:
        end = start
    ends = _london(end)
    if ends > begins and begins.time() == ends.time() == time(0):  # midnight to midnight
        return replace(common, all_day=(begins.date(), ends.date() - timedelta(days=1)))
    return replace(common, start=begins, end=ends)


def read_calendar(data: bytes, first: date | None, last: date) -> CalendarRead:
    """Every occurrence starting from `first` to `last` (London days), sorted by start.

    With `first` None, from the first day any event in the file starts on, but at most a year
    before `last`. Raises CalendarFileError as `read_calendar_file` does."""
    warnings.filterwarnings("ignore", category=GloballyUniqueTZIDGuessed)
    calendar, tops, prepared, text = parse(data)
    bad = faults(tops, prepared.events, text)
    replaced = superseded(tops, bad)
    left_out = {id(tops[index]) for index in bad} | replaced
    if left_out:
        calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in left_out]
    repeating = {str(e.get("UID", "")) for e in tops if any(n in e for n in REPEATS)}
    cancel_all = str(calendar.get("METHOD", "")).upper() == "CANCEL"
    if first is None:
        # Broken events count too: each is a row saying why, so it must fall in the dates.
        days = [d for d in (_first_day(calendar), *(f.day for f in bad.values())) if d]
        first = max(min(*days, last) if days else last, last - timedelta(days=366))
    window_start = datetime.combine(first, time(0), LONDON)
    window_end = datetime.combine(last + timedelta(days=1), time(0), LONDON)
    leave_out_repeats(calendar, tops, prepared, bad, (naive(window_start), naive(window_end)))
    backwards = _backwards(calendar)
    begins = (
        {id(e): where.begin for e, where in zip(tops, prepared.events)}
        if len(tops) == len(prepared.events) else {}
    )
    occurrences, unread = _expand(calendar, window_start, window_end, begins)
    broken = [
        CalendarEvent(f.uid, _summary(tops[i]), problem=fault_text(f), day=f.day or first)
        for i, f in bad.items()
    ] + unread + [
        CalendarEvent(str(e.get("UID", "")), _summary(e), problem=REPLACED, day=_start_day(e))
        for e in moved_copies(tops, replaced) if _start_day(e) is not None
    ]
    events: list[CalendarEvent] = []
    for occurrence in occurrences:
        if len(events) >= MAX_EVENTS:
            raise CalendarFileError(
                f"The date range holds more than {MAX_EVENTS} events; choose a shorter range."
            )
        event = _event(occurrence)
        if event.uid in repeating and "RECURRENCE-ID" in occurrence:
            event = replace(event, occurrence=_utc_text(occurrence.decoded("RECURRENCE-ID")))
        if cancel_all:
            event = replace(event, cancelled=True)
        if backwards:
            key = _key(occurrence)
            if key in backwards or (key[0], _override(occurrence)) in backwards:
                event = replace(event, backwards=True)
        if first <= event.first_day <= last:
            events.append(event)
    events.extend(e for e in broken if first <= e.first_day <= last)
    events.sort(key=lambda e: (e.first_day, e.all_day is None, e.start or window_start))
    return CalendarRead(events, first, last, named_owner(calendar), regular_addresses(calendar))


def _utc_text(value: Any) -> str:
    if isinstance(value, datetime):
        return _london(value).astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return value.isoformat() if isinstance(value, date) else str(value)


def _start_day(event: Any) -> date | None:
    try:
        start = event.decoded("DTSTART")
    except Exception:  # noqa: BLE001 - a copy left out is only said, never read further
        return None
    return _london(start).date() if isinstance(start, datetime) else start


def _summary(event: Any) -> str:
    return clean_text(str(event.get("SUMMARY", "")))


def _expand(
    calendar: icalendar.Calendar, start: datetime, end: datetime, begins: dict[int, int]
) -> tuple[list[Any], list[CalendarEvent]]:
    """Every occurrence from `start` to `end`; when a repeat rule stops the whole expansion, each
    event is expanded on its own and those that cannot be are returned as faults."""
    try:
        return list(recurring_ical_events.of(calendar).between(start, end)), []
    except Exception:  # noqa: BLE001 - the library raises many kinds for bad repeat rules
        pass
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    groups: dict[str, list[Any]] = {}
    for component in calendar.subcomponents:
        if component.name == "VEVENT":
            key = str(component.get("UID", "")) or str(id(component))
            groups.setdefault(key, []).append(component)
    found: list[Any] = []
    unread: list[CalendarEvent] = []
    for group in groups.values():
        alone = icalendar.Calendar()
        alone.subcomponents = zones + group
        try:
            found.extend(recurring_ical_events.of(alone).between(start, end))
        except Exception:  # noqa: BLE001
            first = group[0]
            day = _first_day(alone) or start.date()
            line = begins.get(id(first))
            where = f"Line {line} of the file" if line else "An event in the file"
            reason = f"{where}: its repeat rule cannot be read; log it by hand"
            uid = str(first.get("UID", ""))
            unread.append(CalendarEvent(uid, _summary(first), problem=reason, day=day))
    return found, unread


def _key(event: Any) -> tuple[str, str]:
    """Which event of the file an occurrence comes from: its UID, or for an event without one
    its subject and the earlier of its two times (the expansion puts that first)."""
    uid = str(event.get("UID", ""))
    if uid:
        return uid, ""
    times = [event.decoded(n) for n in ("DTSTART", "DTEND") if n in event]
    return str(event.get("SUMMARY", "")), str(min(times, key=naive)) if times else ""


def _backwards(calendar: icalendar.Calendar) -> set[tuple[str, str]]:
    """The events whose end is before their start in the file."""
    found = set()
    for event in calendar.walk("VEVENT"):
        if "DTEND" in event or "DURATION" in event:
            start = event.decoded("DTSTART")
            end = event.decoded("DTEND") if "DTEND" in event else start + event.decoded("DURATION")
            if type(start) is type(end) and naive(end) < naive(start):
                # a changed occurrence is backwards alone; a repeat's own times in all of it
                found.add((_key(event)[0], _override(event)) if "RECURRENCE-ID" in event
                          else _key(event))
    return found


def _override(event: Any) -> str:
    """The occurrence a changed occurrence replaces (its RECURRENCE-ID), as text."""
    return "@" + _utc_text(event.decoded("RECURRENCE-ID")) if "RECURRENCE-ID" in event else ""


def _first_day(calendar: icalendar.Calendar) -> date | None:
    """The first day any event of the file starts on (repeats start on their first day)."""
    days = []
    for event in calendar.walk("VEVENT"):
        if "DTSTART" in event:
            start = event.decoded("DTSTART")
            days.append(_london(start).date() if isinstance(start, datetime) else start)
    return min(days) if days else None
