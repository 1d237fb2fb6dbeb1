"""Check an .ics file's bytes and parse them into one calendar, or say in one sentence why not.

Decodes UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 with a mark, else Windows-1252;
mends what real calendar programs get wrong (`core.time.calendar.repair`) and parses with
`icalendar` (several calendars in one file are read together); refuses a repeat no appointment
has (RFC 5545 section 3.3.10:
every hour or more often, or more occurrences before the dates asked for than any appointment has),
which would otherwise tie the expansion up for minutes.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime, time
from typing import Any

import icalendar

from core.common.errors import ValidationError
from core.time.calendar.repair import Prepared, piecewise, prepare

MAX_BYTES = 20 * 1024 * 1024  # a year of a busy calendar is well under 2 MB
MAX_EVENTS = 20_000
# A repeat is expanded from its first occurrence onwards, so a rule that repeats too often ties
# the reading up for minutes before it reaches the dates asked for. Appointments repeat daily at
# most (Outlook and Google offer nothing shorter); a daily one since 1890 is under this many.
MAX_REPEATS = 50_000
TOO_OFTEN = {"SECONDLY": "second", "MINUTELY": "minute", "HOURLY": "hour"}


# Byte-order marks of the Unicode files calendars are saved as (UTF-32 first: its little-endian
# mark begins with UTF-16's). UTF-8, with or without a mark, is tried after these.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CalendarFileError(ValidationError):
    """The file cannot be read as a calendar; the one message says why and what to do."""


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise CalendarFileError("The calendar is too large to import; save a shorter date range.")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    for encoding, start in (("utf-16-le", b"B\x00E\x00"), ("utf-16-be", b"\x00B\x00E")):
        if data.startswith(start):  # UTF-16 without its byte-order mark: BEGIN: says which
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
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


def parse(data: bytes) -> tuple[icalendar.Calendar, list[Any], Prepared, str]:
    """The file as one calendar, its top-level events in file order, where each is in the file,
    and the file's text. Only a file that is not a calendar at all (or too large) is refused;
    faults in single events are left for `core.time.calendar.faults` to name."""
    text = _text(data)
    if text.lstrip().upper().startswith(("BEGIN:VEVENT", "BEGIN:VTIMEZONE")):
        text = "BEGIN:VCALENDAR\r\n" + text.strip() + "\r\nEND:VCALENDAR\r\n"  # a bare event
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
    prepared = prepare(text)
    try:
        calendars = icalendar.Calendar.from_ical(prepared.text, multiple=True)
    except Exception as exc:  # noqa: BLE001 - the parser raises many kinds on a mangled file
        repaired = piecewise(prepared)
        if repaired is None:
            raise _broken(text, str(exc)) from None
        calendars = repaired
    calendars = _unnested(calendars)
    if not calendars:
        raise _broken(text, "")
    tops = [c for cal in calendars for c in cal.subcomponents if c.name == "VEVENT"]
    return _together(calendars), tops, prepared, text


def _unnested(calendars: list[icalendar.Calendar]) -> list[icalendar.Calendar]:
    """A calendar saved inside another (BEGIN:VCALENDAR twice) read as one more calendar."""
    flat: list[icalendar.Calendar] = []
    for calendar in calendars:
        # icalendar makes every VCALENDAR block a Calendar, nested ones too
        inner = [c for c in calendar.subcomponents if isinstance(c, icalendar.Calendar)]
        if inner:
            calendar.subcomponents = [
                c for c in calendar.subcomponents if not isinstance(c, icalendar.Calendar)]
        flat.append(calendar)
        flat.extend(_unnested(inner))
    return flat


def _together(calendars: list[icalendar.Calendar]) -> icalendar.Calendar:
    """Several calendars saved in one file (two exports joined) as one: every event and time
    zone of each; the owner's name only when they all give the same one."""
    if len(calendars) == 1:
        return calendars[0]
    joined = icalendar.Calendar()
    for name in ("VERSION", "PRODID"):
        if name in calendars[0]:
            joined.add(name, calendars[0][name])
    names = {str(c.get("X-WR-CALNAME", "")) for c in calendars}
    if len(names) == 1:
        joined.add("X-WR-CALNAME", names.pop())
    seen_zones: set[str] = set()
    for calendar in calendars:
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE":
                if str(component.get("TZID")) in seen_zones:
                    continue
                seen_zones.add(str(component.get("TZID")))
            joined.add_component(component)
    return joined


def naive(value: date) -> datetime:
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
            stop = min(stop, naive(until[0]))
        text = re.sub(r"(^|;)UNTIL=[^;]*", "", rule.to_ical().decode()).strip(";")
        occurrences = rrulestr(text, dtstart=naive(start))
        for count, moment in enumerate(occurrences):
            if moment >= stop:
                return False
            if count >= MAX_REPEATS:
                return True
    except Exception:  # noqa: BLE001 - the expansion reports unreadable rules itself
        return False
    return False


def check_repeats(calendar: icalendar.Calendar, stop: datetime) -> None:
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
