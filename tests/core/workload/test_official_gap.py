"""The explanation of a gap between the official WMT figure and the app's estimate."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile, Reduction
from core.workload.estimate import estimate_as_of
from core.workload.official_gap import HIGHER, LOWER, explain_gap
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction
from core.workload.weightings import set_weighting

DAY = date(2026, 11, 27)  # a Friday
START = date(2026, 1, 5)


def add(db, ref, case_type, tier, **kw):
    return CaseStore(db).add_case(Case(ref, case_type, tier, START, **kw))


@pytest.fixture
def held(db):
    save_profile(db, Profile("PO", 37), today=START)
    add(db, "C01", "community", "B2")
    add(db, "C02", "community", "B2", expected_end_date=date(2026, 6, 30))  # overdue since July
    add(db, "C03", "licence", "untiered")
    add(db, "C04", "community", "C1", state="unpaid_work_only")
    return db


def test_each_inactive_kind_changes_the_estimate_as_the_wmt_would(held):
    est = estimate_as_of(held, DAY)
    assert est.workload_points == 115  # only C01 counts: overdue, untiered and unpaid work score 0
    assert est.caseload_count == 4


def test_a_higher_official_figure_is_explained_largest_first_with_actions(held):
    est = estimate_as_of(held, DAY)  # 115 of 2176: 5.3%
    gap = explain_gap(est, 20.0, figures=True)
    assert gap.direction == HIGHER
    kinds = [r.kind for r in gap.reasons]
    assert kinds == ["overdue", "inactive", "untiered", "reductions", "unseen"]
    overdue, inactive, untiered = gap.reasons[:3]
    assert "C02" in overdue.text and "about 2 hours a week (115 points)" in overdue.text
    assert overdue.action == "Close it or move its end date" and overdue.references == ("C02",)
    assert "C04" in inactive.text and "about 1 hour a week (50 points)" in inactive.text
    assert "C03" in untiered.text and untiered.action == "Tier a case"
    assert "20 percent" in gap.intro and "14.7 percentage points higher" in gap.intro
    assert "estimate of 5.3 percent" in gap.intro
    assert "contact points" in gap.reasons[-1].text


def test_with_figures_off_the_explanation_holds_no_percentage(held):
    gap = explain_gap(estimate_as_of(held, DAY), 20.0, figures=False)
    text = gap.text
    assert not re.search(r"\d\s*(%|percent)", text) and "points" not in text.replace(
        "contact points", "")
    assert "more work than this app's estimate" in gap.intro
    assert "C02" in text and "C03" in text and "C04" in text
    assert "about 2 hours a week" in text


def test_no_explanation_within_five_points(held):
    est = estimate_as_of(held, DAY)
    assert explain_gap(est, 10.3, figures=True) is None  # 5.0 points: not more than 5
    assert explain_gap(est, 10.4, figures=True) is not None
    assert explain_gap(est, None) is None


def test_a_lower_official_figure_points_to_reductions_recorded_here(db):
    save_profile(db, Profile("PO", 37), today=START)
    add(db, "C01", "licence", "A3")
    add_reduction(db, Reduction("Court duty", START, hours_per_week=10), 37)
    est = estimate_as_of(db, DAY)
    gap = explain_gap(est, float(est.capacity_percent) - 6)
    assert gap.direction == LOWER
    assert gap.reasons[0].kind == "reductions" and "about 10 hours a week" in gap.reasons[0].text
    assert gap.reasons[0].action == "Check a reduction"


def test_the_estimate_is_never_adjusted(held):
    before = estimate_as_of(held, DAY)
    explain_gap(before, 50.0)
    assert estimate_as_of(held, DAY).capacity_percent == before.capacity_percent


def test_the_summary_explains_the_gap_without_case_references(held):
    from core.supervision.summary import compose_summary
    from core.workload.official import record_official

    record_official(held, DAY, 20.0, today=DAY)
    paragraphs = compose_summary(held, today=DAY).section("workload").paragraphs
    text = " ".join(paragraphs)
    assert "14.7 percentage points higher than this app's estimate" in text
    assert "1 case is past its expected end date" in text
    assert "1 untiered case scores nothing here" in text
    assert "1 case waiting on a warrant or with only unpaid work left" in text
    assert not any(ref in text for ref in ("C01", "C02", "C03", "C04"))


@pytest.fixture
def ending(db):
    """The tester's set-up: cases ending around 27 Nov, one untiered (321 points, 14.8%)."""
    save_profile(db, Profile("PO", 37), today=START)
    add(db, "C01", "community", "B2", expected_end_date=date(2026, 6, 30))
    add(db, "C02", "licence", "A3", expected_end_date=date(2026, 10, 15))
    add(db, "C03", "custody", "C1", expected_end_date=date(2026, 11, 26), t2a=True)
    add(db, "C04", "community", "B2", expected_end_date=date(2026, 11, 27))
    add(db, "C05", "community", "untiered", expected_end_date=date(2026, 11, 28))
    add(db, "C06", "community", "A3")
    return db


