"""A reference implementation of the published workload rules, for tests only.

Written from ../shared/guide/workload-model.md (§1–§3, §7, §8) and wording-and-gauge.md (scales A
and B, sustained overload) with exact arithmetic (Fraction from decimal text) and nothing shared
with `core`: its own tier table, its own dates, its own runs. The tests feed the same history to
the app and to this model and expect them to agree week for week, band for band.

Conventions it encodes (the app's documented ones):
* a case is held from its start day up to, not including, the day it closed;
* a reduction is in force from its start day to its last day, both included;
* a tier change, a profile change, applies from its day on; before the first, the first applies;
* a week's figure is taken on its Friday, or on the chosen day before that Friday;
* a week with no capacity figure because nothing is held or reductions cover every hour is a
  gap: it neither counts towards a run nor breaks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

# workload-model.md §1, 2021 published defaults: tier -> (community, custody, licence).
TIER_POINTS = {
    "A3": (206, 75, 219), "A2": (158, 60, 175), "A1": (146, 59, 163), "A0": (110, 0, 0),
    "B3": (146, 59, 161), "B2": (115, 48, 132), "B1": (102, 47, 119), "B0": (72, 0, 0),
    "C3": (79, 30, 77), "C2": (63, 24, 65), "C1": (50, 23, 52), "C0": (35, 0, 0),
    "D3": (51, 17, 51), "D2": (41, 14, 43), "D1": (29, 13, 31), "D0": (29, 0, 0),
}
COLUMN = {"community": 0, "custody": 1, "licence": 2}
NOMINAL_TARGET, DEFAULT_HOURS = 2176, Fraction(37)
STANDARD_REPORT, FAST_REPORT = 138, 65
W_HEADLINES = {"W1": "Some capacity", "W2": "Fully committed", "W3": "Stretched",
               "W4": "Over capacity", "W5": "Well over capacity"}
C_HEADLINES = {"C1": "Lighter caseload", "C2": "Steady caseload", "C3": "Full caseload",
               "C4": "Above a manageable caseload"}


def exact(text: str | int) -> Fraction:
    """Decimal text as an exact fraction: '29.6' is 296/10, never 29.6000000000000014…"""
    return Fraction(str(text))


def half_up_tenths(value: Fraction) -> Fraction:
    """One decimal place, halves up (the guide: 'one decimal place'; never round down)."""
    tenths = value * 10
    whole = (tenths * 2 + 1) // 2
    return Fraction(whole, 10)


@dataclass
class RefCase:
    start: date
    case_type: str
    tiers: list[tuple[date, str]]  # (from, tier), first one from the start
    closed: date | None = None
    t2a: bool = False

    def tier_on(self, day: date) -> str:
        ordered = sorted(self.tiers, key=lambda t: t[0])
        held = ordered[0][1]
        for since, tier in ordered:
            if since <= day:
                held = tier
        return held

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.closed is None or day < self.closed)


@dataclass
class RefReduction:
    start: date
    last_day: date | None
    hours: str | None = None  # decimal text
    percent: str | None = None

    def on(self, day: date) -> bool:
        return self.start <= day and (self.last_day is None or day <= self.last_day)


@dataclass
class RefProfile:
    since: date
    hours: str | None  # decimal text; None is the full-time 37
    grade: str = "PO"
    ceiling: int | None = None


@dataclass
class RefHistory:
    profiles: list[RefProfile]
    cases: list[RefCase] = field(default_factory=list)
    reductions: list[RefReduction] = field(default_factory=list)
    reports: list[tuple[str, date]] = field(default_factory=list)  # (kind, completed)

    def profile_on(self, day: date) -> RefProfile:
        ordered = sorted(self.profiles, key=lambda p: p.since)  # stable: later saves win
        held = ordered[0]
        for p in ordered:
            if p.since <= day:
                held = p
        return held


@dataclass(frozen=True)
class RefWeek:
    day: date
    cases: int
    points: Fraction
    available: int
    capacity: Fraction | None  # one decimal place
    w_band: str | None
    c_band: str
    gap: bool
    weighted_run: int = 0
    weighted_since: date | None = None  # only once the run reaches 4
    weighted_away: int = 0
    caseload_run: int = 0
    caseload_since: date | None = None
    caseload_away: int = 0
    over: int = 0
    counted: int = 0
    recent_away: int = 0
    recovered: bool = False
    ceiling: int | None = None  # a protected ceiling agreed with the manager

    @property
    def c_headline(self) -> str:
        """Scale A's headline; against a protected ceiling P: lighter, within P, above P."""
        if self.cases == 0:
            return "No cases yet"
        if not self.ceiling:
            return C_HEADLINES[self.c_band]
        return {"C1": "Lighter caseload",
                "C2": f"Within your protected caseload ({self.ceiling} "
                      f"{'case' if self.ceiling == 1 else 'cases'})",
                "C4": "Above your protected caseload"}[self.c_band]

    @property
    def headline(self) -> str:
        if self.cases == 0 and self.points == 0:
            return "No estimate yet"
        if self.w_band is None:
            return "No capacity figure" if self.available == -1 else "No capacity expected this week"
        return W_HEADLINES[self.w_band]


