"""How long two years of weekly history takes for a 50-case caseload (target: well under 50 ms).

Run: .venv/bin/python benchmarks/bench_estimate.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.caseload.cases import CaseStore  # noqa: E402
from core.store.database import open_database  # noqa: E402
from core.workload.estimate import load_inputs  # noqa: E402
from core.workload.history import weekly_history  # noqa: E402
from core.caseload.models import SUPERVISED_TIERS, Case, Profile, Reduction  # noqa: E402
from core.workload.profile import save_profile  # noqa: E402
from core.workload.reductions import add_reduction, add_report  # noqa: E402
from core.workload.weightings import set_weighting  # noqa: E402

TODAY = date(2026, 11, 27)
TARGET_MS = 50.0


def build() -> object:
    """50 active cases (plus 20 closed), tier changes, reductions, reports and a weightings edit."""
    rng = random.Random(7)
    db = open_database(None)
    save_profile(db, Profile("PO", 37.0))
    store = CaseStore(db)
    cases = [
        Case(f"C{n:02d}", rng.choice(["community", "licence", "custody"]),
             rng.choice(SUPERVISED_TIERS), TODAY - timedelta(days=rng.randint(7, 730)),
             t2a=rng.random() < 0.1)
        for n in range(70)
    ]
    store.add_cases(cases)
    for case in store.list_cases("all")[:20]:
        closed = min(case.start_date + timedelta(days=60), TODAY - timedelta(days=1))
        store.close_case(case.id, closed, "completed")
    for case in store.list_cases("active")[:15]:
        case.tier, case.tier_date = rng.choice(SUPERVISED_TIERS), TODAY - timedelta(days=5)
        store.update_case(case)
    add_reduction(db, Reduction("Court duty", TODAY - timedelta(weeks=60), hours_per_week=3.0), 37)
    for weeks_ago in range(1, 100, 3):
        add_report(db, "standard", TODAY - timedelta(weeks=weeks_ago))
    set_weighting(db, "tier.community.B2", 120, TODAY - timedelta(weeks=30))
    return db


def main() -> int:
    db = build()
    load = []
    compute = []
    for _ in range(20):
        start = time.perf_counter()
        inputs = load_inputs(db)
        middle = time.perf_counter()
        weeks = weekly_history(inputs, TODAY, weeks=104)
        end = time.perf_counter()
        load.append((middle - start) * 1000)
        compute.append((end - middle) * 1000)
    assert len(weeks) == 104 and weeks[-1].estimate.caseload_count == 50
    total = [a + b for a, b in zip(load, compute)]
    print(f"104 weeks, 50 active cases: load {statistics.median(load):.1f} ms, "
          f"compute {statistics.median(compute):.1f} ms, total {statistics.median(total):.1f} ms "
          f"(median of 20; target under {TARGET_MS:g} ms)")
    return 0 if statistics.median(total) < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
