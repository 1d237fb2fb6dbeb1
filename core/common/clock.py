"""The one clock: the current moment, wall-clock times across clock changes, and real lengths.

Practitioners type and read local wall-clock times (the computer's time zone: Europe/London in
England and Wales). A moment that must survive a clock change, such as a running timer's start,
is an instant: stored with its UTC offset, compared and subtracted as real time. So the hour the
clocks go back (01:00-02:00 on the last Sunday of October happens twice) counts twice, and the
hour they go forward (01:00-02:00 on the last Sunday of March never happens) counts not at all.

Wall-clock datetimes here are naive local times; `fold=1` marks the second of a repeated hour
(PEP 495), so a naive value still names one instant. Python converts naive local times with the
operating system's rules (no time-zone database needed on Windows).

`CASELOAD_COMPANION_NOW` (an ISO date-time, e.g. `2026-10-25T01:30+00:00`; without an offset it
is local wall-clock time) fixes the clock for tests and demonstrations. It is read only by `now()`.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, timezone

NOW_ENV = "CASELOAD_COMPANION_NOW"
DAY_MINUTES = 24 * 60


# The years the app works in (dates typed outside them are refused: core.common.dates).
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ClockError(Exception):
    """The clock cannot be read as a time the app can use; nothing may be written."""


def now() -> datetime:
    """The current local wall-clock time, to the microsecond (fold=1 in a repeated hour).
    Raises ClockError when `CASELOAD_COMPANION_NOW` names a moment that has no local time
    (year 1 in a zone east of UTC, say)."""
    fixed = os.environ.get(NOW_ENV, "").strip()
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed)
        except ValueError:  # set but unreadable: never quietly the real clock instead
            raise ClockError(f"{NOW_ENV} is not a date and time: {fixed[:40]!r}; nothing was "
                             "read or saved. Give one like 2026-12-06T09:30, or unset it."
                             ) from None
        try:
            return wall(moment)
        except (OverflowError, ValueError, OSError):
            raise ClockError(f"{NOW_ENV} is set to a time the app cannot use; nothing was "
                             f"read or saved. Give a date from {FIRST_YEAR} to {LAST_YEAR}."
                             ) from None
    return datetime.now()


def clock_problem() -> str | None:
    """A sentence when the clock reads outside the years the app works in (a computer whose
    clock was reset to 1970, say): entries made under it could never be listed. None if fine."""
    try:
        moment = now()
    except ClockError as exc:
        return str(exc)
    if FIRST_YEAR <= moment.year <= LAST_YEAR:
        return None
    return (f"Your computer's clock says {moment.date().isoformat()}, which looks wrong; nothing "
            f"was read or saved. Set the date and time (the app works with {FIRST_YEAR} to "
            f"{LAST_YEAR}), then try again.")


def today() -> date:
    return now().date()


def instant(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime; a naive one is read as local wall-clock time."""
    return moment.astimezone(timezone.utc)


def wall(moment: datetime) -> datetime:
    """`moment` as naive local wall-clock time, with fold=1 for the second of a repeated hour."""
    local = instant(moment).astimezone()
    naive = local.replace(tzinfo=None)
    if instant(naive) != instant(local):
        naive = naive.replace(fold=1)
    return naive


def stamp(moment: datetime) -> str:
    """`moment` as ISO text with its UTC offset, to the minute: `2026-10-25T01:30+00:00`."""
    return instant(moment).astimezone().isoformat(timespec="minutes")


def minutes_before(moment: datetime, minutes: int) -> datetime:
    """Wall-clock time `minutes` of real time before `moment` (across a clock change too)."""
    return wall(instant(moment) - timedelta(minutes=minutes))


def elapsed_minutes(start: datetime, end: datetime) -> int:
    """Whole minutes of real time from `start` to `end` (negative if `end` is earlier)."""
    return int((instant(end) - instant(start)).total_seconds() // 60)


def at_minute(day: date, minutes: int, fold: int = 0) -> datetime:
    """Naive wall-clock time `minutes` after the start of `day`; 1440 is 24:00 (the next 00:00)."""
    return (datetime.combine(day, time(0)) + timedelta(minutes=minutes)).replace(fold=fold)


def real_minutes(day: date, start: int, end: int, fold_start: int = 0, fold_end: int = 0) -> int:
    """Minutes of real time between two wall-clock times on `day` (minutes after midnight,
    end up to 1440 for 24:00). Equal to `end - start` except across a clock change."""
    return elapsed_minutes(at_minute(day, start, fold_start), at_minute(day, end, fold_end))


def possible_minutes(day: date, start: int, end: int) -> set[int]:
    """Every real length a wall-clock span can have: two when a repeated hour makes a time
    ambiguous (a timer and a typed entry may have lived different ones), else one."""
    lengths = {
        real_minutes(day, start, end, fold_start, fold_end)
        for fold_start in (0, 1) for fold_end in (0, 1)
    }
    return {m for m in lengths if m > 0} or {end - start}


def positive_lengths(day: date, start: int, end: int) -> set[int]:
    """The real lengths a wall-clock span on `day` can have that are more than nothing. An end
    earlier on the clock face than the start counts only when the clocks went back in between
    (01:30 in summer time to the second 01:05 is 35 minutes), never as a span past midnight."""
    return {
        m for fold_start in (0, 1) for fold_end in (0, 1)
        if (m := real_minutes(day, start, end, fold_start, fold_end)) > 0
    }


def typed_length(day: date, start: int, end: int) -> int | None:
    """Real minutes for a typed span on `day`: the first occurrence of a repeated hour when the
    end is later on the clock face, else the clocks-went-back reading; None if there is none."""
    if end > start:
        return real_minutes(day, start, end)
    back = real_minutes(day, start, end, 0, 1)
    return back if back > 0 else None


def exists(day: date, minutes: int) -> bool:
    """False for a wall-clock time the clocks skipped (01:00-01:59 on the last Sunday of March)."""
    moment = at_minute(day, minutes)
    return wall(moment) == moment


def missing_time(day: date, minutes: int) -> str | None:
    """One line saying a wall-clock time never happened on `day` (the clocks went forward over
    it), naming the skipped hour; None for a time that happened."""
    if exists(day, minutes):
        return None
    first = minutes
    while first > 0 and not exists(day, first - 1):
        first -= 1
    last = minutes
    while last < DAY_MINUTES and not exists(day, last + 1):
        last += 1
    return (
        f"{clock_text(minutes)} did not happen on {day.day} {day:%B}: the clocks went forward "
        f"from {clock_text(first)} to {clock_text(last + 1)}."
    )


def day_minutes(day: date) -> int:
    """How long `day` really is: 1440, or 1380 and 1500 on the days the clocks change."""
    return real_minutes(day, 0, DAY_MINUTES)


def next_midnight(moment: datetime) -> datetime:
    """The wall-clock midnight that starts the day after `moment`."""
    return datetime.combine(wall(moment).date() + timedelta(days=1), time(0))


def clock_change_note(day: date, start: int, end: int, minutes: int) -> str | None:
    """One line saying the clocks changed inside a wall-clock span, or None if they did not."""
    if minutes == end - start:
        return None
    way = "forward" if minutes < end - start else "back"
    length = length_words(minutes)
    return (
        f"The clocks went {way} during {clock_text(start)}–{clock_text(end)} on {day:%a %d %b}, "
        f"so it is {length} of real time."
    )


def clock_text(minutes: int) -> str:
    """HH:MM for minutes after midnight; 1440 is 24:00."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def length_words(minutes: int) -> str:
    """A length of time in words: "1 hour 5 minutes", "45 minutes", "0 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not parts:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
