"""The Ministry of Justice's own test cases for the WMT, rebuilt in the app with their expected values.

Each test names the file it comes from (repository and path). Where the app holds cases one by
one, a case count in the MoJ's test becomes that many cases; where the MoJ's test sets its own
weightings, the app is given the same values through Settings' dated weightings. Cases the app
deliberately models differently are listed, with the reason, in docs/wmt-differences.md (and
`test_every_deliberate_difference_is_written_down` below keeps that list honest).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import SUPERVISED_TIERS, Case, Profile, Reduction
from core.workload.estimate import estimate_as_of
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction, add_report
from core.workload.weightings import WEIGHTING_COLUMNS, published_defaults, set_weightings

DAY = date(2026, 6, 5)  # a Friday
START = date(2026, 1, 5)
EDITED = date(2026, 1, 1)  # weightings edited from before every case starts
RULES = "ministryofjustice/wmt-probation-rules"
WORKLOAD = "ministryofjustice/hmpps-workload"
DOCS = Path(__file__).resolve().parents[3] / "docs" / "wmt-differences.md"

_counter = iter(range(1, 100000))


def _cases(db, count, case_type="community", tier="A3", t2a=False, state="supervised",
           end=None):
    store = CaseStore(db)
    store.add_cases([Case(f"M{next(_counter)}", case_type, tier, START, t2a=t2a, state=state,
                          expected_end_date=end) for _ in range(count)])


def _points(db) -> Fraction:
    return estimate_as_of(db, DAY).workload_points


def _available(db, hours, reduction=None, grade="PO", nominal=None, default_hours=None):
    values = {}
    if nominal is not None:
        values["nominal_target"] = nominal
    if default_hours is not None:
        values["default_hours"] = default_hours
    if values:
        set_weightings(db, values, EDITED, today=EDITED)
    save_profile(db, Profile(grade, hours), today=EDITED)
    if reduction is not None:
        add_reduction(db, Reduction("Court duty", START, hours_per_week=reduction), hours)
    _cases(db, 1)
    return estimate_as_of(db, DAY).available_points


# --- wmt-probation-rules test/unit/points/test-calculate-points-for-tier.js ------------------
# TierCounts(total, warrants, unpaidWork, overdueTermination, ...) at `points` a case, with
# CaseTypeWeightings(warrants, unpaidWork, overdueTermination) as the share each state keeps. The
# inactive shares are subtracted for young-adult (T2A) cases (subtractInactiveCases = true).
POINTS_FOR_TIER = f"{RULES}: test/unit/points/test-calculate-points-for-tier.js"


def _t2a_tier(db, points, shares, supervised, warrants=0, unpaid=0, overdue=0):
    set_weightings(db, {"tier.t2a.B2": points, "share.warrant": shares[0],
                        "share.unpaid_work_only": shares[1],
                        "share.overdue_termination": shares[2]}, EDITED, today=EDITED)
    _cases(db, supervised, tier="B2", t2a=True)
    _cases(db, warrants, tier="B2", t2a=True, state="warrant")
    _cases(db, unpaid, tier="B2", t2a=True, state="unpaid_work_only")
    _cases(db, overdue, tier="B2", t2a=True, end=DAY - timedelta(days=1))


def test_points_for_tier_multiplies_the_case_count_by_the_tier_points(db):
    """POINTS_FOR_TIER: 'multiplies total case count for a tier with the points for that tier'."""
    _t2a_tier(db, 10, (100, 100, 100), supervised=10)
    assert _points(db) == 100


@pytest.mark.parametrize("state_counts, shares, expected", [
    # 'reduces the tierPoints by the warrants weighting …': 10 warrants, weighting 0
    ({"warrants": 10}, (0, 100, 100), 0),
    # 'reduces the tierPoints by the unpaidWork weighting …': 10 unpaid work, weighting 0
    ({"unpaid": 10}, (100, 0, 100), 0),
    # 'reduces the tierPoints by the overdueTermination weighting …': 10 overdue, weighting 0
    ({"overdue": 10}, (100, 100, 0), 0),
])
def test_points_for_tier_takes_off_each_inactive_state(db, state_counts, shares, expected):
    """POINTS_FOR_TIER: each inactive state at weighting 0 takes its cases' points off."""
    _t2a_tier(db, 10, shares, supervised=0, **state_counts)
    assert _points(db) == expected


def test_points_for_tier_reduces_by_each_case_type(db):
    """POINTS_FOR_TIER: 'reduces the tierPoints by each case type' (7 of 10 at 1 point)."""
    _t2a_tier(db, 1, (0, 0, 0), supervised=7, warrants=1, unpaid=1, overdue=1)
    assert _points(db) == 7


def test_points_for_tier_reduces_by_each_case_type_with_decimal_numbers(db):
    """POINTS_FOR_TIER: '… when decimal numbers are used': weightings 75/50/50 give 8.75."""
    _t2a_tier(db, 1, (75, 50, 50), supervised=7, warrants=1, unpaid=1, overdue=1)
    assert _points(db) == Fraction("8.75")


