"""Summaries of logged time for charts, the Overview and Supervision: plain values, no Qt.

Public API:
    hours_per_week(db, today, weeks=12) -> list[WeekHours]          oldest week first
    activity_mix(db, first, last) -> list[ActivityHours]           most hours first
    not_counted_hours(db, today) -> NotCountedSummary              this week and the four before
    not_counted_sentence(summary) -> str                           the same, in one calm sentence
    period_totals(db, first, last) -> PeriodTotals                 "where the time went"
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from core.time.working_week import contracted_hours_between, counting_from, monday_of
from core.common.hours import hours_text  # noqa: F401 - where the views import it from
from core.common.hours import minutes_of


@dataclass(frozen=True)
class WeekHours:
    monday: date
    logged_hours: float
    contracted_hours: float
    before_start_hours: float = 0.0  # logged for days before the app was set up

    @property
    def over_contract_hours(self) -> float:
        """Never counts time logged before the app was set up: those days owe no hours."""
        counted = minutes_of(self.logged_hours) - minutes_of(self.before_start_hours)
        return max(0, counted - minutes_of(self.contracted_hours)) / 60


@dataclass(frozen=True)
class ActivityHours:
    activity_id: int
    name: str
    hours: float
    counted_by_wmt: bool


@dataclass(frozen=True)
class NotCountedPeriod:
    first: date
    last: date
    hours: float
    by_activity: tuple[ActivityHours, ...]


@dataclass(frozen=True)
class NotCountedSummary:
    """Hours in activities the WMT does not count: the current week, and the four weeks before."""

    this_week: NotCountedPeriod
    last_four_weeks: NotCountedPeriod


@dataclass(frozen=True)
class PeriodTotals:
    first: date
    last: date
    logged_hours: float
    contracted_hours: float
    over_contract_hours: float  # summed week by week: a short week does not cancel a long one
    by_activity: tuple[ActivityHours, ...]
    before_start_hours: float = 0.0  # logged for days before the app was set up (owe nothing)


def _minutes_by_day(db: Database, first: date, last: date) -> dict[date, int]:
    rows = db.query(
        "SELECT date, sum(minutes) AS m FROM time_entries WHERE date BETWEEN ? AND ? GROUP BY date",
        [first.isoformat(), last.isoformat()],
    )
    return {date.fromisoformat(r["date"]): int(r["m"]) for r in rows}


def logged_hours(db: Database, today: date, weeks: int = 12) -> float:
    """Hours logged in the last `weeks` weeks, ending with this one. Unlike `hours_per_week` it
    needs no contracted hours, so no bank holidays (the Overview shows its week without them)."""
    first_monday = monday_of(today) - timedelta(weeks=weeks - 1)
    return sum(_minutes_by_day(db, first_monday, monday_of(today) + timedelta(days=6)).values()) / 60


def hours_per_week(db: Database, today: date, weeks: int = 12) -> list[WeekHours]:
    """Logged and contracted hours for each of the last `weeks` weeks, ending with this one."""
    first_monday = monday_of(today) - timedelta(weeks=weeks - 1)
    by_day = _minutes_by_day(db, first_monday, monday_of(today) + timedelta(days=6))
    since = counting_from(db, today)
    series = []
    for n in range(weeks):
        monday = first_monday + timedelta(weeks=n)
        sunday = monday + timedelta(days=6)
        minutes = sum(m for d, m in by_day.items() if monday <= d <= sunday)
        before = sum(m for d, m in by_day.items() if monday <= d <= sunday and d < since)
        series.append(WeekHours(monday, minutes / 60, contracted_hours_between(db, monday, sunday),
                                before / 60))
    return series


def activity_mix(db: Database, first: date, last: date) -> list[ActivityHours]:
    """Hours per activity between two dates (inclusive), most first; unused activities left out."""
    rows = db.query(
        "SELECT a.id, a.name, a.counted_by_wmt, sum(e.minutes) AS m FROM time_entries e "
        "JOIN activities a ON a.id = e.activity_id WHERE e.date BETWEEN ? AND ? "
        "GROUP BY a.id ORDER BY m DESC, a.position",
        [first.isoformat(), last.isoformat()],
    )
    return [ActivityHours(r["id"], r["name"], r["m"] / 60, bool(r["counted_by_wmt"])) for r in rows]


def _not_counted(db: Database, first: date, last: date) -> NotCountedPeriod:
    parts = tuple(a for a in activity_mix(db, first, last) if not a.counted_by_wmt)
    return NotCountedPeriod(first, last, sum(a.hours for a in parts), parts)


def not_counted_hours(db: Database, today: date) -> NotCountedSummary:
    """What the estimate doesn't see: uncounted hours this week and in the 4 weeks before."""
    monday = monday_of(today)
    return NotCountedSummary(
        this_week=_not_counted(db, monday, monday + timedelta(days=6)),
        last_four_weeks=_not_counted(db, monday - timedelta(weeks=4), monday - timedelta(days=1)),
    )


def not_counted_sentence(summary: NotCountedSummary) -> str:
    """'This week, 6 hours went on work the WMT does not count. It was court duty and travel.
    In the four weeks before, 20 hours went on such work.' Short sentences, one idea each."""
    week, before = summary.this_week, summary.last_four_weeks
    if not week.hours and not before.hours:
        return "No time logged in the last five weeks went on work the WMT does not count."
    if not week.hours:
        return ("Nothing logged this week is work the WMT does not count. In the four weeks "
                f"before, {hours_text(before.hours)} went on such work. "
                + _which(before.by_activity))
    text = (f"This week, {hours_text(week.hours)} went on work the WMT does not count. "
            + _which(week.by_activity))
    if before.hours:
        return text + f" In the four weeks before, {hours_text(before.hours)} did."
    return text + " None did in the four weeks before."


def _which(by_activity: tuple[ActivityHours, ...]) -> str:
    """'It was travel.', 'It was court duty and travel.', or for more than three activities
    'The largest parts were court duty, travel and duty / reception.'"""
    names = [a.name.lower() for a in by_activity[:3]]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if len(by_activity) > 3:
        return f"The largest parts were {listed}."
    return f"It was {listed}."


def period_totals(db: Database, first: date, last: date) -> PeriodTotals:
    """Logged against contracted hours between two dates, with the activity breakdown."""
    by_day = _minutes_by_day(db, first, last)
    since = counting_from(db, last)
    over = 0.0
    monday = monday_of(first)
    while monday <= last:
        start, end = max(first, since, monday), min(last, monday + timedelta(days=6))
        logged = sum(m for d, m in by_day.items() if start <= d <= end)
        over += max(0, logged - minutes_of(contracted_hours_between(db, start, end))) / 60
        monday += timedelta(weeks=1)
    return PeriodTotals(
        first=first,
        last=last,
        logged_hours=sum(by_day.values()) / 60,
        contracted_hours=contracted_hours_between(db, first, last),
        over_contract_hours=over,
        by_activity=tuple(activity_mix(db, first, last)),
        before_start_hours=sum(m for d, m in by_day.items() if d < since) / 60,
    )