def w_band(capacity: Fraction) -> str:
    if capacity < 95:
        return "W1"
    if capacity <= 100:
        return "W2"
    if capacity <= 110:
        return "W3"
    if capacity <= 120:
        return "W4"
    return "W5"


def c_band(ratio: Fraction, ceiling: bool = False) -> str:
    """Scale A; against a protected ceiling P: lighter below 0.8 P, within up to P, above it
    (wording-and-gauge.md, as corrected)."""
    if ratio < Fraction(4, 5):
        return "C1"
    if ceiling:
        return "C2" if ratio <= 1 else "C4"
    if ratio < 1:
        return "C2"
    if ratio <= Fraction(6, 5):
        return "C3"
    return "C4"


def snapshot(history: RefHistory, day: date) -> RefWeek:
    """The estimate as of `day` (workload-model.md §1–§3)."""
    profile = history.profile_on(day)
    hours = DEFAULT_HOURS if profile.hours is None else exact(profile.hours)
    held = [c for c in history.cases if c.held_on(day)]
    points = Fraction(0)
    for case in held:
        tier = case.tier_on(day)
        column = COLUMN["custody" if case.t2a else case.case_type]
        points += TIER_POINTS.get(tier, (0, 0, 0))[column]
    window = [k for k, done in history.reports if day - timedelta(days=29) <= done <= day]
    points += STANDARD_REPORT * window.count("standard") + FAST_REPORT * window.count("fast")
    reduction = sum((exact(r.hours) if r.hours is not None else hours * exact(r.percent) / 100
                     for r in history.reductions if r.on(day)), Fraction(0))
    has_data = bool(held) or bool(window)
    capacity = band = None
    available = 0
    no_hours = False
    if profile.grade == "SPO":
        available = -1  # no capacity figure for managers
    elif hours - reduction <= 0:
        no_hours = True
    else:
        available = int(NOMINAL_TARGET * (hours - reduction) / DEFAULT_HOURS)
        no_hours = available <= 0
    if has_data and not no_hours and available > 0:
        capacity = half_up_tenths(points * 100 / available)
        band = w_band(capacity)
    reference = Fraction(profile.ceiling) if profile.ceiling else 50 * hours / DEFAULT_HOURS
    return RefWeek(day, len(held), points, available, capacity, band,
                   c_band(Fraction(len(held)) / reference, bool(profile.ceiling)),
                   gap=not has_data or no_hours, ceiling=profile.ceiling)


def week_days(today: date, weeks: int) -> list[date]:
    """Each week's snapshot day, oldest first: Fridays, and `today` for its week before Friday."""
    friday = today + timedelta(days=4 - today.weekday())
    days = [friday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    days[-1] = min(days[-1], today)
    return days


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def first_counted(history: RefHistory, start: date, today: date, key: str) -> date:
    """The first day counted in a run whose first week began on Monday `start`: the earliest
    day of that week from which every day up to its figure (the Friday, or today) was over."""
    last = min(start + timedelta(days=4), today)
    since = last
    day = last
    while day >= start:
        week = snapshot(history, day)
        has_data = week.cases > 0 or week.points > 0
        if key == "w":
            on = week.capacity is not None and week.capacity > 110
        else:
            on = has_data and week.c_band == "C4"
        if not on:
            break
        since = day
        day -= timedelta(days=1)
    return since


def weekly(history: RefHistory, today: date, weeks: int) -> list[RefWeek]:
    """Weekly figures with both runs (§8 and 'Sustained overload'), oldest first."""
    result = []
    runs = {"w": [0, None, 0], "c": [0, None, 0]}  # length, start, away
    working: list[tuple[int, bool]] = []  # (index, over 110%) of each working week
    last_over = None
    for index, day in enumerate(week_days(today, weeks)):
        week = snapshot(history, day)
        recovered = False
        if not week.gap:
            over = week.capacity is not None and week.capacity > 110
            for key, on in (("w", over), ("c", week.c_band == "C4")):
                run = runs[key]
                if on:
                    run[:] = [run[0] + 1, run[1] or monday(day), run[2]]
                else:
                    run[:] = [0, None, 0]
            working.append((index, over))
            recovered = bool(last_over) and week.capacity is not None and week.capacity < 110
            last_over = over
        else:
            for run in runs.values():
                if run[0]:
                    run[2] += 1
        last4 = working[-4:]
        over_count = sum(1 for _, o in last4 if o)
        away = (index - last4[0][0] + 1 - len(last4)) if last4 else 0
        w, c = runs["w"], runs["c"]
        result.append(RefWeek(
            **{**week.__dict__,
               "weighted_run": w[0],
               "weighted_since": first_counted(history, w[1], today, "w") if w[0] >= 4 else None,
               "weighted_away": w[2] if w[0] >= 4 else 0,
               "caseload_run": c[0],
               "caseload_since": first_counted(history, c[1], today, "c") if c[0] >= 4 else None,
               "caseload_away": c[2] if c[0] >= 4 else 0,
               "over": over_count, "counted": len(last4), "recent_away": away,
               "recovered": recovered}))
    return result
