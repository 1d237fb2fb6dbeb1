"""What-if: how the estimate would move if the practitioner took one more case."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sqlite_utils import Database

from core.common import clock
from core.common.errors import ValidationError
from core.common.exact import Exact
from core.common.words import mid_sentence
from core.workload.estimate import Estimate, EstimateInputs, estimate_as_of, load_inputs, to_half_hour
from core.caseload.models import CASE_TYPES, TIERS, Case
from core.workload.wording import caseload_words, hours_phrase, workload_words

WHAT_IF_REFERENCE = "what-if"


@dataclass(frozen=True)
class WhatIf:
    case_type: str
    tier: str
    t2a: bool
    before: Estimate
    after: Estimate

    @property
    def added_points(self) -> Fraction:
        return self.after.workload_points - self.before.workload_points

    @property
    def added_hours(self) -> Fraction:
        """Hours a week the extra case is worth (points ÷ points an hour), unrounded."""
        return self.added_points / self.after.weightings.points_per_hour


def what_if(
    source: Database | EstimateInputs,
    case_type: str,
    tier: str,
    t2a: bool = False,
    day: date | None = None,
) -> WhatIf:
    """The estimate on `day` (default today) with and without one more case; nothing is saved."""
    inputs = source if isinstance(source, EstimateInputs) else load_inputs(source)
    day = day or clock.today()
    problems = []
    if case_type not in CASE_TYPES:
        problems.append(f"Case type must be one of: {', '.join(CASE_TYPES)}.")
    if tier not in TIERS:
        problems.append(f"'{tier}' is not a tier; use A3 to D0, A3S to D0S, or untiered.")
    if problems:
        raise ValidationError(problems)
    extra = Case(WHAT_IF_REFERENCE, case_type, tier, start_date=day, t2a=t2a)
    after_inputs = replace(inputs, cases=inputs.cases + (extra,))
    before, after = estimate_as_of(inputs, day), estimate_as_of(after_inputs, day)
    return WhatIf(case_type, tier, t2a, before, after)


def case_words(case_type: str, tier: str, t2a: bool) -> str:
    """'another community case at tier B2', 'another young adult (T2A) licence case…'."""
    kind = f"young adult (T2A) {case_type}" if t2a else case_type
    where = "with no tier" if tier == "untiered" else f"at tier {tier}"
    return f"another {kind} case {where}"


def more_hours(hours: Exact) -> str:
    """'about 2 more hours a week', to the nearest half hour."""
    return hours_phrase(to_half_hour(hours), "more")


def what_if_text(case: str, before: str | None, after: str | None, hours: Exact,
                 caseload_before: str, caseload_after: str) -> str:
    """The what-if sentence from headlines (None: no capacity figure) and hours added."""
    lead = f"If you took {case},"
    # Band names read mid-sentence in lower case: "would stay at over capacity".
    before = mid_sentence(before) if before else before
    after = mid_sentence(after) if after else after
    caseload_before, caseload_after = mid_sentence(caseload_before), mid_sentence(caseload_after)
    if after is None:
        text = f"{lead} there would still be no capacity figure for this week."
    elif hours <= 0:
        text = f"{lead} the estimate would not change, because that tier carries no points."
    elif before is None:
        text = f"{lead} the estimate would be {after}, {more_hours(hours)}."
    elif before == after:
        text = f"{lead} the estimate would stay at {after}, {more_hours(hours)}."
    else:
        text = f"{lead} the estimate would move from {before} to {after}, {more_hours(hours)}."
    if caseload_before != caseload_after:
        text += f" The caseload would move from {caseload_before} to {caseload_after}."
    return text


def what_if_sentence(result: WhatIf) -> str:
    def headline(est: Estimate) -> str | None:
        return workload_words(est).headline if est.capacity_percent is not None else None

    return what_if_text(
        case_words(result.case_type, result.tier, result.t2a),
        headline(result.before) if result.before.has_data else None,
        headline(result.after),
        result.added_hours,
        caseload_words(result.before).headline,
        caseload_words(result.after).headline,
    )


def all_what_if_sentences() -> list[str]:
    case = case_words("community", "B2", False)
    young = case_words("licence", "untiered", True)
    return [
        what_if_text(case, "Stretched", "Over capacity", Decimal("2.0"), "Full caseload",
                     "Full caseload"),
        what_if_text(case, "Some capacity", "Some capacity", Decimal("0.2"), "Steady caseload",
                     "Full caseload"),
        what_if_text(case, "Stretched", "Stretched", Decimal("0.5"), "Full caseload",
                     "Full caseload"),
        what_if_text(case, "Well over capacity", "Well over capacity", Decimal("1.0"),
                     "Full caseload", "Above a manageable caseload"),
        what_if_text(case, None, "Some capacity", Decimal("2.5"), "Lighter caseload",
                     "Lighter caseload"),
        what_if_text(young, "Stretched", "Stretched", Decimal("0.0"), "Full caseload",
                     "Full caseload"),
        what_if_text(case, None, None, Decimal("2.0"), "Full caseload", "Full caseload"),
    ]
