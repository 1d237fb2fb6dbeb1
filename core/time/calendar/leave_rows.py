"""The preview's rows for an all-day event: leave (or training) days, offered unticked; and for
an event whose leave was imported before, the leave brought into step with the calendar.

An all-day event moved to other days (same UID, Mon–Tue to Tue–Wed) takes the days it left out
of the leave it imported (ticked) and adds the days it moved onto (ticked, with the kind given
before), in the import's one undo step. A day another all-day event of the file still covers,
and leave the practitioner typed or changed by hand, are never taken out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Protocol

from sqlite_utils import Database

from core.common.dates import FIRST_DATE, LAST_DATE
from core.time.activities import get_activity
from core.time.calendar.reader import CalendarEvent
from core.time.calendar.resync import CANCELLED, LEAVE_IN, LEAVE_OUT, previous
from core.time.calendar.rows import LEAVE, ProposedRow
from core.time.working_week import LeaveDay


class Proposing(Protocol):
    """What the preview knows that the leave rows need (core.time.calendar.preview)."""

    db: Database
    today: date
    leave: dict[date, LeaveDay]

    def activity(self, subject: str) -> tuple[int | None, str]: ...

    def day_off(self, day: date) -> str: ...

    def covered_by_another(self, event: CalendarEvent, day: date) -> bool: ...

MAX_DAYS = 31  # an all-day event longer than a month is shown for its first month


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range(min((last - first).days + 1, MAX_DAYS))]


def leave_rows(proposer: Proposing, event: CalendarEvent) -> list[ProposedRow]:
    assert event.all_day is not None
    earlier = previous(proposer.db, event)
    activity_id, _source = proposer.activity(event.subject)
    training = (
        activity_id is not None and get_activity(proposer.db, activity_id).key == "training"
    )
    kind = "training day" if training else "annual leave"
    held = proposer.leave
    if event.cancelled and earlier is not None and earlier.leave:  # take its leave back out
        return [
            ProposedRow(event, LEAVE, day, leave_kind=held[day].kind if day in held else kind,
                        ticked=True, change=CANCELLED)
            for day in earlier.leave
        ]
    days = _days(*event.all_day)
    moved: list[ProposedRow] = []
    if earlier is not None and earlier.leave and not event.cancelled:
        kind = next((held[d].kind for d in earlier.leave if d in held), kind)  # as imported
        moved = [
            ProposedRow(event, LEAVE, day, leave_kind=held[day].kind if day in held else kind,
                        ticked=True, change=LEAVE_OUT)
            for day in earlier.leave
            if day not in days and not proposer.covered_by_another(event, day)
        ]
    rows: list[ProposedRow] = []
    for day in days:
        row = ProposedRow(event, LEAVE, day, leave_kind=kind, reason=f"All day: {kind}?")
        if (earlier is not None and day in earlier.leave) or day in held:
            row = replace(row, can_import=False, greyed=True, reason="Already in your leave")
        elif day > proposer.today:
            row = replace(row, can_import=False, greyed=True, reason="Not over yet")
        elif not FIRST_DATE <= day <= LAST_DATE:
            row = replace(row, can_import=False, greyed=True, reason="Before 2000")
        elif proposer.day_off(day):
            row = replace(row, can_import=False, greyed=True, reason=proposer.day_off(day))
        elif earlier is not None and earlier.leave:  # its leave was imported: it moves with it
            row = replace(row, reason="", ticked=True, change=LEAVE_IN)
        rows.append(row)
    return sorted(moved + rows, key=lambda r: r.date)
