"""Clock times of time entries: minutes after midnight, the 24:00 end, and HH:MM text.

An end of 24:00 (the end of the day) is held as `END_OF_DAY`, `time(0)`, and written "24:00":
an entry cannot end at the 00:00 it starts from, so the two never mix. Minutes are whole minutes
(int); real elapsed time differs from end minus start only across a clock change (core.common.clock).
"""

from __future__ import annotations

import functools
from datetime import date, time

from core.common import clock

DAY_MINUTES = 24 * 60
END_OF_DAY = time(0)  # as an end time: 24:00, midnight at the end of the entry's day


def minutes_of(value: time) -> int:
    """Minutes after midnight for a start time (09:30 is 570)."""
    return value.hour * 60 + value.minute


def end_minutes(end: time) -> int:
    """Minutes after midnight for an end time: 00:00 as an end is 24:00, so 1440."""
    return DAY_MINUTES if end == END_OF_DAY else minutes_of(end)


def span_minutes(start: time, end: time) -> int:
    """End minus start on the clock face (an end of 00:00 is 24:00); not real time across a
    clock change, for which see `entry_minutes`."""
    return end_minutes(end) - minutes_of(start)


def entry_minutes(day: date, start: time, end: time) -> int:
    """Real minutes from `start` to `end` on `day` (60 for 00:30-02:30 as the clocks go forward,
    35 for 01:30 to the second 01:05 as they go back); end minus start when neither fits."""
    minutes = clock.typed_length(day, minutes_of(start), end_minutes(end))
    return span_minutes(start, end) if minutes is None else minutes


def clock_text(value: time, end: bool = False) -> str:
    """HH:MM, with an end of the day written 24:00."""
    if end and value == END_OF_DAY:
        return "24:00"
    # Not strftime: it imports the time module on every call, through any import hook the
    # process has (PySide6's, in the window), 50,000 times for ten years of entries.
    return f"{value.hour:02d}:{value.minute:02d}"


@functools.lru_cache(maxsize=4096)
def span_text(start: time, end: time) -> str:
    """09:00–10:30; made once for each pair of times (ten years of entries share a few
    thousand pairs)."""
    return f"{clock_text(start)}–{clock_text(end, end=True)}"


def parse_clock(text: str | None) -> time | None:
    if not text:
        return None
    return END_OF_DAY if text == "24:00" else time.fromisoformat(text)
