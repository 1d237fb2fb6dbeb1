"""Weekly history of the estimate: trend, sustained overload, recovery and official figures.

A week's figure is the estimate as of that week's Friday; for the current week, whose Friday may
not have come yet, it is the estimate as of the chosen day (and `workload_status` always uses the
chosen day itself, weekend included). A week in which nothing was active is
a gap (`has_data` False): it neither counts as a zero nor breaks a run of overloaded weeks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from core.common.dates import friday_of
from core.workload.estimate import Estimate, EstimateInputs, estimates_for, load_inputs
from core.store.settings import get_setting, set_setting

DEFAULT_WEEKS = 104  # two years back
SUSTAINED_WEEKS = 4  # HMPPS: over 110% for 4 consecutive weeks is an excessive workload
RECENT_WEEKS = 4  # "weeks over 110%: k of the last 4"
TREND_CAPACITY_POINTS = 5.0  # a change of more than 5 points of capacity…
TREND_CASES = 2  # …or of 2 cases, is a change worth a word
HEAVIER_RUN_WORDS = 3  # "Heavier for 3 weeks running"
DISMISSED_KEY = "sustained_overload_dismissed"  # episode key the panel was closed for

LIGHTER, SAME, HEAVIER = "lighter", "same", "heavier"


@dataclass(frozen=True)
class SustainedEpisode:
    """Weeks in a row (with data) over 110% and/or at caseload band C4."""

    start: date  # Monday of the first week of the run
    weeks: int
    weighted: bool  # over 110% for at least 4 weeks with data in a row
    caseload: bool  # caseload band C4 for at least 4 weeks with data in a row

    @property
    def key(self) -> str:
        """Identifies the episode, so its panel is shown once."""
        return self.start.isoformat()


@dataclass(frozen=True)
class WeekSummary:
    """One week of history, or the current status (the last week)."""

    day: date  # the day the figure was taken: the week's Friday, or the chosen day
    estimate: Estimate
    trend: str | None  # LIGHTER / SAME / HEAVIER against last week; None without both weeks
    heavier_weeks: int  # how many weeks running the trend has been HEAVIER (0 otherwise)
    weighted_run: int  # weeks with data in a row over 110%, ending here
    caseload_run: int  # weeks with data in a row at caseload band C4, ending here
    sustained: SustainedEpisode | None
    weeks_over_110: int  # among the last `weeks_counted` weeks with data
    weeks_counted: int
    recovered: bool  # back to 110% or under after a week with data over 110%
    official_percent: float | None

    @property
    def week(self) -> str:
        return self.estimate.week

    @property
    def has_data(self) -> bool:
        return self.estimate.has_data

    @property
    def sustained_weeks(self) -> int:
        return max(self.weighted_run, self.caseload_run)


def trend_between(previous: Estimate, current: Estimate) -> str | None:
    """More than 5 points of capacity decides first; otherwise a change of 2 or more cases."""
    if not (previous.has_data and current.has_data):
        return None
    before, now = previous.capacity_percent, current.capacity_percent
    if before is not None and now is not None and abs(now - before) > TREND_CAPACITY_POINTS:
        return HEAVIER if now > before else LIGHTER
    cases = current.caseload_count - previous.caseload_count
    if abs(cases) >= TREND_CASES:
        return HEAVIER if cases > 0 else LIGHTER
    return SAME


def history_days(today: date, weeks: int, exact_last: bool = False) -> list[date]:
    """The snapshot day of each of `weeks` weeks ending with the week holding `today`.

    The last week is taken on `today` when `exact_last` (the status of a chosen day), otherwise
    on its Friday, or on `today` if that Friday has not come yet.
    """
    last_friday = friday_of(today)
    days = [last_friday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    days[-1] = today if exact_last else min(days[-1], today)
    return days


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summarise(
    estimates: list[Estimate], official: dict[str, float] | None = None
) -> list[WeekSummary]:
    """Turn consecutive weekly estimates (oldest first) into summaries with runs and trends."""
    official = official or {}
    result: list[WeekSummary] = []
    weighted_run = caseload_run = heavier = 0
    weighted_start = caseload_start = None
    recent: list[bool] = []  # over 110% for each week with data, most recent last
    last_with_data: Estimate | None = None
    previous: Estimate | None = None
    for est in estimates:
        trend = trend_between(previous, est) if previous is not None else None
        heavier = heavier + 1 if trend == HEAVIER else 0
        recovered = False
        if est.has_data:
            weighted_run = weighted_run + 1 if est.over_110 else 0
            caseload_run = caseload_run + 1 if est.caseload_over else 0
            if weighted_run == 1:
                weighted_start = _monday(est.as_of)
            if caseload_run == 1:
                caseload_start = _monday(est.as_of)
            recent = (recent + [est.over_110])[-RECENT_WEEKS:]
            recovered = (
                last_with_data is not None
                and last_with_data.over_110
                and est.capacity_percent is not None
                and not est.over_110
            )
            last_with_data = est
        sustained = None
        weighted, caseload = weighted_run >= SUSTAINED_WEEKS, caseload_run >= SUSTAINED_WEEKS
        if est.has_data and (weighted or caseload):
            starts = [s for s, on in ((weighted_start, weighted), (caseload_start, caseload)) if on]
            sustained = SustainedEpisode(
                start=min(s for s in starts if s is not None),
                weeks=max(weighted_run if weighted else 0, caseload_run if caseload else 0),
                weighted=weighted,
                caseload=caseload,
            )
        result.append(
            WeekSummary(
                day=est.as_of,
                estimate=est,
                trend=trend,
                heavier_weeks=heavier,
                weighted_run=weighted_run if est.has_data else 0,
                caseload_run=caseload_run if est.has_data else 0,
                sustained=sustained,
                weeks_over_110=sum(recent) if est.has_data else 0,
                weeks_counted=len(recent) if est.has_data else 0,
                recovered=recovered,
                official_percent=official.get(est.week),
            )
        )
        previous = est
    return result


def weekly_history(
    source: Database | EstimateInputs,
    today: date | None = None,
    weeks: int = DEFAULT_WEEKS,
    exact_last: bool = False,
) -> list[WeekSummary]:
    """`weeks` weekly summaries, oldest first, ending with the week holding `today`."""
    inputs = source if isinstance(source, EstimateInputs) else load_inputs(source)
    today = today or date.today()
    # Runs and trends need weeks before the first one shown, so work out two years regardless.
    days = history_days(today, max(weeks, DEFAULT_WEEKS), exact_last)
    summaries = summarise(estimates_for(inputs, days), dict(inputs.official))
    return summaries[-weeks:]


def workload_status(source: Database | EstimateInputs, day: date | None = None) -> WeekSummary:
    """Everything the Overview says about `day` (default today): the estimate on that very day,
    with trend and runs against the Fridays of the weeks before."""
    return weekly_history(source, day, weeks=1, exact_last=True)[-1]


def sustained_panel_due(db: Database, summary: WeekSummary) -> SustainedEpisode | None:
    """The episode whose panel should show: sustained now and not closed for this episode."""
    episode = summary.sustained
    if episode is None or get_setting(db, DISMISSED_KEY) == episode.key:
        return None
    return episode


def dismiss_sustained_panel(db: Database, episode: SustainedEpisode) -> None:
    """'Not now' (or a note added): the panel stays closed until a new episode begins."""
    set_setting(db, DISMISSED_KEY, episode.key)
