"""Propose one time entry per calendar event, with the reason when a row is not ticked.

Rules (issue 17): an event's activity comes from the practitioner's keyword rules, else from what
was chosen last time for the same subject, else none (unticked until one is chosen); a case only
when the subject holds one of the practitioner's own references. All-day events are offered as
leave or training days, unticked. Free, cancelled and declined events, those outside the working
pattern, and those overlapping time already logged are shown unticked with the reason; events
already imported (same UID and start), not yet over, or running past midnight cannot be ticked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from core.common.clock import today as clock_today
from core.time.calendar.reader import LONDON, CalendarEvent
from core.time.calendar.rules import (
    list_rules,
    matching_rule,
    remembered_activity,
    subject_hash,
    uid_hash,
)
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import get_activity
from core.time.bank_holidays import bank_holidays_between
from core.time.time_entries import TimeEntry, TimeStore, format_span, span_minutes
from core.time.working_week import get_pattern, leave_between

TIME, LEAVE = "time", "leave"
UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class ProposedRow:
    """One row of the preview. `event` (with its subject) lives in memory only.

    `minutes` is wall-clock length in Europe/London; `reason` says why the row is unticked
    (empty when it is proposed as is); `can_import` is False for rows that may not be ticked."""

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

    @property
    def subject(self) -> str:
        return self.event.subject

    @property
    def span_text(self) -> str:
        if self.start is None or self.end is None:
            return "all day"
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def _case_for(subject: str, cases: list[Case], day: date) -> Case | None:
    for case in cases:
        named = re.search(r"(?<!\w)" + re.escape(case.reference) + r"(?!\w)", subject, re.I)
        if named and (case.closed_date is None or day < case.closed_date):
            return case
    return None


def _imported(db: Database, event: CalendarEvent, key: str) -> bool:
    hashed = uid_hash(db, event.uid)
    if hashed is None:
        return False
    rows = db.query(
        "SELECT 1 FROM calendar_imported i WHERE i.uid_hash = ? AND i.start_utc = ? AND ("
        "EXISTS (SELECT 1 FROM time_entries e WHERE e.id = i.entry_id) OR "
        "EXISTS (SELECT 1 FROM leave_days l WHERE l.date = i.leave_date))",
        [hashed, key],
    )
    return bool(list(rows))


class _Proposer:
    def __init__(self, db: Database, first: date, last: date, today: date):
        self.db, self.today = db, today
        self.store = TimeStore(db)
        self.rules = list_rules(db)
        self.cases = sorted(CaseStore(db).list_cases("all"), key=lambda c: -len(c.reference))
        self.pattern = get_pattern(db)
        self.leave = leave_between(db, first, last)
        self.holidays = bank_holidays_between(first, last)
        self.taken: dict[date, list[tuple[int, int, str]]] = {}
        self.now: datetime | None = None

    def activity(self, subject: str) -> tuple[int | None, str]:
        rule = matching_rule(self.rules, subject)
        if rule is not None:
            return rule.activity_id, f"keyword “{rule.keyword}”"
        remembered = remembered_activity(self.db, subject_hash(self.db, subject))
        if remembered is not None:
            return remembered, "as last time"
        return None, ""

    def day_off(self, day: date) -> str:
        if day in self.holidays:
            return f"Bank holiday ({self.holidays[day]})"
        leave = self.leave.get(day)
        if leave is not None and leave.hours is None:
            return f"You were on {leave.kind}"
        if self.pattern.hours[day.weekday()] <= 0:
            return "Not one of your working days"
        return ""

    def time_row(self, event: CalendarEvent) -> ProposedRow:
        assert event.start is not None and event.end is not None
        day, start, end = event.start.date(), event.start.time(), event.end.time()
        activity_id, source = self.activity(event.subject)
        case = _case_for(event.subject, self.cases, day)
        row = ProposedRow(
            event,
            TIME,
            day,
            start.replace(second=0, microsecond=0),
            end.replace(second=0, microsecond=0),
            activity_id=activity_id,
            activity_name=get_activity(self.db, activity_id).name if activity_id else "",
            activity_source=source,
            case_id=case.id if case else None,
            case_reference=case.reference if case else None,
        )
        if event.end.date() == day:
            row = replace(row, minutes=span_minutes(row.start, row.end))  # type: ignore[arg-type]
        blocked = self.blocked(event, row)
        if blocked:
            return replace(row, can_import=False, greyed=True, reason=blocked)
        reason, greyed = self.unticked(event, row)
        if not reason and activity_id is None:
            reason = "Choose an activity"
        if not reason:
            self.taken.setdefault(day, []).append((*row_span(row), row.span_text))
        return replace(row, ticked=not reason, greyed=greyed, reason=reason)

    def blocked(self, event: CalendarEvent, row: ProposedRow) -> str:
        if _imported(self.db, event, event.start_key):
            return "Already imported"
        assert event.start is not None and event.end is not None
        if event.end.date() > self.today or (self.now is not None and event.end > self.now):
            return "Not over yet: import it once it has happened"
        if event.end.date() != event.start.date():
            return "Runs past midnight: log it by hand"
        if row.minutes <= 0:
            return "No length"
        elapsed = (event.end.astimezone(UTC) - event.start.astimezone(UTC)) / timedelta(minutes=1)
        if elapsed != row.minutes:
            return "The clocks change during it: log it by hand"
        return ""

    def unticked(self, event: CalendarEvent, row: ProposedRow) -> tuple[str, bool]:
        """(reason, greyed) for a row offered but not ticked; ("", False) when proposed."""
        if event.cancelled:
            return "Cancelled", True
        if event.declined:
            return "Declined", True
        if event.free:
            return "Shown as free", True
        off = self.day_off(row.date)
        if off:
            return off, True
        first, last = row_span(row)
        day_start = self.pattern.day_start.hour * 60 + self.pattern.day_start.minute
        day_end = self.pattern.day_end.hour * 60 + self.pattern.day_end.minute
        if last <= day_start or first >= day_end:
            return "Outside your working day", True
        probe = TimeEntry(row.date, row.minutes, row.activity_id or 0, row.start, row.end)
        clashes = self.store.overlaps(probe)
        if clashes:
            named = "; ".join(f"{format_span(c)} {c.activity_name}" for c in clashes)
            return f"Overlaps {named} already logged", False
        for a, b, span in self.taken.get(row.date, []):
            if a < last and first < b:
                return f"Overlaps {span} from this calendar", False
        return "", False

    def leave_rows(self, event: CalendarEvent) -> list[ProposedRow]:
        assert event.all_day is not None
        activity_id, _source = self.activity(event.subject)
        training = activity_id is not None and get_activity(self.db, activity_id).key == "training"
        kind = "training day" if training else "annual leave"
        rows: list[ProposedRow] = []
        day = event.all_day[0]
        while day <= event.all_day[1] and len(rows) < 31:
            row = ProposedRow(event, LEAVE, day, leave_kind=kind, reason=f"All day: {kind}?")
            if _imported(self.db, event, day.isoformat()) or day in self.leave:
                row = replace(row, can_import=False, greyed=True, reason="Already in your leave")
            elif day > self.today:
                row = replace(row, can_import=False, greyed=True, reason="Not over yet")
            elif self.day_off(day):
                row = replace(row, can_import=False, greyed=True, reason=self.day_off(day))
            rows.append(row)
            day += timedelta(days=1)
        return rows


def row_span(row: ProposedRow) -> tuple[int, int]:
    """A timed row's start and end as minutes after midnight (wall clock)."""
    assert row.start is not None
    first = row.start.hour * 60 + row.start.minute
    return first, first + row.minutes


