"""Plural forms, through one helper, so no sentence says "1 cases" or "2 minute"."""

from __future__ import annotations

_IRREGULAR = {"half hour": "half hours", "day's": "days'"}


def plural_noun(count: int | float, singular: str, plural: str | None = None) -> str:
    """The noun alone for `count`: ('case', 1) -> 'case', ('case', 2) -> 'cases', 0 -> 'cases'."""
    if count == 1:
        return singular
    return plural or _IRREGULAR.get(singular) or singular + "s"


def plural(count: int | float, singular: str, plural: str | None = None) -> str:
    """'1 case', '2 cases', '0 cases', '1 minute', '35 cases'. Whole numbers only; a count shown
    with decimals should be formatted by the caller and use `plural_noun`."""
    return f"{count} {plural_noun(count, singular, plural)}"
