"""The personal WMT estimate on a day: points held, points the hours allow, capacity and bands.

Follows the published rules (see the "How is this worked out?" text in core.workload.method_text):

    workload  = Σ tier points of cases active that day (× the warrant / unpaid-work share)
              + report points for court reports completed in the 30 days up to the day
    available = trunc(nominal target × (contracted − reduction hours) / default hours)
    capacity  = workload / available × 100, one decimal place with halves up; none when
                contracted − reductions ≤ 0, and none in a week with nothing active (a gap)

Every step is exact: hours and percentages are Decimals as typed, points are Fractions, and the
band is read off the one-decimal capacity figure that is shown, so no figure contradicts its
band (core.common.exact). Grade, contracted hours and ceiling are those in force on the day.

The report window is inclusive: a report completed on `day` or up to 29 days before counts
(30 calendar days in all); one completed 30 days before `day` no longer does.

Many days at once (the weekly series): core.workload.estimate_series.estimates_for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, Mapping, overload

from core.caseload.cases import CaseStore
from core.common.dates import iso_week_label
from core.workload.official import official_figures
from core.caseload.models import Case, CourtReport, Profile, Reduction
from core.common.exact import exact_sum, half_up, to_fraction
from core.common.exact import to_half_hour as _half_hour
from core.workload.profile import ProfileTimeline, load_profile_timeline
from core.workload.reductions import list_reductions, list_reports
from core.workload.weightings import Weightings, WeightingsTimeline, load_timeline

if TYPE_CHECKING:
    from sqlite_utils import Database

REPORT_WINDOW_DAYS = 30
CASELOAD_REFERENCE_FULL_TIME = 50  # cases, HMI: quality falls above 50
NO_CAPACITY_GRADES = ("SPO",)  # managers have no capacity figure in the WMT
# Grades with a nominal target and default hours in the WMT; any other grade has 0 available
# points there, so the app gives no capacity figure until the user gives their hours.
TARGET_GRADES = ("PO", "PSO", "PQiP")

# Bands and their edges, for the labelled scale a gauge draws (wording-and-gauge.md scales A, B).
W_BANDS = ("W1", "W2", "W3", "W4", "W5")
W_BAND_EDGES = (Decimal(95), Decimal(100), Decimal(110), Decimal(120))  # W1 < 95 ≤ W2 ≤ 100 < W3 ≤ 110 < W4 ≤ 120 < W5
C_BANDS = ("C1", "C2", "C3", "C4")
C_BAND_EDGES = (Fraction(4, 5), Fraction(1), Fraction(6, 5))  # cases ÷ reference: C1 < 0.8 ≤ C2 < 1.0 ≤ C3 ≤ 1.2 < C4
OVERLOAD_PERCENT = Decimal(110)
_POINTS = attrgetter("points")


@dataclass(frozen=True)
class CasePoints:
    """What one active case adds to the estimate, and why."""

    reference: str
    case_type: str
    tier: str  # the tier held on the day
    t2a: bool
    state: str  # on the day: "supervised", "warrant", "unpaid_work_only", "overdue_termination"
    column: str  # the weightings column used: "t2a" for a young adult (T2A) case
    base_points: int
    share_percent: int  # 100 unless inactive: waiting on a warrant, only unpaid work, overdue
    points: Fraction  # exact: a 50% share of 41 is 41/2


@dataclass(frozen=True)
class ReportPoints:
    kind: str  # "standard" or "fast"
    count: int
    points_each: int
    points: int


@dataclass(frozen=True)
class EstimateInputs:
    """Everything the estimate reads, loaded once so many days can be worked out in memory."""

    profile: Profile | ProfileTimeline  # a timeline: grade and hours are dated
    cases: tuple[Case, ...]
    reductions: tuple[Reduction, ...]
    reports: tuple[CourtReport, ...]
    timeline: WeightingsTimeline
    official: Mapping[str, float] = field(default_factory=dict)  # ISO week -> official WMT %

    @property
    def profiles(self) -> ProfileTimeline:
        p = self.profile
        return p if isinstance(p, ProfileTimeline) else ProfileTimeline.fixed(p)


@dataclass(frozen=True)
class Estimate:
    as_of: date
    week: str  # ISO week label, e.g. "2026-W48"
    has_data: bool  # False when nothing was active: a gap in history, not a zero
    grade: str
    contracted_hours: Decimal  # in force on the day
    reduction_hours: Decimal
    caseload_count: int
    caseload_reference: Fraction  # 50 × hours / 37 exactly, or the protected ceiling
    caseload_reference_is_ceiling: bool
    caseload_ratio: Fraction
    caseload_band: str  # C1–C4
    cases: tuple[CasePoints, ...]
    reports: tuple[ReportPoints, ...]
    case_points: Fraction
    report_points: int
    workload_points: Fraction
    available_points: int
    capacity_percent: Decimal | None  # one decimal place, halves up; None: no data, or no
    # capacity figure (no_capacity_reason)
    workload_band: str | None  # W1–W5 from capacity_percent, None without a capacity figure
    no_capacity_reason: str | None  # "no_hours" (reductions cover the hours), "grade" (SPO) or
    # "grade_hours" (a grade without WMT default hours, until hours are given)
    extra_hours_per_week: Decimal | None  # to the nearest half hour; 0 when work fits
    spare_hours_per_week: Decimal | None  # to the nearest half hour; 0 when over
    reductions: tuple[Reduction, ...]
    weightings: Weightings

    @property
    def available_hours(self) -> Decimal:
        return self.contracted_hours - self.reduction_hours

    @property
    def hours_given(self) -> Decimal | None:
        """Contracted hours as the user gave them or the grade's default; None for a grade
        without WMT default hours until the user gives theirs (nothing is assumed)."""
        return None if self.no_capacity_reason == "grade_hours" else self.contracted_hours

    @property
    def over_110(self) -> bool:
        """Over 110%: the HMPPS line for an excessive workload when it lasts 4 weeks."""
        cap = self.capacity_percent
        return self.has_data and cap is not None and cap > OVERLOAD_PERCENT

    @property
    def caseload_over(self) -> bool:
        return self.has_data and self.caseload_band == "C4"

    @property
    def is_gap(self) -> bool:
        """A week away from the runs: nothing active, or reductions (leave) cover every hour.
        It neither counts towards nor breaks a run of weeks (workload-model.md §8)."""
        return not self.has_data or self.no_capacity_reason == "no_hours"


def load_inputs(db: Database, closed_after: date | None = None) -> EstimateInputs:
    """Everything an estimate is worked out from; with `closed_after`, without the cases
    closed on or before that day (estimates of later days only: the same figures)."""
    return EstimateInputs(
        profile=load_profile_timeline(db),
        cases=tuple(CaseStore(db).list_cases("all", closed_after=closed_after)),
        reductions=tuple(list_reductions(db)),
        reports=tuple(list_reports(db)),
        timeline=load_timeline(db),
        official=official_figures(db),
    )


@overload
def workload_band(capacity: Decimal) -> str: ...


@overload
def workload_band(capacity: None) -> None: ...


@overload
def workload_band(capacity: Decimal | None) -> str | None: ...


def workload_band(capacity: Decimal | None) -> str | None:
    """W1–W5 for a capacity figure (compared exactly; pass the one-decimal figure shown)."""
    if capacity is None:
        return None
    if capacity < W_BAND_EDGES[0]:
        return "W1"
    # Upper edges are inclusive: exactly 100% is Fully committed, exactly 110% is Stretched.
    for band, edge in zip(W_BANDS[1:], W_BAND_EDGES[1:]):
        if capacity <= edge:
            return band
    return "W5"


def caseload_band(count: int | Fraction, reference: Fraction | Decimal | int,
                  ceiling: bool = False) -> str:
    """Exact fractions, so 60 of 50 is C3 and 61 is C4 with no rounding surprises.

    Against a protected ceiling P (wording-and-gauge.md, Scale A): below 0.8 P C1, up to P C2
    ("Within your protected caseload"), above P C4 ("Above your protected caseload"); a
    caseload above an agreed ceiling is never "Full" (the most that can be managed well)."""
    ratio = Fraction(count) / to_fraction(reference)
    low, full, high = C_BAND_EDGES
    if ratio < low:
        return "C1"
    if ceiling:
        return "C2" if ratio <= full else "C4"
    if ratio < full:
        return "C2"
    return "C3" if ratio <= high else "C4"


def capacity_of(workload: Fraction | int, available: int) -> Decimal:
    """Workload as a percentage of available points, one decimal place, halves rounded up
    (Python's round() would take 29.25 down to 29.2; the app never rounds load down)."""
    return half_up(to_fraction(workload) * 100 / available, 1)


def to_half_hour(hours: Fraction | Decimal | int) -> Decimal:
    """Nearest half hour, halves rounded up (never down)."""
    return _half_hour(hours)


def _case_points(case: Case, day: date, w: Weightings, tier: str | None = None) -> CasePoints:
    tier = case.tier_on(day) if tier is None else tier
    base = w.points_for(case.case_type, tier, case.t2a)
    state = case.state_on(day)
    share = w.share_for(state)
    return CasePoints(
        reference=case.reference,
        case_type=case.case_type,
        tier=tier,
        t2a=case.t2a,
        state=state,
        column=w.column_for(case.case_type, case.t2a),
        base_points=base,
        share_percent=share,
        points=Fraction(base * share, 100),
    )


def _report_points(
    reports: tuple[CourtReport, ...], day: date, w: Weightings
) -> tuple[ReportPoints, ...]:
    start = day - timedelta(days=REPORT_WINDOW_DAYS - 1)
    result = []
    for kind in ("standard", "fast"):
        count = sum(1 for r in reports if r.kind == kind and start <= r.completed_date <= day)
        if count:
            each = w.report_points[kind]
            result.append(ReportPoints(kind, count, each, each * count))
    return tuple(result)


def estimate_as_of(source: Database | EstimateInputs, day: date) -> Estimate:
    """The estimate as it stood on `day`, with the tiers, reductions and weightings of that day."""
    inputs = source if isinstance(source, EstimateInputs) else load_inputs(source)
    w = inputs.timeline.as_of(day)
    active = [_case_points(c, day, w) for c in inputs.cases if c.is_active_on(day)]
    reductions = tuple(r for r in inputs.reductions if r.is_active_on(day))
    return _estimate(inputs.profiles.as_of(day), day, w, active,
                     _report_points(inputs.reports, day, w), reductions)


def _estimate(profile: Profile, day: date, w: Weightings, active: list[CasePoints],
              reports: tuple[ReportPoints, ...], reductions: tuple[Reduction, ...],
              sort_key: Callable[[CasePoints], Any] = _POINTS) -> Estimate:
    """The estimate from what was held on `day` (active cases in the inputs' order).
    `sort_key` orders cases as their points do (estimates_for passes each value's rank)."""
    hours = w.default_hours if profile.contracted_hours is None else profile.contracted_hours
    # Largest first; equal points keep the inputs' order (a reversed sort is stable too).
    cases = tuple(sorted(active, key=sort_key, reverse=True))
    case_points = exact_sum(p.points for p in cases)
    report_points = sum(r.points for r in reports)
    workload = case_points + report_points
    reduction_hours = sum((r.hours_for(hours) for r in reductions), Decimal(0))

    no_capacity_reason = None
    available = 0
    if profile.grade in NO_CAPACITY_GRADES:
        no_capacity_reason = "grade"
    elif profile.grade not in TARGET_GRADES and profile.contracted_hours is None:
        no_capacity_reason = "grade_hours"
    elif hours - reduction_hours <= 0:
        no_capacity_reason = "no_hours"
    else:
        available = int(w.nominal_target * Fraction(hours - reduction_hours)
                        / Fraction(w.default_hours))  # int() of a positive Fraction truncates
        if available <= 0:  # a sliver of hours that buys no whole point
            no_capacity_reason = "no_hours"
    capacity = extra = spare = None
    has_data = bool(active or reports)
    if no_capacity_reason is None and has_data:  # a week with nothing held is a gap, not 0%
        capacity = capacity_of(workload, available)
        difference = (workload - available) / w.points_per_hour
        extra = to_half_hour(max(difference, Fraction(0)))
        spare = to_half_hour(max(-difference, Fraction(0)))

    ceiling = profile.protected_ceiling
    reference, ratio, band = _caseload(ceiling, hours, w.default_hours, len(active))
    return Estimate(
        as_of=day,
        week=iso_week_label(day),
        has_data=has_data,
        grade=profile.grade,
        contracted_hours=hours,
        reduction_hours=reduction_hours,
        caseload_count=len(active),
        caseload_reference=reference,
        caseload_reference_is_ceiling=bool(ceiling),
        caseload_ratio=ratio,
        caseload_band=band,
        cases=cases,
        reports=reports,
        case_points=case_points,
        report_points=report_points,
        workload_points=workload,
        available_points=available,
        capacity_percent=capacity,
        workload_band=workload_band(capacity),
        no_capacity_reason=no_capacity_reason,
        extra_hours_per_week=extra,
        spare_hours_per_week=spare,
        reductions=reductions,
        weightings=w,
    )


@lru_cache(maxsize=512)
def _caseload(ceiling: int | None, hours: Decimal, default_hours: Decimal,
              count: int) -> tuple[Fraction, Fraction, str]:
    """Reference, ratio and band, exactly; the same few counts recur week after week, so kept."""
    exact = (Fraction(ceiling) if ceiling
             else CASELOAD_REFERENCE_FULL_TIME * Fraction(hours) / Fraction(default_hours))
    return exact, Fraction(count) / exact, caseload_band(count, exact, bool(ceiling))
