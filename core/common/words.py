"""Plural forms, through one helper, so no sentence says "1 cases" or "2 minute"; and headings
as they read mid-sentence."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

_IRREGULAR = {"half hour": "half hours", "day's": "days'"}


def plural_noun(count: int | Decimal | Fraction, singular: str, plural: str | None = None) -> str:
    """The noun alone for `count`: ('case', 1) -> 'case', ('case', 2) -> 'cases', 0 -> 'cases'."""
    if count == 1:
        return singular
    return plural or _IRREGULAR.get(singular) or singular + "s"


def plural(count: int, singular: str, plural: str | None = None) -> str:
    """'1 case', '2 cases', '0 cases', '1 minute', '35 cases'. Whole numbers only; a count shown
    with decimals should be formatted by the caller and use `plural_noun`."""
    return f"{count} {plural_noun(count, singular, plural)}"


def mid_sentence(title: str) -> str:
    """A heading or band name as it reads inside a sentence: 'Where the time went' -> 'where the
    time went', 'Over capacity' -> 'over capacity'; a word in capitals ('WMT', 'HMPPS') stays."""
    first = title.split(" ", 1)[0]
    if not first or (len(first) > 1 and not first[1:].islower()):
        return title
    return title[0].lower() + title[1:]
