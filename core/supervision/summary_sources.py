"""What sections 2 and 3 of the summary say, taken from the estimate, its history and logged time.

The numbers come from core.workload.estimate / core.workload.history / core.time.time_entries; this module only chooses
the sentences the one-page summary shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlite_utils import Database

from core.workload.estimate import Estimate, estimate_as_of
from core.workload.history import WeekSummary, first_day_counted, weekly_history
from core.workload.official_gap import gap_texts
from core.workload.reductions import list_reductions, published_reason
from core.caseload.models import GRADE_LABELS
from core.supervision.summary_model import TrendPoint, hours_text, long_date
from core.time.time_summary import period_totals
from core.workload.history_words import before_and_away, leading_gaps
from core.workload.wording import (
    caseload_figures,
    caseload_words,
    hours_phrase,
    number,
    trend_sentence,
    weeks_over_line,
    workload_words,
)
from core.common.hours import short_hours
from core.common.words import plural

TREND_WEEKS = 8


@dataclass
class WorkloadFacts:
    lines: list[str]
    trend: list[TrendPoint]
    trend_sentence: str
    weeks_over: str


@dataclass
class TimeFacts:
    rows: list[tuple[str, str, str]]  # activity, hours, "yes"/"not counted"
    total_hours: float
    contracted_hours: float
    over_hours: float
    uncounted_hours: float
    before_start_hours: float = 0.0  # logged for days before the app was set up
    row_hours: list[float] = field(default_factory=list)  # each row's hours, for sums


def _weighted_line(est: Estimate) -> str:
    words = workload_words(est)
    if est.capacity_percent is None:
        return f"{words.headline}. {words.body}"
    if est.extra_hours_per_week:
        hours = hours_phrase(est.extra_hours_per_week, "extra")
    elif est.spare_hours_per_week:
        hours = hours_phrase(est.spare_hours_per_week, "spare")
    else:
        hours = "work roughly matches available hours"
    return (f"Weighted estimate: {words.headline.lower()}, {number(est.capacity_percent)}% of "
            f"available hours, {hours}.")


def _drawn(capacity) -> float | None:
    return None if capacity is None else float(capacity)


def _missing(est) -> str:
    """Why a week has no figure, in the table's words."""
    if not est.has_data:
        return "no cases held"
    if est.no_capacity_reason == "no_hours":
        return "leave or reductions: no capacity figure"
    return "no capacity figure"


def _week_to(week: WeekSummary) -> str:
    """'27 Nov' (the week's figure, taken on its Friday), or '25 Nov so far'."""
    day = f"{week.day.day} {week.day:%b}"
    return f"{day} so far" if week.so_far else day


def _runs_over(weeks: list[WeekSummary]) -> list[tuple[WeekSummary, WeekSummary, int, int]]:
    """Runs of 2 or more working weeks over 110% (weeks away inside neither count nor break
    them): (first week, last week, working weeks, weeks away)."""
    runs: list[tuple[WeekSummary, WeekSummary, int, int]] = []
    current: list[WeekSummary] = []
    away, pending = 0, 0
    for week in weeks:
        if week.is_gap:
            pending += 1 if current else 0
            continue
        if week.estimate.over_110:
            away += pending if current else 0
            current.append(week)
        else:
            if len(current) >= 2:
                runs.append((current[0], current[-1], len(current), away))
            current, away = [], 0
        pending = 0
    if len(current) >= 2:
        runs.append((current[0], current[-1], len(current), away))
    return runs


ALL_OVER = ", over 110% in all"


