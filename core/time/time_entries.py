"""The time-entry store: log, edit, delete and list time, refusing overlaps unless asked to trim.

An end of 24:00 (the end of the day) is held as `time(0)` in `TimeEntry.end` and stored as
"24:00": an entry cannot end at the 00:00 it starts from, so the two never mix (the clock-time
helpers are in core.time.entry_clock). `minutes` is real elapsed time, which differs from end
minus start only across a clock change (see core.common.clock).

Every write returns a `TimeChange` (rows added and rows removed, exactly as stored), so the
interface can undo and redo any change by reverting or re-applying it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any, Iterable

from sqlite_utils import Database

from core.time.activities import get_activity
from core.caseload.cases import CaseStore
from core.common import clock
from core.common.errors import ValidationError
from core.common.dates import FIRST_DATE, LAST_DATE, shorten
from core.common.identifiers import REFERENCE_MAX, identifier_message
from core.time.entry_clock import (
    DAY_MINUTES,
    END_OF_DAY,
    clock_text,
    end_minutes,
    minutes_of,
    parse_clock,
    span_text,
)
from core.time.overlap import Interval, intervals, place
from core.common.crash_points import crash_point
from core.store.rows import inserted_id

NOTE_MAX = 200


@dataclass(frozen=True)
class TimeEntry:
    """One piece of logged time: a date and minutes, with start and end when known."""

    date: date
    minutes: int
    activity_id: int
    start: time | None = None
    end: time | None = None
    case_id: int | None = None
    note: str = ""
    id: int | None = None
    # Filled when read, for display; never written.
    activity_name: str = field(default="", compare=False)
    counted_by_wmt: bool = field(default=True, compare=False)
    case_reference: str | None = field(default=None, compare=False)

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None

    def span(self) -> tuple[int, int] | None:
        """Start and end as minutes after midnight, for timed entries."""
        if self.start is None or self.end is None:
            return None
        return minutes_of(self.start), end_minutes(self.end)


@dataclass(frozen=True)
class TimeChange:
    """What one user action did: rows that now exist, and the exact rows they replaced."""

    added: tuple[TimeEntry, ...] = ()
    removed: tuple[TimeEntry, ...] = ()
    description: str = ""


class OverlapError(ValidationError):
    """The entry overlaps others; `overlapping` lists them so the user can choose to trim."""

    def __init__(self, problems: list[str], overlapping: list[TimeEntry]):
        super().__init__(problems)
        self.overlapping = overlapping


def format_span(entry: TimeEntry) -> str:
    if entry.start is None or entry.end is None:
        return ""
    return span_text(entry.start, entry.end)


def clock_change_note(entry: TimeEntry) -> str | None:
    """One line when the clocks changed inside a timed entry (its minutes are real time)."""
    span = entry.span()
    if span is None:
        return None
    return clock.clock_change_note(entry.date, span[0], span[1], entry.minutes)


_SELECT = (
    'SELECT e.id, e.date, e.start, e."end", e.minutes, e.activity_id, e.case_id, e.note, '
    "a.name AS activity_name, a.counted_by_wmt, c.reference AS case_reference "
    "FROM time_entries e JOIN activities a ON a.id = e.activity_id "
    "LEFT JOIN cases c ON c.id = e.case_id "
)
ENTRY_ORDER = " ORDER BY e.date, e.start IS NULL, e.start, e.id"


def _row(row: dict[str, Any]) -> TimeEntry:
    return TimeEntry(
        id=row["id"],
        date=date.fromisoformat(row["date"]),
        start=parse_clock(row["start"]),
        end=parse_clock(row["end"]),
        minutes=row["minutes"],
        activity_id=row["activity_id"],
        case_id=row["case_id"],
        note=row["note"] or "",
        activity_name=row["activity_name"],
        counted_by_wmt=bool(row["counted_by_wmt"]),
        case_reference=row["case_reference"],
    )


def _columns(entry: TimeEntry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "start": None if entry.start is None else f"{entry.start:%H:%M}",
        "end": None if entry.end is None else clock_text(entry.end, end=True),
        "minutes": entry.minutes,
        "activity_id": entry.activity_id,
        "case_id": entry.case_id,
        "note": entry.note,
    }


class TimeStore:
    """Only this class reads and writes the `time_entries` table."""

    def __init__(self, db: Database):
        self.db = db

    # Reading -------------------------------------------------------------------------------
    def entries_between(self, first: date, last: date) -> list[TimeEntry]:
        """Read as plain tuples, each distinct date and clock time parsed once: ten years
        (50,000 entries) in about half the time of a dict and two parses per row."""
        sql = _SELECT + "WHERE e.date BETWEEN ? AND ?" + ENTRY_ORDER
        cursor = self.db.execute(sql, [first.isoformat(), last.isoformat()])
        days: dict[str, date] = {}
        times: dict[str | None, time | None] = {None: None, "": None}
        entries = []
        for (entry_id, day, start, end, minutes, activity_id, case_id, note, activity_name,
             counted, reference) in cursor:
            if day not in days:
                days[day] = date.fromisoformat(day)
            for text in (start, end):
                if text not in times:
                    times[text] = parse_clock(text)
            entries.append(TimeEntry(
                id=entry_id, date=days[day], start=times[start], end=times[end],
                minutes=minutes, activity_id=activity_id, case_id=case_id, note=note or "",
                activity_name=activity_name, counted_by_wmt=bool(counted),
                case_reference=reference))
        return entries

    def entries_on(self, day: date) -> list[TimeEntry]:
        return self.entries_between(day, day)

    def get_entry(self, entry_id: int) -> TimeEntry:
        rows = list(self.db.query(_SELECT + "WHERE e.id = ?", [entry_id]))
        if not rows:
            raise KeyError(entry_id)
        return _row(rows[0])

    def case_id_for(self, reference: str) -> int:
        """The id of the case with this reference (any letter case); ValidationError if none."""
        wanted = reference.strip().upper()
        for case in CaseStore(self.db).list_cases("all"):
            if case.reference.upper() == wanted:
                assert case.id is not None
                return case.id
        raise ValidationError(no_such_case(reference.strip(), "or add the case first."))

    # Checking ------------------------------------------------------------------------------
    def problems(self, entry: TimeEntry, today: date | None = None) -> list[str]:
        """Every reason the entry cannot be saved (overlaps aside), as sentences."""
        today = today or clock.today()
        problems: list[str] = []
        if not FIRST_DATE <= entry.date <= LAST_DATE:  # `log list` could never show it
            return [f"That time would land on {entry.date.isoformat()}, outside the years "
                    f"{FIRST_DATE.year} to {LAST_DATE.year} the app keeps; check the date, and "
                    "that your computer's clock is right. Nothing was saved."]
        if entry.date > today:
            problems.append("Time can only be logged for today or earlier.")
        if (entry.start is None) != (entry.end is None):
            problems.append("Give both a start and an end time, or neither.")
        span = entry.span()
        if span is not None:
            missing = [m for m in (clock.missing_time(entry.date, t) for t in span) if m]
            lengths = clock.positive_lengths(entry.date, *span)
            if missing:
                return missing[:1]  # one clear line: nothing else about the entry matters yet
            if not lengths:
                end, start = clock.clock_text(span[1]), clock.clock_text(span[0])
                problems.append(
                    f"The end ({end}) is not after the start ({start}). Use 24:00 for the end "
                    "of the day; time past midnight goes in an entry for the next day, from 00:00."
                )
            elif entry.minutes not in lengths:
                problems.append("The minutes do not match the start and end times.")
        longest = max(DAY_MINUTES, clock.day_minutes(entry.date))
        if not 1 <= entry.minutes <= longest:
            problems.append("An entry must be between 1 minute and 24 hours long.")
        try:
            get_activity(self.db, entry.activity_id)
        except KeyError:
            problems.append("That activity no longer exists.")
        if len(entry.note) > NOTE_MAX:
            problems.append(f"Keep the note to {NOTE_MAX} characters or fewer.")
        message = identifier_message("note", entry.note)
        if message:
            problems.append(message)
        if entry.case_id is not None:
            problems.extend(self.case_problems(entry.case_id, entry.date))
        if not problems:
            others = sum(e.minutes for e in self.entries_on(entry.date) if e.id != entry.id)
            if others + entry.minutes > longest:
                problems.append(f"That would make more than 24 hours on {entry.date:%d %B %Y}.")
        return problems

    def case_problems(self, case_id: int, day: date) -> list[str]:
        # Time before a case starts is allowed: court reports are written before the order.
        # After it closes, no: the work ended then, and a late entry is more likely a typo.
        try:
            case = CaseStore(self.db).get_case(case_id)
        except KeyError:
            return ["That case no longer exists."]
        if case.closed_date is not None and day >= case.closed_date:
            return [
                f"{case.reference} closed on {case.closed_date:%d %B %Y}, so time for it can be "
                "logged only for dates before then."
            ]
        return []

    def overlaps(self, entry: TimeEntry, ignore: Iterable[int] = ()) -> list[TimeEntry]:
        """Timed entries on the same day whose real time crosses this entry's time."""
        return self._placed(entry, ignore)[0]

    def _placed(
        self, entry: TimeEntry, ignore: Iterable[int] = ()
    ) -> tuple[list[TimeEntry], Interval | None, dict[int, Interval]]:
        """`place` against the other timed entries of the entry's day (see core.time.overlap)."""
        if entry.span() is None:
            return [], None, {}
        skip = set(ignore) | ({entry.id} if entry.id is not None else set())
        others = [o for o in self.entries_on(entry.date) if o.id not in skip and o.timed]
        return place(entry, others)

    def _validate(self, entry: TimeEntry, trim: bool, today: date | None) -> list[TimeEntry]:
        problems = self.problems(entry, today)
        if problems:
            raise ValidationError(problems)
        clashing = self.overlaps(entry)
        if clashing and not trim:
            listed = "; ".join(f"{format_span(o)} {o.activity_name}" for o in clashing)
            raise OverlapError(
                [f"That overlaps time already logged ({listed}). Nothing was saved."], clashing
            )
        return clashing

    # Writing -------------------------------------------------------------------------------
    def log_time(
        self, entry: TimeEntry, trim: bool = False, today: date | None = None
    ) -> TimeChange:
        """Save a new entry; with `trim`, entries it overlaps are shortened, split or removed."""
        with self.db.atomic():  # the overlap check and the write see the same data
            clashing = self._validate(replace(entry, id=None), trim, today)
            trimmed_added, trimmed_removed = self._trim(entry, clashing)
            new_id = inserted_id(self.db.table("time_entries").insert(_columns(entry)))
        added = (self.get_entry(new_id),) + trimmed_added
        return TimeChange(added, trimmed_removed, "Log time")

    def update_entry(
        self, entry: TimeEntry, trim: bool = False, today: date | None = None
    ) -> TimeChange:
        if entry.id is None:
            raise ValueError("update_entry needs a stored entry")
        with self.db.atomic():
            before = self.get_entry(entry.id)
            clashing = self._validate(entry, trim, today)
            trimmed_added, trimmed_removed = self._trim(entry, clashing)
            self.db.table("time_entries").update(entry.id, _columns(entry))
        return TimeChange(
            (self.get_entry(entry.id),) + trimmed_added, (before,) + trimmed_removed, "Edit entry"
        )

    def delete_entry(self, entry_id: int) -> TimeChange:
        with self.db.atomic():
            before = self.get_entry(entry_id)
            self.db.execute("DELETE FROM time_entries WHERE id = ?", [entry_id])
        return TimeChange((), (before,), "Delete entry")

    def _trim(
        self, entry: TimeEntry, clashing: list[TimeEntry]
    ) -> tuple[tuple[TimeEntry, ...], tuple[TimeEntry, ...]]:
        """Make room for `entry`: cut each clashing entry back to the real time outside it."""
        if not clashing:
            return (), ()
        _, mine, placed = self._placed(entry, ignore=[])
        assert mine is not None
        added: list[TimeEntry] = []
        removed: list[TimeEntry] = []
        for other in clashing:
            assert other.id is not None
            o_start, o_end = placed.get(other.id) or intervals(other)[0]
            removed.append(other)
            pieces = [(o_start, min(o_end, mine[0])), (max(o_start, mine[1]), o_end)]
            pieces = [(a, b) for a, b in pieces if b > a]
            self.db.execute("DELETE FROM time_entries WHERE id = ?", [other.id])
            for index, (a, b) in enumerate(pieces):
                ends = clock.wall(b)
                piece = replace(
                    other, start=clock.wall(a).time(),
                    end=END_OF_DAY if ends.date() > other.date else ends.time(),
                    minutes=int((b - a).total_seconds() // 60),
                )
                row = _columns(piece)
                if index == 0:
                    row["id"] = other.id  # the first piece keeps the original id
                piece_id = inserted_id(self.db.table("time_entries").insert(row))
                added.append(replace(piece, id=piece_id))
        return tuple(added), tuple(removed)

    # Undo and redo ---------------------------------------------------------------------------
    def revert(self, change: TimeChange) -> None:
        """Undo: remove what the change added, put back exactly what it removed (same ids).
        ValidationError, nothing written, when those rows have been changed since or the
        time put back would overlap time logged since (core.time.change_guard)."""
        self._swap(change.added, change.removed, "undone")

    def reapply(self, change: TimeChange) -> None:
        """Redo, under the same guard as `revert`."""
        self._swap(change.removed, change.added, "redone")

    def _swap(self, take_out: Iterable[TimeEntry], put_back: Iterable[TimeEntry],
              done: str) -> None:
        from core.time.change_guard import check_swap

        take_out, put_back = list(take_out), list(put_back)
        with self.db.atomic():
            check_swap(self, take_out, put_back, _columns, done)
            crash_point("time_entries.swap_checked")
            for entry in take_out:
                self.db.execute("DELETE FROM time_entries WHERE id = ?", [entry.id])
            for entry in put_back:
                self.db.table("time_entries").insert({"id": entry.id, **_columns(entry)})


def no_such_case(wanted: str, advice: str = "") -> str:
    """The one line for a case reference that matches no case. Input is quoted shortened (a
    400-character reference is not repeated back), and one longer than any reference can be
    (core.common.identifiers.REFERENCE_MAX) is called that."""
    if len(wanted) > REFERENCE_MAX:
        return (f"'{shorten(wanted, 20)}' is not a case reference: a reference has at most "
                f"{REFERENCE_MAX} characters, such as C07.")
    ending = f", {advice}" if advice else "."
    return f"There is no case {wanted or '(empty)'}. Check the reference{ending}"
