"""Read an .ics file into events in Europe/London wall-clock time, expanding recurring events.

The file is parsed with `icalendar` and repeats are expanded with `recurring-ical-events`
(RFC 5545: RRULE, RDATE, EXDATE, and RECURRENCE-ID overrides). Times given in UTC, in a zone
named by the file's own VTIMEZONE (Outlook's "GMT Standard Time") or by an IANA name are turned
into Europe/London with `zoneinfo`, so the clock changes come out right; times with no zone
("floating") are taken as Europe/London. Every problem with the file is one `CalendarFileError`
sentence, raised before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from core.common.errors import ValidationError

LONDON = ZoneInfo("Europe/London")
MAX_BYTES = 20 * 1024 * 1024  # a year of a busy calendar is well under 2 MB
MAX_EVENTS = 20_000
# A repeat is expanded from its first occurrence onwards, so a rule that repeats too often ties
# the reading up for minutes before it reaches the dates asked for. Appointments repeat daily at
# most (Outlook and Google offer nothing shorter); a daily one since 1890 is under this many.
MAX_REPEATS = 50_000
TOO_OFTEN = {"SECONDLY": "second", "MINUTELY": "minute", "HOURLY": "hour"}


class CalendarFileError(ValidationError):
    """The file cannot be read as a calendar; the one message says why and what to do."""


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

    @property
    def first_day(self) -> date:
        if self.all_day is not None:
            return self.all_day[0]
        assert self.start is not None
        return self.start.date()

    @property
    def start_key(self) -> str:
        """The occurrence's start in UTC (or its first day), stable between imports."""
        if self.start is not None:
            return self.start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%MZ")
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
        size = path.stat().st_size
    except FileNotFoundError:
        raise CalendarFileError(f"There is no file at {path}.") from None
    except OSError as exc:
        raise CalendarFileError(f"The file could not be read: {exc.strerror or exc}.") from None
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


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise CalendarFileError("The calendar is too large to import; save a shorter date range.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _line_of(text: str, fragment: str) -> int | None:
    """The first line of the file holding `fragment` (folded lines joined), 1-based."""
    fragment = fragment.strip()[:40]
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment and fragment in line:
            return number
    return None


def _broken(text: str, problem: str) -> CalendarFileError:
    fragment = problem.split("'")[1] if problem.count("'") >= 2 else ""
    number = _line_of(text, fragment) if fragment else None
    where = f"Line {number} of the file" if number else "A line in the file"
    return CalendarFileError(
        f"{where} is broken, so nothing was imported. Save the calendar again from your calendar "
        "program and import the new file."
    )


def parse(data: bytes) -> icalendar.Calendar:
    """The file as one checked calendar; CalendarFileError names the first problem."""
    text = _text(data)
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise CalendarFileError(
            "This is not a calendar (.ics) file. In Outlook choose File > Save Calendar; in Google "
            "Calendar, Settings > Import and export > Export."
        )
    if text.upper().count("BEGIN:VEVENT") > MAX_EVENTS:  # before the slow parse
        raise CalendarFileError(
            f"The file holds more than {MAX_EVENTS} events; save a shorter date range from your "
            "calendar."
        )
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise _broken(text, str(exc)) from None
    if isinstance(calendar, list):  # several calendars in one file: take them together
        raise CalendarFileError(
            "The file holds more than one calendar; save one calendar at a time."
        )
    for component in calendar.walk():
        errors = getattr(component, "errors", None)
        if errors:
            raise _broken(text, str(errors[0][1]))
    _check_zones(calendar, text)
    return calendar


def _check_zones(calendar: icalendar.Calendar, text: str) -> None:
    for event in calendar.walk("VEVENT"):
        if "DTSTART" not in event:
            raise CalendarFileError(
                "An event in the file has no start time, so nothing was imported. Save the "
                "calendar again from your calendar program and import the new file."
            )
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            prop = event.get(name)
            if prop is None:
                continue
            tzid = prop.params.get("TZID")
            try:
                value = event.decoded(name)
            except (ValueError, KeyError):
                raise _broken(text, f"'{name}'") from None
            if tzid and isinstance(value, datetime) and value.tzinfo is None:
                raise CalendarFileError(
                    f"The calendar uses a time zone it does not describe ({tzid}), so its times "
                    "cannot be placed. Save it again with time zone information included."
                )


def _naive(value: date) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, time(0))


