"""Mend the small faults real calendar programs write, line by line, before the file is parsed.

Each repair keeps what the file means (RFC 5545 names the rules):

* an all-day value (`VALUE=DATE`) that also names a zone (Google, SabreDAV, Radicale) is a date:
  the zone is dropped; a blank `TZID=` is no zone (the practitioner's own clock);
* a zone name with spaces around it is the name itself, in the zone's own `TZID` and in the
  events that use it; a time zone block with two `TZID` lines keeps its first;
* a Windows zone written as Outlook on the web shows it ("(UTC+00:00) Dublin, Edinburgh, Lisbon,
  London") without a `VTIMEZONE` is the IANA zone of its first city;
* `BYDAY=MO, TU` (spaces) is `BYDAY=MO,TU`; an empty `EXDATE` or `RDATE` says nothing; a date
  with a stray `Z` (`RDATE;VALUE=DATE:20261105Z`) is the date;
* blocks the import never uses (free/busy, to-dos, journal entries, alarms) are left out, so a
  fault in them cannot stop the reading; so is a line that is not a property at all.

The line numbers of each event (in the file as saved, folded lines counted) are kept, so a
problem can be named by its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import icalendar

UNUSED = {"VFREEBUSY", "VTODO", "VJOURNAL", "VALARM", "VAVAILABILITY", "AVAILABLE"}
NAME = re.compile(r"[A-Za-z0-9-]+")
TZID_PARAM = re.compile(r';TZID=("[^"]*"|\([^)]*\)[^;:]*|[^;:]*)', re.IGNORECASE)
DATE_Z = re.compile(r"\b(\d{8})Z\b")
BLOCK_LINE = re.compile(r"\s+(BEGIN|END):V[A-Z]+\s*$", re.IGNORECASE)


@dataclass
class EventLines:
    """Where one event is in the file: its BEGIN line, the first line of each property, and
    what could not be read (line, property name)."""

    begin: int
    properties: dict[str, int] = field(default_factory=dict)
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    twice: list[str] = field(default_factory=list)
    calendar: int = 0  # which calendar of the file (in order of their BEGIN lines) holds it


@dataclass
class Prepared:
    text: str
    events: list[EventLines]


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of the first physical line of each (1-based)."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and BLOCK_LINE.match(line):  # indented by hand, not folded
            line = line.strip()
        if line[:1] in (" ", "\t") and out:
            first, before = out[-1]
            out[-1] = (first, before + line[1:])
        elif line.strip():
            out.append((number, line))
    return out


def _split(line: str) -> tuple[str, str, str] | None:
    """(name, parameters with their leading ';', value) or None when it is not a property."""
    found = NAME.match(line)
    if not found:
        return None
    name, rest = found.group(0), line[found.end() :]
    if rest.startswith(":"):
        return name, "", rest[1:]
    if not rest.startswith(";"):
        return None
    scheme = rest.lower().find("=tzone://")  # Microsoft's zone URI holds a colon: quote it
    if scheme >= 0 and '"' not in rest:
        end = min((i for i in (rest.find(";", scheme + 9), rest.find(":", scheme + 9)) if i > 0),
                  default=len(rest))
        rest = f'{rest[:scheme + 1]}"{rest[scheme + 1:end]}"{rest[end:]}'
    if '"' not in rest and "(" not in rest:
        index = rest.find(":")
        return None if index < 0 else (name, rest[:index], rest[index + 1 :])
    quoted, depth = False, 0  # a zone such as "(UTC+00:00) Dublin" holds colons of its own
    for index, char in enumerate(rest):
        if char == '"':
            quoted = not quoted
        elif char == "(" and not quoted:
            depth += 1
        elif char == ")" and not quoted:
            depth = max(depth - 1, 0)
        elif char == ":" and not quoted and not depth:
            return name, rest[:index], rest[index + 1 :]
    return None


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    from zoneinfo import available_timezones

    found: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            found.setdefault(zone.rsplit("/", 1)[1].lower(), zone)
    return found


# Display names that name a region rather than cities ("(UTC-05:00) Eastern Time (US & Canada)").
REGIONS = {
    "eastern time (us": "America/New_York",
    "central time (us": "America/Chicago",
    "mountain time (us": "America/Denver",
    "pacific time (us": "America/Los_Angeles",
    "coordinated universal time": "UTC",
}


@lru_cache(maxsize=256)
def windows_zone(name: str) -> str | None:
    """The IANA zone for a Windows zone name: its ID through CLDR's windowsZones table (as
    icalendar ships it), or the first city of a display name such as "(UTC+01:00) Amsterdam,
    Berlin, Bern, Rome, Stockholm, Vienna"."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    if name in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[name]
    if name.startswith(("(UTC", "(GMT")) and ")" in name:
        places = name.split(")", 1)[1]
        if places.strip() in ("", "Coordinated Universal Time"):
            return "UTC"
        for region, zone in REGIONS.items():
            if places.strip().lower().startswith(region):
                return zone
        for city in places.split(","):
            city_zone = _cities().get(city.strip().replace(" ", "_").lower())
            if city_zone:
                return city_zone
    return None


