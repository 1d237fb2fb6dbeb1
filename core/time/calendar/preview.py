"""Propose one time entry per calendar event, with the reason when a row is not ticked.

Rules (issue 17): an event's activity comes from the practitioner's keyword rules, else from what
was chosen last time for the same subject, else none (unticked until one is chosen); a case only
when the subject holds one of the practitioner's own references (the one named first, as for
keywords). All-day events are offered as leave or training days, unticked. Free, cancelled and
declined events (declined by the practitioner: see attendance), those outside the working pattern,
and those overlapping time already logged are shown unticked with the reason; events already
imported (core.time.calendar.resync), not yet over, over more than a day or ending before they
start cannot be ticked; one moved or cancelled since it was imported replaces or takes out its
entry. An event past midnight is split there; lengths are real time across the clock
changes, as the time store keeps them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from core.common import clock
from core.common.dates import FIRST_DATE, LAST_DATE

from core.time.calendar.checks import settle
from core.time.calendar.leave_rows import leave_rows
from core.time.calendar.attendance import DECLINED, Attendance, declined_reason
from core.time.calendar.reader import LONDON, CalendarEvent
from core.time.calendar.rules import (
    first_named, list_rules, matching_rule, remembered_activity, subject_hash,
)
from core.time.calendar.rows import LEAVE, TIME, ProposedRow, row_span  # noqa: F401 - re-exported
from core.time.calendar.series import gone_from_series
from core.time.calendar.resync import (
    BY_HAND, CANCELLED, DELETED, EDITED, MOVED, TAKEN_OUT, Previous, previous,
)
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.activities import get_activity
from core.time.bank_holidays import bank_holidays_between
from core.time.time_entries import (
    NOTE_MAX, TimeEntry, TimeStore, format_span,
)
from core.common.identifiers import identifier_message
from core.time.working_week import get_pattern, leave_between

LOGGED = "already logged"
UTC = ZoneInfo("UTC")


def _case_for(subject: str, cases: list[Case], day: date) -> Case | None:
    """The open case whose reference the subject names first (the same rule as keywords)."""
    open_cases = [c for c in cases if c.closed_date is None or day < c.closed_date]
    return first_named([(c, c.reference) for c in open_cases], subject)


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
        self.attendance = Attendance(False)
        self.earlier: TimeEntry | None = None  # the entry a moved event's rows replace
        self.earlier_all: tuple[TimeEntry, ...] = ()
        self.gone: tuple[int, ...] = ()  # entries of a series no longer in it, taken out
        self.leaving: set[int] = set()  # entries imported before that rows here move or take out
        self.after: tuple[int, ...] = ()  # of the row being made: see ProposedRow.after
        self.after_said = ""
        self.all_days: list[tuple[CalendarEvent, date, date]] = []  # the file's all-day events

    def activity(self, subject: str) -> tuple[int | None, str]:
        if self.earlier is not None:
            return self.earlier.activity_id, "as imported before"
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

    def time_rows(self, event: CalendarEvent) -> list[ProposedRow]:
        """One row, or two for an event past midnight (split there, as a timer is)."""
        return [self.time_row(event, start, end) for start, end in _parts(event)]

    def time_row(self, event: CalendarEvent, start: datetime, end: datetime) -> ProposedRow:
        day = start.date()
        activity_id, source = self.activity(event.subject)
        case = _case_for(event.subject, self.cases, day)
        if self.earlier is not None:
            case = next((c for c in self.cases if c.id == self.earlier.case_id), None)
        row = ProposedRow(
            event,
            TIME,
            day,
            start.time().replace(second=0, microsecond=0, fold=0),
            end.time().replace(second=0, microsecond=0, fold=0),
            minutes=_elapsed(start, end),
            activity_id=activity_id,
            activity_name=get_activity(self.db, activity_id).name if activity_id else "",
            activity_source=source,
            case_id=case.id if case else None,
            case_reference=case.reference if case else None,
            key=_utc_key(start),
        )
        blocked = self.blocked(event, row, end)
        if blocked:
            return replace(row, can_import=False, greyed=True, reason=blocked)
        self.after, self.after_said = (), ""
        reason, greyed = self.unticked(event, row)
        row = replace(row, after=self.after, after_said=self.after_said)
        if reason.endswith(LOGGED):  # the time store refuses an overlap: it cannot be ticked
            return replace(row, can_import=False, reason=reason)
        if not reason and activity_id is None:
            reason = "Choose an activity"
        if not reason:
            self.taken.setdefault(day, []).append((*row_span(row), row.span_text))
        return replace(row, ticked=not reason, greyed=greyed, reason=reason)

    def blocked(self, event: CalendarEvent, row: ProposedRow, end: datetime) -> str:
        if event.backwards:
            return "Its end is before its start in your calendar: log it by hand"
        if end.date() > self.today or (self.now is not None and end > self.now):
            return "Not over yet: import it once it has happened"
        if not FIRST_DATE <= row.date <= LAST_DATE:  # the time store would refuse it
            return f"Before {FIRST_DATE.year} or after {LAST_DATE.year}: outside what the app keeps"
        if end > datetime.combine(row.date + timedelta(days=1), time(0), LONDON):
            return "Lasts more than a day: log it by hand"
        for at in (event.start, end):  # a time the clocks skipped, as the calendar wrote it
            if at is not None and at.astimezone(UTC).astimezone(LONDON).time() != at.time():
                return (f"{at:%H:%M} did not happen on {at.day} {at:%B} (the clocks went "
                        "forward): log it by hand")
        if row.minutes <= 0:
            return "No length"
        return _store_refuses(row)

    def unticked(self, event: CalendarEvent, row: ProposedRow) -> tuple[str, bool]:
        """(reason, greyed) for a row offered but not ticked; ("", False) when proposed."""
        if event.cancelled:
            return "Cancelled", True
        declined = declined_reason(event, self.attendance)
        if declined:
            return declined, declined == DECLINED
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
        ignore = [e.id for e in self.earlier_all if e.id is not None]
        clashes = self.store.overlaps(probe, ignore=ignore)
        if any(c.id in self.leaving for c in clashes):  # the calendar's new state decides
            moving = [c for c in clashes if c.id in self.leaving]
            self.after = tuple(c.id for c in moving if c.id is not None)
            self.after_said = "Overlaps " + "; ".join(
                f"{format_span(c)} {c.activity_name}" for c in moving) + f" {LOGGED}"
            clashes = [c for c in clashes if c.id not in self.leaving]
        if clashes:
            named = "; ".join(f"{format_span(c)} {c.activity_name}" for c in clashes)
            return f"Overlaps {named} {LOGGED}", False
        for a, b, span in self.taken.get(row.date, []):
            if a < last and first < b:
                return f"Overlaps {span} from this calendar", False
        return "", False

    def resync_rows(self, event: CalendarEvent, earlier: Previous) -> list[ProposedRow]:
        """Rows for an event imported before: already imported, or replacing (or taking out)
        the entries then imported, unless the practitioner has changed those by hand."""
        parts = {(a.date(), a.time().replace(fold=0), b.time().replace(fold=0)): (a, b)
                 for a, b in _parts(event)}
        imported = {(e.date, e.start, e.end) for e in earlier.entries}
        if imported <= set(parts) and not event.cancelled:  # a part left unticked stays offered
            return [self.plain_row(event, *ab, "Already imported") if span in imported
                    else self.time_row(event, *ab) for span, ab in parts.items()]
        if earlier.by_hand:
            now_at = {_utc_key(a) for a, _b in _parts(event)}
            why = EDITED if earlier.starts == now_at and not event.cancelled else BY_HAND
            return [self.plain_row(event, *ab, why) for ab in parts.values()]
        ids = tuple(e.id for e in earlier.entries if e.id is not None)
        if event.cancelled:
            return _cancelled(event, earlier.entries)
        self.earlier, self.earlier_all = earlier.entries[0], earlier.entries
        try:
            rows = self.time_rows(event)
        finally:
            self.earlier, self.earlier_all = None, ()
        said = "" if any(r.reason.startswith("Overlaps") for r in rows) else (
            "; ticking it replaces the entry imported before")  # so an old entry never surprises
        return [
            replace(r, note=earlier.entries[0].note, change=MOVED, replaces=ids,
                    reason=r.reason and r.reason + said)
            if r.can_import else replace(r, reason=r.reason + "; the entry imported before stays")
            for r in rows
        ]

    def plain_row(
        self, event: CalendarEvent, start: datetime, end: datetime, why: str
    ) -> ProposedRow:
        return ProposedRow(
            event, TIME, start.date(), start.time().replace(second=0, microsecond=0, fold=0),
            end.time().replace(second=0, microsecond=0, fold=0), _elapsed(start, end),
            can_import=False, greyed=True, reason=why, key=_utc_key(start),
        )

    def covered_by_another(self, event: CalendarEvent, day: date) -> bool:
        """Whether an all-day event of the file other than `event` is on `day`."""
        return any(other is not event and first <= day <= last
                   for other, first, last in self.all_days)


def _store_refuses(row: ProposedRow) -> str:
    """Why the time store, reading lengths in the computer's own time zone, would refuse the
    row's times and minutes: so a row the preview ticks is one the import saves."""
    first, last = row_span(row)
    missing = [m for m in (clock.missing_time(row.date, t) for t in (first, last)) if m]
    if missing or row.minutes in clock.positive_lengths(row.date, first, last):
        return missing[0].rstrip(".") if missing else ""
    return "The clocks change during it and your computer is not on UK time: log it by hand"


