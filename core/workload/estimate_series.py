"""Estimates for many days from one load of the inputs: the weekly series history draws.

`estimates_for` gives exactly what `core.workload.estimate.estimate_as_of` gives for each day
(same figures, same units: Decimal hours and percentages, Fraction points), but does the per-case
work that does not change from day to day (sorting tier histories, pricing a tier, counting
reports in the 30-day window) once for the whole span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable

from core.caseload.models import Case
from core.workload.estimate import (
    REPORT_WINDOW_DAYS,
    CasePoints,
    Estimate,
    EstimateInputs,
    ReportPoints,
    _case_points,
    _estimate,
    load_inputs,
)
from core.workload.weightings import Weightings

if TYPE_CHECKING:
    from sqlite_utils import Database


def estimates_for(source: Database | EstimateInputs, days: list[date]) -> list[Estimate]:
    """Many days from one load of the inputs (what weekly history uses).

    The same results as `estimate_as_of` for each day, but the per-case work that does not
    change from day to day (sorting tier histories, pricing a tier) is done once.
    """
    inputs = source if isinstance(source, EstimateInputs) else load_inputs(source)
    if not days:
        return []
    first, last = min(days), max(days)
    # Only cases held at some point in the span; the inputs' order is kept (ties sort stably).
    held = [(c, c.start_date, c.closed_date, _tier_lookup(c, first, last)) for c in inputs.cases
            if c.start_date <= last and (c.closed_date is None or c.closed_date > first)]
    priced: dict[tuple[int, str, int, bool], CasePoints] = {}
    profiles = inputs.profiles
    report_days = {kind: sorted(r.completed_date for r in inputs.reports if r.kind == kind)
                   for kind in ("standard", "fast")}
    # Each case is visited on the days it is held only, found by bisection in the days sorted
    # (ten years: 26,000 case-days, where checking every case on every day was 312,000).
    order = sorted(range(len(days)), key=days.__getitem__)
    in_order, weights = [days[i] for i in order], [inputs.timeline.as_of(d) for d in days]
    actives: list[list[CasePoints]] = [[] for _ in days]
    for index, (case, start, closed, tier_on) in enumerate(held):
        end = len(order) if closed is None else bisect_left(in_order, closed)
        for at in order[bisect_left(in_order, start):end]:
            day, w = days[at], weights[at]
            tier = tier_on if isinstance(tier_on, str) else tier_on(day)
            overdue = case.expected_end_date is not None and day > case.expected_end_date
            key = (index, tier, id(w), overdue)
            points = priced.get(key)
            if points is None:
                points = priced[key] = _case_points(case, day, w, tier)
            actives[at].append(points)
    held_on = zip(days, weights, actives)
    # Each week's cases are sorted by their points' rank among all the distinct values, worked
    # out once: the same order as comparing the fractions, without 100,000 comparisons of them.
    ranks = {value: rank for rank, value in
             enumerate(sorted({p.points for p in priced.values()}))}
    rank_of = {id(p): ranks[p.points] for p in priced.values()}

    def by_rank(points: CasePoints) -> int:
        return rank_of[id(points)]

    result = []
    for day, w, active in held_on:
        reductions = tuple(r for r in inputs.reductions if r.is_active_on(day))
        result.append(_estimate(profiles.as_of(day), day, w, active,
                                _counted_reports(report_days, day, w), reductions, by_rank))
    return result


def _tier_lookup(case: Case, first: date, last: date) -> str | Callable[[date], str]:
    """`case.tier_on` with the history sorted once (the last change on or before the day);
    just the tier when it does not change between `first` and `last`."""
    history = sorted(case.tier_history, key=lambda c: c.from_date)
    if not history:
        return case.tier
    starts = [c.from_date for c in history]
    tiers = [c.tier for c in history]
    if not any(first < start <= last for start in starts):
        return tiers[max(bisect_right(starts, first) - 1, 0)]
    return lambda day: tiers[max(bisect_right(starts, day) - 1, 0)]


def _counted_reports(report_days: dict[str, list[date]], day: date,
                     w: Weightings) -> tuple[ReportPoints, ...]:
    """`_report_points` from completion dates sorted by kind."""
    start = day - timedelta(days=REPORT_WINDOW_DAYS - 1)
    result = []
    for kind in ("standard", "fast"):
        dates = report_days[kind]
        count = bisect_right(dates, day) - bisect_left(dates, start)
        if count:
            each = w.report_points[kind]
            result.append(ReportPoints(kind, count, each, each * count))
    return tuple(result)


class DayEstimates:
    """`estimates_for` over one load of the inputs, each day worked out once however many lists
    of days ask for it: the words for several days (core.workload.week_words.words_on_days)
    share their two years of weeks. The same estimates as `estimates_for` gives each day."""

    def __init__(self, inputs: EstimateInputs):
        self._inputs = inputs
        self._found: dict[date, Estimate] = {}

    def ahead(self, days: list[date]) -> None:
        """Work out together every one of `days` not yet worked out."""
        missing = sorted({day for day in days if day not in self._found})
        if missing:
            self._found.update(zip(missing, estimates_for(self._inputs, missing)))

    def __call__(self, days: list[date]) -> list[Estimate]:
        self.ahead(days)
        return [self._found[day] for day in days]
