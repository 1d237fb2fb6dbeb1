"""Synthetic time entries for the demo: about twelve weeks of plausible probation working days."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlite_utils import Database

from core.time.activities import list_activities
from core.time.bank_holidays import bank_holiday_name
from core.caseload.cases import CaseStore
from core.time.time_entries import TimeEntry, TimeStore
from core.time.working_week import LeaveDay, add_leave

# Activity key -> weight for a block of the day; court duty and own supervision are scheduled.
_WEIGHTS = {
    "appointment": 30,
    "recording": 22,
    "home_visit": 6,
    "assessment": 6,
    "court_report": 6,
    "travel": 7,
    "mappa": 4,
    "parole_recall": 4,
    "duty": 4,
    "covering": 3,
    "one_to_one": 3,
    "training": 2,
}
_WITH_CASE = {
    "appointment",
    "home_visit",
    "assessment",
    "court_report",
    "parole_recall",
    "mappa",
    "one_to_one",
}
_NOTES = (
    "",
    "",
    "",
    "",
    "rearranged",
    "did not attend",
    "joint with police",
    "by phone",
    "review due",
    "carry over",
)


def _day_blocks(rng: random.Random, minutes_target: int) -> list[tuple[str, int]]:
    keys = list(_WEIGHTS)
    blocks, total = [], 0
    while total < minutes_target:
        key = rng.choices(keys, weights=[_WEIGHTS[k] for k in keys])[0]
        length = rng.choice(
            [15, 30, 30, 45, 45, 60, 60, 90, 120] if key != "travel" else [20, 30, 45]
        )
        length = min(length, max(15, minutes_target - total))
        blocks.append((key, length))
        total += length
    return blocks


def fill_time_demo(db: Database, today: date, rng: random.Random) -> None:
    """Twelve weeks of working days up to yesterday, with some leave, long days and gaps."""
    by_key = {a.key: a.id for a in list_activities(db, include_hidden=True) if a.id is not None}
    cases = CaseStore(db).list_cases("all")
    store = TimeStore(db)
    monday = today - timedelta(days=today.weekday(), weeks=11)
    leave_week = monday + timedelta(weeks=5)
    for offset in range(5):
        add_leave(db, LeaveDay(leave_week + timedelta(days=offset), "annual leave"))
    add_leave(db, LeaveDay(monday + timedelta(weeks=8, days=3), "sickness"))
    day = monday
    while day < today:
        if (
            day.weekday() >= 5
            or bank_holiday_name(day)
            or leave_week <= day < leave_week + timedelta(days=5)
        ):
            day += timedelta(days=1)
            continue
        if day == monday + timedelta(weeks=8, days=3):
            day += timedelta(days=1)
            continue
        long_day = rng.random() < 0.3
        target = rng.choice([480, 510, 540, 570]) if long_day else rng.choice([420, 435, 450, 465])
        cursor = rng.choice([8 * 60 + 30, 8 * 60 + 45, 9 * 60, 9 * 60 + 15])
        plan = _day_blocks(rng, target)
        if day.weekday() == 2:  # court duty on Wednesday mornings, as the demo's reduction says
            plan = [("court_duty", 180)] + plan[: max(1, len(plan) - 4)]
        if day.weekday() == 4 and day.day <= 7:  # own supervision, first Friday of the month
            plan.insert(1, ("own_supervision", 60))
        active = [c for c in cases if c.is_active_on(day)]
        for index, (key, minutes) in enumerate(plan):
            if index == 3:
                cursor += 30  # lunch
            elif rng.random() < 0.06:
                cursor += rng.choice([45, 60, 75, 95])  # some unlogged time, shown as a gap to fill
            end = min(cursor + minutes, 20 * 60)
            if end - cursor < 5:
                break
            case = rng.choice(active) if key in _WITH_CASE and active else None
            store.log_time(
                TimeEntry(
                    date=day,
                    minutes=end - cursor,
                    activity_id=by_key[key],
                    start=time(cursor // 60, cursor % 60),
                    end=time(end // 60, end % 60),
                    case_id=case.id if case else None,
                    note=rng.choice(_NOTES) if case else "",
                ),
                today=today,
            )
            cursor = end
        day += timedelta(days=1)
