"""`log` and `timer` subcommands: one-line time logging, listing, and the stored timer."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time, timedelta

from cli.common import Context, aligned_table, bounded_int, date_arg
from cli.json_output import print_json_rows
from core.time.activities import list_activities, match_activity
from core.time.entry_listing import entry_columns
from core.common import clock
from core.common.errors import ValidationError
from core.common.names import name_refusal
from core.time.quick_entry import log_quick_entry, parse_time_of_day, quick_entry_note
from core.time.time_entries import (
    TimeEntry,
    TimeStore,
    clock_change_note,
    format_span,
)
from core.time.time_summary import hours_text
from core.time.timer import get_timer, stale_limit_hours, stale_timer, start_timer, stop_timer
from core.common.words import plural


# The keys of each entry in `log list --json`, in order: scripts depend on them.
ENTRY_KEYS = ("id", "date", "start", "end", "minutes", "activity", "counted_by_wmt", "case",
              "note")


def log_line(
    ctx: Context, line: str, day: date | None, trim: bool, now: datetime
) -> list[TimeEntry]:
    """Parse and save one quick-entry line; ValidationError saves nothing. Two entries for a
    range across midnight (they come first in the change, the second on the next day)."""
    added = log_quick_entry(ctx.db, line, now=now, day=day, trim=trim).added
    split = len(added) > 1 and added[1].date == added[0].date + timedelta(days=1)
    return list(added[: 2 if split else 1])


def run_log(args: argparse.Namespace, ctx: Context) -> int:
    words = args.line
    if words == ["list"]:
        return run_log_list(args, ctx)
    if words and words[0] == "import-calendar":
        from cli.calendar_commands import run_import_calendar

        return run_import_calendar(args, ctx)
    if args.dry_run or args.me is not None:
        raise ValidationError("--dry-run and --me go with `log import-calendar`.")
    if not words:
        raise ValidationError('Say what to log, for example: log "09:30-10:15 home visit @C07".')
    if args.date_from or args.date_to or args.json:
        raise ValidationError("--from, --to and --json go with `log list`.")
    line, now = " ".join(words), clock.now()
    refusal = name_refusal({"note": quick_entry_note(ctx.db, line, now=now, day=args.date)})
    if refusal:
        raise ValidationError(refusal)
    for entry in log_line(ctx, line, args.date, args.trim_overlaps, now):
        span = format_span(entry)
        case = f" for {entry.case_reference}" if entry.case_reference else ""
        print(
            f"Logged {hours_text(entry.minutes / 60)} of {entry.activity_name}{case} "
            f"on {entry.date:%a %d %b}{' ' + span if span else ''}."
        )
        note = clock_change_note(entry)
        if note:
            print(note)
    return 0


def run_log_list(args: argparse.Namespace, ctx: Context) -> int:
    last = args.date_to or clock.today()
    first = args.date_from or last - timedelta(days=last.weekday())
    if first > last:
        raise ValidationError("--from is after --to.")
    listed = entry_columns(ctx.db, first, last)  # as plain texts: ten years are 50,000 rows
    if args.json:
        print_json_rows(ENTRY_KEYS, (listed.id, listed.date, listed.start, listed.end,
                                     listed.minutes, listed.activity, listed.counted_by_wmt,
                                     listed.case_reference, listed.note))
        return 0
    if not listed:
        print(f"No time logged from {first:%d %b %Y} to {last:%d %b %Y}.")
        return 0
    lengths = {m: f"{m} min" for m in set(listed.minutes)}
    rows = zip(listed.date, [span or "(no times)" for span in listed.spans()],
               map(lengths.__getitem__, listed.minutes), listed.activity,
               [reference or "" for reference in listed.case_reference], listed.note)
    lines = aligned_table(("Date", "Time", "Length", "Activity", "Case", "Note"), list(rows),
                          right=(2,))
    total = sum(listed.minutes) / 60
    lines.append(f"{plural(len(listed), 'entry', 'entries')}, {hours_text(total)}")
    sys.stdout.write("\n".join(lines) + "\n")  # one write: ten years are 50,000 lines
    return 0


def _stop_at(text: str, day: date) -> datetime:
    """The wall-clock moment `--at HH:MM` names on `day`; 24:00 is the midnight ending it."""
    minutes = parse_time_of_day(text, end=True)  # 17:05, 5.05pm, 5pm, noon, 24:00
    if minutes == 24 * 60:
        return datetime.combine(day + timedelta(days=1), time(0))
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def run_timer_start(args: argparse.Namespace, ctx: Context) -> int:
    db, now = ctx.db, clock.now()
    found = match_activity(list_activities(db), args.activity)
    if len(found) != 1:
        names = ", ".join(a.name for a in (found or list_activities(db)))
        raise ValidationError(
            f"'{args.activity}' does not name one activity. Choose from: {names}."
        )
    case_id = TimeStore(db).case_id_for(args.case) if args.case else None
    started = clock.minutes_before(now, args.ago) if args.ago else None
    activity_id: int = found[0].id  # type: ignore[assignment]
    change = start_timer(db, activity_id, now=now, case_id=case_id, started_at=started)
    timer = get_timer(db)
    assert timer is not None
    if change.added:
        print(
            f"Logged {hours_text(sum(e.minutes for e in change.added) / 60)} of the previous timer."
        )
    print(f"Timing {timer.activity_name} since {timer.started_at:%H:%M}.")
    return 0


def run_timer_stop(args: argparse.Namespace, ctx: Context) -> int:
    now = clock.now()
    at = None
    if args.at:
        at = _stop_at(args.at, args.date or now.date())
    keep = "none" if args.discard else "all" if args.keep_all else ("until" if at else None)
    timer = get_timer(ctx.db)
    if timer is None:  # stopping twice is harmless
        print("No timer is running; nothing to stop.")
        return 0
    if (
        timer is not None
        and at is not None
        and timer.started_at.date() < now.date()
        and not args.date
    ):
        raise ValidationError("The timer started on an earlier day; give --date with --at.")
    change = stop_timer(ctx.db, now=now, at=at, keep=keep, trim=args.trim_overlaps)
    trimmed = {e.id for e in change.removed}  # entries cut back to make room are not new time
    minutes = sum(e.minutes for e in change.added if e.id not in trimmed)
    print(
        f"Timer stopped; logged {hours_text(minutes / 60)}."
        if minutes
        else "Timer stopped; nothing logged."
    )
    return 0


def run_timer_status(args: argparse.Namespace, ctx: Context) -> int:
    timer, now = get_timer(ctx.db), clock.now()
    if timer is None:
        print("No timer is running.")
        return 0
    case = f" for {timer.case_reference}" if timer.case_reference else ""
    print(
        f"Timing {timer.activity_name}{case} since {timer.started_at:%a %d %b %H:%M} "
        f"({hours_text(timer.elapsed_minutes(now) / 60)})."
    )
    # The same rule the app asks by at opening: running past the longest working day.
    if stale_timer(ctx.db, now) is not None:
        print(
            f"It has run a long time (over {hours_text(stale_limit_hours(ctx.db))}): "
            "stop it with --at TIME (and --date), --keep-all or --discard."
        )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    log = sub.add_parser(
        "log", help="log time in one line; `log list` to see it; `log import-calendar FILE.ics`"
    )
    log.add_argument(
        "line", nargs="*",
        help='e.g. "09:30-10:15 home visit @C07 note", or list, or import-calendar FILE.ics',
    )
    log.add_argument("--date", type=date_arg, help="the day the time was spent (default today)")
    log.add_argument(
        "--trim-overlaps",
        action="store_true",
        help="shorten entries the new one overlaps instead of refusing",
    )
    log.add_argument("--from", dest="date_from", type=date_arg, help="list from this date")
    log.add_argument("--to", dest="date_to", type=date_arg, help="list up to this date")
    log.add_argument("--json", action="store_true", help="list as JSON")
    log.add_argument(
        "--dry-run",
        action="store_true",
        help="with import-calendar: show what would be imported, save nothing",
    )
    log.add_argument(
        "--me",
        metavar="ADDRESS",
        help="with import-calendar: your own e-mail address in invitations, so only your own "
        "answer marks a meeting declined (remembered as a keyed code, never as the address)",
    )
    log.set_defaults(func=run_log)

    timer = sub.add_parser("timer", help="start, stop or check the timer")
    tsub = timer.add_subparsers(dest="timer_command", metavar="ACTION", required=True)
    start = tsub.add_parser("start", help="start timing an activity (stops a running timer)")
    start.add_argument("activity", help="activity name, or the start of it")
    start.add_argument("--case", help="case reference, e.g. C07")
    start.add_argument(
        "--ago", type=bounded_int(0, 24 * 60), metavar="MINUTES",
        help="I started this many minutes ago",
    )
    start.set_defaults(func=run_timer_start)
    stop = tsub.add_parser("stop", help="stop the timer and log the time")
    stop.add_argument(
        "--at", metavar="HH:MM", help="stop at this time instead of now (24:00: at midnight)"
    )
    stop.add_argument("--date", type=date_arg, help="the day of --at, for a timer left running")
    stop.add_argument("--keep-all", action="store_true", help="keep all of a long-running timer")
    stop.add_argument("--discard", action="store_true", help="stop without logging anything")
    stop.add_argument(
        "--trim-overlaps",
        action="store_true",
        help="shorten entries the timer's time overlaps instead of refusing",
    )
    stop.set_defaults(func=run_timer_stop)
    status = tsub.add_parser("status", help="is a timer running?")
    status.set_defaults(func=run_timer_status)
