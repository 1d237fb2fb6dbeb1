"""The personal WMT estimate, checked against worked examples done by hand."""

from decimal import Decimal
from fractions import Fraction
from datetime import date, timedelta

import pytest

from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.workload.estimate import (
    capacity_of,
    caseload_band,
    estimate_as_of,
    to_half_hour,
    workload_band,
)
from core.caseload.models import Case, Profile, Reduction
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction, add_report
from core.workload.weightings import (
    published_defaults,
    restore_defaults,
    set_weighting,
    weightings_as_of,
)
from core.workload.what_if import what_if, what_if_sentence

DAY = date(2026, 6, 5)  # a Friday


def add(db, ref, case_type, tier, start=date(2026, 1, 5), **kw):
    return CaseStore(db).add_case(Case(ref, case_type, tier, start, **kw))


def test_worked_example_full_time_with_reduction_t2a_and_reports(db):
    # PO, 37 hours, 3 hours court duty.
    # Cases: community B2 = 115; licence A3 = 219; community B2 young adult (T2A) uses the
    # custody column: 48. Reports: standard 10 days ago = 138; fast 29 days ago = 65 (the
    # window is day-29 … day, inclusive); standard 30 days ago and 31 days ago = 0.
    # workload  = 115 + 219 + 48 + 138 + 65 = 585
    # available = trunc(2176 × (37 − 3) / 37) = trunc(73984 / 37) = trunc(1999.567…) = 1999
    # capacity  = round(585 / 1999 × 100, 1) = round(29.264…, 1) = 29.3  -> W1
    # spare     = (1999 − 585) / (2176 / 37) = 1414 / 58.81… = 24.04… -> 24 hours a week
    save_profile(db, Profile("PO", 37.0))
    add_reduction(db, Reduction("Court duty", date(2026, 1, 5), hours_per_week=3.0), 37.0)
    add(db, "C01", "community", "B2")
    add(db, "C02", "licence", "A3")
    add(db, "C03", "community", "B2", t2a=True)
    add_report(db, "standard", DAY - timedelta(days=10))
    add_report(db, "fast", DAY - timedelta(days=29))
    add_report(db, "standard", DAY - timedelta(days=30))
    add_report(db, "standard", DAY - timedelta(days=31))
    est = estimate_as_of(db, DAY)
    assert est.workload_points == 585
    assert est.available_points == 1999
    assert est.capacity_percent == Decimal("29.3")
    assert est.workload_band == "W1"
    assert (est.extra_hours_per_week, est.spare_hours_per_week) == (0.0, 24.0)
    assert est.caseload_count == 3 and est.caseload_band == "C1"
    young = next(c for c in est.cases if c.reference == "C03")
    assert (young.column, young.points) == ("t2a", 48)  # the T2A row: custody values in 2021
    reports = [(r.kind, r.count, r.points) for r in est.reports]
    assert reports == [("standard", 1, 138), ("fast", 1, 65)]


def test_part_time_scales_available_points_and_the_caseload_reference(db):
    # 22.5 hours: available = trunc(2176 × 22.5 / 37) = trunc(48960 / 37) = trunc(1323.2…) = 1323
    # 6 licence A3 (6 × 219 = 1314) + community D1 (29) = 1343
    # capacity = round(1343 / 1323 × 100, 1) = round(101.51…, 1) = 101.5  -> W3 (Stretched)
    # extra = 20 / 58.81… = 0.34 hours -> nearest half hour, halves up: 0.5
    # caseload reference = 50 × 22.5 / 37 = 30.4 cases; 7 cases -> C1
    save_profile(db, Profile("PO", 22.5))
    for n in range(6):
        add(db, f"L{n}", "licence", "A3")
    add(db, "D1", "community", "D1")
    est = estimate_as_of(db, DAY)
    assert (est.workload_points, est.available_points) == (1343, 1323)
    assert est.capacity_percent == Decimal("101.5") and est.workload_band == "W3"
    assert est.extra_hours_per_week == 0.5
    assert est.caseload_reference == Fraction(1125, 37) and est.caseload_band == "C1"


def test_blank_contracted_hours_mean_the_full_time_37(db):
    add(db, "C01", "community", "A3")
    est = estimate_as_of(db, DAY)
    assert est.contracted_hours == 37 and est.available_points == 2176


@pytest.mark.parametrize("reductions", [[("Long-term sickness", 100.0, None)],
                                        [("Court duty", None, 20.0), ("Group work", None, 20.0)]])
def test_reductions_covering_all_hours_give_no_capacity_figure(db, reductions):
    save_profile(db, Profile("PO", 37.0))
    for reason, percent, hours in reductions:
        add_reduction(db, Reduction(reason, date(2026, 1, 5), percent=percent,
                                    hours_per_week=hours), 37.0)
    add(db, "C01", "licence", "A3")
    est = estimate_as_of(db, DAY)
    assert est.available_points == 0
    assert est.capacity_percent is None and est.workload_band is None
    assert est.no_capacity_reason == "no_hours"
    assert est.extra_hours_per_week is None
    assert est.workload_points == 219  # the work is still counted, just not divided by zero