# --- wmt-probation-rules test/unit/points/test-calculate-points-for-workload.js --------------
# The whole-workload fixture (test/helpers/points-helper.js): in each of community, custody and
# licence, tiers worth 1 to 16 points with 8 cases each. The ordinary (filtered) counts are the
# active cases; the young-adult (T2A) counts hold 1 warrant, 2 unpaid work and 3 overdue among
# their 8, with weightings warrants 0, unpaid work 100, overdue 0. Plus 7 SDR conversions at 5.
def test_whole_workload_fixture_tier_and_report_points(db):
    """wmt-probation-rules: test/unit/points/test-calculate-points-for-workload.js (and the helper
    test/helpers/points-helper.js): the tier points and the SDR conversion points; ARMS, parole
    and monthly SDR points are not in the app (docs/wmt-differences.md)."""
    values = {f"tier.{col}.{tier}": n for col in WEIGHTING_COLUMNS
              for n, tier in enumerate(SUPERVISED_TIERS, start=1)}
    values |= {"share.warrant": 0, "share.unpaid_work_only": 100,
               "share.overdue_termination": 0, "report.standard": 5}
    set_weightings(db, values, EDITED, today=EDITED)
    for case_type in ("community", "custody", "licence"):
        for tier in SUPERVISED_TIERS:
            _cases(db, 8, case_type, tier)
            _cases(db, 2, case_type, tier, t2a=True)
            _cases(db, 1, case_type, tier, t2a=True, state="warrant")
            _cases(db, 2, case_type, tier, t2a=True, state="unpaid_work_only")
            _cases(db, 3, case_type, tier, t2a=True, end=DAY - timedelta(days=1))
    for _ in range(7):
        add_report(db, "standard", DAY - timedelta(days=3))
    expected = 0
    for i in range(1, 17):  # the MoJ's own loop
        expected += 8 * i
        expected += (8 * i) - (1 * i * 1) - (2 * i * 0) - (3 * i * 1)
    expected = expected * 3 + 7 * 5
    assert _points(db) == expected


# --- wmt-probation-rules test/unit/points/test-calculate-sdr-conversion-points.js ------------
def test_sdr_conversion_points(db):
    """wmt-probation-rules: test/unit/points/test-calculate-sdr-conversion-points.js: 20 × 30 = 600."""
    set_weightings(db, {"report.standard": 30}, EDITED, today=EDITED)
    for n in range(20):
        add_report(db, "standard", DAY - timedelta(days=n))
    assert _points(db) == 600


# --- wmt-probation-rules test/unit/points/test-calculate-available-points.js -----------------
# nominalTarget 7, contractedHoursPerWeek 40, hoursReduction 0, DefaultContractedHours(12, 7, 0):
# 12 hours for PSO bands, 7 for other supported grades, 0 for SPO.
AVAILABLE = f"{RULES}: test/unit/points/test-calculate-available-points.js"


def test_available_points_for_a_pso(db):
    """AVAILABLE: 'returns default PSO contracted hours …' = 23 (7 × 40 / 12, truncated)."""
    assert _available(db, 40, grade="PSO", nominal=7, default_hours=12) == 23


def test_available_points_for_another_supported_grade(db):
    """AVAILABLE: '… offender manager type ID is an unexpected number' = 40 (7 × 40 / 7)."""
    assert _available(db, 40, grade="PO", nominal=7, default_hours=7) == 40


def test_available_points_with_no_contracted_hours_use_the_default(db):
    """AVAILABLE: 'uses defaultContractedHoursForBand when contractedHoursPerWeek is not
    provided' = 7 (the PSO default of 12 hours)."""
    assert _available(db, None, grade="PSO", nominal=7, default_hours=12) == 7


def test_available_points_for_an_unsupported_grade_are_nought(db):
    """AVAILABLE: 'returns 0 when offender manager type ID is UNSUPPORTED'. The app's "other"
    grade has no default hours either: no available points and no capacity figure."""
    save_profile(db, Profile("other", None), today=EDITED)
    _cases(db, 1)
    est = estimate_as_of(db, DAY)
    assert est.available_points == 0 and est.capacity_percent is None


# --- wmt-probation-rules test/unit/points/test-calculate-contracted-hours.js -----------------
def test_contracted_hours_default_when_none_are_given(db):
    """wmt-probation-rules: test/unit/points/test-calculate-contracted-hours.js: 'uses
    defaultContractedHoursForBand when contractedHoursPerWeek is not provided' → baseHours 12."""
    set_weightings(db, {"default_hours": 12}, EDITED, today=EDITED)
    save_profile(db, Profile("PSO", None), today=EDITED)
    _cases(db, 1)
    assert estimate_as_of(db, DAY).contracted_hours == 12


def test_contracted_hours_as_given(db):
    """wmt-probation-rules: test/unit/points/test-calculate-contracted-hours.js: 'returns default PSO
    contracted hours …' → baseHours 7 when 7 are given."""
    save_profile(db, Profile("PSO", 7), today=EDITED)
    _cases(db, 1)
    assert estimate_as_of(db, DAY).contracted_hours == 7


