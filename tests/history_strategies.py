"""Hypothesis histories for the agreement tests, and how to store one in the app's database.

A history has part-time hours on the 3.7-hour grid (7.4 … 33.3, where band edges fall on whole
cases and binary floats go wrong), cases starting, closing and changing tier on any weekday,
weeks with nothing held, leave weeks (a 100% reduction Monday to Sunday), published reductions
that follow on end to start, and dated profile changes. The same history becomes a
`reference_model.RefHistory` and rows in the database, through the app's public functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from tests.reference_model import RefCase, RefHistory, RefProfile, RefReduction

HOURS = ["7.4", "11.1", "14.8", "18.5", "22.2", "25.9", "29.6", "33.3", None]
START = date(2025, 1, 6)  # a Monday
SPAN_WEEKS = 30
TIERS = ["A3", "B2", "C1", "D1", "D0", "untiered", "A0"]
CASE_TYPES = ["community", "licence", "custody"]


def day_in(first: int = 0, last: int = SPAN_WEEKS * 7 - 1):
    return st.integers(first, last).map(lambda n: START + timedelta(days=n))


@dataclass
class Group:
    """`count` identical cases (a block keeps the database small while reaching band edges)."""

    count: int
    case_type: str
    tier: str
    start: date
    closed: date | None
    change: tuple[date, str] | None
    t2a: bool


@st.composite
def groups(draw, hours: str | None) -> Group:
    reference = Decimal(50) * Decimal(hours or 37) / 37  # whole cases on the 3.7 grid
    edge = draw(st.sampled_from([Decimal("0.8"), Decimal(1), Decimal("1.2")]))
    count = draw(st.one_of(
        st.integers(1, 12),
        st.integers(-1, 1).map(lambda d: max(1, int(reference * edge) + d)),
    ))
    start = draw(day_in())
    closed = draw(st.one_of(st.none(), st.none(), st.integers(0, 70).map(lambda n: start + timedelta(n))))
    change = draw(st.one_of(st.none(), st.tuples(
        st.integers(1, 60).map(lambda n: start + timedelta(n)), st.sampled_from(TIERS))))
    return Group(count, draw(st.sampled_from(CASE_TYPES)), draw(st.sampled_from(TIERS)), start,
                 closed, change, draw(st.booleans()))


def leave_week():
    return st.integers(0, SPAN_WEEKS - 1).map(lambda w: RefReduction(
        START + timedelta(weeks=w), START + timedelta(weeks=w, days=6), percent="100"))


def hours_reduction():
    return st.builds(
        lambda s, length, h: RefReduction(s, None if length is None else s + timedelta(length),
                                          hours=h),
        day_in(), st.one_of(st.none(), st.integers(0, 60)),
        st.sampled_from(["3.7", "7.4", "1.5", "11.1", "0.1"]))


@st.composite
def histories(draw) -> tuple[RefHistory, list[Group], date]:
    """A history, its case blocks, and the day to look from."""
    first_hours = draw(st.sampled_from(HOURS))
    grade = draw(st.sampled_from(["PO", "PO", "PO", "PSO", "SPO"]))
    ceiling = draw(st.one_of(st.none(), st.none(), st.integers(5, 45)))
    profiles = [RefProfile(date.min, first_hours, grade, ceiling)]
    for _ in range(draw(st.integers(0, 2))):
        profiles.append(RefProfile(draw(day_in()), draw(st.sampled_from(HOURS)), grade,
                                   draw(st.one_of(st.none(), st.just(ceiling)))))
    blocks = draw(st.lists(groups(first_hours), min_size=1, max_size=4))
    reductions = draw(st.lists(st.one_of(leave_week(), hours_reduction()), max_size=3))
    if draw(st.booleans()):  # a published reduction and the band that follows it, end to start
        # Often the hand-over day is a Friday, the day a week's figure is taken.
        handover = draw(st.one_of(day_in(26 * 7, SPAN_WEEKS * 7 - 1), st.integers(26, SPAN_WEEKS - 1)
                                  .map(lambda w: START + timedelta(weeks=w, days=4))))
        reductions.append(RefReduction(add_months(handover, -6), None, percent="PQiP"))
    reports = draw(st.lists(st.tuples(st.sampled_from(["standard", "fast"]), day_in()),
                            max_size=3))
    today = draw(day_in(0, SPAN_WEEKS * 7 + 6))
    cases = []
    for g in blocks:
        tiers = [(g.start, g.tier)] + ([g.change] if g.change else [])
        cases += [RefCase(g.start, g.case_type, tiers, g.closed, g.t2a)] * g.count
    history = RefHistory(profiles, cases, [], reports)
    history.reductions = _expand(reductions)
    return history, blocks, today


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, or that month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _expand(reductions: list[RefReduction]) -> list[RefReduction]:
    """A 'PQiP' marker becomes the published first band and the next, which starts the day
    after the first one's last day (6 calendar months, workload-model.md §4)."""
    result = []
    for r in reductions:
        if r.percent == "PQiP":
            following = add_months(r.start, 6)
            result.append(RefReduction(r.start, following - timedelta(days=1), percent="80"))
            result.append(RefReduction(following, add_months(following, 6) - timedelta(days=1),
                                       percent="60"))
        else:
            result.append(r)
    return result


def store(db, history: RefHistory, blocks: list[Group]) -> None:
    """Put the history into the app's database through its own public functions."""
    from core.caseload.cases import CaseStore
    from core.caseload.models import Case, Profile, Reduction
    from core.workload.profile import save_profile
    from core.workload.reductions import add_reduction, add_report

    for p in history.profiles:
        save_profile(db, Profile(p.grade, p.hours, p.ceiling),
                     None if p.since == date.min else p.since, today=START)
    cases = CaseStore(db)
    n = 0
    for g in blocks:
        for _ in range(g.count):
            n += 1
            case = cases.add_case(Case(f"C{n:03d}", g.case_type, g.tier, g.start, t2a=g.t2a))
            if g.change:
                case.tier, case.tier_date = g.change[1], g.change[0]
                case = cases.update_case(case)
            if g.closed:
                cases.close_case(case.id, g.closed, "completed")
    for r in history.reductions:
        reason = {"80": "PQiP trainee, first 6 months", "60": "PQiP trainee, 6-12 months",
                  "100": "Other paid or unpaid leave"}.get(r.percent or "", "Court duty")
        published = r.percent in ("80", "60")  # the app works out the end itself
        add_reduction(db, Reduction(reason, r.start, None if published else r.last_day,
                                    hours_per_week=r.hours, percent=r.percent), Decimal(60))
    for kind, done in history.reports:
        add_report(db, kind, done)
