"""Whether words about to be kept beside the data (core.store.week_snapshot,
core.store.coming_days) hold one of the practitioner's case references: the words are kept
only when none is. Needed only when keeping, never by the first frame that reads them."""

from __future__ import annotations

import re
from typing import Iterable

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december")
_COUNTED = "weeks?|hours?|days?|minutes?|cases?|points?|" + _MONTHS


def holds_reference(text: str, references: Iterable[str]) -> bool:
    """Whether `text` holds one of `references` as a whole token: "C07" in "C07's", but a
    reference "4" not in "4.5 extra hours" (a number goes on through its point or comma), nor a
    number-only reference in a count or a date ("21 weeks in a row", "since 7 December").

    One pass over the caseload: a reference the text does not hold even as a substring cannot
    stand in it as a token, so only the few it does hold are matched with their pattern (one
    pattern for each of 600 references was 30 ms over ten years, after every Overview refresh)."""
    folded = text.casefold()
    dated: str | None = None
    for ref in references:
        ref = ref.strip().casefold()
        if not ref:
            continue
        if ref.isdigit():
            if dated is None:
                dated = _without_years(folded)
            if ref in dated and _stands_alone(ref, dated):
                return True
        elif ref in folded and _stands_alone(ref, folded):
            return True
    return False


def _without_years(folded: str) -> str:
    """"7 december 2026" as "7 december": a year after a month is the date's, not a count."""
    return re.sub(rf"\b({_MONTHS})\s+\d{{4}}\b", r"\1", folded)


def _stands_alone(ref: str, searched: str) -> bool:
    """Whether `ref` (stripped and folded) stands in `searched` as a token (holds_reference)."""
    pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(ref) + r"(?!\w)(?![.,]\d)"
    if ref.isdigit():
        pattern += rf"(?!\s+(?:{_COUNTED})\b)(?<!\bweek {re.escape(ref)})"
    return re.search(pattern, searched) is not None
