"""The working week: hours per weekday, leave, bank holidays, and how logged time sits against them.

Contracted hours for a day are the pattern's hours for that weekday, unless the day is a bank
holiday (England and Wales) or a full leave day; a part-day of leave takes off its hours only.
A bank holiday on a day the pattern does not work takes nothing off (that is how part-time
bank-holiday entitlement is usually handled: pro rata leave makes up the difference).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlite_utils import Database

from core.common import clock
from core.time.bank_holidays import bank_holidays_between
from core.common.errors import ValidationError
from core.common.hours import minutes_of
from core.workload.profile import get_profile, profile_since
from core.time.time_entries import TimeEntry, TimeStore
from core.store.kept_deletion import KeptRows, delete_keeping
from core.store.saved_rows import RowScope

LEAVE_KINDS = ("annual leave", "sickness", "flexi", "training day", "other")
DEFAULT_START, DEFAULT_END = time(9, 0), time(17, 0)
MIN_GAP_MINUTES = 31  # half an hour or less between things is a break, not missing time
EDGE_GAP_MINUTES = 60  # starting or finishing a little early or late is flexi, not a gap


@dataclass(frozen=True)
class WorkingPattern:
    """Hours for Monday (0) to Sunday (6), and the usual working day used to find gaps."""

    hours: tuple[float, ...] = (7.4, 7.4, 7.4, 7.4, 7.4, 0.0, 0.0)
    day_start: time = DEFAULT_START
    day_end: time = DEFAULT_END

    @property
    def weekly_hours(self) -> float:
        return round(sum(self.hours), 2)


@dataclass(frozen=True)
class LeaveDay:
    date: date
    kind: str = "annual leave"
    hours: float | None = None  # None: the whole working day


@dataclass(frozen=True)
class Gap:
    date: date
    start: time
    end: time

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


@dataclass
class DaySummary:
    date: date
    contracted_hours: float
    logged_minutes: int
    entries: list[TimeEntry] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    bank_holiday: str | None = None
    leave: LeaveDay | None = None
    before_start: bool = False  # before the app was set up: no hours owed (counting_from)

    @property
    def logged_hours(self) -> float:
        return self.logged_minutes / 60


@dataclass
class WeekSummary:
    monday: date
    days: list[DaySummary]

    @property
    def contracted_hours(self) -> float:
        return round(sum(d.contracted_hours for d in self.days), 2)

    @property
    def logged_hours(self) -> float:
        return sum(d.logged_minutes for d in self.days) / 60

    @property
    def hours_over_contract(self) -> float:
        """Hours logged beyond contracted hours (0 when within them); time logged for days
        before the app was set up is kept but never counts as over contract."""
        counted = sum(d.logged_minutes for d in self.days if not d.before_start)
        return max(0, counted - minutes_of(self.contracted_hours)) / 60

    @property
    def logged_before_start_hours(self) -> float:
        return sum(d.logged_minutes for d in self.days if d.before_start) / 60


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


PATTERN_ROWS = RowScope(("working_pattern",))  # what a working week save writes, for Undo
LEAVE_ROWS = RowScope(("leave_days",))  # leave added (or a day's leave changed), for Undo


# Pattern and leave storage -------------------------------------------------------------------
def get_pattern(db: Database) -> WorkingPattern:
    """The saved pattern, or the profile's contracted hours spread over Monday to Friday."""
    rows = {r["weekday"]: r for r in db.query("SELECT * FROM working_pattern")}
    if not rows:
        # A fifth of the exact hours (37.41 is 7.482 a day, not 7.48, so the week adds up to the
        # profile's); time is logged in float hours.
        daily = float(get_profile(db).hours / 5)
        return WorkingPattern(hours=(daily,) * 5 + (0.0, 0.0))
    first = rows.get(0) or next(iter(rows.values()))
    return WorkingPattern(
        hours=tuple(float(rows[d]["hours"]) if d in rows else 0.0 for d in range(7)),
        day_start=time.fromisoformat(first["day_start"] or "09:00"),
        day_end=time.fromisoformat(first["day_end"] or "17:00"),
    )


def pattern_mismatch(db: Database, day: date | None = None) -> tuple[float, float] | None:
    """(working week's hours, profile's hours) when a saved working week no longer adds up to
    the contracted hours in force on `day` (hours changed in the profile, days not); else
    None. Contracted hours in the Time view follow the working week, the estimate the profile."""
    if not has_saved_pattern(db):
        return None
    weekly, profile = get_pattern(db).weekly_hours, float(get_profile(db, day).hours)
    return (weekly, profile) if abs(weekly - profile) > 0.01 else None


def spread_over_worked_days(pattern: WorkingPattern, weekly: float) -> WorkingPattern:
    """The same working days (those with hours) and working day, with `weekly` hours shared
    evenly between them: 29.6 hours on Monday to Wednesday is 9.87 hours each."""
    worked = [day for day, hours in enumerate(pattern.hours) if hours > 0]
    if not worked:
        raise ValidationError("Give at least one working day.")
    each = weekly / len(worked)
    return replace(pattern, hours=tuple(each if d in worked else 0.0 for d in range(7)))


def has_saved_pattern(db: Database) -> bool:
    return bool(db.table("working_pattern").count)


def save_pattern(db: Database, pattern: WorkingPattern) -> WorkingPattern:
    problems = []
    if len(pattern.hours) != 7 or any(not 0 <= h <= 24 for h in pattern.hours):
        problems.append("Each day's hours must be between 0 and 24.")
    if pattern.weekly_hours <= 0:
        problems.append("Give at least one working day.")
    if pattern.day_end <= pattern.day_start:
        problems.append("The working day must end after it starts.")
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        db.execute("DELETE FROM working_pattern")
        db.table("working_pattern").insert_all(
            {
                "weekday": d,
                "hours": float(h),
                "day_start": f"{pattern.day_start:%H:%M}",
                "day_end": f"{pattern.day_end:%H:%M}",
            }
            for d, h in enumerate(pattern.hours)
        )
    return get_pattern(db)


