"""Read one typed line into a time entry: `09:30-10:15 home visit @C07 note`, `45m travel`.

Forms the line may start with (after an optional `yesterday`, weekday or date):
    09:30-10:15   9.30-10.15   0930-1015   9-10    a range of clock times
    14:00-now     14:00-                             from a time until now
    -20   -1h   -1h30                                the last minutes, ending now
    10:00 45m                                        a start and a duration
    45m   1h   1h30   1.5h   90 min                  a duration on the day, without clock times
Then the activity (its name, the start of it, or a known word such as `admin`), then an optional
`@REF` case reference, and anything left over is the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Iterable

from sqlite_utils import Database

from core.time.activities import (
    Activity,
    closest_activities,
    list_activities,
    match_activity,
)
from core.caseload.cases import CaseStore
from core.common.dates import DateError, parse_date
from core.common import clock
from core.common.errors import ValidationError
from core.time.typed_times import (  # noqa: F401 - parse_time_of_day and the forms, as before
    _AGO,
    _DURATION,
    _LONE_START,
    _RANGE,
    _START_DUR,
    _T12,
    LONGEST_NIGHT,
    _across_midnight,
    _exists,
    _later_than_now,
    _clock,
    _duration,
    _start_like_end,
    parse_time_of_day,
)
from core.time.entry_clock import DAY_MINUTES, END_OF_DAY
from core.time.time_entries import TimeChange, TimeEntry, TimeStore, no_such_case

EXAMPLE = "for example: 09:30-10:15 home visit @C07, -20 recording, or 45m travel"

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class ParsedEntry:
    date: date
    minutes: int
    activity: Activity
    start: time | None = None
    end: time | None = None
    case_reference: str | None = None
    note: str = ""
    # Minutes on the next day, from 00:00, for a range across midnight (22:00-01:00): the entry
    # above ends at 24:00 and this part is logged for the next day, as the timer splits.
    next_day_minutes: int = 0
    next_day_end: time | None = None


def _end_time(minutes: int) -> time:
    return END_OF_DAY if minutes == DAY_MINUTES else time(minutes // 60, minutes % 60)


def _wall_minutes(day: date, moment: datetime) -> int:
    """Minutes after the start of `day` on the clock face for a wall-clock moment (1440 for the
    next midnight); ValidationError if it falls outside the day."""
    offset = (moment.date() - day).days * DAY_MINUTES + moment.hour * 60 + moment.minute
    if offset < 0:
        raise ValidationError(
            "That reaches back past midnight. Log the time before midnight for yesterday."
        )
    if offset > DAY_MINUTES:
        raise ValidationError(
            "That runs past midnight; log the time after it for the next day, from 00:00."
        )
    return offset


def _day_prefix(words: list[str], day: date) -> tuple[date, list[str]]:
    """An optional leading `today`, `yesterday`, weekday name or date."""
    if not words:
        return day, words
    first = words[0].lower()
    if first == "today":
        return day, words[1:]
    if first == "yesterday":
        return day - timedelta(days=1), words[1:]
    if (
        first[:3] in _WEEKDAYS
        and first.isalpha()
        and len(first) >= 3
        and (len(first) == 3 or "day".startswith(first[-3:]) or first.endswith("day"))
    ):
        back = (day.weekday() - _WEEKDAYS.index(first[:3])) % 7
        return day - timedelta(days=back), words[1:]
    if re.match(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{4}$", first):
        try:
            return parse_date(first), words[1:]
        except DateError as exc:
            raise ValidationError(f"{exc}.") from None
    return day, words


def _times(
    text: str, now: datetime, day: date, on_today: bool
) -> tuple[int | None, int | None, int, str, tuple[int, int]]:
    """(start, end, minutes, rest of the line, folds) from the line's leading time part; folds
    mark a start or end known to be in the second of a repeated hour (PEP 495). Start and end
    are minutes on the clock face (end up to 1440, 24:00); minutes are real time, which differ
    from end minus start only across a clock change."""
    now_minutes = now.hour * 60 + now.minute
    match = _RANGE.match(text)
    if match:
        start = _clock(match.group(1))
        end_text = match.group(2)
        if end_text is None or end_text.lower() == "now":
            if not on_today:
                raise ValidationError("'now' only makes sense for today; give an end time.")
            end = now_minutes
            _exists(day, start)
            began = clock.at_minute(day, start)
            minutes = clock.elapsed_minutes(began, now.replace(second=0, microsecond=0))
            return start, end, minutes, text[match.end() :], (0, now.fold)
        end = _clock(end_text, end=True)
        start = _start_like_end(match.group(1), end_text, start, end)
        _exists(day, start)
        _exists(day, end)
        length = clock.typed_length(day, start, end)
        return start, end, end - start if length is None else length, text[match.end() :], (0, 0)
    match = _AGO.match(text)
    if match:
        minutes = _duration(match.group(1))
        if not on_today:
            raise ValidationError("'-20' means the last 20 minutes, so it only works for today.")
        if minutes > DAY_MINUTES:
            raise ValidationError("An entry can be at most 24 hours.")
        began = clock.wall(clock.instant(now) - timedelta(minutes=minutes))
        folds = (began.fold, now.fold)  # the instants are known: keep which hour they were
        if began.date() < day and minutes <= LONGEST_NIGHT:
            # Back past midnight: no length yet, so the line is split at 24:00 like a range
            # typed across midnight (and like the timer).
            return began.hour * 60 + began.minute, now_minutes, 0, text[match.end() :], folds
        return _wall_minutes(day, began), now_minutes, minutes, text[match.end() :], folds
    match = _START_DUR.match(text)
    if match:
        start, minutes = _clock(match.group(1)), _duration(match.group(2))
        _exists(day, start)
        if minutes > DAY_MINUTES:
            raise ValidationError("An entry can be at most 24 hours.")
        ends = clock.wall(clock.instant(clock.at_minute(day, start)) + timedelta(minutes=minutes))
        return start, _wall_minutes(day, ends), minutes, text[match.end() :], (0, ends.fold)
    match = _DURATION.match(text)
    if match:
        return None, None, _duration(match.group(1)), text[match.end() :], (0, 0)
    match = _LONE_START.match(text)
    if match:  # `12am recording`: it does start with a time, so ask for the rest of it
        typed = match.group(1)
        raise ValidationError(f"{typed} is when it started; add when it ended or how long it "
                              f"took, such as {typed} 45m.")
    raise NoTimeGiven(f"Start with a time or a duration, {EXAMPLE}.")


class NoTimeGiven(ValidationError):
    """A line that starts with neither a time nor a duration (`emails`, `phone call`)."""


def _no_time(words: list[str], activities: list[Activity]) -> str:
    """What to say for a line without a time: the same line with a duration in front, and the
    closest activities when its words are not one ("Did you mean Recording and admin?")."""
    text = " ".join(words)
    advice = f"Start with a time or a duration, such as 30m {text[:40]}."
    try:
        _activity([w for w in words if not w.startswith("@")], activities)
    except UnknownActivity as unknown:
        if unknown.closest:
            return f"{advice} {_not_an_activity(unknown.typed, unknown.closest)}"
    except ValidationError:
        pass
    return advice


def _activity(words: list[str], activities: list[Activity]) -> tuple[Activity, list[str]]:
    if not words:
        raise ValidationError(f"Say what the time was for, {EXAMPLE}.")
    ambiguous: list[Activity] = []
    for k in range(len(words), 0, -1):
        found = match_activity(activities, " ".join(words[:k]))
        if len(found) == 1:
            return found[0], words[k:]
        if len(found) > 1 and not ambiguous:
            ambiguous = found
    if ambiguous:
        names = " or ".join(a.name for a in ambiguous[:4])
        raise ValidationError(f"'{words[0]}' could be {names}; type more of the name.")
    typed = " ".join(words[:3])
    raise UnknownActivity(typed, closest_activities(activities, typed))


class UnknownActivity(ValidationError):
    """A line whose activity is not one of the practitioner's: `typed` is what was taken as the
    activity, `closest` the activities it most likely meant (the window offers to add it)."""

    def __init__(self, typed: str, closest: list[Activity]):
        self.typed, self.closest = typed, closest
        super().__init__(_not_an_activity(typed, closest))


def _not_an_activity(text: str, closest: list[Activity]) -> str:
    """The same words wherever the line was typed (the window's line or `log`): the nearest
    names, and where new activities are made."""
    guess = f" Did you mean {' or '.join(a.name for a in closest)}?" if closest else ""
    return (f"'{text}' is not one of your activities.{guess} New activities are added in "
            "Settings, Activities.")


def parse_quick_entry(
    line: str,
    *,
    now: datetime,
    activities: list[Activity],
    case_refs: Iterable[str],
    day: date | None = None,
) -> ParsedEntry:
    """The entry a line describes, or ValidationError saying what to change. Nothing is saved."""
    today = now.date()
    words = (line or "").split()
    if not words:
        raise ValidationError(f"Type what you did, {EXAMPLE}.")
    day, words = _day_prefix(words, day or today)
    try:
        start, end, minutes, rest, folds = _times(" ".join(words), now, day,
                                                  on_today=day == today)
    except NoTimeGiven:
        raise ValidationError(_no_time(words, activities)) from None
    next_day, next_end = 0, None
    if start is not None and end is not None:
        if minutes < 1 and end <= start:
            day, minutes, next_day = _across_midnight(day, start, end, now, today)
            next_end, end = time(end // 60, end % 60), DAY_MINUTES
        if end > DAY_MINUTES:
            raise ValidationError(
                "That runs past midnight; log the time after it for the next day, from 00:00."
            )
        if day == today and _later_than_now(day, end, now):
            raise ValidationError(
                f"{end // 60:02d}:{end % 60:02d} is later than now; log time once it has happened."
            )
    if minutes < 1:
        raise ValidationError("That is no time at all; give at least one minute.")
    if minutes > 24 * 60:
        raise ValidationError("An entry can be at most 24 hours.")
    refs = [w for w in rest.split() if w.startswith("@")]
    others = [w for w in rest.split() if not w.startswith("@")]
    if len(refs) > 1:
        raise ValidationError("Give one case per entry, such as @C07.")
    reference = None
    known = {r.upper(): r for r in case_refs}
    if refs:
        wanted = refs[0][1:].rstrip(",.;:")
        if wanted.upper() not in known:
            raise ValidationError(no_such_case(wanted))
        reference = known[wanted.upper()]
    else:  # a bare word that is one of the case references links that case (`45m visit C07`)
        bare = {known[w.strip(",.;:()").upper()] for w in others
                if w.strip(",.;:()").upper() in known and any(c.isdigit() for c in w)}
        if len(bare) > 1:
            raise ValidationError(f"{' and '.join(sorted(bare))} are both your cases; give one "
                                  "case per entry, marked with @ (such as @C07).")
        if bare:
            reference = bare.pop()
            others = [w for w in others if w.strip(",.;:()").upper() != reference.upper()]
        else:
            _refuse_unknown_reference(others, known.values())
    activity, note_words = _activity(others, activities)
    return ParsedEntry(
        date=day,
        minutes=minutes,
        activity=activity,
        start=None if start is None else time(start // 60, start % 60, fold=folds[0]),
        end=None if end is None else _end_time(end).replace(fold=folds[1]),
        case_reference=reference,
        note=" ".join(note_words),
        next_day_minutes=next_day,
        next_day_end=next_end,
    )


def _reference_shape(word: str) -> tuple[str, int] | None:
    """('C', 2) for C07: the letters before the number and how many digits it has."""
    match = re.fullmatch(r"([A-Za-z]{1,4})(\d{1,6})", word.strip(",.;:()"))
    return (match.group(1).upper(), len(match.group(2))) if match else None


def _refuse_unknown_reference(words: list[str], references: Iterable[str]) -> None:
    """`20m home visit C99` when C99 is not a case: a word shaped like your references (the
    same letters and as many digits: C99 beside C07, never the tier C2) would otherwise sit in
    the note, unlinked, without a word."""
    shapes = {s for s in (_reference_shape(r) for r in references) if s}
    for word in words:
        if _reference_shape(word) in shapes:
            raise ValidationError(no_such_case(
                word.strip(",.;:()"), "or leave it out and add the case later."))


def log_quick_entry(
    db: Database, line: str, *, now: datetime, day: date | None = None, trim: bool = False
) -> TimeChange:
    """Parse and save one line; ValidationError (OverlapError for overlaps) saves nothing.
    The entries the line made come first in `added` (two for a range across midnight)."""
    parsed = parse_quick_entry(
        line, now=now, activities=list_activities(db), case_refs=CaseStore(db).references(), day=day
    )
    store = TimeStore(db)
    activity_id = parsed.activity.id
    assert activity_id is not None  # one of list_activities(db): read from the data file
    entry = TimeEntry(
        date=parsed.date,
        minutes=parsed.minutes,
        activity_id=activity_id,
        start=parsed.start,
        end=parsed.end,
        case_id=store.case_id_for(parsed.case_reference) if parsed.case_reference else None,
        note=parsed.note,
    )
    if not parsed.next_day_minutes:
        return store.log_time(entry, trim=trim, today=now.date())
    after = replace(entry, date=entry.date + timedelta(days=1), minutes=parsed.next_day_minutes,
                    start=time(0), end=parsed.next_day_end)
    with db.atomic():
        first = store.log_time(entry, trim=trim, today=now.date())
        second = store.log_time(after, trim=trim, today=now.date())
    return TimeChange(
        first.added[:1] + second.added[:1] + first.added[1:] + second.added[1:],
        first.removed + second.removed, "Log time",
    )


def quick_entry_note(db: Database, line: str, *, now: datetime, day: date | None = None) -> str:
    """The free-text note a line would save ('' when the line would be refused anyway), so a
    caller can check it (e.g. for a name) before logging."""
    try:
        parsed = parse_quick_entry(line, now=now, activities=list_activities(db),
                                   case_refs=CaseStore(db).references(), day=day)
    except ValidationError:
        return ""
    return parsed.note
