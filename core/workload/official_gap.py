"""Why the official WMT figure may differ from this app's estimate, in words, largest first.

When the figure a manager gave for a week and the app's own estimate for it differ by more than
5 points of capacity, the app says what it can see that would explain the gap (docs/
wmt-differences.md lists every deliberate difference): untiered cases, cases past their expected
end date, inactive cases, reductions recorded on one side only, court reports near the edge of
the 30-day window, weightings edited away from the published defaults, and what the app cannot
see at all. Each reason offers its one useful action. The estimate is never adjusted to match:
the point is to find which of the two is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from core.caseload.models import OVERDUE, UNTIERED
from core.common.exact import plain, to_fraction, to_half_hour
from core.common.words import plural, plural_noun
from core.workload.estimate import REPORT_WINDOW_DAYS, Estimate, capacity_of
from core.workload.weightings import is_published_default, published_defaults

GAP_POINTS = 5  # a gap of more than 5 points of capacity is worth explaining
HIGHER, LOWER = "higher", "lower"  # the official figure against the estimate

# The one useful action for each kind of reason (the Overview's buttons, `status`'s hints).
TIER_A_CASE = "Tier a case"
CLOSE_OR_MOVE = "Close it or move its end date"
CHECK_STATE = "Check the case's state"
CHECK_REDUCTION = "Check a reduction"
CHECK_REPORTS = "Check the report dates"
CHECK_WEIGHTINGS = "Check the weightings"


@dataclass(frozen=True)
class GapReason:
    kind: str  # "overdue", "inactive", "untiered", "reductions", "reports", "weightings", "unseen"
    text: str
    hours: Fraction | None  # hours a week it could account for, when the app can say
    action: str | None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapExplanation:
    direction: str  # HIGHER: the official figure shows more load than the estimate
    intro: str
    reasons: tuple[GapReason, ...]

    headline: str = ""  # the gap in one clause, for a supervision note

    @property
    def text(self) -> str:
        return " ".join([self.intro, *(r.text for r in self.reasons)])

    def lines(self) -> list[str]:
        return [self.intro, *(f"- {r.text}" for r in self.reasons)]


def has_gap(official, estimate) -> bool:
    """More than 5 points of capacity between the official figure and the estimate."""
    if official is None or estimate is None:
        return False
    return abs(to_fraction(official) - to_fraction(estimate)) > GAP_POINTS


def hours_words(hours: Fraction) -> str:
    """'about 2 hours a week', 'about half an hour a week', 'less than half an hour a week'."""
    if hours < Fraction(1, 4):
        return "less than half an hour a week"
    rounded = max(to_half_hour(hours), Decimal("0.5"))
    if rounded == Decimal("0.5"):
        return "about half an hour a week"
    return f"about {plain(rounded)} {plural_noun(rounded, 'hour')} a week"


def _refs(refs: list[str], limit: int = 4) -> str:
    """' (C02, C05)'; '' where references are left out (the supervision summary's default)."""
    if not refs:
        return ""
    shown = ", ".join(refs[:limit])
    return " (" + shown + (f" and {len(refs) - limit} more" if len(refs) > limit else "") + ")"


def _points(points: Fraction, figures: bool) -> str:
    return f" ({plain(points)} points)" if figures else ""


def explain_gap(est: Estimate, official, figures: bool = True,
                references: bool = True) -> GapExplanation | None:
    """The explanation for the week of `est`, or None when the two agree within 5 points (or
    there is no figure to compare). `references` False leaves case references out of the
    sentences (the supervision summary, unless they are ticked for that export)."""
    if est.has_data and est.no_capacity_reason == "no_hours" and official is not None:
        return _no_hours_here(est, official, figures)
    capacity = est.capacity_percent
    if not est.has_data or capacity is None or not has_gap(official, capacity):
        return None
    direction = HIGHER if to_fraction(official) > to_fraction(capacity) else LOWER
    pph = est.weightings.points_per_hour
    # Only what would move the official figure the way it moved: a case scoring less here than
    # in full makes the official figure higher, never lower; a report counted here makes it
    # lower. Each point is counted in one reason only (the weightings reason compares against
    # the defaults, where inactive cases keep 0%, so it never repeats their points).
    candidates: tuple[GapReason | None, ...]
    if direction == HIGHER:
        candidates = (_overdue(est, pph, figures, references),
                      _inactive(est, pph, figures, references), _untiered(est, references))
    else:
        candidates = (_reports(est, pph, figures),)
    candidates += (_reductions(est, direction), _weightings(est, direction, figures))
    reasons = [r for r in candidates if r is not None and (r.hours is None or r.hours > 0)]
    sized = [(r.hours, r) for r in reasons if r.hours is not None]
    known = [r for _, r in sorted(sized, key=lambda pair: -pair[0])]
    unknown = [r for r in reasons if r.hours is None]
    # What the app cannot see, the way it would move the official figure.
    unseen = GapReason("unseen", (
        "The app cannot see contact points that case administrators add at work, or cases the "
        "official tool holds for you that are not in your list here.") if direction == HIGHER
        else ("The app cannot see which of your cases the official tool holds: a case in your "
              "list here that was closed or transferred at work, or that work has not yet "
              "allocated to you, counts here and not there."), None, None)
    return GapExplanation(direction,
                          _intro(capacity, official, direction, figures, bool(reasons)),
                          tuple(known + unknown + [unseen]),
                          _headline(capacity, official, direction, figures))


def _no_hours_here(est: Estimate, official, figures: bool) -> GapExplanation:
    """An official figure for a week whose reductions (leave) cover every hour here."""
    shown = f", {plain(official)} percent," if figures else ""
    intro = (f"The official figure your manager gave for this week{shown} is for a week with "
             "no capacity figure here: reductions recorded here (leave, for instance) cover all "
             "your contracted hours. The estimate is not changed to match.")
    reason = GapReason("reductions", (
        f"Reductions recorded here take all {plain(est.contracted_hours, 2)} contracted hours "
        "this week. If they are not recorded at work, the official figure counts the week as "
        "worked. Check them with your manager."), None, CHECK_REDUCTION)
    of = f" of {plain(official)}%" if figures else ""
    headline = (f"the official figure{of} is for a week with no capacity figure here "
                "(reductions cover every hour)")
    return GapExplanation(HIGHER, intro, (reason,), headline)


def _headline(capacity: Decimal, official, direction: str, figures: bool) -> str:
    if figures:
        gap = abs(to_fraction(official) - to_fraction(capacity))
        return (f"the official figure, {plain(official)}%, is {plain(gap)} points {direction} "
                f"than this app's estimate, {plain(capacity)}%")
    more = "more" if direction == HIGHER else "less"
    return f"the official figure shows {more} work than this app's estimate"


SHORT = {
    "overdue": "cases past their expected end date",
    "inactive": "cases waiting on a warrant or with only unpaid work left",
    "untiered": "untiered cases",
    "reductions": "a reduction recorded on one side only",
    "reports": "court reports near the edge of the 30-day window",
    "weightings": "weightings edited away from the published defaults",
    "unseen": "contact points and cases the app cannot see",
}
NOTE_LIMIT = 1000  # an agenda note's length


def gap_note(gap: GapExplanation, week: str) -> str:
    """The explanation as one supervision note, short enough for the agenda."""
    parts = []
    for r in gap.reasons:
        part = SHORT[r.kind] + (f" ({', '.join(r.references[:4])})" if r.references else "")
        parts.append(part + (f", {hours_words(r.hours)}" if r.hours is not None else ""))
    text = (f"Official figure, week {week}: {gap.headline}. Possible reasons: "
            f"{'; '.join(parts)}. I would like to check which figure is right.")
    return text if len(text) <= NOTE_LIMIT else text[:NOTE_LIMIT - 1] + "…"


def _intro(capacity: Decimal, official, direction: str, figures: bool, seen: bool = True) -> str:
    more = "more" if direction == HIGHER else "less"
    if not seen:
        tail = ("The estimate is not changed to match; the app sees nothing in your records here "
                "that would make the official figure " + direction + ".")
        if figures:
            gap = abs(to_fraction(official) - to_fraction(capacity))
            return (f"The official figure your manager gave for this week, {plain(official)} "
                    f"percent, is {plain(gap)} percentage points {direction} than this app's "
                    f"estimate of {plain(capacity)} percent. " + tail)
        return (f"The official figure your manager gave for this week shows {more} work than "
                "this app's estimate, by more than a small margin. " + tail)
    if figures:
        gap = abs(to_fraction(official) - to_fraction(capacity))
        return (f"The official figure your manager gave for this week, {plain(official)} "
                f"percent, is {plain(gap)} percentage points {direction} than this app's "
                f"estimate of {plain(capacity)} percent. The estimate is not changed to match; "
                "what the app can see that may explain the difference, largest first:")
    return (f"The official figure your manager gave for this week shows {more} work than this "
            "app's estimate, by more than a small margin. The estimate is not changed to match; "
            "what the app can see that may explain the difference, largest first:")


def _lost(cases) -> Fraction:
    """Points these cases would add if they counted in full."""
    return sum((Fraction(c.base_points) - c.points for c in cases), Fraction(0))


def _overdue(est: Estimate, pph: Fraction, figures: bool, references: bool) -> GapReason | None:
    cases = [c for c in est.cases if c.state == OVERDUE]
    lost = _lost(cases)
    if not cases or lost <= 0:  # counted in full here already: nothing to explain
        return None
    refs = [c.reference for c in cases]
    shown = refs if references else []
    verb, its = ("is", "its") if len(cases) == 1 else ("are", "their")
    return GapReason("overdue", (
        f"{plural(len(cases), 'case')}{_refs(shown)} {verb} past {its} expected end date and "
        f"count{'s' if len(cases) == 1 else ''} as an overdue termination here. If the order was "
        f"extended at work, the official figure counts {'it' if len(cases) == 1 else 'them'} in "
        f"full: {hours_words(lost / pph)}{_points(lost, figures)}. Close "
        f"{'it' if len(cases) == 1 else 'each'} or move {'its' if len(cases) == 1 else 'the'} "
        "end date."), lost / pph, CLOSE_OR_MOVE, tuple(refs))


def _inactive(est: Estimate, pph: Fraction, figures: bool, references: bool) -> GapReason | None:
    cases = [c for c in est.cases if c.state in ("warrant", "unpaid_work_only")]
    lost = _lost(cases)
    if not cases or lost <= 0:
        return None
    refs = [c.reference for c in cases]
    shown = refs if references else []
    return GapReason("inactive", (
        f"{plural(len(cases), 'case')}{_refs(shown)} waiting on a warrant or with only unpaid "
        f"work left score{'s' if len(cases) == 1 else ''} less than in full here. If the "
        f"official tool counts {'it' if len(cases) == 1 else 'them'} as active, that is "
        f"{hours_words(lost / pph)}{_points(lost, figures)} more there."),
        lost / pph, CHECK_STATE, tuple(refs))


def _untiered(est: Estimate, references: bool) -> GapReason | None:
    refs = [c.reference for c in est.cases if c.tier == UNTIERED]
    if not refs:
        return None
    shown = refs if references else []
    one = len(refs) == 1
    return GapReason("untiered", (
        f"{plural(len(refs), 'untiered case')}{_refs(shown)} score{'s' if one else ''} nothing "
        f"here; at work {'it is' if one else 'they are'} usually tiered, and then "
        f"count{'s' if one else ''} there. Give {'it' if one else 'each'} its tier."),
        None, TIER_A_CASE, tuple(refs))


def _reductions(est: Estimate, direction: str) -> GapReason | None:
    """A reduction on one side only moves the official figure: one recorded here but not at work
    makes it lower; one recorded at work but not here makes it higher."""
    if est.reduction_hours:
        hours = to_fraction(est.reduction_hours)
        if direction == LOWER:
            text = (f"Reductions recorded here take {hours_words(hours)} off your hours. If any "
                    "is not recorded at work, the official figure is lower for it. Check each "
                    "reduction with your manager.")
        else:
            text = (f"Reductions recorded here take {hours_words(hours)} off your hours. If work "
                    "records another one that is not here, the official figure is higher for "
                    "it. Check the reductions with your manager.")
        # Only a reduction here and not at work accounts for a lower official figure by its
        # hours; one at work and not here is unknown to the app.
        return GapReason("reductions", text, hours if direction == LOWER else None,
                         CHECK_REDUCTION)
    if direction == HIGHER:
        return GapReason("reductions", (
            "No reduction is recorded here this week. If one is recorded at work (leave, "
            "training, a protected caseload), the official figure is higher for it; add it "
            "here too if it applies."), None, CHECK_REDUCTION)
    return None


def _reports(est: Estimate, pph: Fraction, figures: bool) -> GapReason | None:
    """Reports completed near either edge of the 30-day window may be in one window and not the
    other; the estimate counts only those inside its own."""
    if not est.reports:
        return None
    points = Fraction(est.report_points)
    count = sum(r.count for r in est.reports)
    return GapReason("reports", (
        f"{plural(count, 'court report')} completed in the {REPORT_WINDOW_DAYS} days up to "
        f"{est.as_of:%A} count{'s' if count == 1 else ''} here; a report near the start or end of that window may fall "
        f"outside the official tool's own: {hours_words(points / pph)}"
        f"{_points(points, figures)}."), points / pph, CHECK_REPORTS)


def _weightings(est: Estimate, direction: str, figures: bool) -> GapReason | None:
    """Edited weightings, workload points and available points alike (nominal target,
    full-time hours): the estimate as it would be at the published defaults. Listed only when
    the defaults would move it the way the official figure moved."""
    w = est.weightings
    if is_published_default(w) or est.capacity_percent is None:
        return None
    defaults = published_defaults()
    at_defaults = Fraction(sum(defaults.points_for(c.case_type, c.tier, c.t2a)
                               * defaults.share_for(c.state) for c in est.cases), 100)
    at_defaults += sum(defaults.report_points[r.kind] * r.count for r in est.reports)
    available = int(defaults.nominal_target * to_fraction(est.available_hours)
                    / to_fraction(defaults.default_hours))
    if available <= 0:
        return None
    here = to_fraction(est.workload_points) / est.available_points
    there = at_defaults / available
    if here == there or (there > here) != (direction == HIGHER):
        return None
    # The difference as hours of work a week in the hours available here.
    hours = abs(here - there) * to_fraction(est.available_hours)
    would = "higher" if there > here else "lower"
    shown = (f" (the estimate would be {plain(capacity_of(at_defaults, available))} percent "
             "at the defaults)") if figures else ""
    return GapReason("weightings", (
        "Some weightings here have been edited away from the 2021 published defaults; at the "
        f"defaults the estimate would be {would} by {hours_words(hours)}{shown}. Check they "
        "match your service's."), hours, CHECK_WEIGHTINGS)


def gap_texts(est: Estimate, official, figures: bool = True,
              references: bool = True) -> list[str]:
    """The explanation as lines (for `status` and the summary); empty when there is no gap."""
    explanation = explain_gap(est, official, figures, references)
    return explanation.lines() if explanation else []