def add_leave(db: Database, leave: LeaveDay) -> LeaveDay:
    problems = []
    if leave.kind not in LEAVE_KINDS:
        problems.append(f"Leave must be one of: {', '.join(LEAVE_KINDS)}.")
    if leave.hours is not None and not 0 < leave.hours <= 24:
        problems.append("Part-day leave must be more than 0 and at most 24 hours.")
    if problems:
        raise ValidationError(problems)
    db.table("leave_days").upsert(
        {"date": leave.date.isoformat(), "kind": leave.kind, "hours": leave.hours}, pk="date"
    )
    return leave


def remove_leave(db: Database, day: date) -> KeptRows:
    """Take out a day of leave; what went, for Undo."""
    return delete_keeping(db, "leave_days", "date", [day.isoformat()])


def leave_between(db: Database, first: date, last: date) -> dict[date, LeaveDay]:
    rows = db.query(
        "SELECT * FROM leave_days WHERE date BETWEEN ? AND ? ORDER BY date",
        [first.isoformat(), last.isoformat()],
    )
    return {
        date.fromisoformat(r["date"]): LeaveDay(
            date.fromisoformat(r["date"]), r["kind"], r["hours"]
        )
        for r in rows
    }


# Contracted hours and the week ---------------------------------------------------------------
def contracted_hours_for_day(
    pattern: WorkingPattern, day: date, leave: LeaveDay | None, bank_holiday: str | None
) -> float:
    hours = pattern.hours[day.weekday()]
    if bank_holiday or (leave is not None and leave.hours is None):
        return 0.0
    if leave is not None and leave.hours is not None:
        return max(0.0, hours - leave.hours)
    return hours


def counting_from(db: Database, today: date | None = None) -> date:
    """The first day contracted hours count from: the day the profile was first saved (the
    day the app was set up). It never moves: time logged for earlier days is kept and shown,
    but owes no hours and is never "over contract". Without a profile, the first day with time
    logged, or today when there is none."""
    since = profile_since(db)
    if since is not None:
        return since
    row = db.execute("SELECT min(date) FROM time_entries").fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else (today or clock.today())


def contracted_hours_between(db: Database, first: date, last: date) -> float:
    """Contracted hours from `first` to `last` inclusive: the working pattern less leave and
    bank holidays, counted only from `counting_from` (so day one is not weeks behind)."""
    first = max(first, counting_from(db))
    pattern = get_pattern(db)
    leave = leave_between(db, first, last)
    holidays = bank_holidays_between(first, last)
    total, day = 0.0, first
    while day <= last:
        total += contracted_hours_for_day(pattern, day, leave.get(day), holidays.get(day))
        day += timedelta(days=1)
    return round(total, 2)


def gaps_in_day(
    entries: list[TimeEntry],
    day_start: time,
    day_end: time,
    until: time | None = None,
    min_minutes: int = MIN_GAP_MINUTES,
) -> list[Gap]:
    """Stretches of the working day with no timed entry (up to `until`, e.g. now, for today)."""
    spans = sorted(s for s in (e.span() for e in entries) if s is not None)
    if not spans:
        return []  # a day with no clock times is shown by its total, not as one long gap
    limit = day_end if until is None else min(day_end, until)
    end_of_window = limit.hour * 60 + limit.minute
    cursor = day_start.hour * 60 + day_start.minute
    day = entries[0].date
    gaps = []
    for index, span in enumerate(spans):
        gap_end = min(span[0], end_of_window)
        needed = max(min_minutes, EDGE_GAP_MINUTES) if index == 0 else min_minutes
        if gap_end - cursor >= needed:
            gaps.append(
                Gap(day, time(cursor // 60, cursor % 60), time(gap_end // 60, gap_end % 60))
            )
        cursor = max(cursor, span[1])
    if until is None and end_of_window - cursor >= max(min_minutes, EDGE_GAP_MINUTES):
        gaps.append(Gap(day, time(cursor // 60, cursor % 60), limit))
    return gaps


def week_summary(db: Database, any_day: date, now: datetime | None = None) -> WeekSummary:
    """Each day of the week holding `any_day`: entries, totals, contracted hours and gaps."""
    now = now or clock.now()
    monday = monday_of(any_day)
    sunday = monday + timedelta(days=6)
    pattern = get_pattern(db)
    leave = leave_between(db, monday, sunday)
    holidays = bank_holidays_between(monday, sunday)
    entries = TimeStore(db).entries_between(monday, sunday)
    since = counting_from(db, now.date())
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        todays = [e for e in entries if e.date == day]
        contracted = (contracted_hours_for_day(pattern, day, leave.get(day), holidays.get(day))
                      if day >= since else 0.0)
        gaps: list[Gap] = []
        if contracted > 0 and day <= now.date():
            until = now.time().replace(second=0, microsecond=0) if day == now.date() else None
            gaps = gaps_in_day(todays, pattern.day_start, pattern.day_end, until)
        days.append(
            DaySummary(
                date=day,
                contracted_hours=contracted,
                logged_minutes=sum(e.minutes for e in todays),
                entries=todays,
                gaps=gaps,
                bank_holiday=holidays.get(day),
                leave=leave.get(day),
                before_start=day < since,
            )
        )
    return WeekSummary(monday, days)