def _trend_sentence(weeks: list[WeekSummary], source) -> str:
    figures = [(w, w.estimate.capacity_percent) for w in weeks
               if w.estimate.has_data and w.estimate.capacity_percent is not None]
    known = [w for w, _ in figures]
    if len(known) < 2:
        return "Not enough weeks recorded yet to describe a trend."
    latest = weeks[-1]
    week_on_week = trend_sentence(latest.trend, latest.heavier_weeks, latest.changed_from,
                                  latest.estimate.contracted_hours,
                                  latest.estimate.grade) or ""
    # Literally true with gaps: the weeks with figures are the ones the range spans; weeks
    # before anything was recorded are before set-up, and the others are weeks away, as
    # status, history and the Overview call them.
    before = leading_gaps(weeks)
    away = sum(1 for w in weeks[before:] if w.is_gap)
    if len(known) == len(weeks):
        span = f"Over {len(weeks)} weeks"
    else:
        span = f"Over the {len(known)} weeks with figures" + before_and_away(before, away)
    # The one-decimal figures each week's band was read from: never rounded to a whole percent,
    # which could put 110.4% (over 110%) down to "110%".
    first, last = figures[0][1], figures[-1][1]
    text = f"{span} the estimate went from {number(first)}% to {number(last)}%"
    # Not only the ends: the highest week, and any run of weeks over 110% between them.
    top, highest = max(figures, key=lambda pair: pair[1])
    # Kept short: the page has room for one line more, not three.
    if highest > max(first, last):
        text += f", highest {number(highest)}% ({_week_to(top)})"
    for start, end, count, gaps in _runs_over(weeks):
        if count == len(known):
            text += ALL_OVER
            continue
        inside = f" ({plural(gaps, 'week')} away)" if gaps else " in a row"
        # From the first day counted, as the Overview and `status` say "since" it.
        monday = start.day - timedelta(days=start.day.weekday())
        since = first_day_counted(source, monday, True, weeks[-1].day)
        text += (f"; over 110% for {plural(count, 'working week' if gaps else 'week')}{inside}, "
                 f"{since.day} {since:%b} to {_week_to(end)}")
    return f"{week_on_week} {text}.".strip()


def workload_facts(db: Database, end: date) -> WorkloadFacts:
    """Section 2: caseload and weighted bands, official figure, 8-week trend, weeks over 110%."""
    weeks = weekly_history(db, end, weeks=TREND_WEEKS)
    est = weeks[-1].estimate
    trend = [
        # float for drawing only; bands and sentences use the exact one-decimal figure
        # A week's figure is taken on its Friday; before Friday comes, on the day so far.
        TrendPoint(f"{w.day.day} {w.day:%b}" + (" (so far)" if w.so_far else ""),
                   _drawn(w.estimate.capacity_percent), _missing(w.estimate))
        for w in weeks
    ]
    # The same run rule as the Overview and `status`: the last 4 working weeks, weeks away
    # (leave, nothing active) neither counted nor breaking the count.
    latest = weeks[-1]
    caseload = caseload_words(est).headline
    figures = caseload_figures(est.caseload_count, est.hours_given, est.caseload_reference,
                               est.caseload_reference_is_ceiling)
    lines = [f"{caseload}: {figures.replace('agreed with your manager', 'agreed in supervision')}",
             _weighted_line(est)]
    if est.reduction_hours and est.available_hours <= 0:
        lines.append(f"No available hours this week: reductions cover all "
                     f"{hours_text(est.contracted_hours)} contracted.")
    elif est.reduction_hours:
        lines.append(
            f"Available hours: {hours_text(est.available_hours)} a week "
            f"({hours_text(est.contracted_hours)} contracted, less "
            f"{hours_text(est.reduction_hours)} of reductions)."
        )
    official = next(((w.day, w.official_percent, w.estimate) for w in reversed(weeks)
                     if w.official_percent is not None), None)
    if official is not None:
        day = official[0]  # the week's own day, named as elsewhere: "the week to Friday 20 November"
        lines.append(f"Official WMT figure for the week to {day:%A} {day.day} {day:%B}: "
                     f"{number(official[1])}% (the weighted estimate above is this app's own).")
        # More than 5 points apart: what the app can see that may explain it, in words.
        lines.extend(gap_texts(official[2], official[1], figures=True, references=False))
    if not est.has_data:
        # A summary covers a period: name the day the estimate is taken on, not "this date".
        lines = [f"No cases were active on {long_date(end)}, the day the estimate is taken "
                 "for, so there is no estimate to show."]
    if all(point.percent is None for point in trend):
        held = [w.estimate.caseload_count for w in weeks if w.estimate.has_data]
        if held:  # weeks with cases but no capacity figure (an SPO, no hours given, leave)
            over = f"over {plural(len(held), 'week')} with cases"
            cases = (f"the caseload was {plural(held[0], 'case')} in each of them"
                     if min(held) == max(held) else
                     f"the caseload went from {plural(held[0], 'case')} to "
                     f"{plural(held[-1], 'case')} (between {min(held)} and {max(held)})")
            sentence = ("There is no capacity figure for these weeks, so there is no weighted "
                        f"trend; {over}, {cases}.")
        else:
            sentence = "No weekly estimates recorded yet, so there is no trend."
        return WorkloadFacts(lines, [], sentence, "")
    trend_sentence = _trend_sentence(weeks, db)
    counted = latest.weeks_counted or 4
    known = sum(1 for w in weeks if w.estimate.has_data and w.estimate.capacity_percent is not None)
    # "…over 110% in all" over at least the recent weeks already says every one was over: the
    # "Weeks over 110%" line beside it would say it twice.
    said = trend_sentence.endswith(ALL_OVER + ".") and known >= counted
    return WorkloadFacts(
        lines=lines,
        trend=trend,
        trend_sentence=trend_sentence,
        weeks_over="" if said else weeks_over_line(latest.weeks_over_110, counted,
                                                     latest.recent_away) + ".",
    )


