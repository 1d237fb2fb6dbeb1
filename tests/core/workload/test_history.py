"""Weekly history: gaps, sustained overload, trend words, recovery and official figures."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.workload.estimate import estimate_as_of
from core.workload.history import (
    dismiss_sustained_panel,
    summarise,
    sustained_panel_due,
    trend_between,
    weekly_history,
    workload_status,
)
from core.caseload.models import Case
from core.workload.official import record_official
from core.workload.status_words import status_words
from core.workload.wording import RECOVERY

FRIDAYS = [date(2026, 1, 9) + timedelta(weeks=n) for n in range(5)]  # weeks 2 to 6 of 2026


def add_heavy_set(db, prefix, start, closed=None):
    """11 licence A3 cases: 11 × 219 = 2409 of 2176 points -> 110.7%, just over 110%."""
    store = CaseStore(db)
    for n in range(11):
        case = store.add_case(Case(f"{prefix}{n:02d}", "licence", "A3", start))
        if closed:
            store.close_case(case.id, closed, "completed")


def test_a_gap_week_neither_counts_as_zero_nor_breaks_the_run(db):
    add_heavy_set(db, "A", date(2026, 1, 5), closed=date(2026, 1, 24))  # weeks 1–3
    add_heavy_set(db, "B", date(2026, 2, 2))  # week 5; nothing active in week 4
    weeks = weekly_history(db, FRIDAYS[-1], weeks=5)
    assert [w.has_data for w in weeks] == [True, True, True, False, True]
    assert [w.estimate.capacity_percent for w in weeks[:3]] == [Decimal("110.7")] * 3
    last = weeks[-1]
    assert last.sustained is not None and last.sustained.weeks == 4 and last.sustained.weighted
    assert last.sustained.start == date(2026, 1, 5)  # Monday of the first week over
    assert last.sustained.away == 1  # 5 calendar weeks: the sentence says so
    assert (last.weeks_over_110, last.weeks_counted, last.recent_away) == (4, 4, 1)
    assert ("for 4 working weeks, with 1 week away between them (since 5 January)"
            in status_words(last).sustained)


def test_a_real_lighter_week_breaks_the_run(db):
    add_heavy_set(db, "A", date(2026, 1, 5), closed=date(2026, 1, 24))
    add_heavy_set(db, "B", date(2026, 2, 2))
    CaseStore(db).add_case(Case("D1", "community", "D1", date(2026, 1, 26)))  # week 4: 1.3%
    last = weekly_history(db, FRIDAYS[-1], weeks=5)[-1]
    assert last.sustained is None and last.weighted_run == 1
    assert status_words(last).sustained is None


def test_caseload_above_a_manageable_level_for_4_weeks_is_sustained_too(db):
    store = CaseStore(db)
    store.add_cases(Case(f"C{n:02d}", "community", "D0S", date(2026, 1, 5)) for n in range(61))
    last = weekly_history(db, FRIDAYS[3], weeks=4)[-1]
    assert last.estimate.capacity_percent == 0  # unsupervised tiers score 0 by default
    assert last.sustained is not None and last.sustained.caseload and not last.sustained.weighted
    assert status_words(last).sustained is None  # the weighted trigger has its own panel
    panel = status_words(last).sustained_caseload
    assert panel.startswith("Your caseload has been above a manageable level")


def test_three_weeks_is_not_yet_sustained(db):
    add_heavy_set(db, "A", date(2026, 1, 5))
    assert weekly_history(db, FRIDAYS[2], weeks=3)[-1].sustained is None


@pytest.fixture
def base(db):
    CaseStore(db).add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    return estimate_as_of(db, FRIDAYS[0])


def week(base, n, capacity, cases=20):
    return replace(base, as_of=FRIDAYS[0] + timedelta(weeks=n), capacity_percent=Decimal(str(capacity)),
                   caseload_count=cases)


@pytest.mark.parametrize("before, after, trend", [
    ((100.0, 20), (105.1, 20), "heavier"),
    ((100.0, 20), (105.0, 20), "same"),  # exactly 5 points is not more than 5
    ((100.0, 20), (94.0, 20), "lighter"),
    ((100.0, 20), (101.0, 22), "heavier"),  # 2 more cases
    ((100.0, 20), (99.0, 18), "lighter"),
    ((100.0, 20), (103.0, 21), "same"),
])
def test_trend_rule_more_than_5_points_or_2_cases(base, before, after, trend):
    assert trend_between(week(base, 0, *before), week(base, 1, *after)) == trend


def test_trend_needs_both_weeks_to_have_data(base):
    gap = replace(week(base, 0, 100.0), has_data=False)
    assert trend_between(gap, week(base, 1, 120.0)) is None


def test_heavier_for_3_weeks_running(base):
    summaries = summarise([week(base, n, c) for n, c in enumerate((100.0, 106.0, 112.0, 118.0))])
    assert [status_words(s).trend for s in summaries] == [
        None, "Heavier than last week.", "Heavier than last week.", "Heavier for 3 weeks running."
    ]


def test_recovery_is_noticed_even_across_a_gap(base):
    over, under = week(base, 0, 115.0), week(base, 2, 108.0)
    gap = replace(week(base, 1, 0.0), has_data=False)
    assert summarise([over, week(base, 1, 108.0)])[-1].recovered
    assert summarise([over, gap, under])[-1].recovered
    assert status_words(summarise([over, gap, under])[-1]).recovery == RECOVERY
    assert not summarise([week(base, 0, 105.0), week(base, 1, 104.0)])[-1].recovered


def test_the_panel_shows_once_per_episode(db):
    add_heavy_set(db, "A", date(2026, 1, 5))
    status = workload_status(db, FRIDAYS[3])
    episode = sustained_panel_due(db, status)
    assert episode is not None
    dismiss_sustained_panel(db, episode)
    assert sustained_panel_due(db, workload_status(db, FRIDAYS[4])) is None  # same episode
    later = replace(status, weighted_episode=replace(episode, start=date(2026, 3, 2)))
    assert sustained_panel_due(db, later) is not None  # a new episode shows again


def test_official_figures_sit_beside_the_estimate(db):
    add_heavy_set(db, "A", date(2026, 1, 5))
    assert record_official(db, date(2026, 1, 13), 118, today=FRIDAYS[-1]) == "2026-W03"
    weeks = weekly_history(db, FRIDAYS[-1], weeks=5)
    assert [w.official_percent for w in weeks] == [None, 118.0, None, None, None]
    words = status_words(weeks[1])
    assert words.official == ("The official workload figure your manager gave for this week is "
                              "118 percent; this app's estimate is 110.7 percent.")


@pytest.mark.parametrize("percent, day", [(-1, date(2026, 1, 13)), (900, date(2026, 1, 13)),
                                          (110, date(2026, 3, 2))])
def test_official_figure_is_refused_out_of_range_or_for_a_future_week(db, percent, day):
    with pytest.raises(ValidationError):
        record_official(db, day, percent, today=FRIDAYS[-1])


def test_history_goes_back_two_years_with_gaps_before_any_data(db):
    add_heavy_set(db, "A", date(2026, 1, 5))
    weeks = weekly_history(db, FRIDAYS[-1])
    assert len(weeks) == 104
    assert weeks[0].day == FRIDAYS[-1] - timedelta(weeks=103)
    assert not weeks[0].has_data and weeks[-1].has_data
    assert weeks[-1].day == FRIDAYS[-1]


def test_the_current_week_is_taken_on_the_chosen_day_not_a_future_friday(db):
    add_heavy_set(db, "A", date(2026, 1, 5))
    assert workload_status(db, date(2026, 1, 14)).day == date(2026, 1, 14)


def test_back_under_110_only_when_literally_under(base):
    over = week(base, 0, 115.0)
    assert not summarise([over, week(base, 1, 110.0)])[-1].recovered  # exactly 110.0% is not under
    assert summarise([over, week(base, 1, 109.9)])[-1].recovered
    assert not summarise([over, week(base, 1, 110.0)])[-1].estimate.over_110  # nor over


def test_a_leave_week_neither_counts_nor_breaks_and_the_summary_line_says_so(db):
    from core.caseload.models import Reduction
    from core.workload.reductions import add_reduction
    from core.workload.wording import weeks_over_line

    add_heavy_set(db, "A", date(2026, 1, 5))
    add_reduction(db, Reduction("Other paid or unpaid leave", date(2026, 1, 26),
                                date(2026, 2, 1), percent=100), 37)  # week 4 on leave
    weeks = weekly_history(db, FRIDAYS[-1], weeks=5)
    assert [w.is_gap for w in weeks] == [False, False, False, True, False]
    last = weeks[-1]
    assert last.weighted_episode is not None and last.weighted_episode.weeks == 4
    assert (last.weeks_over_110, last.weeks_counted, last.recent_away) == (4, 4, 1)
    assert weeks_over_line(4, 4, 1) == ("Weeks over 110%: every one of the last 4 working weeks "
                                        "(1 week away)")
    assert weeks_over_line(3, 4, 1) == "Weeks over 110%: 3 of the last 4 working weeks (1 week away)"


def test_a_leave_week_is_not_about_the_same_as_last_week(db):
    # breaker4 report, finding 8.3: `history` said "No capacity expected this week. About the
    # same as last week." for a full-leave week: there is no figure to compare.
    from core.caseload.models import Reduction
    from core.workload.reductions import add_reduction

    add_heavy_set(db, "A", date(2026, 1, 5))
    add_reduction(db, Reduction("Other paid or unpaid leave", date(2026, 1, 26),
                                date(2026, 2, 1), percent=100), 37)  # week 4 on leave
    weeks = weekly_history(db, FRIDAYS[-1], weeks=5)
    leave, after = weeks[3], weeks[4]
    assert leave.is_gap and leave.trend is None and after.trend is None
    words = status_words(leave, leave.day)
    assert "as last week" not in f"{words.headline} {words.body} {words.trend or ''}"
