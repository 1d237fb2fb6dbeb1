"""Previewing a year of Outlook (5,000 events) beside what icalendar and recurring-ical-events
take to read and expand the same file, measured in one run, interleaved (target: at most 1.5x).

"Libraries" is `icalendar.Calendar.from_ical` plus `recurring_ical_events.of(...).between(...)`
over the year, each occurrence's start and end decoded. "Preview" is everything File > Import
calendar and `log import-calendar --dry-run` do before showing the rows: `read_calendar_file`
(repairs, per-event checks, expansion, London times), whose answers are the practitioner's, and
`propose` against a data file with 40 cases and the usual keyword rules.

Run: .venv/bin/python benchmarks/bench_calendar.py [--rounds 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import icalendar  # noqa: E402
import recurring_ical_events  # noqa: E402

from core.caseload.cases import CaseStore  # noqa: E402
from core.caseload.models import Case  # noqa: E402
from core.store.database import open_database  # noqa: E402
from core.time.calendar.attendance import attendance_for  # noqa: E402
from core.time.calendar.preview import propose  # noqa: E402
from core.time.calendar.reader import LONDON, read_calendar_file  # noqa: E402

FIRST, LAST = date(2025, 12, 1), date(2026, 11, 27)
EVENTS = 5_000
TARGET = 1.5
ZONE = "\r\n".join([
    "BEGIN:VTIMEZONE", "TZID:GMT Standard Time", "BEGIN:STANDARD", "DTSTART:16011028T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZOFFSETFROM:+0100", "TZOFFSETTO:-0000",
    "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010325T010000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZOFFSETFROM:-0000", "TZOFFSETTO:+0100",
    "END:DAYLIGHT", "END:VTIMEZONE",
])
SUBJECTS = ("Home visit C{n:02d}", "Supervision appointment C{n:02d}", "Court duty",
            "OASys review C{n:02d}", "Team meeting", "MAPPA level 2 - C{n:02d}", "Travel",
            "Three-way with partner agency", "Case notes", "PSR interview C{n:02d}")


def outlook_year(path: Path) -> Path:
    """An invented year of Outlook appointments (5,000 events, 21 a working day, some with
    seconds as Teams writes them), as Outlook saves it; every text is made up."""
    rng = random.Random(23)
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
             "VERSION:2.0", "METHOD:PUBLISH", "X-WR-CALNAME:Calendar"]
    body = [ZONE]
    count, day = 0, FIRST
    while count < EVENTS and day <= LAST:
        if day.weekday() < 5:
            for _ in range(21):  # a shared diary: some appointments overlap
                minute = rng.randrange(8 * 60, 18 * 60, 15)
                length = rng.choice((15, 30, 45, 60, 90))
                start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)
                end = start + timedelta(minutes=length, seconds=rng.choice((0, 0, 47)))
                subject = rng.choice(SUBJECTS).format(n=rng.randint(1, 40))
                event = [
                    "BEGIN:VEVENT", f"UID:040000008200E00074C5B7101A82E008{count:08d}",
                    f"SUMMARY:{subject}", f"DTSTART;TZID=GMT Standard Time:{start:%Y%m%dT%H%M%S}",
                    f"DTEND;TZID=GMT Standard Time:{end:%Y%m%dT%H%M%S}",
                    "DTSTAMP:20261127T120000Z", "LOCATION:Office 3", "SEQUENCE:0",
                    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "TRANSP:OPAQUE",
                    "ORGANIZER;CN=Practitioner:mailto:me@example.org",
                    "ATTENDEE;CN=Colleague;PARTSTAT=ACCEPTED:mailto:colleague@example.org",
                ]
                body += event + ["END:VEVENT"]
                count += 1
        day += timedelta(days=1)
    path.write_text("\r\n".join(lines + body + ["END:VCALENDAR", ""]), encoding="utf-8")
    return path


def libraries(path: Path) -> int:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    start = datetime.combine(FIRST, datetime.min.time(), LONDON)
    end = datetime.combine(LAST + timedelta(days=1), datetime.min.time(), LONDON)
    found = 0
    for event in recurring_ical_events.of(calendar).between(start, end):
        event.decoded("DTSTART"), event.decoded("DTEND")
        found += 1
    return found


def preview(db: object, path: Path) -> int:
    read = read_calendar_file(path, FIRST, LAST)
    rows = propose(db, read.events, read.first, read.last, LAST + timedelta(days=1), None,
                   attendance_for(db, read))
    return len(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cc-calendar-"))
    path = outlook_year(folder / "year.ics")
    db = open_database(None)
    store = CaseStore(db)
    for n in range(1, 41):
        store.add_case(Case(f"C{n:02d}", "community", "B2", date(2025, 1, 6)))
    occurrences = libraries(path)  # warm both paths (imports, zone caches) before timing
    rows = preview(db, path)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(preview, db, path)
        pstats.Stats(profile).sort_stats("cumulative").print_stats("core|sqlite", 40)
        return 0
    lib_ms: list[float] = []
    app_ms: list[float] = []
    for _ in range(args.rounds):  # interleaved, so load on the machine falls on both
        began = time.perf_counter()
        libraries(path)
        lib_ms.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        preview(db, path)
        app_ms.append((time.perf_counter() - began) * 1000)
    lib, app = statistics.median(lib_ms), statistics.median(app_ms)
    ratio = app / lib
    print(f"file: {path.stat().st_size / 1024:.0f} KB, {occurrences} occurrences, {rows} rows")
    print(f"icalendar + recurring-ical-events: {lib:.0f} ms (median of {args.rounds})")
    print(f"preview (read, check, propose):    {app:.0f} ms (median of {args.rounds})")
    print(f"ratio: {ratio:.2f} (target <= {TARGET}) {'met' if ratio <= TARGET else 'NOT MET'}")
    print("rounds, libraries / preview ms:",
          ", ".join(f"{a:.0f}/{b:.0f}" for a, b in zip(lib_ms, app_ms)))
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