def _params(name: str, params: str, value: str) -> tuple[str, str]:
    if not params:
        return params, value
    if "VALUE=DATE" in params.upper() and "VALUE=DATE-TIME" not in params.upper():
        params = TZID_PARAM.sub("", params)
        if name in ("RDATE", "EXDATE", "DTSTART", "DTEND", "RECURRENCE-ID"):
            value = DATE_Z.sub(r"\1", value)
    elif "TZID=" in params.upper():
        params = TZID_PARAM.sub(_zone_param, params)
    return params, value


def _zone_param(found: re.Match[str]) -> str:
    zone = found.group(1).strip('"').strip()
    if not zone:
        return ""
    return f';TZID="{zone}"' if any(c in zone for c in ',:;') else f";TZID={zone}"


def prepare(text: str) -> Prepared:
    """The text with the repairs above, and where each top-level event is in the original."""
    out: list[str] = []
    events: list[EventLines] = []
    stack: list[str] = []
    skipping = 0  # depth inside a block left out
    defined: set[str] = set()
    zoned: list[int] = []  # indexes in `out` of lines naming a zone
    current: EventLines | None = None
    zone_has_id = False
    calendars: list[int] = []  # each calendar's number, in the order BEGIN:VCALENDAR comes
    open_calendars: list[int] = []
    for number, line in _logical_lines(text):
        parts = _split(line)
        if parts is None:
            if current is not None and not skipping:
                named = NAME.match(line)
                current.unreadable.append((number, named.group(0) if named else ""))
            continue
        name, params, value = parts
        name = name.upper()
        if name in ("BEGIN", "END"):
            block = value.strip().upper()
            if name == "BEGIN":
                stack.append(block)
                if skipping or block in UNUSED:
                    skipping += 1
                    continue
                if block == "VCALENDAR":
                    calendars.append(len(calendars))
                    open_calendars.append(calendars[-1])
                if block == "VEVENT" and len(stack) >= 2 and stack[-2] == "VCALENDAR":
                    current = EventLines(number, calendar=open_calendars[-1])
                    events.append(current)
                zone_has_id = zone_has_id and block != "VTIMEZONE"
                out.append(f"BEGIN:{block}")
            else:
                if stack:
                    if stack.pop() == "VCALENDAR" and open_calendars:
                        open_calendars.pop()
                if skipping:
                    skipping -= 1
                    continue
                if block == "VEVENT" and len(stack) == 1:
                    current = None
                out.append(f"END:{block}")
            continue
        if skipping:
            continue
        if stack and stack[-1] == "VTIMEZONE" and name == "TZID":
            if zone_has_id:
                continue
            zone_has_id = True
            value = value.strip()
            defined.add(value)
        if current is not None and len(stack) >= 1 and stack[-1] == "VEVENT":
            if name in current.properties:
                if name in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
                    current.twice.append(name)
            else:
                current.properties[name] = number
        if name in ("RRULE", "EXRULE"):
            value = value.replace(" ", "")
        elif name in ("RDATE", "EXDATE") and not value.strip():
            continue
        params, value = _params(name, params, value)
        if "TZID=" in params.upper():
            zoned.append(len(out))
        out.append(f"{name}{params}:{value}")
    for index in zoned:
        out[index] = TZID_PARAM.sub(lambda m: _known_zone(m, defined), out[index])
    if not skipping:  # a file cut short: its open blocks closed where it ends
        out.extend(f"END:{block}" for block in reversed(stack))
    # A calendar nested in another is read after it (parsing._unnested): events in that order.
    events.sort(key=lambda e: e.calendar)
    return Prepared("\r\n".join(out) + "\r\n", events)


