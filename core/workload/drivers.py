"""What drives the estimate: cases grouped by type and risk level, and recent court reports."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from core.common.exact import whole

from core.caseload.models import UNTIERED
from core.workload.estimate import Estimate
from core.common.words import plural, plural_noun

_FRACTIONS = ((Fraction(3, 4), "three quarters"), (Fraction(2, 3), "two thirds"),
              (Fraction(1, 2), "half"), (Fraction(1, 3), "a third"), (Fraction(1, 4), "a quarter"),
              (Fraction(1, 5), "a fifth"))
# With "Show figures" off a share is always said in words: the nearest of these.
_WORD_SHARES = _FRACTIONS + (
    (Fraction(9, 10), "nine tenths"), (Fraction(4, 5), "four fifths"),
    (Fraction(3, 5), "three fifths"), (Fraction(2, 5), "two fifths"),
    (Fraction(1, 6), "a sixth"), (Fraction(1, 8), "an eighth"), (Fraction(1, 10), "a tenth"))
_NEAR = Fraction(1, 40)  # within 2.5 points of a named fraction


@dataclass(frozen=True)
class Driver:
    """A group of cases (or the court reports) and its part of the workload points."""

    label: str  # "3 licence cases at tier A"
    count: int
    points: Fraction
    share: Fraction  # 0–1 of the workload points, exactly
    case_type: str | None  # None for court reports
    tier_letter: str | None  # "A"… with "S" appended for unsupervised tiers


def share_words(share, figures: bool = True) -> str:
    """With figures every share is a percentage ('about 34 percent', 'about 12 percent'), so
    a list never says "about 42 percent" beside "about a third"; without (Show figures off:
    never a percentage) every share is a fraction ('about a third', 'about an eighth');
    1 -> 'all'."""
    share = Fraction(share) if not isinstance(share, float) else Fraction(str(share))
    if share >= Fraction(199, 200):
        return "all"
    if figures:
        return f"about {max(1, whole(share * 100))} percent"
    for value, words in _FRACTIONS:
        if abs(share - value) <= _NEAR:
            return f"about {words}"
    if share < Fraction(1, 20):
        return "a small part"
    if share < Fraction(1, 5):
        # Small shares: "about" only within a fifth of the named fraction (5.2% is not "about
        # a tenth"); otherwise say where it lies.
        small = sorted((v, w) for v, w in _WORD_SHARES if v <= Fraction(1, 5))
        for value, words in small:
            if abs(share - value) <= value / 5:
                return f"about {words}"
        if share < small[0][0]:
            return f"less than {small[0][1]}"
        below = max((v, w) for v, w in small if v < share)
        above = min((v, w) for v, w in small if v > share)
        return f"between {below[1]} and {above[1]}"
    value, words = min(_WORD_SHARES, key=lambda item: abs(share - item[0]))
    return f"about {words}"


def group_label(count: int, case_type: str | None, t2a: bool, letter: str) -> str:
    if case_type is None:
        return f"{plural(count, 'court report')} completed in the last 30 days"
    kind = f"young adult (T2A) {case_type}" if t2a else case_type
    cases = f"{count} {kind} {plural_noun(count, 'case')}"
    if letter.endswith("S"):
        return f"{cases} at tier {letter[0]} (unsupervised)"
    return f"{cases} at tier {letter}"


def drivers(est: Estimate, limit: int = 3) -> list[Driver]:
    """The largest parts of the workload points, largest first; groups scoring 0 are left out."""
    total = est.workload_points
    if total <= 0:
        return []
    groups: dict[tuple[str, bool, str], list[Fraction]] = {}
    for case in est.cases:
        if case.points <= 0:
            continue
        letter = case.tier[0] + ("S" if case.tier.endswith("S") else "")
        groups.setdefault((case.case_type, case.t2a, letter), []).append(case.points)
    found = [
        Driver(group_label(len(pts), ct, t2a, letter), len(pts), sum(pts, Fraction(0)),
               sum(pts, Fraction(0)) / total,
               ct, letter)
        for (ct, t2a, letter), pts in groups.items()
    ]
    if est.report_points:
        count = sum(r.count for r in est.reports)
        found.append(Driver(group_label(count, None, False, ""), count,
                            Fraction(est.report_points), Fraction(est.report_points) / total,
                            None, None))
    found.sort(key=lambda d: -d.points)
    return found[:limit]


def driver_sentence(driver: Driver, figures: bool = True) -> str:
    """'3 licence cases at tier A carry about a third of your estimate.'"""
    verb = "carries" if driver.count == 1 else "carry"
    return f"{driver.label} {verb} {share_words(driver.share, figures)} of your estimate."


def untiered_sentence(est: Estimate) -> str | None:
    """'2 untiered cases score nothing in the estimate …': a case without a tier is worth no
    points, so it is said rather than silently left out."""
    count = sum(1 for case in est.cases if case.tier == UNTIERED)
    if not count:
        return None
    verb = "scores" if count == 1 else "score"
    return (f"{count} untiered {plural_noun(count, 'case')} {verb} nothing in the estimate; "
            "give each its tier in Caseload.")


def driver_sentences(est: Estimate, limit: int = 3, figures: bool = True) -> list[str]:
    return [driver_sentence(d, figures) for d in drivers(est, limit)]


def all_driver_sentences() -> list[str]:
    samples = [
        Driver(group_label(n, ct, t2a, letter), n, Fraction(1), Fraction(share), ct, letter)
        for n, ct, t2a, letter, share in (
            (3, "licence", False, "A", "0.33"), (1, "community", False, "B", "0.12"),
            (2, "custody", True, "C", "0.5"), (4, "community", False, "DS", "0.05"),
            (1, "licence", False, "B", "1.0"), (2, None, False, "", "0.26"),
        )
    ]
    return [driver_sentence(d, figures) for d in samples for figures in (True, False)]
