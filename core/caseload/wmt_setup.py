"""Set up a caseload from the counts on the practitioner's WMT caseload page: how many cases of
each case type and tier (adults, and young adults on the T2A table), made in one step with the
next free references (C01, C02 …) and today as their start date, to be named, dated or flagged
later.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from core.caseload.cases import CaseStore
from core.caseload.models import CASE_TYPES, TIERS, Case
from core.common.errors import ValidationError

MAX_CASES = 300  # a caseload page is 40 to 60; more than this is a typing slip
CountKey = tuple[str, str, bool]  # (case type, tier, T2A)


def count_problems(counts: Mapping[CountKey, int]) -> list[str]:
    problems = []
    for (case_type, tier, _t2a), count in counts.items():
        if case_type not in CASE_TYPES or tier not in TIERS:
            problems.append(f"{case_type} {tier} is not a case type and tier the WMT counts.")
        elif count < 0:
            problems.append(f"The count for {case_type} {tier} is below 0.")
    total = sum(max(c, 0) for c in counts.values())
    if total == 0 and not problems:
        problems.append("Type how many cases of each type and tier your WMT caseload page shows.")
    if total > MAX_CASES:
        problems.append(f"That is {total} cases; the most set up in one go is {MAX_CASES}. "
                        "Check the counts.")
    return problems


def _free_references(used: set[str], how_many: int) -> list[str]:
    """The next `how_many` references C01, C02 … not yet used (case-blind), lowest first."""
    taken = {int(m.group(1)) for r in used if (m := re.fullmatch(r"C(\d+)", r.upper()))}
    found: list[str] = []
    n = 1
    while len(found) < how_many:
        if n not in taken:
            found.append(f"C{n:02d}")
        n += 1
    return found


def cases_from_counts(counts: Mapping[CountKey, int], used: set[str], start: date) -> list[Case]:
    """The cases the counts describe, in the WMT page's order (case type, then tier, adults
    before young adults), each with the next free reference and `start` as its start date.
    ValidationError, making nothing, when a count cannot be right."""
    problems = count_problems(counts)
    if problems:
        raise ValidationError(problems)
    order = sorted((k for k, v in counts.items() if v > 0),
                   key=lambda k: (k[2], CASE_TYPES.index(k[0]), TIERS.index(k[1])))
    wanted = [key for key in order for _ in range(counts[key])]
    references = _free_references(used, len(wanted))
    return [Case(reference, case_type, tier, start, t2a=t2a)
            for reference, (case_type, tier, t2a) in zip(references, wanted)]


def add_from_counts(store: CaseStore, counts: Mapping[CountKey, int], start: date) -> list[Case]:
    """Make the cases in one transaction (all or none) and return them as stored."""
    cases = cases_from_counts(counts, store.references(), start)
    ids = store.add_cases(cases)
    return [store.get_case(case_id) for case_id in ids]
