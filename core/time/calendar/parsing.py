"""Check an .ics file's bytes and parse them into one calendar, or say in one sentence why not.

Decodes UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 with a mark, else Windows-1252;
mends what real calendar programs get wrong (`core.time.calendar.repair`) and parses with
`icalendar` (several calendars in one file are read together); floating times in a calendar
that names its own zone (Google's X-WR-TIMEZONE) are read in that zone with `x-wr-timezone`; and
finds the repeats no appointment has (RFC 5545 section 3.3.10: every hour or more often, or more
occurrences before the dates asked for than any appointment has), which would otherwise tie the
expansion up for minutes: each is one event that cannot be used, never a refused file.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import x_wr_timezone

from core.common.errors import ValidationError
from core.time.calendar.repair import Prepared, piecewise, prepare, windows_zone

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
    calendars = [_in_own_zone(c) for c in _unnested(calendars)]
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


def _in_own_zone(calendar: icalendar.Calendar) -> icalendar.Calendar:
    """`calendar` with its floating times in the zone its X-WR-TIMEZONE names (Google writes the
    calendar's zone there and leaves the times without one). A name that is no zone is left
    out: its times are then read on the practitioner's own clock, as any floating time is.
    Done once here, so the expansion, the faults and the line numbers all see the same events."""
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    if not name:
        return calendar
    del calendar["X-WR-TIMEZONE"]  # the expansion would otherwise apply it a second time
    try:
        zone = ZoneInfo(windows_zone(name) or name)
    except (ValueError, ZoneInfoNotFoundError):
        return calendar
    try:
        zoned = x_wr_timezone.to_standard(calendar, timezone=zone)
    except Exception:  # noqa: BLE001 - an event it cannot walk is read as it stands
        return calendar
    for old, new in zip(calendar.subcomponents, zoned.subcomponents):
        if new is not old:  # a copy: keep what the parser found wrong in it
            new.errors = list(getattr(old, "errors", ()) or ())
    return zoned


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


def _occurrences(rule: Any, start: date, stop: datetime) -> tuple[Any, datetime]:
    """The rule's occurrences from `start` (wall-clock, naive) and where they stop: `stop` or
    the rule's own UNTIL, whichever is first."""
    from dateutil.rrule import rrulestr

    until = rule.get("UNTIL")
    if until:
        stop = min(stop, naive(until[0]))
    text = re.sub(r"(^|;)UNTIL=[^;]*", "", rule.to_ical().decode()).strip(";")
    return rrulestr(text, dtstart=naive(start)), stop


def _repeats_too_often(rule: Any, start: date, stop: datetime) -> bool:
    """Whether `rule` from `start` has more than MAX_REPEATS occurrences before `stop` (or its
    UNTIL), counted in wall-clock time; a rule this cannot read is left to the expansion."""
    try:
        occurrences, stop = _occurrences(rule, start, stop)
        for count, moment in enumerate(occurrences):
            if moment >= stop:
                return False
            if count >= MAX_REPEATS:
                return True
    except Exception:  # noqa: BLE001 - the expansion reports unreadable rules itself
        return False
    return False


def _first_in(rule: Any, start: date, window: tuple[datetime, datetime]) -> date | None:
    """The first day from `window` (naive London times) on which the rule has an occurrence;
    None when it has none there. Counted only so far: a rule still going after MAX_REPEATS
    occurrences is taken to reach the window (it is a row saying why, never an entry)."""
    begin, stop = window
    fallback = max(naive(start), begin).date()
    try:
        occurrences, stop = _occurrences(rule, start, stop)
        for count, moment in enumerate(occurrences):
            if moment >= stop:
                return None
            if moment >= begin:
                return moment.date()
            if count >= MAX_REPEATS:
                return fallback
    except Exception:  # noqa: BLE001 - a rule it cannot follow: said on its first day there
        return fallback if naive(start) < stop else None
    return None  # it ended before the window


def unwanted_repeats(
    events: list[Any], window: tuple[datetime, datetime]
) -> dict[int, tuple[str, date] | None]:
    """The events (by index) whose repeat no appointment has, each with the reason and the
    first day in `window` (naive London times) it would have been on; None for one with no
    occurrence there (left out, nothing to say). Every hour or more often, or more than
    MAX_REPEATS times before the window ends: expanding these would tie the reading up, and a
    work calendar holds them only as noise (a reminder every hour), so each is one row that
    cannot be ticked and the rest of the file is read as usual."""
    found: dict[int, tuple[str, date] | None] = {}
    for index, event in enumerate(events):
        rules = event.get("RRULE")
        if rules is None:
            continue
        try:
            start = event.decoded("DTSTART")
        except Exception:  # noqa: BLE001 - a start that cannot be read is a fault already
            continue
        for rule in rules if isinstance(rules, list) else [rules]:
            every = TOO_OFTEN.get(str((rule.get("FREQ") or [""])[0]).upper())
            if every is not None:
                gap = str((rule.get("INTERVAL") or [1])[0])
                every = f"{gap} {every}s" if gap.isdigit() and int(gap) > 1 else every
                day = _first_in(rule, start, window)
                found[index] = None if day is None else (
                    f"it repeats every {every}, which no appointment does", day)
                break
            if _repeats_too_often(rule, start, window[1]):
                day = max(naive(start), window[0]).date()
                found[index] = (f"it repeats more than {MAX_REPEATS:,} times, which no "
                                "appointment does", day)
                break
    return found
