"""A length typed in decimal hours ("0.375h") is the minutes it means, halves up, as the hours
field and every length shown round them: never a binary float, never Python's round(), which
takes 22.5 minutes to 22 and reads 0.175h (10.5 minutes) as 10.4999…."""

from datetime import datetime

import pytest

from core.time.activities import list_activities
from core.time.quick_entry import parse_quick_entry

NOW = datetime(2026, 11, 25, 16, 30)


@pytest.mark.parametrize("typed, minutes", [
    ("0.375h", 23),   # 22.5 minutes
    ("0.875h", 53),   # 52.5
    ("0.175h", 11),   # 10.5, which a float holds as 10.499999999999998
    ("1.175h", 71),   # 70.5
    ("0.125h", 8),    # 7.5
    ("1.5h", 90),
    ("2.25h", 135),
])
def test_decimal_hours_are_the_minutes_they_mean(db, typed, minutes):
    parsed = parse_quick_entry(f"{typed} court duty", now=NOW, activities=list_activities(db),
                               case_refs=[])
    assert parsed.minutes == minutes
