"""The running timer, stored in the database so it survives closing the app or restarting.

The start is an instant: stored with its UTC offset (`2026-10-25T00:53+01:00`), read back as local
wall-clock time (fold=1 in a repeated hour), and compared and subtracted as real time, so a timer
runs correctly through the clock changes. Stopping cuts it at each midnight, the first piece
ending at 24:00 and the next starting at 00:00, with no minute lost (see core.common.clock).

A timer left running past `stale_limit_hours` of real time is "stale": it is never logged without
asking; the practitioner chooses to keep all of it, keep it until a time, or keep none. The limit
follows the practitioner's own working week (their longest day plus a margin), so a long or short
working pattern is asked about at the right time without another setting to keep in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from core.time.activities import get_activity
from core.common import clock
from core.common.dates import FIRST_DATE, LAST_DATE
from core.common.errors import ValidationError
from core.common.identifiers import identifier_message
from core.time.entry_clock import END_OF_DAY
from core.time.time_entries import TimeChange, TimeEntry, TimeStore
from core.time.time_summary import hours_text
from core.time.working_week import get_pattern
from core.common.words import plural
from core.store.transactions import in_one_transaction

STALE_MARGIN_HOURS = 2  # staying on past the usual end is common; two hours more is not
MIN_STALE_LIMIT_HOURS = 4  # one long visit with its travel can run this long on any pattern
KEEP_CHOICES = ("all", "until", "none")


@dataclass(frozen=True)
class RunningTimer:
    activity_id: int
    started_at: datetime
    case_id: int | None = None
    note: str = ""
    activity_name: str = ""
    case_reference: str | None = None

    def elapsed_minutes(self, now: datetime) -> int:
        """Whole minutes of real time since the start (clock changes counted as lived)."""
        return max(0, clock.elapsed_minutes(self.started_at, now))


class StaleTimerError(ValidationError):
    """Stopping a stale timer needs a choice of what to keep."""


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def get_timer(db: Database) -> RunningTimer | None:
    rows = list(
        db.query(
            "SELECT t.*, a.name AS activity_name, c.reference AS case_reference "
            "FROM running_timer t JOIN activities a ON a.id = t.activity_id "
            "LEFT JOIN cases c ON c.id = t.case_id WHERE t.id = 1"
        )
    )
    if not rows:
        return None
    row: dict[str, Any] = rows[0]
    return RunningTimer(
        activity_id=row["activity_id"],
        started_at=clock.wall(datetime.fromisoformat(row["started_at"])),
        case_id=row["case_id"],
        note=row["note"] or "",
        activity_name=row["activity_name"],
        case_reference=row["case_reference"],
    )


def stale_limit_hours(db: Database) -> float:
    """How long a timer may run before it is asked about: the longest working day of the
    Working week (its hours, or the usual day's span if longer) plus `STALE_MARGIN_HOURS`.

    The default pattern (7.4 hours a day, 09:00 to 17:00) gives 10 hours.
    """
    pattern = get_pattern(db)
    start, end = pattern.day_start, pattern.day_end
    span = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) / 60
    longest = max(max(pattern.hours), span)
    return round(max(MIN_STALE_LIMIT_HOURS, longest + STALE_MARGIN_HOURS), 2)


def is_stale(timer: RunningTimer, now: datetime, limit_hours: float) -> bool:
    """Running longer than the limit in real time. Crossing midnight alone is not stale: an
    evening on duty that runs past 24:00 is logged as two entries without a question."""
    return clock.instant(now) - clock.instant(timer.started_at) > timedelta(hours=limit_hours)


def stale_timer(
    db: Database, now: datetime, limit_hours: float | None = None
) -> RunningTimer | None:
    """The running timer if it needs the practitioner to say what to keep, else None.

    The one rule for the app and the command line: `limit_hours` defaults to
    `stale_limit_hours(db)`."""
    timer = get_timer(db)
    if timer is None:
        return None
    limit = stale_limit_hours(db) if limit_hours is None else limit_hours
    return timer if is_stale(timer, now, limit) else None


@in_one_transaction
def start_timer(
    db: Database,
    activity_id: int,
    *,
    now: datetime,
    case_id: int | None = None,
    note: str = "",
    started_at: datetime | None = None,
) -> TimeChange:
    """Start timing; a running timer is stopped at the new start first (switching in one step)."""
    started = _minute(started_at or now)
    limit = stale_limit_hours(db)
    problems = []
    if clock.instant(started) > clock.instant(now):
        problems.append("A timer cannot start in the future.")
    if clock.instant(now) - clock.instant(started) > timedelta(hours=limit):
        problems.append(
            f"A timer can start at most {hours_text(limit)} ago; log earlier time as an entry."
        )
    if not FIRST_DATE <= started.date() <= LAST_DATE:  # its time could never be saved
        problems.append(f"A timer started then would begin on {started.date().isoformat()}, "
                        f"outside the years {FIRST_DATE.year} to {LAST_DATE.year} the app "
                        "keeps; check your computer's clock.")
    try:
        get_activity(db, activity_id)
    except KeyError:
        problems.append("That activity no longer exists.")
    if case_id is not None:
        problems.extend(TimeStore(db).case_problems(case_id, started.date()))
    message = identifier_message("note", note)
    if message:
        problems.append(message)
    running = stale_timer(db, now, limit)
    if running is not None:
        problems.append(
            f"The timer for {running.activity_name} has run since "
            f"{running.started_at:%a %d %b %H:%M}; say what to keep of it first."
        )
    if problems:
        raise ValidationError(problems)
    change = TimeChange()
    with db.atomic():
        if get_timer(db) is not None:
            change = stop_timer(db, now=now, at=started)
        db.execute("DELETE FROM running_timer")
        db.table("running_timer").insert(
            {
                "id": 1,
                "activity_id": activity_id,
                "case_id": case_id,
                "started_at": clock.stamp(started),
                "note": note.strip(),
            }
        )
    return change


def _pieces(timer: RunningTimer, end: datetime) -> list[TimeEntry]:
    """The timed span cut at each midnight, so every entry lies within one day: a piece that
    reaches midnight ends at 24:00 and the next starts at 00:00. Minutes are real time, so they
    add up to the timer's whole length even across a clock change."""
    pieces = []
    cursor = _minute(timer.started_at)
    while clock.instant(cursor) < clock.instant(end):
        midnight = clock.next_midnight(cursor)
        reaches_midnight = clock.instant(end) >= clock.instant(midnight)
        piece_end = midnight if reaches_midnight else end
        minutes = clock.elapsed_minutes(cursor, piece_end)
        if minutes >= 1:
            pieces.append(
                TimeEntry(
                    date=cursor.date(),
                    minutes=minutes,
                    activity_id=timer.activity_id,
                    start=cursor.time(),
                    end=END_OF_DAY if reaches_midnight else piece_end.time(),
                    case_id=timer.case_id,
                    note=timer.note,
                )
            )
        cursor = midnight
    return pieces


@in_one_transaction
def stop_timer(
    db: Database,
    *,
    now: datetime,
    at: datetime | None = None,
    keep: str | None = None,
    trim: bool = False,
) -> TimeChange:
    """Stop and log the timer (at `at`, default now). A stale timer needs `keep`:
    "all" (up to now), "until" (up to `at`) or "none" (log nothing)."""
    timer = get_timer(db)
    if timer is None:
        raise ValidationError("No timer is running.")
    if keep is not None and keep not in KEEP_CHOICES:
        raise ValidationError("Choose to keep all, until a time, or none.")
    if keep is None and at is None and is_stale(timer, now, stale_limit_hours(db)):
        raise StaleTimerError(
            f"The timer for {timer.activity_name} has run since "
            f"{timer.started_at:%a %d %b %H:%M} ({plural(timer.elapsed_minutes(now) // 60, 'hour')}). "
            "Say what to keep: stop it at a time, keep all of it, or keep none."
        )
    if keep == "until" and at is None:
        raise ValidationError("Say until when to keep the time.")
    if at is not None:
        missing = clock.missing_time(at.date(), at.hour * 60 + at.minute)
        if missing:
            raise ValidationError(missing)
    end = _minute(now if keep == "all" or at is None else _lived(at, timer.started_at, now))
    if keep != "none":
        if clock.instant(end) > clock.instant(_minute(now)):
            raise ValidationError("The timer cannot stop later than now.")
        if clock.instant(end) < clock.instant(timer.started_at):
            raise ValidationError(
                f"The timer started at {timer.started_at:%H:%M}; stop it after that."
            )
    store = TimeStore(db)
    added: list[TimeEntry] = []
    removed: list[TimeEntry] = []
    with db.atomic():
        if keep != "none":
            for piece in _pieces(timer, end):
                change = store.log_time(piece, trim=trim, today=now.date())
                added.extend(change.added)
                removed.extend(change.removed)
        db.execute("DELETE FROM running_timer")
    return TimeChange(tuple(added), tuple(removed), "Stop timer")


def _lived(at: datetime, started: datetime, now: datetime) -> datetime:
    """A typed stop time in the repeated hour means the occurrence the timer ran through: the
    second (fold=1) when the first is before the start or the second is not after now."""
    second = at.replace(fold=1)
    if clock.instant(second) == clock.instant(at.replace(fold=0)):
        return at
    first_too_early = clock.instant(at.replace(fold=0)) < clock.instant(started)
    if first_too_early and clock.instant(second) <= clock.instant(now):
        return second
    return at


def discard_timer(db: Database) -> None:
    with db.atomic():
        db.execute("DELETE FROM running_timer")


def _same_timer(a: RunningTimer, b: RunningTimer) -> bool:
    """The same timing (names shown with it may have been renamed since)."""
    return (a.activity_id, a.started_at, a.case_id, a.note) == (
        b.activity_id,
        b.started_at,
        b.case_id,
        b.note,
    )


def resume_timer(db: Database, timer: RunningTimer) -> bool:
    """Put a stopped timer back running from its own start (undoing a stop).

    Returns False, changing nothing, when another timer is running: that one is the
    practitioner's latest intent and is never replaced without asking.
    """
    with db.atomic():
        running = get_timer(db)
        if running is not None:
            return _same_timer(running, timer)
        db.table("running_timer").insert(
            {
                "id": 1,
                "activity_id": timer.activity_id,
                "case_id": timer.case_id,
                "started_at": clock.stamp(timer.started_at),
                "note": timer.note,
            }
        )
    return True


def stop_resumed_timer(db: Database, timer: RunningTimer) -> bool:
    """Stop `timer` without logging (redo logs its time again); False if it is not the one running."""
    with db.atomic():
        running = get_timer(db)
        if running is None or not _same_timer(running, timer):
            return False
        db.execute("DELETE FROM running_timer")
    return True
