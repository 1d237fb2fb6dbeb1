"""Exact decimals from input to band: hours, reductions, points and percentages.

A binary float cannot hold 29.6 (it is 29.6000000000000014…), so a part-time officer exactly at a
band's edge could be put one band up or down. Every number the estimate compares is a `Decimal`
read from the text the practitioner typed (or a `Fraction` worked out from decimals), and every
figure shown rounds halves up, never to even (code-examples.md, "No binary float between input
and a band").
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Iterable, Union

Number = Union[int, float, str, Decimal, Fraction]
# A number held exactly, as hours, points and percentages are from input to band (never a float).
Exact = Union[int, Decimal, Fraction]


def to_decimal(value: Number) -> Decimal:
    """The decimal the value was typed as: '22.2', 22.2 (a float read back from storage, via its
    shortest repr) and Decimal('22.2') all give Decimal('22.2').

    Raises ValueError for text that is not a finite number. A Fraction must be a terminating
    decimal (a quarter, a fifth…); others are rounded to 12 places.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, Fraction):
        result = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, bool):
        raise ValueError("not a number")
    elif isinstance(value, (int, float)):
        result = Decimal(str(value))
    else:
        if "_" in str(value):  # Decimal reads '3_7' as 37: never what was meant
            raise ValueError(f"'{value}' is not a number")
        try:
            result = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"'{value}' is not a number") from None
    if not result.is_finite():
        raise ValueError(f"'{value}' is not a number")
    return result


# Hours and percentages a person means have at most two decimal places (22.2 hours, 7.25, 12.5%);
# anything finer (1e-30) is a slip, and would carry exponents no figure can be rounded from.
TYPED_PLACES = 2


def too_precise(value: Decimal, places: int = TYPED_PLACES) -> bool:
    """True for a number with more than `places` decimal places once trailing zeros go."""
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent < -places


def optional_decimal(value: Number | None) -> Decimal | None:
    return None if value is None or value == "" else to_decimal(value)


def to_fraction(value: Number) -> Fraction:
    """Exact rational value (floats via their shortest repr, as `to_decimal`)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(to_decimal(value))


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The sum of fractions, exactly as `sum(values, Fraction(0))` gives it, in whole numbers over
    their common denominator: adding Fractions one by one (reducing each time) was most of a
    ten-year history's estimates."""
    pairs = [value.as_integer_ratio() for value in values]
    common = math.lcm(*{d for _n, d in pairs}) if pairs else 1
    return Fraction(sum(n * (common // d) for n, d in pairs), common)


def half_up(value: Number, places: int = 1) -> Decimal:
    """Round to `places` decimal places with halves away from zero: 112.45 -> 112.5, 110.05 ->
    110.1 (Python's round() takes halves to even, and a float may not even hold the half)."""
    # In whole numbers (a ten-year history rounds some 10,000 figures): value = n / d exactly.
    if type(value) is Decimal and value.is_finite():
        n, d = value.as_integer_ratio()  # as to_fraction's, without making the Fraction
    else:
        n, d = to_fraction(value).as_integer_ratio()
    quantum = Decimal(1).scaleb(-places)
    scaled = n * 10**places
    whole = (abs(scaled) * 2 + d) // (2 * d)  # half up on the magnitude: floor(|x| + 1/2)
    signed = whole if scaled >= 0 else -whole
    return (Decimal(int(signed)) * quantum).quantize(quantum, rounding=ROUND_HALF_UP)


def to_half_hour(hours: Number) -> Decimal:
    """Nearest half hour, halves rounded up (never down): 1.25 -> 1.5, 1.2 -> 1."""
    exact = to_fraction(hours)
    halves = (exact * 4 + 1) // 2  # floor(2x + 1/2)
    return Decimal(int(halves)) / 2


def plain(value: Number, places: int = 1) -> str:
    """A figure as shown: half up to `places`, trailing zeros dropped: 114.0 -> '114',
    22.25 -> '22.3' (one place), 4.5 -> '4.5'."""
    text = f"{half_up(value, places):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def whole(value: Number) -> int:
    """Nearest whole number, halves up (for "about 16 cases")."""
    return int(half_up(value, 0))
