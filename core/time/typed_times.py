"""Times and durations as people type them: 09:30, 9.30, 0930, 2pm, 2.30pm, noon; 45m, 1h30.

The one reading of a typed time for the one-line entry, the timer and `log` (no Qt)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from core.common import clock
from core.common.errors import ValidationError
from core.common.hours import minutes_of
from core.time.entry_clock import DAY_MINUTES

# A 12-hour time (2pm, 2.30pm, 2:30 pm, 11 a.m.), noon or midnight, before the 24-hour forms.
_T12 = r"(?:\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?)(?![a-z])|noon|midday|midnight)"
_T = rf"({_T12}|\d{{1,2}}[:.]\d{{2}}|\d{{3,4}}|\d{{1,2}})"
_MIN = r"m(?:ins?|inutes?)?"
_DUR = rf"(\d+(?:\.\d+)?\s*h(?:ours?|rs?)?(?:\s*\d{{1,2}}(?:\s*{_MIN})?)?|\d+\s*{_MIN})"
_END = r"(?=\s|$)"
_RANGE = re.compile(rf"^{_T}\s*[-–—]\s*({_T[1:-1]}|now)?{_END}", re.I)
_AGO = re.compile(rf"^-\s*({_DUR[1:-1]}|\d+){_END}", re.I)
_START_DUR = re.compile(rf"^({_T12}|\d{{1,2}}[:.]\d{{2}})\s+{_DUR}{_END}", re.I)
_DURATION = re.compile(rf"^{_DUR}{_END}", re.I)
# A start time alone (12am, 2.30pm, 09:30): the line needs when it ended or how long it took.
_LONE_START = re.compile(rf"^({_T12}|\d{{1,2}}[:.]\d{{2}}){_END}", re.I)


_MERIDIEM = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?m\.?$", re.I)


def _clock(text: str, end: bool = False) -> int:
    """Minutes after midnight for 9, 09:30, 9.30, 0930, 2pm, 2.30pm, 2:30 pm, noon or midnight
    (and 24:00 or midnight as an end, 1440); ValidationError for 25:00, 10:75 or 13pm."""
    word = text.strip().lower()
    if word in ("noon", "midday"):
        return 12 * 60
    if word == "midnight":
        return DAY_MINUTES if end else 0
    twelve = _MERIDIEM.match(word)
    if twelve:
        hours, minutes = int(twelve.group(1)), int(twelve.group(2) or 0)
        if not 1 <= hours <= 12 or minutes > 59:
            raise ValidationError(f"{text} is not a time of day; use 1am to 12.59pm, or 13:00.")
        hours = hours % 12 + (12 if twelve.group(3).lower() == "p" else 0)
        if end and hours == 0 and minutes == 0:
            return DAY_MINUTES  # 12am as an end is the midnight ending the day
        return hours * 60 + minutes
    digits = text.replace(":", "").replace(".", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if end and hours == 24 and minutes == 0:
        return DAY_MINUTES
    if hours > 23 or minutes > 59:
        raise ValidationError(
            f"{text} is not a time of day; use 00:00 to 23:59, or 24:00 for the end of the day."
        )
    return hours * 60 + minutes


def _start_like_end(start_text: str, end_text: str, start: int, end: int) -> int:
    """2-3pm is 14:00-15:00: a bare start hour takes the end's am or pm when that puts it
    before the end (11-1pm stays 11:00-13:00)."""
    suffix = _MERIDIEM.match(end_text.strip())
    if suffix is None or _MERIDIEM.match(start_text.strip()) or not re.fullmatch(
            r"\d{1,2}(?:[:.]\d{2})?", start_text.strip()):
        return start
    try:
        same = _clock(f"{start_text.strip()}{suffix.group(3)}m")
    except ValidationError:
        return start
    return same if same < end and (start >= end or same > start) else start


def parse_time_of_day(text: str, end: bool = False) -> int:
    """Minutes after midnight for a typed time in any form the one-line entry accepts (17:05,
    5.05pm, 5pm, noon; 24:00 or midnight as an end); ValidationError otherwise."""
    if not re.fullmatch(_T, text.strip(), re.I):
        raise ValidationError(f"'{text[:20]}' is not a time of day; use 17:05 or 5.05pm.")
    return _clock(text.strip(), end=end)


def _duration(text: str) -> int:
    """Minutes in 45m, 1h, 1h30, 1.5h, 90 min, or a bare number of minutes.

    Numbers longer than five digits are refused here, before any arithmetic: no entry is longer
    than a day, and a 400-digit hour count would overflow or exhaust integer conversion."""
    text = text.lower().replace(" ", "")
    if any(len(run) > 5 for run in re.findall(r"\d+", text)):
        raise ValidationError("An entry can be at most 24 hours; check the number.")
    if text.isdigit():
        return int(text)
    match = re.match(r"^(\d+(?:\.\d+)?)h[a-z]*?(?:(\d{1,2})[a-z]*)?$", text)
    if match:  # 0.375h is 22.5 minutes: 23, halves up as every length is shown, never a float
        return minutes_of(Decimal(match.group(1))) + int(match.group(2) or 0)
    number = re.match(r"^(\d+)", text)
    if number is None:
        raise ValidationError(f"'{text[:20]}' is not a length of time; use 45m or 1h30.")
    return int(number.group(1))


def _exists(day: date, minutes: int) -> None:
    """ValidationError for a typed time the clocks skipped that day (29 March 01:15)."""
    message = clock.missing_time(day, minutes)
    if message:
        raise ValidationError(message)


def _later_than_now(day: date, end: int, now: datetime) -> bool:
    """An end time after the current minute (plus one, for a line typed as the minute turns),
    as instants: 01:40 typed at the second 01:10 may be the first 01:40, which has happened."""
    limit = clock.instant(now.replace(second=0, microsecond=0)) + timedelta(minutes=1)
    return clock.instant(clock.at_minute(day, end)) > limit


LONGEST_NIGHT = 12 * 60  # a night on duty; an end earlier than the start by more is a typo


def _across_midnight(
    day: date, start: int, end: int, now: datetime, today: date
) -> tuple[date, int, int]:
    """(day, minutes before midnight, minutes after it) for a typed range whose end is earlier
    on the clock face: a span across midnight, logged as two entries split at 24:00 as the
    timer splits. Typed today, a span that would end tomorrow is last night's if that has
    happened. ValidationError for a span longer than a night, or one not yet over (pointing to
    24:00, which ends a day)."""
    hint = (
        f"The end ({clock.clock_text(end)}) is not after the start ({clock.clock_text(start)}). "
        "Use 24:00 for the end of the day"
    )
    if DAY_MINUTES - start + end > LONGEST_NIGHT:
        raise ValidationError(f"{hint}; time past midnight goes in an entry for the next day.")
    if day == today:
        day = today - timedelta(days=1)
    following = day + timedelta(days=1)
    _exists(following, end)
    if following == today and _later_than_now(following, end, now):
        raise ValidationError(
            f"{clock.clock_text(end)} is later than now; log time once it has happened "
            f"({clock.clock_text(start)}-{clock.clock_text(end)} runs from {day:%a} into "
            f"{following:%a})."
        )
    before = clock.real_minutes(day, start, DAY_MINUTES)
    after = clock.real_minutes(following, 0, end)
    return day, before, after
