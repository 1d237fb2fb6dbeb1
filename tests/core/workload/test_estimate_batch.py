"""Weekly history's batch path gives exactly the estimates worked out one day at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.workload.estimate import EstimateInputs, estimate_as_of
from core.workload.estimate_series import estimates_for
from core.workload.history import history_days, summarise, weekly_history
from core.caseload.models import (
    CASE_STATES,
    CASE_TYPES,
    TIERS,
    Case,
    CourtReport,
    Profile,
    Reduction,
    TierChange,
)
from core.workload.weightings import RESTORE_KEY, WeightingChange, WeightingsTimeline
from tests.examples import examples

START = date(2024, 1, 1)
SPAN = 400  # days the generated histories cover
BATCH = settings(max_examples=examples(120), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
# Mostly Fridays (the days history is taken on), so changes, closures and reports often fall
# exactly on a day worked out: the edges are where a faster path could differ.
days_in = st.one_of(st.integers(0, SPAN // 7).map(lambda n: START + timedelta(days=7 * n + 4)),
                    st.integers(0, SPAN).map(lambda n: START + timedelta(days=n)))


COMMON = ("A3", "B2", "C1", "D0")  # tiers the generated weightings changes also price
tiers = st.one_of(st.sampled_from(COMMON), st.sampled_from(TIERS))


@st.composite
def cases(draw) -> Case:
    start = draw(days_in)
    closed = draw(st.one_of(st.none(), days_in))
    # Changes may share a date, come in any order and start before the case: tier_on's rules.
    history = tuple(TierChange(draw(tiers), draw(days_in))
                    for _ in range(draw(st.integers(0, 4))))
    return Case(f"C{draw(st.integers(1, 99)):02d}", draw(st.sampled_from(CASE_TYPES)),
                draw(tiers), start, t2a=draw(st.booleans()),
                state=draw(st.sampled_from(CASE_STATES)), closed_date=closed,
                tier_history=history)


reductions = st.builds(
    Reduction, st.just("training"), days_in, st.one_of(st.none(), days_in),
    st.one_of(st.none(), st.floats(0, 40, allow_nan=False)),
    st.one_of(st.none(), st.floats(0, 100, allow_nan=False)))
reports = st.builds(CourtReport, st.sampled_from(["standard", "fast"]), days_in)
changes = st.builds(
    WeightingChange, days_in,
    st.one_of(st.sampled_from(["report.standard", "report.fast", "share.warrant",
                               "share.unpaid_work_only", "nominal_target", "default_hours",
                               RESTORE_KEY]),
              st.builds("tier.{}.{}".format, st.sampled_from(CASE_TYPES), st.sampled_from(COMMON))),
    st.integers(1, 900).map(float), st.just(START), st.integers(1, 50))
profiles = st.builds(
    Profile, st.sampled_from(["PO", "PSO", "SPO"]),
    st.one_of(st.none(), st.sampled_from([37.0, 22.5, 30, 4.0])),
    st.one_of(st.none(), st.integers(1, 80)))


@st.composite
def inputs(draw) -> EstimateInputs:
    timeline_changes = [c if c.key != RESTORE_KEY else WeightingChange(
        c.effective_from, RESTORE_KEY, None, c.changed_on, c.id)
        for c in draw(st.lists(changes, max_size=4))]
    return EstimateInputs(
        profile=draw(profiles),
        cases=tuple(draw(st.lists(cases(), max_size=25))),
        reductions=tuple(draw(st.lists(reductions, max_size=3))),
        reports=tuple(draw(st.lists(reports, max_size=12))),
        timeline=WeightingsTimeline(timeline_changes),
    )


@BATCH
@given(inputs(), st.lists(st.one_of(days_in, st.integers(-30, SPAN + 30).map(
    lambda n: START + timedelta(days=n))), max_size=12))
def test_batch_estimates_equal_one_day_at_a_time(source, days):
    assert estimates_for(source, days) == [estimate_as_of(source, d) for d in days]


@BATCH
@given(inputs(), days_in)
def test_weekly_history_equals_the_straightforward_summaries(source, today):
    days = history_days(today, 104)
    expected = summarise([estimate_as_of(source, d) for d in days], dict(source.official))
    got = weekly_history(source, today, 104)
    assert got[-1].so_far == (today.weekday() < 4)  # before Friday: "so far this week"
    # The runs' first days counted are worked out from the days of their first week (checked
    # in test_literal_sentences); they lie in that week, and everything else is the same.
    for s in got:
        for episode in s.episodes:
            assert episode.start <= episode.since <= episode.start + timedelta(days=4)
    assert [replace(s, so_far=False, weighted_episode=_plain(s.weighted_episode),
                    caseload_episode=_plain(s.caseload_episode)) for s in got] == expected


def _plain(episode):
    return None if episode is None else replace(episode, since=None)


def test_a_weightings_change_reprices_a_case_already_counted_in_earlier_weeks():
    timeline = WeightingsTimeline([WeightingChange(date(2024, 6, 1), "tier.community.B2", 900.0,
                                                   START, 1)])
    source = EstimateInputs(Profile(), (Case("C01", "community", "B2", START),), (), (), timeline)
    points = [w.estimate.workload_points for w in weekly_history(source, date(2024, 6, 14), 4)]
    assert points == [115, 115, 900, 900]