def _repeats_too_often(rule: Any, start: date, stop: datetime) -> bool:
    """Whether `rule` from `start` has more than MAX_REPEATS occurrences before `stop` (or its
    UNTIL), counted in wall-clock time; a rule this cannot read is left to the expansion."""
    from dateutil.rrule import rrulestr

    try:
        until = rule.get("UNTIL")
        if until:
            stop = min(stop, _naive(until[0]))
        text = re.sub(r"(^|;)UNTIL=[^;]*", "", rule.to_ical().decode()).strip(";")
        occurrences = rrulestr(text, dtstart=_naive(start))
        for count, moment in enumerate(occurrences):
            if moment >= stop:
                return False
            if count >= MAX_REPEATS:
                return True
    except Exception:  # noqa: BLE001 - the expansion reports unreadable rules itself
        return False
    return False


def _check_repeats(calendar: icalendar.Calendar, stop: datetime) -> None:
    """Refuse, in one sentence, a repeat no appointment has: every hour or more often, or more
    than MAX_REPEATS times before `stop` (naive London time)."""
    for event in calendar.walk("VEVENT"):
        found = event.get("RRULE")
        for rule in found if isinstance(found, list) else [found] if found is not None else []:
            start = event.decoded("DTSTART")
            first = f"{start:%d %b %Y}"
            every = TOO_OFTEN.get(str((rule.get("FREQ") or [""])[0]).upper())
            if every is None and not _repeats_too_often(rule, start, stop):
                continue
            how = f"every {every}" if every else f"more than {MAX_REPEATS:,} times"
            raise CalendarFileError(
                f"An event from {first} repeats {how}, which no appointment does, so nothing "
                "was imported. Change or delete that repeat in your calendar and save it again."
            )


def _london(value: datetime) -> datetime:
    if value.tzinfo is None:  # floating time: the practitioner's own clock
        return value.replace(tzinfo=LONDON)
    return value.astimezone(LONDON)


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
    common = dict(
        uid=str(event.get("UID", "")),
        subject=" ".join(str(event.get("SUMMARY", "")).split()),
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
        return CalendarEvent(all_day=(start, last), **common)  # type: ignore[arg-type]
    if not isinstance(end, datetime) or end < start:
        end = start
    return CalendarEvent(start=_london(start), end=_london(end), **common)  # type: ignore[arg-type]


def read_calendar(data: bytes, first: date | None, last: date) -> CalendarRead:
    """Every occurrence starting from `first` to `last` (London days), sorted by start.

    With `first` None, from the first day any event in the file starts on, but at most a year
    before `last`. Raises CalendarFileError as `read_calendar_file` does."""
    calendar = parse(data)
    if first is None:
        span = _first_day(calendar)
        first = max(span or last, last - timedelta(days=366))
    window_start = datetime.combine(first, time(0), LONDON)
    window_end = datetime.combine(last + timedelta(days=1), time(0), LONDON)
    _check_repeats(calendar, _naive(window_end))
    try:
        occurrences = recurring_ical_events.of(calendar).between(window_start, window_end)
    except Exception as exc:  # the library raises many kinds for bad repeat rules
        raise CalendarFileError(
            "A repeating event in the file has a repeat rule that cannot be read "
            f"({type(exc).__name__}), so nothing was imported."
        ) from None
    events: list[CalendarEvent] = []
    for occurrence in occurrences:
        if len(events) >= MAX_EVENTS:
            raise CalendarFileError(
                f"The date range holds more than {MAX_EVENTS} events; choose a shorter range."
            )
        event = _event(occurrence)
        if first <= event.first_day <= last:
            events.append(event)
    events.sort(key=lambda e: (e.first_day, e.all_day is None, e.start or window_start))
    return CalendarRead(events, first, last, named_owner(calendar), regular_addresses(calendar))


def _first_day(calendar: icalendar.Calendar) -> date | None:
    """The first day any event of the file starts on (repeats start on their first day)."""
    days = []
    for event in calendar.walk("VEVENT"):
        if "DTSTART" in event:
            start = event.decoded("DTSTART")
            days.append(_london(start).date() if isinstance(start, datetime) else start)
    return min(days) if days else None
