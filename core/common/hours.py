"""Hours as the app shows them, one way everywhere: "7 hours 24 minutes" in sentences and
"7 h 24 min" in a field, never a decimal that reads like a clock ("7.40 hours"). Whole
minutes, halves up."""

from __future__ import annotations

import re
from decimal import Decimal

from core.common.exact import Number, to_fraction, whole
from core.common.words import plural

_FIELD = re.compile(r"^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?$",
                    re.I)


def minutes_of(hours: Number) -> int:
    """Hours as the whole minutes they are shown as, halves up: 58.5 minutes is 59, and 7.1667
    (7 h 10 min kept as a float) is 430, so hours compare as they read."""
    return whole(to_fraction(hours) * 60)


def _hours_minutes(hours: Number) -> tuple[int, int]:
    return divmod(minutes_of(hours), 60)


def hours_text(hours: Number) -> str:
    """'7 hours 24 minutes', '45 minutes', '1 hour': units spelled out."""
    h, m = _hours_minutes(hours)
    parts = []
    if h:
        parts.append(plural(h, "hour"))
    if m or not h:
        parts.append(plural(m, "minute"))
    return " ".join(parts)


def short_hours(hours: Number) -> str:
    """'7 h 24 min', '45 min', '7 h', '0 h': the same amount in a field's few characters."""
    h, m = _hours_minutes(hours)
    if not m:
        return f"{h} h"
    return f"{h} h {m} min" if h else f"{m} min"


def parse_hours(text: str) -> Decimal | None:
    """Hours from what is typed in an hours field: '7 h 24 min', '7h24', '7:24', '7.4', '45 min'
    (None when it is none of these)."""
    text = " ".join(text.split())
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if clock and int(clock.group(2)) < 60:
        return Decimal(int(clock.group(1))) + Decimal(int(clock.group(2))) / 60
    bare = re.fullmatch(r"\d+(?:[.,]\d+)?", text)
    if bare:
        return Decimal(text.replace(",", "."))
    compact = re.fullmatch(r"(\d+)\s*h\s*(\d{1,2})", text, re.I)
    if compact:
        return Decimal(int(compact.group(1))) + Decimal(int(compact.group(2))) / 60
    match = _FIELD.match(text)
    if not text or not match or not (match.group(1) or match.group(2)):
        return None
    hours = Decimal(match.group(1).replace(",", ".")) if match.group(1) else Decimal(0)
    return hours + (Decimal(int(match.group(2))) / 60 if match.group(2) else 0)
