"""Synthetic demo data: a plausible caseload with history, so the app can be explored safely."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlite_utils import Database

from core.common import clock
from core.caseload.cases import CaseStore
from core.store.database import is_empty
from core.common.dates import friday_of
from core.common.errors import ValidationError
from core.caseload.models import FLAGS, Case, Profile, Reduction
from core.workload.estimate import estimate_as_of, load_inputs
from core.workload.official import record_official
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction, add_report
from core.demo.supervision_demo import fill_supervision_demo
from core.demo.time_demo import fill_time_demo

SEED = 2021  # the HMI bulletin's year; any fixed seed gives the same demo every time

# (case type, share of the caseload); tiers weighted towards the middle, as real caseloads are.
_TYPES = (("community", 0.55), ("licence", 0.30), ("custody", 0.15))
# Weighted so the demo's estimate ends near the 2023-24 national average (about 117-120%).
_TIER_WEIGHTS = {
    "A": 1, "B": 2, "C": 5, "D": 5,
}
_CHANGE_WEIGHTS = {"3": 1, "2": 3, "1": 5, "0": 2}


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _tier(rng: random.Random, case_type: str) -> str:
    change = _pick(rng, _CHANGE_WEIGHTS)
    if case_type != "community" and change == "0":
        change = "1"  # custody and licence cases are never at change level 0
    return _pick(rng, _TIER_WEIGHTS) + change


def _case(rng: random.Random, ref: str, start: date, today: date) -> Case:
    case_type = rng.choices([t for t, _ in _TYPES], weights=[w for _, w in _TYPES])[0]
    flags = tuple(sorted(f for f in FLAGS if rng.random() < 0.18))
    return Case(
        reference=ref,
        case_type=case_type,
        tier=_tier(rng, case_type),
        start_date=start,
        t2a=rng.random() < 0.1,
        expected_end_date=_expected_end(start, rng.choice([52, 78, 104, 156]), today),
        flags=flags,
        mappa_level=rng.choice([None] * 8 + [1, 1, 2]),
        next_report_due=today + timedelta(days=rng.randint(3, 60)) if rng.random() < 0.15 else None,
        next_review_due=today + timedelta(days=rng.randint(3, 90)) if rng.random() < 0.4 else None,
    )


def _expected_end(start: date, weeks: int, today: date) -> date:
    """An open order's end date lies ahead (extended a year at a time, as orders are), so the
    demo's cases are not overdue terminations, which score nothing; one is made so on purpose."""
    end = start + timedelta(weeks=weeks)
    while end <= today + timedelta(weeks=2):
        end += timedelta(weeks=52)
    return end


README_CASE = "C07"
OVERDUE_DAYS = 10  # the demo's one case left open past its expected end date, that many days


def fill_caseload(db: Database, today: date, rng: random.Random) -> None:
    """Profile, ~45 active and ~12 closed cases over two years, tier changes, reductions, reports."""
    # Set up two years ago, when its oldest cases began: a change of hours made today is a
    # change from today, not a correction of the set-up profile.
    save_profile(db, Profile(grade="PO", contracted_hours=Decimal("37.0")), today=today - timedelta(days=730))
    store = CaseStore(db)
    cases = []
    for n in range(1, 58):
        # Most cases began over the last two years; a steady trickle of new ones recently.
        days_ago = int(rng.triangular(7, 720, 120))
        cases.append(_case(rng, f"C{n:02d}", today - timedelta(days=days_ago), today))
    store.add_cases(cases)
    stored = store.list_cases("all")
    # A dozen cases closed over the last twelve weeks, so the caseload has moved.
    closing = rng.sample(stored, 12)
    # C07 is the README's example case (`09:30-10:15 home visit @C07`): it stays open, and the
    # first open case after it closes instead, so the demo keeps its shape.
    keep = next((c for c in closing if c.reference == README_CASE), None)
    if keep is not None:
        closing[closing.index(keep)] = next(c for c in stored[stored.index(keep) + 1:]
                                            if c not in closing)
    for case in closing:
        closed = today - timedelta(days=rng.randint(3, 84))
        if closed > case.start_date and case.id is not None:  # stored: it has its id
            reason = rng.choice(["completed", "completed", "transferred", "recalled"])
            store.close_case(case.id, closed, reason)
    # One case left open past its expected end date: it scores as an overdue termination.
    overdue = next(c for c in store.list_cases("active") if c.reference != README_CASE)
    overdue.expected_end_date = today - timedelta(days=OVERDUE_DAYS)
    store.update_case(overdue)
    # Some tiers changed in the last three months (risk went up or down).
    for case in rng.sample(store.list_cases("active"), 8):
        changed = today - timedelta(days=rng.randint(7, 90))
        if changed > case.start_date:
            case.tier = _tier(rng, case.case_type)
            case.tier_date = changed
            store.update_case(case)
    add_reduction(
        db,
        Reduction("Court duty", today - timedelta(weeks=20), hours_per_week=Decimal("3.0")),
        Decimal("37.0"),
    )
    add_reduction(
        db,
        Reduction(
            "Single point of contact lead",
            today - timedelta(weeks=40),
            end_date=today - timedelta(weeks=8),
            percent=Decimal(5),
        ),
        Decimal("37.0"),
    )
    for weeks_ago in (3, 9, 14):
        add_report(db, "standard", today - timedelta(weeks=weeks_ago, days=rng.randint(0, 3)))
    for weeks_ago in (5, 12):
        add_report(db, "fast", today - timedelta(weeks=weeks_ago, days=rng.randint(0, 3)))


def fill_demo(db: Database, today: date | None = None) -> None:
    """Fill an empty database with the whole demo; refuse one that already holds data."""
    today = today or clock.today()
    if not is_empty(db):
        raise ValidationError(
            "This data folder already holds data. Demo data only goes into an empty folder, "
            "so nothing of yours is mixed with it: use --data-dir with a new folder."
        )
    rng = random.Random(SEED)
    with db.atomic():
        fill_caseload(db, today, rng)
        fill_supervision_demo(db, today, rng)
        fill_time_demo(db, today, rng)
        fill_demo_official(db, today)


def fill_demo_official(db: Database, today: date) -> None:
    """Demo: a few official figures a manager might have given, close to but not equal to the
    estimate (the official tool reads the case management system, not this app)."""
    inputs = load_inputs(db)
    for weeks_ago, offset in ((2, 3.4), (6, -2.1), (10, 4.8)):
        friday = friday_of(today) - timedelta(weeks=weeks_ago)
        capacity = estimate_as_of(inputs, friday).capacity_percent
        if capacity is not None:
            record_official(db, friday, float(capacity) + offset, today)