def test_a_reduction_only_counts_while_it_is_in_force(db):
    add_reduction(db, Reduction("Court duty", date(2026, 3, 2), date(2026, 3, 31),
                                hours_per_week=3.0), 37.0)
    add(db, "C01", "community", "A3")
    assert estimate_as_of(db, date(2026, 2, 27)).available_points == 2176
    assert estimate_as_of(db, date(2026, 3, 6)).available_points == 1999
    assert estimate_as_of(db, date(2026, 4, 3)).available_points == 2176


def test_senior_probation_officers_have_no_capacity_figure(db):
    save_profile(db, Profile("SPO", 37.0))
    add(db, "C01", "community", "A3")
    est = estimate_as_of(db, DAY)
    assert est.capacity_percent is None and est.no_capacity_reason == "grade"


def test_tier_change_mid_history_uses_the_tier_held_then(db):
    case = add(db, "C01", "community", "C2")  # 63 points
    case.tier, case.tier_date = "A3", date(2026, 3, 2)  # 206 points from 2 March
    CaseStore(db).update_case(case)
    assert estimate_as_of(db, date(2026, 2, 27)).workload_points == 63
    assert estimate_as_of(db, date(2026, 3, 6)).workload_points == 206


def test_closed_case_scores_nothing_from_its_close_date(db):
    case = add(db, "C01", "licence", "B2")
    CaseStore(db).close_case(case.id, date(2026, 2, 10), "completed")
    assert estimate_as_of(db, date(2026, 2, 9)).workload_points == 132
    after = estimate_as_of(db, date(2026, 2, 10))
    assert after.workload_points == 0 and after.caseload_count == 0 and not after.has_data


def test_warrant_and_unpaid_work_shares(db):
    add(db, "W1", "licence", "A3", state="warrant")  # published share 0%
    add(db, "U1", "community", "B2", state="unpaid_work_only")  # published share 0% (WMT0115)
    add(db, "C1", "community", "C1")
    assert estimate_as_of(db, DAY).workload_points == 50
    set_weighting(db, "share.warrant", 50, date(2026, 6, 1))
    est = estimate_as_of(db, DAY)
    assert est.workload_points == 50 + 109.5  # half of 219
    assert est.caseload_count == 3  # a case waiting on a warrant is still held
    set_weighting(db, "share.unpaid_work_only", 100, date(2026, 6, 1))
    assert estimate_as_of(db, DAY).workload_points == 50 + 109.5 + 115


def test_a_case_past_its_expected_end_date_scores_as_an_overdue_termination(db):
    # The case: an end date of 30 June, never closed, still scored 115 in November.
    add(db, "C01", "community", "B2", expected_end_date=date(2026, 6, 30))
    assert estimate_as_of(db, date(2026, 6, 30)).workload_points == 115  # its last day
    after = estimate_as_of(db, date(2026, 7, 1))
    assert after.workload_points == 0 and after.cases[0].state == "overdue_termination"
    november = estimate_as_of(db, date(2026, 11, 27))
    assert november.workload_points == 0 and november.caseload_count == 1
    set_weighting(db, "share.overdue_termination", 40, date(2026, 11, 1))
    assert estimate_as_of(db, date(2026, 11, 27)).workload_points == 46  # 40% of 115


def test_other_grade_has_no_capacity_figure_until_hours_are_given(db):
    add(db, "C01", "community", "B2")
    save_profile(db, Profile("other", None))
    est = estimate_as_of(db, DAY)
    assert est.capacity_percent is None and est.no_capacity_reason == "grade_hours"
    assert est.caseload_count == 1
    save_profile(db, Profile("other", 30), effective_from=DAY, today=DAY)
    assert estimate_as_of(db, DAY).capacity_percent == Decimal("6.5")  # 115 of 1764


def test_edited_weightings_change_history_only_from_their_date(db):
    add(db, "C01", "community", "B2")
    set_weighting(db, "tier.community.B2", 120, date(2026, 3, 1))
    assert estimate_as_of(db, date(2026, 2, 27)).workload_points == 115
    assert estimate_as_of(db, date(2026, 3, 6)).workload_points == 120
    restore_defaults(db, date(2026, 4, 1))
    assert estimate_as_of(db, date(2026, 3, 6)).workload_points == 120
    assert estimate_as_of(db, date(2026, 4, 3)).workload_points == 115
    assert weightings_as_of(db, date(2026, 4, 3)) == published_defaults()


def test_edited_nominal_target_moves_available_points(db):
    add(db, "C01", "community", "A3")
    set_weighting(db, "nominal_target", 2000, date(2026, 1, 1))
    assert estimate_as_of(db, DAY).available_points == 2000