def _known_zone(found: re.Match[str], defined: set[str]) -> str:
    zone = found.group(1).strip('"')
    if zone in defined:
        return found.group(0)
    mapped = windows_zone(zone) or other_name(zone)
    return f";TZID={mapped}" if mapped else found.group(0)


# Names some producers write for a zone, not in CLDR's table: Microsoft's own URI for UTC, a
# bare "Z", and the UK's summer-time abbreviation.
ALIASES = {"tzone://microsoft/utc": "UTC", "z": "UTC", "bst": "Europe/London"}


@lru_cache(maxsize=256)
def other_name(name: str) -> str | None:
    """The IANA zone for another way of writing one: an alias above, or an IANA name written in
    other letter case ("europe/london")."""
    import zoneinfo

    wanted = name.strip().lower()
    if wanted in ALIASES:
        return ALIASES[wanted]
    return next((z for z in zoneinfo.available_timezones() if z.lower() == wanted), None)


def piecewise(prepared: Prepared) -> list[icalendar.Calendar] | None:
    """The calendar without the blocks the parser refuses, when it refuses the file as a whole:
    a time zone it cannot read is left out (its events then say their zone is unknown), and an
    event it cannot read is kept as an empty event at its line, so it shows as a row that cannot
    be imported. None when the file is not one calendar of blocks."""
    import icalendar

    lines = prepared.text.split("\r\n")
    if not lines or lines[0] != "BEGIN:VCALENDAR" or "END:VCALENDAR" not in lines:
        return None
    head: list[str] = []
    blocks: list[list[str]] = []
    depth = 0
    for line in lines[1:]:
        if depth == 0 and line == "END:VCALENDAR":
            break
        if depth == 0 and not line.startswith("BEGIN:"):
            head.append(line)
            continue
        if depth == 0:
            blocks.append([])
        blocks[-1].append(line)
        depth += line.startswith("BEGIN:") - line.startswith("END:")
    kept: list[str] = []
    for block in blocks:
        try:
            icalendar.Calendar.from_ical("\r\n".join(["BEGIN:VCALENDAR", *block, "END:VCALENDAR"]))
            kept.extend(block)
        except Exception:  # noqa: BLE001 - the parser raises many kinds
            if block[0] == "BEGIN:VEVENT":
                kept.extend(["BEGIN:VEVENT", UNREADABLE_EVENT, "END:VEVENT"])
    needed = [line for line in head if line.split(":")[0].split(";")[0] in CALENDAR_NEEDS]
    for first in (head, needed):  # the calendar's own lines the import needs, if all fail
        try:
            text = "\r\n".join(["BEGIN:VCALENDAR", *first, *kept, "END:VCALENDAR", ""])
            return [icalendar.Calendar.from_ical(text)]
        except Exception:  # noqa: BLE001
            continue
    return None


CALENDAR_NEEDS = {"VERSION", "PRODID", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE"}


UNREADABLE_EVENT = "X-CASELOAD-UNREADABLE:1"
