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
from core.time.time_entries import (
    DAY_MINUTES,
    END_OF_DAY,
    TimeChange,
    TimeEntry,
    TimeStore,
    no_such_case,
)

EXAMPLE = "for example: 09:30-10:15 home visit @C07, -20 recording, or 45m travel"

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
    if match:
        return round(float(match.group(1)) * 60) + int(match.group(2) or 0)
    return int(re.match(r"^(\d+)", text).group(1))  # type: ignore[union-attr]


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
        minutes = clock.typed_length(day, start, end)
        return start, end, end - start if minutes is None else minutes, text[match.end() :], (0, 0)
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
    raise ValidationError(f"Start with a time or a duration, {EXAMPLE}.")


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
    start, end, minutes, rest, folds = _times(" ".join(words), now, day, on_today=day == today)
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


def log_quick_entry(
    db: Database, line: str, *, now: datetime, day: date | None = None, trim: bool = False
) -> TimeChange:
    """Parse and save one line; ValidationError (OverlapError for overlaps) saves nothing.
    The entries the line made come first in `added` (two for a range across midnight)."""
    parsed = parse_quick_entry(
        line, now=now, activities=list_activities(db), case_refs=CaseStore(db).references(), day=day
    )
    store = TimeStore(db)
    entry = TimeEntry(
        date=parsed.date,
        minutes=parsed.minutes,
        activity_id=parsed.activity.id,  # type: ignore[arg-type]
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
