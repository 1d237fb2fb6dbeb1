"""`log import-calendar FILE.ics`: propose one entry per calendar event, import the ticked ones.

The file is read and checked before the data file is opened, so a bad file writes nothing. The
event subjects are printed to the terminal (as the app's preview shows them) but never stored,
and never put in the JSON output, which scripts may save.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli.common import Context, print_json
from core.common import clock
from core.time.calendar.attendance import (
    MAYBE_DECLINED,
    attendance_for,
    check_address,
    remember_my_address,
)
from core.time.calendar.importer import import_rows
from core.time.calendar.checks import nothing_ready, plan
from core.time.calendar.preview import LEAVE, ProposedRow, propose
from core.time.calendar.reader import clean_text, read_calendar_file
from core.common.errors import ValidationError
from core.time.time_summary import hours_text

USAGE = (
    "log import-calendar FILE.ics [--from DATE] [--to DATE] [--me ADDRESS] [--dry-run] [--json]"
)
SUBJECT_WIDTH = 34


def row_json(row: ProposedRow) -> dict[str, Any]:
    """One preview row as JSON: no subject, location or attendee text."""
    return {
        "kind": row.kind,
        "date": row.date.isoformat(),
        "start": None if row.start is None else f"{row.start:%H:%M}",
        "end": None if row.end is None else f"{row.end:%H:%M}",
        "minutes": row.minutes,
        "activity": row.activity_name or None,
        "activity_from": row.activity_source or None,
        "case": row.case_reference,
        "leave_kind": row.leave_kind or None,
        "import": row.ticked,
        "can_import": row.can_import,
        "reason": row.reason or None,
        "change": row.change or None,
    }


def _line(row: ProposedRow) -> str:
    tick = "[x]" if row.ticked else "[ ]"
    what = row.leave_kind if row.kind == LEAVE else (row.activity_name or "(no activity)")
    length = hours_text(row.minutes / 60) if row.kind != LEAVE else ""
    text = clean_text(row.subject)  # no terminal escapes from an outside sender's invite
    subject = text if len(text) <= SUBJECT_WIDTH else text[: SUBJECT_WIDTH - 1] + "…"
    said = row.reason or row.change
    reason = f"  ({said})" if said else ""
    return (
        f"{tick} {row.date:%a %d %b}  {row.span_text:<11}  {length:<19}  {what:<30}  "
        f"{row.case_reference or '':<6}  {subject}{reason}"
    ).rstrip()


def run_import_calendar(args: argparse.Namespace, ctx: Context) -> int:
    files = args.line[1:]
    if len(files) != 1:
        raise ValidationError(f"Give one calendar file: {USAGE}.")
    if args.date or args.trim_overlaps:
        raise ValidationError(
            f"--date and --trim-overlaps do not go with import-calendar: {USAGE}."
        )
    now = clock.now()  # the app's one clock: CASELOAD_COMPANION_NOW fixes it for scripts
    today = now.date()
    last = args.date_to or today
    if args.date_from and args.date_from > last:
        raise ValidationError("--from is after --to.")
    if args.me is not None:
        check_address(args.me)
    read = read_calendar_file(Path(files[0]).expanduser(), args.date_from, last)  # before any write
    if args.me is not None and not args.dry_run:
        remember_my_address(ctx.db, args.me)
    attendance = attendance_for(ctx.db, read, args.me)
    rows = propose(ctx.db, read.events, read.first, read.last, today, now, attendance)
    ticked = [r for r in rows if r.ticked]
    result = None
    if ticked and not args.dry_run:
        result = import_rows(ctx.db, rows, today)
    if args.json:
        print_json(
            {
                "from": read.first.isoformat(),
                "to": read.last.isoformat(),
                "dry_run": bool(args.dry_run),
                "imported": result.count if result else 0,
                "rows": [row_json(r) for r in rows],
            }
        )
        return 0
    period = f"{read.first:%d %b %Y} to {read.last:%d %b %Y}"
    if not rows:
        print(f"The calendar has no events from {period}; choose other dates with --from and --to.")
        return 0
    for row in rows:
        print(_line(row))
    planned = plan(rows)
    if any(r.reason == MAYBE_DECLINED for r in rows):
        print(
            "Whose answers are yours cannot be told from this file: add --me and your own "
            "address, so only your own answer marks a meeting declined (remembered once imported)."
        )
    if args.dry_run:
        print(
            f"Would import {planned.count} of {len(rows)} rows "
            f"({hours_text(planned.minutes / 60)}) "
            f"from {period}. Nothing was saved (--dry-run)."
        )
    elif result is None:
        print(f"Nothing imported from {period}: {nothing_ready(rows)}.")
    else:
        print(
            f"Imported {result.count} of {len(rows)} rows ({hours_text(result.minutes / 60)}) "
            f"from {period}. Importing the same file again adds nothing."
        )
    return 0


SELFCHECK_ICS = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:selfcheck\r\n"
    b"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261023T090000Z\r\nDTEND:20261023T100000Z\r\nEND:VEVENT\r\n"
    b"BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=GMT Standard Time:20261026T090000\r\n"
    b"DTEND;TZID=GMT Standard Time:20261026T100000\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nEND:VEVENT\r\n"
    b"END:VCALENDAR\r\n"
)


def selfcheck_calendar() -> str:
    """The installed calendar libraries and time-zone data read a file across the October
    clock change into the right London times (a frozen bundle may lack the zone data)."""
    from core.time.calendar.reader import read_calendar

    read = read_calendar(SELFCHECK_ICS, date(2026, 10, 19), date(2026, 11, 6))
    got = [f"{e.start:%d %H:%M}" for e in read.events if e.start is not None]
    if got != ["23 10:00", "26 09:00", "02 09:00"]:
        raise RuntimeError(f"calendar times came out as {got}")
    return "3 events in London time across the clock change"