def propose(
    db: Database,
    events: list[CalendarEvent],
    first: date,
    last: date,
    today: date | None = None,
    now: datetime | None = None,
) -> list[ProposedRow]:
    """The preview rows for `events` (read for `first`..`last`), in calendar order. Writes nothing.

    Events ending after `now` (a London wall-clock time; default: only days after `today`)
    cannot be ticked: time is logged once it has happened."""
    proposer = _Proposer(db, first, last, today or (now.date() if now else clock_today()))
    proposer.now = None if now is None else now.replace(tzinfo=LONDON)
    rows: list[ProposedRow] = []
    seen: set[tuple[str, str]] = set()
    for event in events:
        if (event.uid, event.start_key) in seen and event.uid:
            continue
        seen.add((event.uid, event.start_key))
        if event.all_day is not None:
            rows.extend(proposer.leave_rows(event))
        else:
            rows.append(proposer.time_row(event))
    return rows


def with_activity(db: Database, row: ProposedRow, activity_id: int | None) -> ProposedRow:
    """The row with the practitioner's activity; a row waiting only for one becomes ticked."""
    name = get_activity(db, activity_id).name if activity_id is not None else ""
    waiting = row.reason == "Choose an activity"
    row = replace(row, activity_id=activity_id, activity_name=name, activity_source="your choice")
    if waiting and activity_id is not None:
        row = replace(row, reason="", ticked=True)
    return row


def with_case(db: Database, row: ProposedRow, case_id: int | None) -> ProposedRow:
    """The row with the practitioner's choice of case (None: no case)."""
    reference = CaseStore(db).get_case(case_id).reference if case_id is not None else None
    return replace(row, case_id=case_id, case_reference=reference)


def with_note(row: ProposedRow, note: str) -> ProposedRow:
    """The row with the practitioner's own note (checked like any note when imported)."""
    return replace(row, note=" ".join(note.split()))


def with_tick(row: ProposedRow, ticked: bool) -> ProposedRow:
    """The row ticked or not; rows that cannot be imported stay unticked."""
    return replace(row, ticked=ticked and row.can_import)