def _cancelled(event: CalendarEvent, entries: tuple[TimeEntry, ...]) -> list[ProposedRow]:
    """Rows taking out the entries imported before from an event cancelled since."""
    ids = tuple(e.id for e in entries if e.id is not None)
    return [
        ProposedRow(
            event, TIME, e.date, e.start, e.end, e.minutes, e.activity_id, e.activity_name,
            "as imported before", e.case_id, e.case_reference, note=e.note, ticked=True,
            change=CANCELLED, replaces=ids,
        )
        for e in entries
    ]


def _elapsed(start: datetime, end: datetime) -> int:
    """Whole minutes of real time (aware datetimes in one zone subtract as wall-clock times)."""
    return int((end.astimezone(UTC) - start.astimezone(UTC)) // timedelta(minutes=1))


def _utc_key(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def _parts(event: CalendarEvent) -> list[tuple[datetime, datetime]]:
    """The event's start and end, split at the midnight it runs past (when it ends within the
    next day); an event over more than one midnight stays whole, to be logged by hand."""
    assert event.start is not None and event.end is not None
    start, end = event.start, event.end
    midnight = datetime.combine(start.date() + timedelta(days=1), time(0), LONDON)
    if end <= midnight or end.date() > midnight.date() or _elapsed(start, end) >= 24 * 60:
        return [(start, end)]
    return [(start, midnight), (midnight, end)]


def _leaving(event: CalendarEvent, earlier: Previous | None) -> set[int]:
    """The entries imported before from `event` that its rows now move or take out (as
    `resync_rows` decides): none when it is as imported, or its entries were changed by hand."""
    if earlier is None or not earlier.entries or earlier.by_hand:
        return set()
    parts = {(a.date(), a.time().replace(fold=0), b.time().replace(fold=0))
             for a, b in _parts(event)}
    if {(e.date, e.start, e.end) for e in earlier.entries} <= parts and not event.cancelled:
        return set()
    return {e.id for e in earlier.entries if e.id is not None}


def propose(
    db: Database,
    events: list[CalendarEvent],
    first: date,
    last: date,
    today: date | None = None,
    now: datetime | None = None,
    attendance: Attendance | None = None,
) -> list[ProposedRow]:
    """The preview rows for `events` (read for `first`..`last`), in calendar order. Writes nothing.

    `attendance` says which attendee is the practitioner (`attendance_for`); without it no
    event is taken as certainly declined.

    Events ending after `now` (a London wall-clock time; default: only days after `today`)
    cannot be ticked: time is logged once it has happened."""
    proposer = _Proposer(db, first, last, today or (now.date() if now else clock.today()))
    proposer.now = None if now is None else now.replace(tzinfo=LONDON)
    proposer.attendance = attendance or Attendance(False)
    rows: list[ProposedRow] = []
    seen: set[tuple[str, str]] = set()
    timed = [e for e in events if not e.problem and e.all_day is None]
    earlier_of = {id(e): previous(db, e) for e in timed}
    claimed = {x.id for p in earlier_of.values() if p for x in p.entries if x.id is not None}
    gone = gone_from_series(db, timed, first, last, claimed)
    proposer.all_days = [(e, *e.all_day) for e in events
                         if e.all_day is not None and not e.cancelled and not e.problem]
    proposer.gone = tuple(entry.id for _event, entry in gone if entry.id is not None)
    proposer.leaving = set(proposer.gone).union(
        *(_leaving(e, earlier_of[id(e)]) for e in timed))
    for event in events:
        if (event.uid, event.start_key) in seen and event.uid:
            continue
        seen.add((event.uid, event.start_key))
        if event.problem:
            rows.append(
                ProposedRow(
                    event, TIME, event.first_day, can_import=False, greyed=True,
                    reason=event.problem,
                )
            )
        elif event.all_day is not None:
            rows.extend(leave_rows(proposer, event))
        else:
            earlier = earlier_of[id(event)]
            if earlier is TAKEN_OUT:  # deleted by hand: offered, never ticked for them
                rows.extend(replace(r, ticked=False, reason=r.reason or DELETED)
                            for r in proposer.time_rows(event))
            elif earlier is not None and earlier.entries:
                rows.extend(proposer.resync_rows(event, earlier))
            else:
                rows.extend(proposer.time_rows(event))
    rows.extend(row for event, entry in gone for row in _cancelled(event, (entry,)))
    return settle(sorted(rows, key=lambda r: r.date))  # stable: calendar order within a day


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


def note_problem(note: str) -> str:
    """What the time store would refuse in a note ("" when nothing): said on the row at once,
    so a note that cannot be saved never refuses the import at Import."""
    if len(note) > NOTE_MAX:
        return f"Keep the note to {NOTE_MAX} characters or fewer"
    return (identifier_message("note", note) or "").rstrip(".")


def with_note(row: ProposedRow, note: str) -> ProposedRow:
    """The row with the practitioner's own note; a note the store would refuse unticks the row
    and says why, and mending it ticks the row again."""
    note = " ".join(note.split())
    problem = note_problem(note)
    if problem:
        return replace(row, note=note, ticked=False, reason=problem)
    if row.reason and row.reason == note_problem(row.note):
        return replace(row, note=note, reason="", ticked=row.can_import)
    return replace(row, note=note)


def with_tick(row: ProposedRow, ticked: bool) -> ProposedRow:
    """The row ticked or not; rows that cannot be imported stay unticked."""
    return replace(row, ticked=ticked and row.can_import)
