"""Write a synthetic ten-year dataset for the benchmarks: ~600 cases, 50,000 time entries.

Usage: .venv/bin/python benchmarks/generate_dataset.py DIR [--years 10] [--cases 600]
       [--entries 50000] [--seed 2016] [--today YYYY-MM-DD]

Everything goes through the app's own store functions, except the time entries, which are
inserted in one transaction into the same migrated table (logging 50,000 entries one by one,
each checked for overlaps, would take minutes and measure nothing the practitioner does).
Same seed and `--today`, same data. References are C001, C002, ...; nothing identifies anyone.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlite_utils import Database  # noqa: E402

from core.time.activities import list_activities  # noqa: E402
from core.supervision.agenda import add_agenda_item  # noqa: E402
from core.time.bank_holidays import bank_holiday_name  # noqa: E402
from core.caseload.cases import CaseStore  # noqa: E402
from core.store.database import is_empty, open_database  # noqa: E402
from core.caseload.models import FLAGS, Case, Profile, Reduction  # noqa: E402
from core.workload.official import record_official  # noqa: E402
from core.store.paths import database_path, ensure_private_dir  # noqa: E402
from core.workload.profile import save_profile  # noqa: E402
from core.workload.reductions import add_reduction, add_report  # noqa: E402
from core.supervision.meeting import record_session  # noqa: E402
from core.supervision.sessions import Action, Session, set_action_status  # noqa: E402
from core.workload.weightings import set_weighting  # noqa: E402
from core.time.working_week import LeaveDay, add_leave  # noqa: E402

TYPES = ("community", "licence", "custody")
TYPE_WEIGHTS = (55, 30, 15)
LETTER_WEIGHTS = {"A": 1, "B": 2, "C": 5, "D": 5}
CHANGE_WEIGHTS = {"3": 1, "2": 3, "1": 5, "0": 2}
CASE_ACTIVITIES = ("appointment", "home_visit", "assessment", "court_report", "parole_recall",
                   "mappa", "one_to_one")
OTHER_ACTIVITIES = ("recording", "travel", "duty", "covering", "training")
NOTES = ("", "", "", "", "rearranged", "did not attend", "by phone", "review due", "carry over")
AGENDA_TEXTS = {
    "workload": "The estimate has been high for a few weeks; two reports land together.",
    "going_well": "A three-way meeting unblocked an accommodation plan.",
    "request": "Protected time for report writing next month.",
    "learning": "Would like the domestic abuse refresher this year.",
    "wellbeing": "Tired after a heavy month.",
}


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _tier(rng: random.Random, case_type: str) -> str:
    change = _pick(rng, CHANGE_WEIGHTS)
    if case_type != "community" and change == "0":
        change = "1"
    return _pick(rng, LETTER_WEIGHTS) + change


def plan_cases(rng: random.Random, first: date, today: date, total: int) -> list[Case]:
    """Week by week, keep 45-55 cases open: close those whose time is up, allocate new ones.

    The mean length of a case is chosen so that about `total` cases pass through."""
    weeks = max(1, (today - first).days // 7)
    mean_weeks = max(4.0, 50 * weeks / max(1, total - 50))
    cases: list[Case] = []
    open_until: list[tuple[Case, date]] = []
    day = first
    while day <= today:
        open_until = [(c, end) for c, end in open_until if end > day]
        target = rng.randint(45, 55)
        while len(open_until) < target:
            case_type = rng.choices(TYPES, weights=TYPE_WEIGHTS)[0]
            start = day - timedelta(days=rng.randint(0, 6)) if cases else day - timedelta(days=7)
            length = int(rng.triangular(0.3 * mean_weeks, 1.7 * mean_weeks, mean_weeks) * 7)
            end = start + timedelta(days=max(14, length))
            case = Case(
                reference=f"C{len(cases) + 1:03d}", case_type=case_type,
                tier=_tier(rng, case_type), start_date=start, t2a=rng.random() < 0.1,
                expected_end_date=start + timedelta(weeks=rng.choice([52, 78, 104])),
                flags=tuple(sorted(f for f in FLAGS if rng.random() < 0.15)),
                mappa_level=rng.choice([None] * 8 + [1, 1, 2]),
            )
            if end < today:
                case.closed_date = end
                case.close_reason = rng.choice(["completed"] * 4 + ["transferred", "recalled"])
            elif rng.random() < 0.3:
                case.next_review_due = today + timedelta(days=rng.randint(3, 90))
            cases.append(case)
            open_until.append((case, end if end < today else date.max))
        day += timedelta(weeks=1)
    return cases


def add_cases(db: Database, rng: random.Random, first: date, today: date, total: int) -> int:
    """Store the cases, then give about a third of them a later tier change (risk moved)."""
    store = CaseStore(db)
    store.add_cases(plan_cases(rng, first, today, total))
    changes = 0
    for case in store.list_cases("all"):
        last_day = (case.closed_date or today) - timedelta(days=1)
        if rng.random() < 0.35 and (last_day - case.start_date).days > 30:
            case.tier = _tier(rng, case.case_type)
            case.tier_date = case.start_date + timedelta(
                days=rng.randint(14, (last_day - case.start_date).days))
            if case.tier != case.tier_history[-1].tier:
                store.update_case(case)
                changes += 1
    return changes


def working_days(first: date, today: date, leave: set[date]) -> list[date]:
    days, day = [], first
    while day < today:
        if day.weekday() < 5 and not bank_holiday_name(day) and day not in leave:
            days.append(day)
        day += timedelta(days=1)
    return days


def add_leave_days(db: Database, rng: random.Random, first: date, today: date) -> set[date]:
    """Five weeks of annual leave a year (a fortnight in summer, the rest in single weeks)."""
    leave: set[date] = set()
    for year in range(first.year, today.year + 1):
        for month, days in ((rng.choice([7, 8]), 10), (rng.choice([3, 4, 5]), 5),
                            (rng.choice([10, 11]), 5), (12, 5)):
            start = date(year, month, rng.randint(1, 14))
            start -= timedelta(days=start.weekday())
            picked = [start + timedelta(days=i + 2 * (i // 5)) for i in range(days)]
            for day in picked:
                if first <= day < today and day.weekday() < 5 and not bank_holiday_name(day):
                    add_leave(db, LeaveDay(day, "annual leave"))
                    leave.add(day)
    return leave


def add_time_entries(db: Database, rng: random.Random, days: list[date], total: int) -> int:
    """`total` entries spread over the working days, each day cut into back-to-back blocks."""
    by_key = {a.key: a.id for a in list_activities(db, include_hidden=True)}
    spans = [(r["id"], r["start_date"], r["closed_date"] or "9999-12-31")
             for r in db.query("SELECT id, start_date, closed_date FROM cases")]
    per_day = total / max(1, len(days))
    rows: list[dict[str, object]] = []
    for index, day in enumerate(days):
        count = int(per_day * (index + 1)) - int(per_day * index)
        if count < 1:
            continue
        iso = day.isoformat()
        active = [cid for cid, start, end in spans if start <= iso < end]
        begin = rng.choice([510, 525, 540, 555])
        length = rng.choice([420, 435, 450, 465, 480, 510, 540])
        cuts = sorted(rng.sample(range(1, max(count, length // 5)), count - 1)) if count > 1 else []
        edges = [0] + [c * 5 for c in cuts] + [length]
        edges = [min(e, 20 * 60 - begin) for e in edges]
        for a, b in zip(edges, edges[1:]):
            if b <= a:
                continue
            with_case = active and rng.random() < 0.55
            key = rng.choice(CASE_ACTIVITIES if with_case else OTHER_ACTIVITIES)
            rows.append({
                "date": iso, "start": f"{(begin + a) // 60:02d}:{(begin + a) % 60:02d}",
                "end": f"{(begin + b) // 60:02d}:{(begin + b) % 60:02d}", "minutes": b - a,
                "activity_id": by_key[key], "case_id": rng.choice(active) if with_case else None,
                "note": rng.choice(NOTES) if with_case else "",
            })
    with db.atomic():
        db["time_entries"].insert_all(rows, batch_size=1000)
    return len(rows)


def add_workload_history(db: Database, rng: random.Random, first: date, today: date) -> None:
    """Reductions, court reports, a weightings edit and an official figure for every week."""
    for year in range(first.year, today.year + 1):
        start = max(first, date(year, rng.randint(1, 6), 1))
        if start < today:
            add_reduction(db, Reduction("Court duty", start, start + timedelta(weeks=20),
                                        hours_per_week=3.0), 37.0)
    add_reduction(db, Reduction("Trade union facility time", first + timedelta(weeks=100),
                                first + timedelta(weeks=160), percent=10.0), 37.0)
    day = first
    while day < today:
        add_report(db, rng.choice(["standard", "fast", "fast"]), day)
        day += timedelta(days=rng.randint(7, 21))
    set_weighting(db, "tier.community.B2", 120, first + timedelta(weeks=260), today=today)
    percent, day = 112.0, first + timedelta(days=4 - first.weekday())
    while day < today:
        percent = min(140.0, max(90.0, percent + rng.uniform(-3, 3)))
        record_official(db, day, round(percent, 1), today=today)
        day += timedelta(weeks=1)


def add_supervision(db: Database, rng: random.Random, first: date, today: date) -> int:
    """A session every four to six weeks, agenda notes between, actions carried and closed."""
    held, sessions = first + timedelta(weeks=4), 0
    while held < today:
        for kind, text in AGENDA_TEXTS.items():
            if rng.random() < 0.6:
                add_agenda_item(db, kind, text, today=held - timedelta(days=rng.randint(1, 20)))
        session = Session(
            held_on=held, with_whom="SPO", agreed="Review allocations next month.",
            actions=[Action("Book protected time for report writing", "Practitioner",
                            held + timedelta(days=14)),
                     Action("Raise the duty rota with the team manager", "SPO",
                            held + timedelta(days=21))])
        record_session(db, session, today=held)
        if held + timedelta(days=14) < today:
            set_action_status(db, session.actions[0].id, "done", held + timedelta(days=10))
        sessions += 1
        held += timedelta(weeks=rng.randint(4, 6))
    return sessions


def generate(directory: Path, years: int = 10, cases: int = 600, entries: int = 50_000,
             seed: int = 2016, today: date | None = None) -> dict[str, int]:
    """Write the dataset into `directory` (which must not hold data yet); returns counts."""
    today = today or date.today()
    first = today - timedelta(days=round(365.25 * years))
    rng = random.Random(seed)
    ensure_private_dir(directory)
    db = open_database(database_path(directory))
    try:
        if not is_empty(db):
            raise SystemExit(f"{directory} already holds data; choose an empty folder.")
        save_profile(db, Profile(grade="PO", contracted_hours=37.0))
        tier_changes = add_cases(db, rng, first, today, cases)
        leave = add_leave_days(db, rng, first, today)
        logged = add_time_entries(db, rng, working_days(first, today, leave), entries)
        add_workload_history(db, rng, first, today)
        sessions = add_supervision(db, rng, first, today)
        active = len(CaseStore(db).list_cases("active"))
        total = db["cases"].count
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return {"cases": total, "active": active, "tier_changes": tier_changes,
            "time_entries": logged, "leave_days": len(leave), "sessions": sessions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("dir", type=Path, help="an empty folder for the data")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the last day of the data (default: today)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    counts = generate(args.dir, args.years, args.cases, args.entries, args.seed, args.today)
    took = time.perf_counter() - began
    print(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items())
          + f"; written to {database_path(args.dir)} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