@pytest.mark.parametrize("key, value", [("tier.licence.A3", -1), ("report.standard", 12.5),
                                        ("share.warrant", 150), ("tier.nope.A3", 10),
                                        ("nominal_target", "lots"), ("default_hours", 0)])
def test_weighting_edits_are_validated(db, key, value):
    with pytest.raises(ValidationError):
        set_weighting(db, key, value, DAY)
    assert weightings_as_of(db, DAY) == published_defaults()


def test_published_defaults_match_the_2021_table():
    w = published_defaults()
    assert w.points_for("community", "A3") == 206
    assert w.points_for("licence", "B2") == 132
    assert w.points_for("custody", "C1") == 23
    assert w.points_for("licence", "A3", t2a=True) == 75
    assert w.points_for("community", "A3S") == 0 and w.points_for("licence", "untiered") == 0
    assert w.report_points == {"standard": 138, "fast": 65}
    assert (w.nominal_target, w.default_hours) == (2176, 37)
    assert (w.warrant_share, w.unpaid_work_share, w.overdue_share) == (0, 0, 0)
    assert w.tier_points["t2a"] == w.tier_points["custody"]  # the 2021 seed copies custody
    assert w.label == "2021 published defaults; your service may use newer values"


@pytest.mark.parametrize("count, band", [(39, "C1"), (40, "C2"), (49, "C2"), (50, "C3"),
                                         (60, "C3"), (61, "C4")])
def test_caseload_bands_full_time(count, band):
    assert caseload_band(count, 50) == band


def test_protected_ceiling_replaces_the_reference(db):
    save_profile(db, Profile("PO", 37.0, protected_ceiling=30))
    for n in range(37):  # 37 / 30 = 1.23 > 1.2
        add(db, f"C{n:02d}", "community", "D1")
    est = estimate_as_of(db, DAY)
    assert est.caseload_reference_is_ceiling and est.caseload_band == "C4"


def test_capacity_rounds_halves_up_never_down():
    assert capacity_of(585, 2000) == Decimal("29.3")  # 29.25 exactly; round() would give 29.2
    assert capacity_of(2409, 2176) == Decimal("110.7")  # 110.707…


def test_hours_round_to_the_nearest_half_hour_with_halves_up():
    assert [to_half_hour(h) for h in (0.24, 0.25, 3.72, 3.75, 4.0)] == [0.0, 0.5, 3.5, 4.0, 4.0]


def test_what_if_says_how_the_band_would_move(db):
    # 10 licence A3 (2190) + community B3 (146) = 2336 of 2176 -> 107.4% (Stretched).
    # Another licence A3 adds 219: 2555 -> 117.4% (Over capacity); 219 / 58.81 = 3.72 -> 3.5 hours.
    for n in range(10):
        add(db, f"L{n}", "licence", "A3")
    add(db, "B3", "community", "B3")
    result = what_if(db, "licence", "A3", day=DAY)
    assert (result.before.capacity_percent, result.after.capacity_percent) == (Decimal("107.4"), Decimal("117.4"))
    assert what_if_sentence(result) == (
        "If you took another licence case at tier A3, the estimate would move from stretched "
        "to over capacity, about 3.5 more hours a week."
    )
    assert estimate_as_of(db, DAY).caseload_count == 11  # nothing was saved


def test_what_if_refuses_an_unknown_tier(db):
    with pytest.raises(ValidationError):
        what_if(db, "licence", "Z9", day=DAY)


@pytest.mark.parametrize("capacity, band", [(94.9, "W1"), (95.0, "W2"), (100.0, "W2"),
                                            (100.1, "W3"), (110.0, "W3"), (110.1, "W4"),
                                            (120.0, "W4"), (120.1, "W5"), (None, None)])
def test_weighted_band_edges(capacity, band):
    assert workload_band(capacity) == band


def test_what_if_says_a_band_that_stays_in_lower_case_mid_sentence(db):
    """It said "the estimate would stay at Over capacity"."""
    from core.workload.wording import W_HEADLINES

    for n in range(14):
        add(db, f"L{n}", "licence", "A3")
    result = what_if(db, "licence", "A3", day=DAY)
    sentence = what_if_sentence(result)
    assert "would stay at " in sentence
    assert not any(band in sentence for band in W_HEADLINES.values())
    assert any(f"stay at {band.lower()}," in sentence for band in W_HEADLINES.values())


def test_hours_already_set_but_no_cases_asks_only_for_cases(db):
    """`status` with a profile and no cases said "Add your cases and hours"."""
    from core.workload.wording import workload_words

    save_profile(db, Profile(grade="PO", contracted_hours=Decimal("30")))
    body = workload_words(estimate_as_of(db, DAY)).body
    assert body.endswith("Add your cases to see the estimate.") and "hours" not in body
