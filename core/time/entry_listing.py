"""Time entries as a listing shows them: `log list`, its JSON and the CSV export.

Ten years are 50,000 entries. Read as a TimeEntry each, with dates and clock times as objects
that every listing then wrote back out as text, the rows took twice as long as the query. Here
they are read column by column, as the texts the listing prints: each distinct date and clock
time is read and written once (ten years hold about 4,000 dates and a few hundred times), in
the same order and with the same texts as `TimeStore.entries_between` and `clock_text` give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence

from sqlite_utils import Database

from core.time.entry_clock import clock_text, parse_clock
from core.time.time_entries import ENTRY_ORDER

# The entries alone: their activities (a dozen) and cases (hundreds) are named from two small
# reads, which is quicker than joining them to 50,000 rows.
_ENTRIES = (
    'SELECT e.id, e.date, e.start, e."end", e.minutes, e.activity_id, e.case_id, '
    "ifnull(e.note, '') FROM time_entries e WHERE e.date BETWEEN ? AND ?" + ENTRY_ORDER
)


@dataclass(frozen=True)
class EntryColumns:
    """The entries of a period, one sequence per column, in the order of the Time view (by
    date, timed before untimed, by start). Texts are as shown: dates as 2026-11-28, clock
    times as HH:MM (an end of the day as 24:00), None for an entry without times."""

    id: Sequence[int]
    date: Sequence[str]
    start: Sequence[str | None]
    end: Sequence[str | None]
    minutes: Sequence[int]
    activity: Sequence[str]
    counted_by_wmt: Sequence[bool]
    case_reference: Sequence[str | None]
    note: Sequence[str]

    def __len__(self) -> int:
        return len(self.id)

    def spans(self) -> list[str]:
        """09:00–10:30 for each timed entry, "" for one without times (as `format_span`)."""
        return [f"{start}–{end}" if start is not None and end is not None else ""
                for start, end in zip(self.start, self.end)]


def _each_distinct(column: Sequence, text: Callable) -> list:
    """`text(value)` for every value in `column`, worked out once per distinct value."""
    shown = {value: text(value) for value in set(column)}
    return list(map(shown.__getitem__, column))


def _clock(end: bool) -> Callable[[str | None], str | None]:
    def shown(stored: str | None) -> str | None:
        value = parse_clock(stored)
        return None if value is None else clock_text(value, end=end)
    return shown


def entry_columns(db: Database, first: date, last: date) -> EntryColumns:
    """Every entry from `first` to `last`, inclusive."""
    rows = db.execute(_ENTRIES, [first.isoformat(), last.isoformat()]).fetchall()
    activity_of = {row[0]: row[1:] for row in
                   db.execute("SELECT id, name, counted_by_wmt FROM activities").fetchall()}
    if not {row[5] for row in rows} <= activity_of.keys():
        # An entry whose activity is gone is not listed, as the Time view's join leaves it out.
        rows = [row for row in rows if row[5] in activity_of]
    if not rows:
        return EntryColumns(*([] for _ in range(9)))
    ids, days, starts, ends, minutes, activity_ids, case_ids, notes = zip(*rows)
    reference_of = dict(db.execute("SELECT id, reference FROM cases").fetchall())
    return EntryColumns(
        id=ids,
        date=_each_distinct(days, lambda day: date.fromisoformat(day).isoformat()),
        start=_each_distinct(starts, _clock(end=False)),
        end=_each_distinct(ends, _clock(end=True)),
        minutes=minutes,
        activity=_each_distinct(activity_ids, lambda key: activity_of[key][0]),
        counted_by_wmt=_each_distinct(activity_ids, lambda key: bool(activity_of[key][1])),
        case_reference=_each_distinct(case_ids, reference_of.get),
        note=notes,
    )