def test_a_lower_official_figure_lists_no_reason_that_would_make_it_higher(ending):
    est = estimate_as_of(ending, DAY)
    assert est.capacity_percent == Decimal("14.8")
    gap = explain_gap(est, 5.0)
    assert gap.direction == LOWER
    kinds = [r.kind for r in gap.reasons]
    assert "overdue" not in kinds and "untiered" not in kinds  # both only make it higher
    assert kinds == ["unseen"]
    assert "sees nothing in your records here that would make the official figure lower" in \
        gap.intro
    assert "largest first" not in gap.intro


def test_edited_weightings_that_raise_the_estimate_explain_only_a_lower_official_figure(db):
    save_profile(db, Profile("PO", 37), today=START)
    add(db, "C01", "custody", "C1", t2a=True)
    add(db, "C02", "community", "B2", state="warrant")
    add(db, "C03", "community", "A3", state="unpaid_work_only")
    set_weighting(db, "tier.t2a.C1", 40, date(2026, 11, 2))
    set_weighting(db, "share.unpaid_work_only", 50, date(2026, 11, 16))
    est = estimate_as_of(db, DAY)
    higher = explain_gap(est, float(est.capacity_percent) + 10)
    assert "weightings" not in [r.kind for r in higher.reasons]  # they raise the estimate
    inactive = next(r for r in higher.reasons if r.kind == "inactive")
    lower = explain_gap(est, float(est.capacity_percent) - 10)
    kinds = [r.kind for r in lower.reasons]
    assert "weightings" in kinds and "inactive" not in kinds  # the share counted once only
    weightings = next(r for r in lower.reasons if r.kind == "weightings")
    assert "would be lower" in weightings.text
    assert weightings.hours > 0 and inactive.hours > 0


def test_an_edited_nominal_target_is_a_reason(db):
    save_profile(db, Profile("PO", 37), today=START)
    for n in range(1, 10):
        add(db, f"C{n:02}", "community", "A3")
    add(db, "C10", "community", "B1")
    assert estimate_as_of(db, DAY).capacity_percent == Decimal("89.9")
    set_weighting(db, "nominal_target", 1500, date(2026, 1, 1))
    est = estimate_as_of(db, DAY)
    assert est.capacity_percent == Decimal("130.4")
    gap = explain_gap(est, 95.0)
    weightings = gap.reasons[0]
    assert weightings.kind == "weightings"
    assert "at the defaults the estimate would be lower by about 15 hours a week" in \
        weightings.text
    assert "(the estimate would be 89.9 percent at the defaults)" in weightings.text


def test_a_reason_worth_nothing_is_left_out(ending):
    set_weighting(ending, "share.overdue_termination", 100, date(2026, 11, 16))
    est = estimate_as_of(ending, DAY)
    gap = explain_gap(est, float(est.capacity_percent) + 25)
    assert "overdue" not in [r.kind for r in gap.reasons]
    assert "(0 points)" not in gap.text


def test_an_official_figure_for_a_week_of_leave_is_explained(db):
    from core.supervision.summary import SummaryOptions, compose_summary
    from core.supervision.summary_render import summary_markdown
    from core.workload.official import record_official

    friday = date(2026, 11, 13)
    save_profile(db, Profile("PO", 37), today=START)
    add(db, "C01", "community", "A3")
    add_reduction(db, Reduction("Leave", date(2026, 11, 9), end_date=friday,
                                percent=Decimal(100)), 37)
    est = estimate_as_of(db, friday)
    assert est.capacity_percent is None
    gap = explain_gap(est, 120.0)
    assert gap is not None and "120 percent" in gap.intro
    assert "no capacity figure here" in gap.intro
    assert gap.reasons[0].kind == "reductions" and "all 37 contracted hours" in gap.reasons[0].text
    assert "120" not in explain_gap(est, 120.0, figures=False).text
    record_official(db, friday, 120.0, today=friday)
    text = summary_markdown(compose_summary(db, SummaryOptions(end=friday), today=friday))
    assert "| 13 Nov | leave or reductions: no capacity figure |" in text
    assert "no data" not in text and "0 minutes a week" not in text
    assert "No available hours this week: reductions cover all 37 hours contracted." in text
    assert "is for a week with no capacity figure here" in text


def test_what_the_app_cannot_see_points_the_gaps_way_too(ending):
    est = estimate_as_of(ending, DAY)
    lower = explain_gap(est, 5.0).reasons[-1]
    assert lower.kind == "unseen" and "contact points" not in lower.text  # those only add
    assert "counts here and not there" in lower.text
    assert "contact points" in explain_gap(est, 40.0).reasons[-1].text
