"""Whether timed entries cross in real time: each entry read as UTC instants, across the clock
changes (see core.common.clock). Used by the time store for overlaps and trimming."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import product
from math import prod
from datetime import date, time
from typing import Protocol, TypeVar

from core.common import clock


class TimedEntry(Protocol):
    """What this module reads of a `core.time.time_entries.TimeEntry` (no import: no circle)."""

    @property
    def date(self) -> date: ...
    @property
    def minutes(self) -> int: ...
    @property
    def start(self) -> time | None: ...
    @property
    def end(self) -> time | None: ...
    @property
    def id(self) -> int | None: ...
    def span(self) -> tuple[int, int] | None: ...


TimeEntry = TypeVar("TimeEntry", bound=TimedEntry)

Interval = tuple[datetime, datetime]


def intervals(entry: TimedEntry) -> list[Interval]:
    """The real spans (UTC instants, start and end) a timed entry can be: one, except for a span
    wholly inside the hour the clocks go back, which may be either occurrence of it. Readings
    whose length disagrees with the stored minutes are dropped."""
    span = entry.span()
    assert span is not None
    found: list[Interval] = []
    for fold_start, fold_end in ((0, 0), (0, 1), (1, 1), (1, 0)):
        start = clock.instant(clock.at_minute(entry.date, span[0], fold_start))
        end = clock.instant(clock.at_minute(entry.date, span[1], fold_end))
        if end - start == timedelta(minutes=entry.minutes) and (start, end) not in found:
            found.append((start, end))
    assert entry.start is not None and entry.end is not None
    if entry.start.fold or entry.end.fold:  # a timer knows which occurrence it lived
        known = (clock.instant(clock.at_minute(entry.date, span[0], entry.start.fold)),
                 clock.instant(clock.at_minute(entry.date, span[1], entry.end.fold)))
        found = [known] if known in found else found
    if not found:  # minutes that match no reading (older data): take the clock face
        start = clock.instant(clock.at_minute(entry.date, span[0]))
        found.append((start, max(start, clock.instant(clock.at_minute(entry.date, span[1])))))
    return found


def cross(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def place(
    entry: TimeEntry, others: list[TimeEntry]
) -> tuple[list[TimeEntry], Interval | None, dict[int, Interval]]:
    """The `others` that `entry` crosses in real time, with the instants `entry` and each other
    entry (by id) are read as.

    Times are compared as instants, so 01:30 (summer time) to the second 01:05 is one span.
    The table keeps wall-clock times and real minutes, not which occurrence of a repeated
    hour was meant; the minutes settle it except for a span wholly inside that hour. Such
    spans may lie in either occurrence, and the reading with no clash is taken when one
    exists (01:10-01:40 twice on the October day is two different half hours)."""
    options = [intervals(entry)] + [intervals(o) for o in others]
    if prod(len(o) for o in options) > 4096:  # never on a real day; keep the first readings
        options = [o[:1] for o in options]
    best: tuple[tuple[int, int], list[TimeEntry], tuple[Interval, ...]] | None = None
    for combo in product(*options):
        mine, theirs = combo[0], combo[1:]
        clash = [o for o, span in zip(others, theirs) if cross(mine, span)]
        settled = len(options) == sum(map(len, options)) or not any(
            cross(a, b) for i, a in enumerate(theirs) for b in theirs[i + 1 :]
        )
        score = (0 if settled else 1, len(clash))
        if best is None or score < best[0]:
            best = (score, clash, combo)
    assert best is not None
    placed = {o.id: span for o, span in zip(others, best[2][1:]) if o.id is not None}
    return best[1], best[2][0], placed