def role_line(db: Database, end: date) -> str:
    est = estimate_as_of(db, end)
    grade = GRADE_LABELS.get(est.grade, est.grade)
    if est.hours_given is None:
        return f"{grade}, contracted hours not given yet"
    return f"{grade}, {hours_text(est.contracted_hours)} a week"


def time_facts(db: Database, start: date, end: date) -> TimeFacts:
    """Section 3: hours by activity in the period against contracted hours, and hours over."""
    totals = period_totals(db, start, end)
    shown = [a for a in totals.by_activity if a.hours > 0]
    # Hours one way on the whole page: "3 h 6 min" in the table, as in the sentences beside it
    # ("3 hours 6 minutes"), never "3.1", which reads like a clock.
    rows = [(a.name, short_hours(a.hours), "yes" if a.counted_by_wmt else "not counted")
            for a in shown]
    uncounted = sum(a.hours for a in totals.by_activity if not a.counted_by_wmt)
    return TimeFacts(rows, totals.logged_hours, totals.contracted_hours,
                     totals.over_contract_hours, uncounted, totals.before_start_hours,
                     [a.hours for a in shown])


OTHER_REDUCTION = "other agreed reduction"
PERSONAL_REDUCTION = "leave or personal circumstances"
# Published reasons that would say something about health or family are named by this broader
# category; a reason the user typed is "other agreed reduction". Source: the guide's "Reasons
# are health data too" and the 2021 published reduction list in core.workload.reductions.
_PERSONAL_LABELS = frozenset({
    "maternity / adoption leave", "long-term sickness", "special leave",
    "other paid or unpaid leave", "disability", "phased return", "pregnancy",
})


def reduction_category(reason: str) -> str:
    """The category a reduction is shown under by default: a published type (PQiP trainees as
    'PQiP'), 'leave or personal circumstances', or 'other agreed reduction' for typed text."""
    known = published_reason(reason)
    if known is None or known.label == "Other":
        return OTHER_REDUCTION
    if known.label.lower() in _PERSONAL_LABELS:
        return PERSONAL_REDUCTION
    if known.label.startswith("PQiP"):
        return "PQiP"
    return known.label


def reductions_line(db: Database, on: date, typed: bool = False) -> str:
    """The reductions active on `on`, by category (or as typed, when `typed`), comma-separated."""
    active = [r for r in list_reductions(db) if r.is_active_on(on)]
    if typed:
        names = list(dict.fromkeys(r.reason.strip() for r in active))
    else:
        names = sorted({reduction_category(r.reason) for r in active})
    return ", ".join(names)