def test_contracted_hours_spo_has_no_figure(db):
    """wmt-probation-rules: test/unit/points/test-calculate-contracted-hours.js: SPO's default hours are
    0, so no available points (the app: no capacity figure for a senior probation officer)."""
    save_profile(db, Profile("SPO", None), today=EDITED)
    _cases(db, 1)
    est = estimate_as_of(db, DAY)
    assert est.available_points == 0 and est.no_capacity_reason == "grade"


# --- wmt-probation-rules test/unit/points/test-calculate-nominal-target.js -------------------
@pytest.mark.parametrize("grade", ["PO", "PSO", "PQiP"])
def test_nominal_target_is_the_published_one_for_each_grade(db, grade):
    """wmt-probation-rules: test/unit/points/test-calculate-nominal-target.js picks the PSO or PO target
    by grade; the seed (hmpps-workload V1_1__SEED_REF_DATA.sql) sets both to 2176."""
    assert _available(db, 37, grade=grade) == 2176


# --- hmpps-workload src/test/kotlin/…/service/CapacityCalculatorTest.kt -----------------------
CAPACITY = f"{WORKLOAD}: src/test/kotlin/uk/gov/justice/digital/hmpps/hmppsworkload/service/" \
           "CapacityCalculatorTest.kt"


@pytest.mark.parametrize("hours, expected", [(37, 2070), (30, 1658)])
def test_capacity_calculator_available_points(db, hours, expected):
    """CAPACITY: 2176 points, 37 default hours, 1.8 hours of reductions."""
    assert _available(db, hours, reduction=Decimal("1.8")) == expected


# --- hmpps-workload src/test/kotlin/…/service/WorkloadCalculatorTests.kt ----------------------
CALCULATOR = f"{WORKLOAD}: src/test/kotlin/uk/gov/justice/digital/hmpps/hmppsworkload/service/" \
             "WorkloadCalculatorTests.kt"


def test_workload_calculator_sums_cases_by_tier_type_and_t2a(db):
    """CALCULATOR: 'must sum all cases depending on their tier, category and whether they are
    T2A or not': 10 T2A community B2 at 10 points and 5 custody C1 at 2 points."""
    set_weightings(db, {"tier.t2a.B2": 10, "tier.custody.C1": 2}, EDITED, today=EDITED)
    _cases(db, 10, "community", "B2", t2a=True)
    _cases(db, 5, "custody", "C1")
    assert _points(db) == 10 * 10 + 2 * 5


def test_workload_calculator_sums_court_reports(db):
    """CALCULATOR: 'must sum all court reports': 7 standard at 10 and 12 fast at 2."""
    set_weightings(db, {"report.standard": 10, "report.fast": 2}, EDITED, today=EDITED)
    for _ in range(7):
        add_report(db, "standard", DAY)
    for _ in range(12):
        add_report(db, "fast", DAY)
    assert _points(db) == 7 * 10 + 12 * 2


# --- hmpps-workload V1_1__SEED_REF_DATA.sql: the published defaults themselves ---------------
def test_seed_t2a_row_and_inactive_weightings():
    """hmpps-workload: src/main/resources/db/migration/V1_1__SEED_REF_DATA.sql: the T2A row holds
    the custody values (75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0) and its
    overdue, warrant and unpaid-work weightings are 0."""
    w = published_defaults()
    seed = (75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0)
    assert tuple(w.tier_points["t2a"][t] for t in SUPERVISED_TIERS) == seed
    assert (w.overdue_share, w.warrant_share, w.unpaid_work_share) == (0, 0, 0)


# --- The cases the app models differently, each written down with its reason -----------------
DIFFERENCES = ("ARMS", "parole", "contact", "filtered", "other grade", "PSO", "untiered",
               "not in your list")


def test_every_deliberate_difference_is_written_down():
    text = DOCS.read_text(encoding="utf-8")
    missing = [word for word in DIFFERENCES if word.lower() not in text.lower()]
    assert not missing, f"docs/wmt-differences.md does not mention: {missing}"


# --- hmpps-workload src/test/kotlin/…/integration/offenderManager/GetImpactForOffenderManager.kt
def test_impact_of_a_custody_b3_case(db):
    """hmpps-workload: src/test/kotlin/uk/gov/justice/digital/hmpps/hmppsworkload/integration/
    offenderManager/GetImpactForOffenderManager.kt, 'must return the impact…': 500 points of 1000
    available (IntegrationTestBase.setupCurrentWmtStaff) is capacity 50; a custody B3 case (59
    points in the seed) makes the potential capacity 55. The allocation tool shows a whole percent,
    dropping the fraction; the app's what-if shows one decimal place (55.9)."""
    from core.workload.what_if import what_if

    set_weightings(db, {"nominal_target": 1000, "tier.community.A3": 500}, EDITED, today=EDITED)
    save_profile(db, Profile("PO", 37), today=EDITED)
    _cases(db, 1, "community", "A3")
    result = what_if(db, "custody", "B3", day=DAY)
    assert result.before.capacity_percent == 50
    assert result.after.workload_points == 559
    assert int(result.after.capacity_percent) == 55
    assert result.after.capacity_percent == Decimal("55.9")
