"""Weekly history of the estimate: trend, the two sustained-overload runs, recovery, official figures.

One definition of a week, used by the Overview, `status`, `history`, the trend, the summary and
the what-if (workload-model.md §8):

* A week's figure is the estimate as of its Friday. Until the current week's Friday comes, it is
  the chosen day's estimate, labelled "so far this week"; from Friday to Sunday it is Friday's.
* A week with no capacity figure because nothing was active, or because reductions (leave) cover
  every contracted hour, is a gap: it neither counts towards a run nor breaks it, and a sentence
  about a run says how many weeks away lie inside it.
* The weighted trigger (over 110% for 4 weeks) and the caseload trigger (above a manageable
  caseload for 4 weeks) are separate runs, each with its own start, sentence and "Not now".
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from dataclasses import dataclass
from decimal import Decimal
from datetime import date, timedelta

from core.common import clock
from core.common.dates import friday_of
from core.workload.estimate import (
    OVERLOAD_PERCENT,
    Estimate,
    EstimateInputs,
    load_inputs,
)
from core.workload.estimate_series import estimates_for
from core.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

# The estimates for a list of days, in order (estimates_for over one load of the inputs).
Estimates = Callable[[list[date]], list[Estimate]]

DEFAULT_WEEKS = 104  # two years back
SUSTAINED_WEEKS = 4  # HMPPS: over 110% for 4 consecutive weeks is an excessive workload
RECENT_WEEKS = 4  # "weeks over 110%: k of the last 4"
TREND_CAPACITY_POINTS = 5  # a change of more than 5 points of capacity…
TREND_CASES = 2  # …or of 2 cases, is a change worth a word
HEAVIER_RUN_WORDS = 3  # "Heavier for 3 weeks running"
WEIGHTED, CASELOAD = "weighted", "caseload"
# The episode each trigger's panel was closed for ("Not now"), one key per trigger.
DISMISSED_KEYS = {WEIGHTED: "sustained_overload_dismissed",
                  CASELOAD: "sustained_caseload_dismissed"}
DISMISSED_KEY = DISMISSED_KEYS[WEIGHTED]
REACHES_BACK_KEY = "before-the-weeks-looked-at"  # SustainedEpisode.key of a run reaching back

LIGHTER, SAME, HEAVIER = "lighter", "same", "heavier"


@dataclass(frozen=True)
class SustainedEpisode:
    """A run of working weeks over 110% (kind "weighted") or above a manageable caseload
    (kind "caseload"), lasting at least 4 working weeks."""

    kind: str  # WEIGHTED or CASELOAD
    start: date  # Monday of the first week of the run (identifies the episode)
    weeks: int  # working weeks in the run (weeks away not counted)
    away: int  # weeks with no capacity figure inside the run, up to now
    # The first day counted: the first day of the first week from which the estimate was over
    # the line through to that week's figure (what "since …" says); None until worked out.
    since: date | None = None
    # The run goes back to the first week looked at (two years for the Overview and `status`):
    # it may have begun before, so its words never name a first week or a count of weeks.
    reaches_back: bool = False

    @property
    def weighted(self) -> bool:
        return self.kind == WEIGHTED

    @property
    def caseload(self) -> bool:
        return self.kind == CASELOAD

    @property
    def key(self) -> str:
        """Identifies the episode, so its panel is shown once (closed with "Not now"). A run
        reaching back past the weeks looked at has no first week to name (the first week looked
        at moves on every week), so it has a key of its own, the same from week to week."""
        return REACHES_BACK_KEY if self.reaches_back else self.start.isoformat()

    @property
    def weeks_looked_at(self) -> int:
        """For a run reaching back: every week from the first looked at to now, away or not."""
        return self.weeks + self.away


@dataclass(frozen=True)
class WeekSummary:
    """One week of history, or the current status (the last week)."""

    day: date  # the day the figure was taken: the week's Friday, or today before Friday
    estimate: Estimate
    trend: str | None  # LIGHTER / SAME / HEAVIER against last week; None without both weeks
    heavier_weeks: int  # how many weeks running the trend has been HEAVIER (0 otherwise)
    weighted_run: int  # working weeks in a row over 110%, to this week (gaps skipped)
    caseload_run: int  # working weeks in a row above a manageable caseload (gaps skipped)
    weighted_episode: SustainedEpisode | None  # the weighted run, once it reaches 4 weeks
    caseload_episode: SustainedEpisode | None  # the caseload run, once it reaches 4 weeks
    weeks_over_110: int  # among the last `weeks_counted` working weeks
    weeks_counted: int  # working weeks among the last 4 (at most 4)
    recent_away: int  # weeks with no capacity figure between those working weeks and now
    recovered: bool  # under 110% this week after a working week over 110%
    official_percent: float | None
    so_far: bool = False  # the current week before its Friday: "so far this week"
    # Last week's contracted hours and grade when either differs from this week's: the trend
    # then compares the work itself, and says that the hours changed.
    changed_from: tuple[Decimal, str] | None = None

    @property
    def week(self) -> str:
        return self.estimate.week

    @property
    def has_data(self) -> bool:
        return self.estimate.has_data

    @property
    def is_gap(self) -> bool:
        return self.estimate.is_gap

    @property
    def sustained(self) -> SustainedEpisode | None:
        """The weighted episode if there is one, else the caseload one."""
        return self.weighted_episode or self.caseload_episode

    @property
    def episodes(self) -> tuple[SustainedEpisode, ...]:
        return tuple(e for e in (self.weighted_episode, self.caseload_episode) if e)

    @property
    def sustained_weeks(self) -> int:
        """The run of the same episode as `sustained` (weighted first, as there), in working
        weeks, so a weeks-and-since pair never mixes the two triggers; with no episode, the
        longer run (under 4)."""
        if self.weighted_episode:
            return self.weighted_run
        if self.caseload_episode:
            return self.caseload_run
        return max(self.weighted_run, self.caseload_run)


def trend_between(previous: Estimate, current: Estimate) -> str | None:
    """More than 5 points of capacity decides first; otherwise a change of 2 or more cases.
    Across a change of contracted hours or grade, the work itself is compared instead: more
    than 5% more or fewer workload points, then 2 or more cases.

    None when either week is a week away (nothing active, or leave covering every hour): there
    is no figure to compare, so "About the same as last week" would not be true."""
    if previous.is_gap or current.is_gap:
        return None
    if profile_changed(previous, current):
        # Like with like: the same work is a different share of different hours, so the work
        # itself (its points, then its cases) is compared, never the two percentages.
        points_before, points_now = previous.workload_points, current.workload_points
        if points_before and abs(points_now - points_before) * 100 > (
                TREND_CAPACITY_POINTS * points_before):
            return HEAVIER if points_now > points_before else LIGHTER
    else:
        before, now = previous.capacity_percent, current.capacity_percent
        if before is not None and now is not None and abs(now - before) > TREND_CAPACITY_POINTS:
            return HEAVIER if now > before else LIGHTER
    cases = current.caseload_count - previous.caseload_count
    if abs(cases) >= TREND_CASES:
        return HEAVIER if cases > 0 else LIGHTER
    return SAME


def profile_changed(previous: Estimate, current: Estimate) -> bool:
    """Contracted hours or grade differ between the two weeks."""
    return (previous.contracted_hours != current.contracted_hours
            or previous.grade != current.grade)


def snapshot_day(today: date) -> date:
    """The day the week holding `today` is measured on: its Friday, or `today` before it."""
    return min(friday_of(today), today)


def history_days(today: date, weeks: int) -> list[date]:
    """The snapshot day of each of `weeks` weeks ending with the week holding `today`."""
    last_friday = friday_of(today)
    days = [last_friday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    days[-1] = snapshot_day(today)
    return days


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class _Run:
    """A run of working weeks meeting a test; gap weeks inside it are counted as away."""

    def __init__(self, kind: str):
        self.kind = kind
        self.weeks = 0
        self.away = 0
        self.start: date | None = None
        self.seen = False  # a week already stepped over: a run starting now starts after it
        self.reaches_back = False  # the run started in the first week looked at

    def step(self, est: Estimate, on: bool) -> None:
        first, self.seen = not self.seen, True
        if est.is_gap:
            if self.weeks:
                self.away += 1
            return
        if on:
            if self.weeks == 0:
                self.start, self.away, self.reaches_back = _monday(est.as_of), 0, first
            self.weeks += 1
        else:
            self.weeks, self.away, self.start = 0, 0, None

    def episode(self) -> SustainedEpisode | None:
        if self.weeks < SUSTAINED_WEEKS or self.start is None:
            return None
        return SustainedEpisode(self.kind, self.start, self.weeks, self.away,
                                reaches_back=self.reaches_back)


def summarise(
    estimates: list[Estimate], official: dict[str, float] | None = None
) -> list[WeekSummary]:
    """Turn consecutive weekly estimates (oldest first) into summaries with runs and trends."""
    official = official or {}
    result: list[WeekSummary] = []
    weighted, caseload = _Run(WEIGHTED), _Run(CASELOAD)
    heavier = 0
    recent: list[bool | None] = []  # over 110% per week since the 4th-last working week;
    # None for a week away
    last_working: Estimate | None = None
    previous: Estimate | None = None
    for est in estimates:
        trend = trend_between(previous, est) if previous is not None else None
        heavier = heavier + 1 if trend == HEAVIER else 0
        weighted.step(est, est.over_110)
        caseload.step(est, est.caseload_over)
        recovered = False
        recent.append(None if est.is_gap else est.over_110)
        while sum(1 for r in recent if r is not None) > RECENT_WEEKS or recent[0] is None:
            recent.pop(0)
            if not recent:
                break
        if not est.is_gap:
            recovered = (
                last_working is not None
                and last_working.over_110
                and est.capacity_percent is not None
                and est.capacity_percent < OVERLOAD_PERCENT  # "back under 110%", literally
            )
            last_working = est
        result.append(
            WeekSummary(
                day=est.as_of,
                estimate=est,
                trend=trend,
                heavier_weeks=heavier,
                weighted_run=weighted.weeks,
                caseload_run=caseload.weeks,
                weighted_episode=weighted.episode(),
                caseload_episode=caseload.episode(),
                weeks_over_110=sum(1 for r in recent if r),
                weeks_counted=sum(1 for r in recent if r is not None),
                recent_away=sum(1 for r in recent if r is None),
                recovered=recovered,
                official_percent=official.get(est.week),
                changed_from=(previous.contracted_hours, previous.grade)
                if previous is not None and trend is not None and profile_changed(previous, est)
                else None,
            )
        )
        previous = est
    return result


def weekly_history(
    source: Database | EstimateInputs,
    today: date | None = None,
    weeks: int = DEFAULT_WEEKS,
    estimates: Estimates | None = None,
) -> list[WeekSummary]:
    """`weeks` weekly summaries, oldest first, ending with the week holding `today`; the last
    one is marked `so_far` when its Friday has not come yet. `estimates`: the days' estimates
    from `source`'s inputs (estimates_for by default; words for many days share one, each day
    worked out once: core.workload.estimate_series.DayEstimates)."""
    inputs = source if isinstance(source, EstimateInputs) else load_inputs(source)
    today = today or clock.today()
    estimates = estimates or partial(estimates_for, inputs)
    # Runs and trends need weeks before the first one shown, so work out two years regardless.
    days = history_days(today, max(weeks, DEFAULT_WEEKS))
    summaries = summarise(estimates(days), dict(inputs.official))
    last = summaries[-1]
    if last.day < friday_of(today):
        summaries[-1] = _so_far(last)
    return _with_first_days(estimates, summaries[-weeks:], today)


def first_day_counted(source: Database | EstimateInputs, monday: date, weighted: bool,
                      today: date) -> date:
    """The first day counted in a run whose first week starts on `monday`: the first day of
    that week from which every day's estimate was over the line up to the week's figure (a
    week whose Monday and Tuesday were lighter counts from Wednesday). The one definition the
    Overview, `status` and the supervision summary all use."""
    return _first_day_from(partial(estimates_for, source), monday, weighted, today)


def _first_day_from(estimates: Estimates, monday: date, weighted: bool, today: date) -> date:
    first_figure = min(friday_of(monday), today)
    days = [monday + timedelta(days=n) for n in range((first_figure - monday).days + 1)]
    over = [(est.over_110 if weighted else est.caseload_over)
            for est in estimates(days)]
    since = first_figure
    for day, on in reversed(list(zip(days, over))):
        if not on:
            break
        since = day
    return since


def _with_first_days(estimates: Estimates, summaries: list[WeekSummary],
                     today: date) -> list[WeekSummary]:
    from dataclasses import replace

    found: dict[tuple[str, date], date] = {}

    def refined(episode: SustainedEpisode | None) -> SustainedEpisode | None:
        if episode is None:
            return None
        key = (episode.kind, episode.start)
        if key not in found:
            found[key] = _first_day_from(estimates, episode.start, episode.weighted, today)
        return replace(episode, since=found[key])

    return [replace(s, weighted_episode=refined(s.weighted_episode),
                    caseload_episode=refined(s.caseload_episode))
            if s.weighted_episode or s.caseload_episode else s for s in summaries]


def _so_far(summary: WeekSummary) -> WeekSummary:
    from dataclasses import replace

    return replace(summary, so_far=True)


def workload_status(source: Database | EstimateInputs, day: date | None = None,
                    estimates: Estimates | None = None) -> WeekSummary:
    """Everything the Overview and `status` say about the week holding `day` (default today):
    that week's figure (its Friday's, or `day`'s before Friday), with trend and runs."""
    return weekly_history(source, day, weeks=1, estimates=estimates)[-1]


def sustained_panel_due(db: Database, summary: WeekSummary,
                        kind: str = WEIGHTED) -> SustainedEpisode | None:
    """The episode of `kind` whose panel should show: sustained now and not closed for it."""
    episode = summary.weighted_episode if kind == WEIGHTED else summary.caseload_episode
    if episode is None or get_setting(db, DISMISSED_KEYS[kind]) == episode.key:
        return None
    return episode


def dismiss_sustained_panel(db: Database, episode: SustainedEpisode) -> None:
    """'Not now' (or a note added): this trigger's panel stays closed until its next episode;
    the other trigger's panel is not affected."""
    set_setting(db, DISMISSED_KEYS[episode.kind], episode.key)
