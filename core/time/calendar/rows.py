"""One row of the calendar preview: what it would import, and why it is unticked when it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from core.time.calendar.reader import CalendarEvent
from core.time.entry_clock import clock_text, end_minutes

TIME, LEAVE = "time", "leave"

__all__ = ["LEAVE", "TIME", "ProposedRow", "row_span"]


@dataclass(frozen=True)
class ProposedRow:
    """One row of the preview. `event` (with its subject) lives in memory only.

    `minutes` is real elapsed time (3 h 30 for 00:30-03:00 as the clocks go back); an `end` of
    00:00 after a start is 24:00, the end of the day. An event past midnight is two rows, split
    there. `key` is the part's start in UTC, which marks it imported. `reason` says why the row is
    unticked (empty when it is proposed as is); `can_import` is False for rows that may not be
    ticked."""

    event: CalendarEvent
    kind: str
    date: date
    start: time | None = None
    end: time | None = None
    minutes: int = 0
    activity_id: int | None = None
    activity_name: str = ""
    activity_source: str = ""
    case_id: int | None = None
    case_reference: str | None = None
    leave_kind: str = ""
    note: str = ""  # empty unless the practitioner types one
    ticked: bool = False
    can_import: bool = True
    greyed: bool = False
    reason: str = ""
    key: str = ""
    change: str = ""  # what importing it again does to an entry imported before (resync)
    replaces: tuple[int, ...] = ()  # the entries imported before that this row takes out
    # Entries imported before that this row overlaps and other rows of the import move or take
    # out first (two appointments that swapped times): it imports only with those rows.
    after: tuple[int, ...] = ()
    after_said: str = ""  # the overlap in words, for when those rows are not ticked

    @property
    def subject(self) -> str:
        return self.event.subject

    @property
    def span_text(self) -> str:
        if self.start is None or self.end is None:
            return "all day" if self.kind == LEAVE else "–"
        return f"{self.start:%H:%M}–{clock_text(self.end, end=True)}"



def row_span(row: ProposedRow) -> tuple[int, int]:
    """A timed row's start and end as minutes after midnight (wall clock; 24:00 is 1440)."""
    assert row.start is not None and row.end is not None
    return row.start.hour * 60 + row.start.minute, end_minutes(row.end)
