"""Half-up rounding, as every figure shown is rounded, checked against the definition:
round the magnitude to the nearest step, halves away from zero."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from core.common.exact import exact_sum, half_up


def reference(value: Fraction, places: int) -> Fraction:
    step = Fraction(1, 10**places)
    steps = abs(value) / step
    whole = int(steps) + (1 if steps - int(steps) >= Fraction(1, 2) else 0)
    return whole * step if value >= 0 else -whole * step


@given(st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**6), st.integers(0, 3))
def test_half_up_matches_its_definition(value, places):
    rounded = half_up(value, places)
    assert Fraction(rounded) == reference(value, places)
    assert rounded.as_tuple().exponent == -places  # shown with exactly that many places


def test_halves_go_away_from_zero():
    assert half_up(Decimal("112.45")) == Decimal("112.5")
    assert half_up(Decimal("-112.45")) == Decimal("-112.5")
    assert half_up(Fraction(1, 20)) == Decimal("0.1")
    assert half_up(Decimal("0.04")) == Decimal("0.0")
    assert half_up(7, 0) == Decimal("7")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4).filter(lambda d: abs(d) < 10**6),
       st.integers(0, 3))
def test_a_decimal_rounds_as_the_fraction_it_holds(value, places):
    assert half_up(value, places) == half_up(Fraction(value), places)
    assert str(half_up(value, places)) == str(half_up(Fraction(value), places))


@given(st.lists(st.fractions(max_denominator=400)))
def test_points_add_up_exactly(values):
    """Each week's points are a sum of shares of whole points (41/2, 123/4…)."""
    total = exact_sum(values)
    assert total == sum(values, Fraction(0)) and type(total) is Fraction
